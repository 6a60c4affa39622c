// The secretary's view of a meeting's förhinder: who reported, their notes, and the ersättare to
// call in (substitutes.rules.ts); whether the attendance can be pre-filled from them.
import type { PrismaClient } from "@/generated/prisma/client";
import { authorize, type Actor } from "@/server/authz";
import { findMeetingAccess } from "@/server/meeting-access";
import { readMeetingAbsences, type MeetingAbsences } from "./absence.data";

export interface SecretaryAbsences extends MeetingAbsences {
  /** "Förifyll närvaron" is allowed (meeting.edit: a draft, the body's secretary or an admin). */
  canPrefill: boolean;
}

/** Null when the meeting does not exist or the reader may not see its förhinder (absence.read). */
export async function findMeetingAbsences(
  db: PrismaClient,
  actor: Actor | null,
  slug: string,
): Promise<SecretaryAbsences | null> {
  if (!actor) return null;
  const access = await findMeetingAccess(db, { slug });
  if (!access || !authorize(actor, "absence.read", access).ok) return null;
  const data = await readMeetingAbsences(db, access.id);
  if (!data) return null;
  return { ...data, canPrefill: authorize(actor, "meeting.edit", access).ok };
}
