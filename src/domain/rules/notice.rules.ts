/**
 * Changing the notice (anslag) dates after justering. The notice is posted automatically on the
 * justering day (signoff.mutations.ts); the secretary may then move the posting date within the
 * statutory window and set the take-down date later than the end of the appeal period. What the
 * anslagstavla shows follows from the dates and `today` (lifecycle.ts noticeState): no cron.
 *
 * - Posted no earlier than the justering: the notice tells that the protocol is justerat
 *   (8 kap. 12 § KL).
 * - Posted no later than the second day after the justering (8 kap. 12 § KL, + lag 1930:173):
 *   noticeDeadline decides it, the same rule the checker uses.
 * - No backdating: the appeal period runs from the day the notice was posted (13 kap. 5 § KL),
 *   so the posting date must be the day it really went up. A date before today is refused, and a
 *   notice that has been up since an earlier day keeps its posting date.
 * - Taken down no earlier than the end of the appeal period counted from the (new) posting date
 *   (13 kap. 5 § KL, + lag 1930:173); an empty take-down date means exactly that day. Nor before
 *   today: a notice cannot come down in the past.
 * - Once taken down (today after the take-down date), the notice is history and is not changed.
 */
import { isAfter, isBefore, isIsoDate, type IsoDate } from "@/lib/iso-date";
import { describeDeadline, earliestTakeDownDate, noticeDeadline } from "./deadlines.rules";
import { createFinding, type Finding } from "./finding";

export interface NoticeDates {
  postedOn: IsoDate;
  takeDownOn: IsoDate;
}

export interface NoticeChangeInput {
  /** The day the protocol was justerat. */
  adjustedOn: IsoDate;
  /** The notice as it stands. */
  current: NoticeDates;
  /** What the secretary asks for; takeDownOn null = the end of the appeal period. */
  requested: { postedOn: IsoDate; takeDownOn: IsoDate | null };
  /** Today in Sweden (see toSwedishDate). */
  today: IsoDate;
}

export type NoticeChangeResult =
  { ok: true; notice: NoticeDates; changed: boolean } | { ok: false; findings: Finding[] };

const later = (a: IsoDate, b: IsoDate) => (isAfter(a, b) ? a : b);

function requireDates(dates: Record<string, IsoDate | null>) {
  for (const [name, value] of Object.entries(dates)) {
    if (value !== null && !isIsoDate(value)) throw new RangeError(`${name} must be an ISO date, got "${value}"`);
  }
}

/**
 * Today is after the take-down date: the notice has come down (as lifecycle.ts noticeState says
 * "down" for any notice whose take-down date is not before its posting date).
 */
export function isNoticeTakenDown(current: NoticeDates, today: IsoDate): boolean {
  return isAfter(today, current.takeDownOn);
}

export interface NoticeEditWindow {
  isTakenDown: boolean;
  /** False once the notice has been up since an earlier day: its posting date stays. */
  canMovePosting: boolean;
  earliestPosting: IsoDate;
  latestPosting: IsoDate;
  /** For the current posting date: the end of the appeal period, or today if that is later. */
  earliestTakeDown: IsoDate;
}

/** What the form may offer on `today` (the same bounds checkNoticeChange enforces). */
export function noticeEditWindow(input: Omit<NoticeChangeInput, "requested">): NoticeEditWindow {
  const { adjustedOn, current, today } = input;
  requireDates({ adjustedOn, postedOn: current.postedOn, takeDownOn: current.takeDownOn, today });
  const canMovePosting = !isBefore(current.postedOn, today);
  return {
    isTakenDown: isNoticeTakenDown(current, today),
    canMovePosting,
    earliestPosting: canMovePosting ? later(adjustedOn, today) : current.postedOn,
    latestPosting: canMovePosting ? noticeDeadline(adjustedOn).endsOn : current.postedOn,
    earliestTakeDown: later(earliestTakeDownDate(current.postedOn), today),
  };
}

