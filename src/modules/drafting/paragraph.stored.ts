// Saving a § 's parts by comparing what is stored with what is wanted, and the one-statement save
// of its own fields (issue 19.6): raw SQL through Prisma.sql. Apart from paragraph.persist.ts,
// which the drafting module's entry point reaches from client components (the rich-text editor
// through templates): this file needs Prisma's runtime as a value, which a browser bundle cannot
// hold, and only the save's mutations import it.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { createMotions, paragraphPartsData, type Motions, type Parts } from "./paragraph.persist";
import type { ParagraphContent } from "./paragraph.schema";

/** The child tables of a § that a save writes, by the name paragraphPartsData gives them. */
export const PARAGRAPH_PARTS = [
  "sections",
  "basisDocuments",
  "dispatches",
  "propositions",
  "reservations",
  "notes",
  "recusals",
  "votes",
  "motions",
] as const;
export type ParagraphPart = (typeof PARAGRAPH_PARTS)[number];

/** JSON with object keys sorted (and undefined left out), so stored and wanted rows compare as text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The stored rows of every part of a §, as one row of JSON columns (one per part), each with
 * exactly the columns a save writes, in the order the § reads them (protocol.queries: by position;
 * recusals by id). `paragraphId` is an SQL expression (a parameter, or a column of the statement).
 */
