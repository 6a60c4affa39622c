// Read model of the person administration: the organisation's people and what refers to them.
import type { PrismaClient } from "@/generated/prisma/client";

export interface PersonRow {
  id: string;
  name: string;
  userName: string | null;
  memberships: number;
  /** A personnummer is registered for signing with e-legitimation (only its HMAC is kept). */
  hasIdentity: boolean;
  /** Meetings whose protocol names the person, by state. */
  draftMeetings: number;
  lockedMeetings: number;
}

export interface OrganisationPeople {
  id: string;
  name: string;
  people: PersonRow[];
}

export async function listPeople(db: PrismaClient): Promise<OrganisationPeople[]> {
  const [organisations, people, meetingRefs] = await Promise.all([
    db.organisation.findMany({ select: { id: true, name: true } }),
    db.person.findMany({
      select: {
        id: true,
        name: true,
        organisationId: true,
        identityHmac: true,
        user: { select: { name: true } },
        _count: { select: { memberships: true } },
      },
    }),
    db.$queryRaw<{ personId: string; drafts: bigint; locked: bigint }[]>`
      SELECT x."personId",
        count(DISTINCT m.id) FILTER (WHERE m.status = 'DRAFT') AS drafts,
        count(DISTINCT m.id) FILTER (WHERE m.status <> 'DRAFT') AS locked
      FROM (
        SELECT id AS "meetingId", "secretaryId" AS "personId" FROM "Meeting" WHERE "secretaryId" IS NOT NULL
        UNION ALL SELECT "meetingId", "personId" FROM "MeetingAdjuster"
        UNION ALL SELECT "meetingId", "personId" FROM "Attendance"
        UNION ALL SELECT "meetingId", "replacesPersonId" FROM "Attendance" WHERE "replacesPersonId" IS NOT NULL
        UNION ALL SELECT "meetingId", "personId" FROM "Signature"
        UNION ALL SELECT "meetingId", "personId" FROM "ProtocolPerson"
        UNION ALL SELECT g."meetingId", t."personId" FROM "Motion" t JOIN "Paragraph" g ON g.id = t."paragraphId"
        UNION ALL SELECT g."meetingId", t."personId" FROM "Reservation" t JOIN "Paragraph" g ON g.id = t."paragraphId"
        UNION ALL SELECT g."meetingId", t."personId" FROM "ProtocolNote" t JOIN "Paragraph" g ON g.id = t."paragraphId"
          WHERE t."personId" IS NOT NULL
        UNION ALL SELECT g."meetingId", t."personId" FROM "Recusal" t JOIN "Paragraph" g ON g.id = t."paragraphId"
        UNION ALL SELECT g."meetingId", b."personId" FROM "Ballot" b JOIN "Vote" v ON v.id = b."voteId"
          JOIN "Paragraph" g ON g.id = v."paragraphId"
      ) x JOIN "Meeting" m ON m.id = x."meetingId"
      GROUP BY x."personId"`,
  ]);
  const refs = new Map(meetingRefs.map((r) => [r.personId, r]));
  return organisations
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((o) => ({
      id: o.id,
      name: o.name,
      people: people
        .filter((p) => p.organisationId === o.id)
        .sort((a, b) => a.name.localeCompare(b.name, "sv"))
        .map((p) => ({
          id: p.id,
          name: p.name,
          userName: p.user?.name ?? null,
          memberships: p._count.memberships,
          hasIdentity: p.identityHmac !== null,
          draftMeetings: Number(refs.get(p.id)?.drafts ?? 0),
          lockedMeetings: Number(refs.get(p.id)?.locked ?? 0),
        })),
    }));
}
