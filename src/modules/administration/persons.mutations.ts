// The organisation's people: rename, merge a duplicate into the person who stays, remove a person
// nobody refers to. Protocols sent for justering or justerade are never touched: they show the
// names frozen in ProtocolPerson, and the database's triggers refuse any change to them anyway.
import { Prisma } from "@/generated/prisma/client";
import { defineAdminAction } from "@/server/action";
import { AppError } from "@/server/errors";
import { adminOrganisation, auditAdmin, type Tx } from "./admin.tx";
import { personnummerHmac } from "@/server/eid/identity";
import { normalisePersonnummer } from "@/server/eid/personnummer";
import { mergePersonsSchema, removePersonSchema, renamePersonSchema, setPersonIdentitySchema } from "./persons.schema";

/** Where a person appears in a protocol: the meeting, its state, and in what part. */
interface ProtocolReference {
  meetingId: string;
  slug: string;
  status: string;
  part: string;
}

/** Every protocol part that names a person (the same list as ProtocolPerson's freeze). */
async function protocolReferences(tx: Tx, personId: string): Promise<ProtocolReference[]> {
  return tx.$queryRaw<ProtocolReference[]>`
    SELECT DISTINCT m.id AS "meetingId", m.slug, m.status::text AS status, x.part
    FROM (
      SELECT id AS "meetingId", 'sekreterare' AS part FROM "Meeting" WHERE "secretaryId" = ${personId}
      UNION ALL SELECT "meetingId", 'justerare' FROM "MeetingAdjuster" WHERE "personId" = ${personId}
      UNION ALL SELECT "meetingId", 'närvarolista' FROM "Attendance" WHERE "personId" = ${personId}
      UNION ALL SELECT "meetingId", 'tjänstgör för' FROM "Attendance" WHERE "replacesPersonId" = ${personId}
      UNION ALL SELECT "meetingId", 'underskrift' FROM "Signature" WHERE "personId" = ${personId}
      UNION ALL SELECT "meetingId", 'återsändning' FROM "AdjustmentReturn" WHERE "personId" = ${personId}
      UNION ALL SELECT "meetingId", 'rättelse' FROM "Correction" WHERE "personId" = ${personId}
      UNION ALL SELECT "meetingId", 'namn i protokollet' FROM "ProtocolPerson" WHERE "personId" = ${personId}
      UNION ALL SELECT g."meetingId", 'yrkande' FROM "Motion" t JOIN "Paragraph" g ON g.id = t."paragraphId"
        WHERE t."personId" = ${personId}
      UNION ALL SELECT g."meetingId", 'reservation' FROM "Reservation" t JOIN "Paragraph" g ON g.id = t."paragraphId"
        WHERE t."personId" = ${personId}
      UNION ALL SELECT g."meetingId", 'protokollsanteckning' FROM "ProtocolNote" t
        JOIN "Paragraph" g ON g.id = t."paragraphId" WHERE t."personId" = ${personId}
      UNION ALL SELECT g."meetingId", 'jäv' FROM "Recusal" t JOIN "Paragraph" g ON g.id = t."paragraphId"
        WHERE t."personId" = ${personId}
      UNION ALL SELECT g."meetingId", 'omröstning' FROM "Ballot" b JOIN "Vote" v ON v.id = b."voteId"
        JOIN "Paragraph" g ON g.id = v."paragraphId" WHERE b."personId" = ${personId}
    ) x
    JOIN "Meeting" m ON m.id = x."meetingId"
    ORDER BY m.slug, x.part`;
}

const personSelect = {
  id: true,
  name: true,
  organisationId: true,
  user: { select: { id: true, name: true } },
} as const;

/** A person of the admin's organisation (another organisation's is "not in the organisation"). */
async function personInOrganisation(tx: Tx, personId: string, field: string, organisationId: string) {
  const person = await tx.person.findFirst({ where: { id: personId, organisationId }, select: personSelect });
  if (!person) {
    throw new AppError("VALIDATION", "Personen finns inte i organisationen; ladda om sidan och välj igen.", {
      fieldErrors: { [field]: ["Personen finns inte i organisationen; välj en person i listan."] },
    });
  }
  return person;
}

const slugList = (refs: readonly { slug: string }[]) => [...new Set(refs.map((r) => r.slug))].join(", ");

export const renamePerson = defineAdminAction(
  { schema: renamePersonSchema, permission: "admin.managePeople" },
  ({ db, input, ...by }) =>
    db.$transaction(async (tx) => {
      const person = await personInOrganisation(tx, input.personId, "name", adminOrganisation(by));
      if (person.name === input.name) return { id: person.id, changed: false };
      // Protocols sent or justerade read the name frozen in ProtocolPerson; drafts show the new one.
      await tx.person.update({ where: { id: person.id }, data: { name: input.name } });
      await auditAdmin(tx, by, "admin.person.rename", ["Person", person.id], { from: person.name, to: input.name });
      return { id: person.id, changed: true };
    }),
);

