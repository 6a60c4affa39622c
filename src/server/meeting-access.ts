// What the permission table needs to know about a meeting, read in one small query.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor, type MeetingResource } from "@/server/authz";

export interface MeetingAccess extends MeetingResource {
  id: string;
  slug: string;
}

export async function findMeetingAccess(
  db: PrismaClient,
  where: { id: string } | { slug: string },
): Promise<MeetingAccess | null> {
  // A value PostgreSQL cannot even compare (NUL) or an absurd length names no meeting.
  const key = "id" in where ? where.id : where.slug;
  if (key.length > 200 || key.includes("\u0000")) return null;
  const m = await db.meeting.findUnique({
    where,
    select: {
      id: true,
      slug: true,
      bodyId: true,
      status: true,
      secretaryId: true,
      adjusters: { select: { personId: true } },
      attendances: { where: { role: "CHAIR" }, select: { personId: true }, take: 1 },
      signers: { select: { personId: true, role: true }, orderBy: { position: "asc" } },
      date: true,
      // The body's ledamöter and ersättare (seatHolder); the terms are compared with the day below.
      body: { select: { memberships: { select: { personId: true, termStart: true, termEnd: true } } } },
    },
  });
  if (!m) return null;
  return {
    id: m.id,
    slug: m.slug,
    bodyId: m.bodyId,
    status: m.status,
    secretaryPersonId: m.secretaryId,
    chairPersonId: m.attendances[0]?.personId ?? null,
    adjusterPersonIds: m.adjusters.map((a) => a.personId),
    signers: m.signers,
    seatPersonIds: [
      ...new Set(
        m.body.memberships
          .filter((s) => s.termStart.getTime() <= m.date.getTime() && s.termEnd.getTime() >= m.date.getTime())
          .map((s) => s.personId),
      ),
    ],
  };
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