function storedPartsColumns(paragraphId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      (SELECT coalesce(json_agg(json_build_object('kind', kind, 'heading', heading, 'content', content,
        'plainText', "plainText", 'position', position) ORDER BY position), '[]')
        FROM "ParagraphSection" WHERE "paragraphId" = ${paragraphId}) AS sections,
      (SELECT coalesce(json_agg(json_build_object('title', title, 'position', position) ORDER BY position), '[]')
        FROM "BasisDocument" WHERE "paragraphId" = ${paragraphId}) AS "basisDocuments",
      (SELECT coalesce(json_agg(json_build_object('recipient', recipient, 'position', position) ORDER BY position), '[]')
        FROM "DispatchRecipient" WHERE "paragraphId" = ${paragraphId}) AS dispatches,
      (SELECT coalesce(json_agg(json_build_object('text', text, 'position', position) ORDER BY position), '[]')
        FROM "Proposition" WHERE "paragraphId" = ${paragraphId}) AS propositions,
      (SELECT coalesce(json_agg(json_build_object('personId', "personId", 'reasons', reasons, 'writtenLater', "writtenLater", 'position', position)
        ORDER BY position), '[]') FROM "Reservation" WHERE "paragraphId" = ${paragraphId}) AS reservations,
      (SELECT coalesce(json_agg(json_build_object('personId', "personId", 'text', text, 'position', position)
        ORDER BY position), '[]') FROM "ProtocolNote" WHERE "paragraphId" = ${paragraphId}) AS notes,
      (SELECT coalesce(json_agg(json_build_object('personId', "personId", 'reason', reason) ORDER BY id), '[]')
        FROM "Recusal" WHERE "paragraphId" = ${paragraphId}) AS recusals,
      (SELECT coalesce(json_agg(json_build_object('question', v.question, 'result', v.result, 'outcome', v.outcome,
        'position', v.position, 'yesCount', v."yesCount", 'noCount', v."noCount", 'abstainCount', v."abstainCount",
        'ballots', (SELECT coalesce(json_agg(json_build_object('personId', b."personId", 'choice', b.choice,
          'position', b.position) ORDER BY b.position), '[]') FROM "Ballot" b WHERE b."voteId" = v.id))
        ORDER BY v.position), '[]') FROM "Vote" v WHERE v."paragraphId" = ${paragraphId}) AS votes,
      (SELECT coalesce(json_agg(json_build_object('personId', m."personId", 'kind', m.kind, 'text', m.text,
        'amendsIndex', (SELECT a.position FROM "Motion" a WHERE a.id = m."amendsId"), 'withdrawn', m.withdrawn,
        'position', m.position) ORDER BY m.position), '[]') FROM "Motion" m WHERE m."paragraphId" = ${paragraphId}) AS motions`;
}

/**
 * The hash of the parts a save of `content` stores (the rows as storedParts reads them back):
 * what the § row keeps in "partsHash" once a save found or wrote exactly these parts. Key order
 * does not matter (canonical JSON); "v1" names this shape of the rows.
 */
export function paragraphPartsHash(content: Content): string {
  return hashOf(wantedParts(content, (id) => id).wanted);
}

function hashOf(wanted: Record<ParagraphPart, unknown>): string {
  return createHash("sha256")
    .update(`v1:${canonical(wanted)}`)
    .digest("base64url");
}

/**
 * After a save in a transaction wrote (or found) the parts `content` holds: the § row remembers
 * their hash. The transaction holds the § row (its compare-and-set), so no other change of a part
 * can commit in between; one that does later clears the hash again (the parts triggers).
 */
export async function rememberPartsHash(
  tx: Prisma.TransactionClient,
  paragraphId: string,
  content: Content,
): Promise<void> {
  await tx.$executeRaw`UPDATE "Paragraph" SET "partsHash" = ${paragraphPartsHash(content)} WHERE id = ${paragraphId}`;
}

/** The stored rows of every part of a §, in one query (storedPartsColumns). */
async function storedParts(tx: Prisma.TransactionClient, paragraphId: string): Promise<Record<ParagraphPart, unknown>> {
  const [row] = await tx.$queryRaw<
    Record<ParagraphPart, unknown>[]
  >`SELECT ${storedPartsColumns(Prisma.sql`${paragraphId}`)}`;
  return row!;
}

type Content = Parts & { motions: Motions };

/** The rows a save would store for each part, shaped as storedParts reads them back. */
function wantedParts(content: Content, person: (id: string) => string) {
  const data = paragraphPartsData(content, person);
  const wanted: Record<ParagraphPart, unknown> = {
    sections: data.sections.create,
    basisDocuments: data.basisDocuments.create,
    dispatches: data.dispatches.create,
    propositions: data.propositions.create,
    reservations: data.reservations.create,
    notes: data.notes.create,
    recusals: data.recusals.create,
    votes: data.votes.create.map(({ ballots, ...v }) => ({ ...v, ballots: ballots.create })),
    motions: content.motions.map((m, position) => ({
      personId: person(m.personId),
      kind: m.kind,
      text: m.text,
      amendsIndex: m.amendsIndex,
      withdrawn: m.withdrawn,
      position,
    })),
  };
  return { data, wanted };
}

/**
 * Writes the parts of a § that differ from what is stored, and only those: a part (a child table)
 * whose rows would come out the same is not touched, one that changed is deleted and written
 * again with one statement per table (motions one by one: an amendment points at the motion it
 * amends). An autosave that changed a title or one section's text writes nothing else.
 * Returns the parts written.
 */
export async function writeChangedParagraphParts(
  tx: Prisma.TransactionClient,
  paragraphId: string,
  content: Content,
  person: (id: string) => string,
): Promise<ParagraphPart[]> {
  const { data, wanted } = wantedParts(content, person);
  const stored = await storedParts(tx, paragraphId);
  const changed = PARAGRAPH_PARTS.filter((part) => canonical(stored[part]) !== canonical(wanted[part]));
  const where = { paragraphId };
  const withId = <T extends object>(rows: readonly T[]) => rows.map((r) => ({ ...r, paragraphId }));
  // One after the other: a transaction is one connection, which runs one query at a time.
  for (const part of changed) {
    switch (part) {
      case "sections":
        await tx.paragraphSection.deleteMany({ where });
        await tx.paragraphSection.createMany({ data: withId(data.sections.create) });
        break;
      case "basisDocuments":
        await tx.basisDocument.deleteMany({ where });
        await tx.basisDocument.createMany({ data: withId(data.basisDocuments.create) });
        break;
      case "dispatches":
        await tx.dispatchRecipient.deleteMany({ where });
        await tx.dispatchRecipient.createMany({ data: withId(data.dispatches.create) });
        break;
      case "propositions":
        await tx.proposition.deleteMany({ where });
        await tx.proposition.createMany({ data: withId(data.propositions.create) });
        break;
      case "reservations":
        await tx.reservation.deleteMany({ where });
        await tx.reservation.createMany({ data: withId(data.reservations.create) });
        break;
      case "notes":
        await tx.protocolNote.deleteMany({ where });
        await tx.protocolNote.createMany({ data: withId(data.notes.create) });
        break;
      case "recusals":
        await tx.recusal.deleteMany({ where });
        await tx.recusal.createMany({ data: withId(data.recusals.create) });
        break;
      case "votes":
        await tx.vote.deleteMany({ where });
        for (const vote of data.votes.create) await tx.vote.create({ data: { ...vote, paragraphId } });
        break;
      case "motions":
        await tx.motion.updateMany({ where, data: { amendsId: null } });
        await tx.motion.deleteMany({ where });
        await createMotions(tx, paragraphId, content.motions, person);
        break;
    }
  }
  return changed;
}

let cuidCounter = Math.floor(Math.random() * 36 ** 4);
const cuidFingerprint =
  (process.pid % 36 ** 2).toString(36).padStart(2, "0") +
  Math.floor(Math.random() * 36 ** 2)
    .toString(36)
    .padStart(2, "0");

/**
 * A collision-resistant id in the form Prisma's @default(cuid()) gives (cuid v1: "c", the time
 * `at`, a counter, a fingerprint, random), for a row written by raw SQL: like Prisma's, ids sort
 * by their time first.
 */
export function newCuid(at: Date): string {
  cuidCounter = (cuidCounter + 1) % 36 ** 4;
  const random = () =>
    Math.floor(Math.random() * 36 ** 4)
      .toString(36)
      .padStart(4, "0");
  return `c${at.getTime().toString(36).padStart(8, "0")}${cuidCounter.toString(36).padStart(4, "0")}${cuidFingerprint}${random()}${random()}`;
}

/** A §'s own fields as a save writes them (the Paragraph row; its parts are other tables). */
export interface ParagraphFields {
  caseNumber: string | null;
  title: string;
  decisionIntro: string;
  decisionClauses: string[];
  isConfidential: boolean;
  withholdingGround: string | null;
  redactedNames: string[];
  isImmediatelyAdjusted: boolean;
}

/** The § row's own fields of a save of `content`. */
export const paragraphFields = (content: ParagraphContent): ParagraphFields => ({
  caseNumber: content.caseNumber,
  title: content.title,
  decisionIntro: content.decision.intro,
  decisionClauses: content.decision.clauses,
  isConfidential: content.isConfidential,
  withholdingGround: content.withholdingGround,
  redactedNames: content.redactedNames,
  isImmediatelyAdjusted: content.isImmediatelyAdjusted,
});

/** The people a § names (motions, reservations, jäv, notes, ballots). */
export function paragraphPeople(content: ParagraphContent): string[] {
  return [
    ...content.motions.map((m) => m.personId),
    ...content.reservations.map((r) => r.personId),
    ...content.recusals.map((r) => r.personId),
    ...content.notes.flatMap((n) => (n.personId ? [n.personId] : [])),
    ...content.votes.flatMap((v) => v.ballots.map((b) => b.personId)),
  ];
}

/**
 * The usual autosave as ONE statement, outside any transaction: when the § is still at `version`,
 * every part (child table) stored is what `content` holds and every person it names belongs to the
 * meeting's organisation, the § row gets `fields` and the next version, and the audit row is
 * written, atomically (a data-modifying WITH). Returns the new version, or null when any condition
 * does not hold: nothing was written, and the caller saves the whole § in a transaction (which
 * also tells a conflict, a missing § or a person of another organisation apart).
 * The parts: when the § row's "partsHash" is the hash of `content`'s parts, they are what is stored
 * (the database clears the hash on any change of a part: migration 20261208010000), and no part is
 * read. Otherwise a second statement (still no transaction) rebuilds the stored rows and compares
 * them as JSON, and remembers the hash when they are equal and still current: "partsVersion" as
 * its snapshot read it, checked again on the row the UPDATE writes (a part changed by a
 * transaction that committed meanwhile has bumped it, and the UPDATE then writes nothing).
 */
export async function saveParagraphFieldsOnly(
  db: Prisma.TransactionClient,
  save: {
    paragraphId: string;
    version: number;
    fields: ParagraphFields;
    content: Content;
    people: readonly string[];
    audit: { userId: string; meetingId: string; ip: string | null; action: string };
    /** The request's instant: the row's updatedAt and the audit row's time. */
    now: Date;
  },
): Promise<number | null> {
  const { paragraphId, version, fields, audit } = save;
  const { wanted } = wantedParts(save.content, (id) => id);
  const hash = hashOf(wanted);
  const people = [...new Set(save.people)];
  const now = save.now.toISOString();
  // The update of the row and its audit row, when `parts` holds (the rest is the same both times).
  const statement = (parts: Prisma.Sql) => db.$queryRaw<{ version: number }[]>`
    WITH saved AS (
      UPDATE "Paragraph" p SET "caseNumber" = ${fields.caseNumber}, title = ${fields.title},
        "decisionIntro" = ${fields.decisionIntro}, "decisionClauses" = ${fields.decisionClauses}::text[],
        "isConfidential" = ${fields.isConfidential}, "withholdingGround" = ${fields.withholdingGround},
        "redactedNames" = ${fields.redactedNames}::text[], "isImmediatelyAdjusted" = ${fields.isImmediatelyAdjusted},
        version = p.version + 1, "updatedAt" = ${now}::timestamp, "partsHash" = ${hash}
      WHERE p.id = ${paragraphId} AND p.version = ${version} AND ${parts}
        AND ${
          people.length === 0
            ? Prisma.sql`true`
            : Prisma.sql`(SELECT count(*) FROM "Person" x WHERE x.id = ANY(${people}::text[]) AND x."organisationId" =
          (SELECT b."organisationId" FROM "Meeting" m JOIN "Body" b ON b.id = m."bodyId" WHERE m.id = p."meetingId"))
          = ${people.length}`
        }
      RETURNING p.id, p.version
    ),
    audit AS (
      INSERT INTO "AuditLog" (id, at, "userId", "meetingId", action, entity, "entityId", ip, data)
      SELECT ${newCuid(save.now)}, ${now}::timestamp, ${audit.userId}, ${audit.meetingId}, ${audit.action}, 'Paragraph',
        saved.id, ${audit.ip}, jsonb_build_object('version', saved.version)
      FROM saved
    )
    SELECT version FROM saved`;
  // Usually the row knows its parts: a small statement, quick to plan. Else (first save after a
  // part changed elsewhere, a conflict, a person of another organisation) the rows are compared.
  const [known] = await statement(Prisma.sql`p."partsHash" = ${hash}`);
  if (known) return known.version;
  const [compared] = await statement(
    Prisma.sql`p."partsVersion" = (SELECT x."partsVersion" FROM "Paragraph" x WHERE x.id = p.id)
      AND (SELECT to_jsonb(s) FROM (SELECT ${storedPartsColumns(Prisma.sql`${paragraphId}`)}) s)
        = ${JSON.stringify(wanted)}::jsonb`,
  );
  return compared?.version ?? null;
}