/** Parts of one draft that cannot hold the same person twice once the two are one. */
async function draftConflicts(tx: Tx, keepId: string, dupId: string, meetingIds: string[]): Promise<string[]> {
  if (meetingIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ slug: string; part: string }[]>`
    WITH d AS (SELECT unnest(${meetingIds}::text[]) AS id)
    SELECT m.slug, c.part FROM (
      SELECT a."meetingId", 'närvarolistan' AS part FROM "Attendance" a JOIN "Attendance" b
        ON a."meetingId" = b."meetingId" WHERE a."personId" = ${keepId} AND b."personId" = ${dupId}
      UNION SELECT a."meetingId", 'närvarolistan (tjänstgör för sig själv)' FROM "Attendance" a
        WHERE (a."personId" = ${keepId} AND a."replacesPersonId" = ${dupId})
           OR (a."personId" = ${dupId} AND a."replacesPersonId" = ${keepId})
      UNION SELECT a."meetingId", 'justerarna' FROM "MeetingAdjuster" a JOIN "MeetingAdjuster" b
        ON a."meetingId" = b."meetingId" WHERE a."personId" = ${keepId} AND b."personId" = ${dupId}
      UNION SELECT a."meetingId", 'sekreterare och justerare' FROM "MeetingAdjuster" a JOIN "Meeting" m
        ON m.id = a."meetingId" WHERE (a."personId" = ${keepId} AND m."secretaryId" = ${dupId})
          OR (a."personId" = ${dupId} AND m."secretaryId" = ${keepId})
      UNION SELECT g."meetingId", 'samma omröstning' FROM "Ballot" a JOIN "Ballot" b ON a."voteId" = b."voteId"
        JOIN "Vote" v ON v.id = a."voteId" JOIN "Paragraph" g ON g.id = v."paragraphId"
        WHERE a."personId" = ${keepId} AND b."personId" = ${dupId}
      UNION SELECT g."meetingId", 'reservationerna i samma paragraf' FROM "Reservation" a JOIN "Reservation" b
        ON a."paragraphId" = b."paragraphId" JOIN "Paragraph" g ON g.id = a."paragraphId"
        WHERE a."personId" = ${keepId} AND b."personId" = ${dupId}
      UNION SELECT g."meetingId", 'jäv i samma paragraf' FROM "Recusal" a JOIN "Recusal" b
        ON a."paragraphId" = b."paragraphId" JOIN "Paragraph" g ON g.id = a."paragraphId"
        WHERE a."personId" = ${keepId} AND b."personId" = ${dupId}
    ) c JOIN d ON d.id = c."meetingId" JOIN "Meeting" m ON m.id = c."meetingId"
    ORDER BY m.slug, c.part`;
  return rows.map((r) => `${r.slug}: båda finns i ${r.part}`);
}

/**
 * Merge a duplicate into the person who stays: every reference in draft protocols, the memberships
 * and the user account move over, then the duplicate is removed. Refused, with nothing changed,
 * when the duplicate appears in a protocol sent for justering or justerat (what was signed names
 * it), when both appear in one draft in a way that cannot hold one person twice, when their
 * memberships of one body overlap, or when both have user accounts.
 */