/** The one finding for a new posting date, or null when it may be used. */
function checkPostingDate({ adjustedOn, current, requested, today }: NoticeChangeInput): Finding | null {
  const postedOn = requested.postedOn;
  const field = "notice.postedOn";
  if (isBefore(current.postedOn, today)) {
    return createFinding(
      "NOTICE_ALREADY_POSTED",
      "error",
      `Anslaget har suttit uppe sedan ${current.postedOn}, och det datumet kan inte ändras i efterhand.`,
      null,
      field,
    );
  }
  if (isBefore(postedOn, adjustedOn) && !isBefore(adjustedOn, today)) {
    return createFinding(
      "NOTICE_BEFORE_ADJUSTMENT",
      "error",
      `Anslaget kan sättas upp tidigast ${adjustedOn}, den dag protokollet justerades.`,
      null,
      field,
    );
  }
  if (isBefore(postedOn, today)) {
    return createFinding(
      "NOTICE_BACKDATED",
      "error",
      `Anslaget kan inte sättas upp bakåt i tiden: välj tidigast ${today}, dagens datum.`,
      null,
      field,
    );
  }
  const due = noticeDeadline(adjustedOn);
  if (isAfter(postedOn, due.endsOn)) {
    return createFinding(
      "NOTICE_LATE",
      "error",
      `Anslaget ska enligt 8 kap. 12 § kommunallagen sättas upp senast andra dagen efter justeringen, alltså senast ${describeDeadline(due)}.`,
      null,
      field,
    );
  }
  return null;
}

/** The one finding for the take-down date given an accepted posting date, or null. */
function checkTakeDownDate(postedOn: IsoDate, takeDownOn: IsoDate, today: IsoDate): Finding | null {
  const field = "notice.takeDownOn";
  const earliest = earliestTakeDownDate(postedOn);
  if (isBefore(takeDownOn, earliest)) {
    return createFinding(
      "NOTICE_TAKEN_DOWN_EARLY",
      "error",
      `Anslaget får tas ned tidigast ${earliest}, när tiden för överklagande har gått ut.`,
      null,
      field,
    );
  }
  if (isBefore(takeDownOn, today)) {
    return createFinding(
      "NOTICE_BACKDATED",
      "error",
      `Anslaget kan inte tas ned bakåt i tiden: välj tidigast ${today}, dagens datum.`,
      null,
      field,
    );
  }
  return null;
}

/**
 * May the notice get these dates on `today`? Either the dates to store (with `changed` false when
 * they are the current ones) or one Swedish finding per refused field, each naming the date that
 * would be allowed.
 */
export function checkNoticeChange(input: NoticeChangeInput): NoticeChangeResult {
  const { adjustedOn, current, requested, today } = input;
  requireDates({
    adjustedOn,
    postedOn: current.postedOn,
    takeDownOn: current.takeDownOn,
    today,
    requestedPostedOn: requested.postedOn,
    requestedTakeDownOn: requested.takeDownOn,
  });

  if (isNoticeTakenDown(current, today)) {
    return {
      ok: false,
      findings: [
        createFinding(
          "NOTICE_ALREADY_DOWN",
          "error",
          `Anslaget togs ned ${current.takeDownOn} och kan inte längre ändras.`,
          null,
          "notice",
        ),
      ],
    };
  }

  // An unchanged posting date is the one that is up (or planned): nothing to decide about it.
  const posting = requested.postedOn === current.postedOn ? null : checkPostingDate(input);
  // The take-down bound follows from the posting date; with that refused there is none to name.
  if (posting) return { ok: false, findings: [posting] };

  const postedOn = requested.postedOn;
  const takeDownOn = requested.takeDownOn ?? earliestTakeDownDate(postedOn);
  const takeDown = checkTakeDownDate(postedOn, takeDownOn, today);
  if (takeDown) return { ok: false, findings: [takeDown] };

  return {
    ok: true,
    notice: { postedOn, takeDownOn },
    changed: postedOn !== current.postedOn || takeDownOn !== current.takeDownOn,
  };
}
