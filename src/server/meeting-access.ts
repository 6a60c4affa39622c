// What the permission table needs to know about a meeting, read in ONE query (issue 19.6: the
// action wrapper asks it for every meeting action; under 20 concurrent editors each round trip
// queues for the pool, so the meeting, its chair, justerare, signers and the body's seats on the
// day come back together). Only the data fetching lives here: the rules are server/authz.ts.
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor, type MeetingResource } from "@/server/authz";

export interface MeetingAccess extends MeetingResource {
  id: string;
  slug: string;
}

/** How an action names its meeting: by id, by slug, or by one of its §§ (found in the same query). */
export type MeetingWhere = { id: string } | { slug: string } | { paragraphId: string };

interface AccessRow {
  id: string;
  slug: string;
  bodyId: string;
  status: MeetingAccess["status"];
  secretaryPersonId: string | null;
  chairPersonId: string | null;
  adjusterPersonIds: string[];
  signers: { personId: string; role: "SECRETARY" | "CHAIR" | "ADJUSTER" }[];
  seatPersonIds: string[];
}

function whereSql(where: MeetingWhere): Prisma.Sql {
  if ("id" in where) return Prisma.sql`m.id = ${where.id}`;
  if ("slug" in where) return Prisma.sql`m.slug = ${where.slug}`;
  return Prisma.sql`m.id = (SELECT q."meetingId" FROM "Paragraph" q WHERE q.id = ${where.paragraphId})`;
}

export async function findMeetingAccess(db: PrismaClient, where: MeetingWhere): Promise<MeetingAccess | null> {
  // A value PostgreSQL cannot even compare (NUL) or an absurd length names no meeting.
  const key = "id" in where ? where.id : "slug" in where ? where.slug : where.paragraphId;
  if (key.length > 200 || key.includes("\u0000")) return null;
  // The chair: the first CHAIR of the attendance; the signers in their order; the seats: the
  // body's ledamöter and ersättare whose term covers the meeting day (Membership), each once.
  const [m] = await db.$queryRaw<AccessRow[]>`
    SELECT m.id, m.slug, m."bodyId", m.status::text AS status, m."secretaryId" AS "secretaryPersonId",
      (SELECT a."personId" FROM "Attendance" a WHERE a."meetingId" = m.id AND a.role = 'CHAIR'
        ORDER BY a.position, a.id LIMIT 1) AS "chairPersonId",
      ARRAY(SELECT j."personId" FROM "MeetingAdjuster" j WHERE j."meetingId" = m.id ORDER BY j.position)
        AS "adjusterPersonIds",
      coalesce((SELECT json_agg(json_build_object('personId', s."personId", 'role', s.role) ORDER BY s.position)
        FROM "MeetingSigner" s WHERE s."meetingId" = m.id), '[]') AS signers,
      ARRAY(SELECT DISTINCT t."personId" FROM "Membership" t
        WHERE t."bodyId" = m."bodyId" AND t."termStart" <= m.date AND t."termEnd" >= m.date) AS "seatPersonIds"
    FROM "Meeting" m WHERE ${whereSql(where)}`;
  return m ?? null;
}

/**
 * The meeting if `actor` may read it (meeting.read); null when signed out, when there is no such
 * meeting and when they may not read it, so a caller answers all three alike (404).
 */
export async function findReadableMeeting(
  db: PrismaClient,
  actor: Actor | null,
  slug: string,
): Promise<MeetingAccess | null> {
  const access = await findMeetingAccess(db, { slug });
  return actor && access && authorize(actor, "meeting.read", access).ok ? access : null;
}

/** Lock the meeting row: saves in flight finish first, later ones see the new state. */
export async function lockMeeting(tx: Prisma.TransactionClient, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Meeting" WHERE id = ${id} FOR UPDATE`;
}