export const mergePersons = defineAdminAction(
  { schema: mergePersonsSchema, permission: "admin.managePeople" },
  ({ db, input, ...by }) =>
    db.$transaction(async (tx) => {
      const keep = await personInOrganisation(tx, input.personId, "personId", adminOrganisation(by));
      const dup = await personInOrganisation(tx, input.duplicateId, "duplicateId", keep.organisationId);
      const refuse = (message: string, details: string[] = []) =>
        new AppError("VALIDATION", message, { fieldErrors: { duplicateId: [message, ...details] } });

      const refs = await protocolReferences(tx, dup.id);
      const frozen = refs.filter((r) => r.status !== "DRAFT");
      if (frozen.length > 0) {
        throw refuse(
          `${dup.name} finns i protokoll som skickats till justering eller justerats (${slugList(frozen)}). ` +
            "De protokollen är låsta och ska visa personen som de signerades, så personerna kan inte slås ihop. " +
            "Byt namn på personen i stället om namnet är fel.",
        );
      }
      const draftIds = [...new Set(refs.map((r) => r.meetingId))];
      const conflicts = await draftConflicts(tx, keep.id, dup.id, draftIds);
      if (conflicts.length > 0) {
        throw refuse(
          `${keep.name} och ${dup.name} finns båda med i samma utkast på ett sätt som inte går att slå ihop. ` +
            "Ta bort den ena ur utkastet först.",
          conflicts,
        );
      }
      const [keepSeats, dupSeats] = await Promise.all(
        [keep.id, dup.id].map((personId) =>
          tx.membership.findMany({
            where: { personId },
            select: { bodyId: true, termStart: true, termEnd: true, body: { select: { name: true } } },
          }),
        ),
      );
      const overlap = dupSeats!.find((d) =>
        keepSeats!.some((k) => k.bodyId === d.bodyId && k.termStart <= d.termEnd && d.termStart <= k.termEnd),
      );
      if (overlap) {
        throw refuse(`Båda har uppdrag i ${overlap.body.name} under samma period. Ta bort det ena uppdraget först.`);
      }
      if (keep.user && dup.user) {
        throw refuse(
          `Båda personerna har användarkonton (${keep.user.name} och ${dup.user.name}). Koppla bort eller ta bort det ena kontot först.`,
        );
      }

      const move = { personId: keep.id };
      const from = { personId: dup.id };
      await tx.meeting.updateMany({ where: { secretaryId: dup.id }, data: { secretaryId: keep.id } });
      await tx.meetingAdjuster.updateMany({ where: from, data: move });
      await tx.attendance.updateMany({ where: from, data: move });
      await tx.attendance.updateMany({ where: { replacesPersonId: dup.id }, data: { replacesPersonId: keep.id } });
      await tx.motion.updateMany({ where: from, data: move });
      await tx.ballot.updateMany({ where: from, data: move });
      await tx.reservation.updateMany({ where: from, data: move });
      await tx.protocolNote.updateMany({ where: from, data: move });
      await tx.recusal.updateMany({ where: from, data: move });
      await tx.adjustmentReturn.updateMany({ where: from, data: move });
      await tx.membership.updateMany({ where: from, data: move });
      if (dup.user) {
        await tx.user.update({ where: { id: dup.user.id }, data: { personId: keep.id } });
      }
      try {
        await tx.person.delete({ where: { id: dup.id } });
      } catch (e) {
        // A reference this list does not know (a newer protocol part): refuse rather than lose it.
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2003") {
          throw refuse(`${dup.name} används fortfarande någonstans som inte kan flyttas; personerna slogs inte ihop.`);
        }
        throw e;
      }
      await auditAdmin(tx, by, "admin.person.merge", ["Person", keep.id], {
        kept: { id: keep.id, name: keep.name },
        merged: { id: dup.id, name: dup.name },
        drafts: draftIds.length,
        memberships: dupSeats!.length,
        userMoved: dup.user !== null,
      });
      return { id: keep.id, drafts: draftIds.length };
    }),
);

/** Remove a person nobody refers to: no protocol, no membership, no user account. */
export const removePerson = defineAdminAction(
  { schema: removePersonSchema, permission: "admin.managePeople" },
  ({ db, input, ...by }) =>
    db.$transaction(async (tx) => {
      const person = await personInOrganisation(tx, input.personId, "personId", adminOrganisation(by));
      const refs = await protocolReferences(tx, person.id);
      const memberships = await tx.membership.count({ where: { personId: person.id } });
      const reasons = [
        ...(refs.length > 0 ? [`finns i protokoll (${slugList(refs)})`] : []),
        ...(memberships > 0 ? [`har ${memberships === 1 ? "ett uppdrag" : `${memberships} uppdrag`} i organ`] : []),
        ...(person.user ? [`är kopplad till användarkontot ${person.user.name}`] : []),
      ];
      if (reasons.length > 0) {
        throw new AppError(
          "STATE",
          `${person.name} kan inte tas bort: personen ${reasons.join(", ")}. Slå ihop personen med en annan i stället om det är en dubblett.`,
        );
      }
      try {
        await tx.person.delete({ where: { id: person.id } });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2003") {
          throw new AppError("STATE", `${person.name} används fortfarande och kan inte tas bort.`);
        }
        throw e;
      }
      const { name, organisationId } = person;
      await auditAdmin(tx, by, "admin.person.remove", ["Person", person.id], { name, organisationId });
      return { id: person.id };
    }),
);

/**
 * The personnummer a person's e-legitimation must carry to sign (issue 18), kept as an HMAC; the
 * number itself is neither stored nor written to the audit log. Empty removes it. Two people of
 * one organisation cannot have the same number (a duplicate: merge them).
 */
export const setPersonIdentity = defineAdminAction(
  { schema: setPersonIdentitySchema, permission: "admin.managePeople" },
  ({ db, input, ...by }) =>
    db.$transaction(async (tx) => {
      const person = await personInOrganisation(tx, input.personId, "personnummer", adminOrganisation(by));
      const normalised = input.personnummer === "" ? null : normalisePersonnummer(input.personnummer);
      const identityHmac = normalised === null ? null : personnummerHmac(normalised);
      if (identityHmac) {
        const other = await tx.person.findFirst({
          where: { organisationId: person.organisationId, identityHmac, id: { not: person.id } },
          select: { name: true },
        });
        if (other) {
          const message = `Personnumret är redan registrerat för ${other.name}. Är det samma person? Slå ihop dem i stället.`;
          throw new AppError("VALIDATION", message, { fieldErrors: { personnummer: [message] } });
        }
      }
      await tx.person.update({ where: { id: person.id }, data: { identityHmac } });
      // Whether it was set, never the number.
      await auditAdmin(tx, by, "admin.person.identity", ["Person", person.id], { registered: identityHmac !== null });
      return { id: person.id, registered: identityHmac !== null };
    }),
);
