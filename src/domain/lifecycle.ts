// The life of a protocol, in one place. Pure: imports only src/lib and the domain's types.
//
// 1. DRAFT: the secretary writes it; only a draft may change or be deleted.
// 2. READY_FOR_ADJUSTMENT: sent for justering, its content frozen and hashed; the secretary, the
//    chair and the justerare sign it, or the chair or a justerare returns it to DRAFT.
// 3. ADJUSTED (justerat): the last signature is in; frozen for good, public, its PDF stored. No
//    way back: later changes are rättelser appended to it, never edits.
// 4. The notice (anslag) is not a stored state: whether it is upcoming, up or down follows from
//    its dates and today (noticeState below). No cron job, nothing to keep in step.
// 5. The database refuses every other status change (trigger paragraf_guard_meeting, migration
//    20261203231500_lifecycle); tests/lifecycle.int.test.ts checks it allows exactly canTransition.
//    It also checks what each state carries (20261203233500_adjusted_needs_signatures): a draft has
//    no content hash or justering date, a protocol waiting for justering has its hash, and ADJUSTED
//    needs the justering date and the signatures of signoff.rules.ts isFullySigned over that hash.
import type { IsoDate } from "@/lib/iso-date";
import type { MeetingStatus } from "@/domain/protocol/protocol.types";

/** The stored states and where each may go: the same pairs the database's trigger allows. */
export const TRANSITIONS: { readonly [S in MeetingStatus]: readonly MeetingStatus[] } = {
  /** Sent for justering. */
  DRAFT: ["READY_FOR_ADJUSTMENT"],
  /** Returned by the chair or a justerare (the signatures so far are void), or the last signature. */
  READY_FOR_ADJUSTMENT: ["DRAFT", "ADJUSTED"],
  /** Final. */
  ADJUSTED: [],
};

/** Every stored state, in the order a protocol passes through them. */
export const MEETING_STATUSES = Object.keys(TRANSITIONS) as readonly MeetingStatus[];

/** May a protocol's status change from `from` to `to`? Keeping the status is no change (false). */
export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Justerat: every signature is in and the protocol can no longer change. */
export const ADJUSTED_STATUSES: readonly MeetingStatus[] = ["ADJUSTED"];

export function isAdjusted(status: MeetingStatus): boolean {
  return ADJUSTED_STATUSES.includes(status);
}

/** Only justerat protocols are public; drafts and protocols awaiting justering never are. */
export const PUBLIC_STATUSES: readonly MeetingStatus[] = ADJUSTED_STATUSES;

export function isPublic(status: MeetingStatus): boolean {
  return PUBLIC_STATUSES.includes(status);
}

/**
 * The content (header, attendance, §§, justerare, the names it shows) is frozen once the protocol
 * has left the draft: by the app (the permission table) and by the database's triggers alike.
 */
export const FROZEN_STATUSES: readonly MeetingStatus[] = MEETING_STATUSES.filter((s) => s !== "DRAFT");

export function isFrozen(status: MeetingStatus): boolean {
  return FROZEN_STATUSES.includes(status);
}

/** The states in which the content may still be changed: the draft only. */
export const EDITABLE_STATUSES: readonly MeetingStatus[] = MEETING_STATUSES.filter((s) => !isFrozen(s));

/** The derived notice phase: before its posting date, up, or taken down. */
export type NoticeState = "upcoming" | "up" | "down";

/**
 * Where a notice stands on `today`: up from the posting date through the take-down date. No
 * cron job: what is shown follows from the dates.
 */
export function noticeState(notice: { postedOn: IsoDate; takeDownOn: IsoDate }, today: IsoDate): NoticeState {
  if (today < notice.postedOn) return "upcoming";
  return today <= notice.takeDownOn ? "up" : "down";
}
