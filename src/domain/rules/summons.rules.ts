/**
 * The kallelse and, for fullmäktige, the kungörelse: by when they must go out, whether a late one
 * is reported, and when the kungörelse is shown on the public anslagstavla. Pure; `today` is
 * passed in (server/clock.ts in the app).
 *
 * - Kallelse: the body's arbetsordning/reglemente sets how long before the meeting it must reach
 *   ledamöter and ersättare (Body.summonsLeadDays, default 7). The last day to send it is the
 *   meeting date minus that many calendar days.
 * - Kungörelse (fullmäktige only): "Tid och plats för sammanträdet samt de ärenden som ska
 *   behandlas ska tillkännages på kommunens anslagstavla minst en vecka före sammanträdesdagen"
 *   (5 kap. 53 § KL). A week is counted in calendar days backwards from the meeting day: for a
 *   Thursday meeting, Thursday the week before is the last day. Lag (1930:173) does not move it:
 *   that law extends a time limit that *ends* on a holiday for something to be done within it,
 *   not a limit counted backwards from an event, which ends earlier, never later.
 * - Paragraf posts the kungörelse when the kallelse is sent (Meeting.summonsSentAt). It is shown
 *   publicly from the Swedish day it was sent until the meeting day has passed (the meeting day
 *   included), so no job takes it down.
 * - Sent late (or not yet sent after the last day): a warning naming the rule. Sending is never
 *   refused for it: a late kallelse is better than none, and 5 kap. 53 § KL does not make the
 *   meeting void; the secretary decides (for fullmäktige, whether the meeting can be held).
 */
import { addDays, isAfter, isBefore, isIsoDate, type IsoDate } from "@/lib/iso-date";
import type { SummonsBodyKind } from "@/domain/summons/summons.types";
import { createFinding, type Finding } from "./finding";

/** The days of a week, as 5 kap. 53 § KL counts "minst en vecka före sammanträdesdagen". */
export const KUNGORELSE_LEAD_DAYS = 7;

export interface SummonsDeadlineInput {
  meetingDate: IsoDate;
  bodyKind: SummonsBodyKind;
  /** Body.summonsLeadDays: calendar days before the meeting (arbetsordning/reglemente). */
  leadDays: number;
}

export interface SummonsDeadlines {
  /** The last day the kallelse may be sent. */
  summonsBy: IsoDate;
  /** Fullmäktige: the last day the kungörelse may go up on the anslagstavla; otherwise null. */
  kungorelseBy: IsoDate | null;
}

function requireDate(name: string, value: IsoDate): void {
  if (!isIsoDate(value)) throw new RangeError(`${name} must be an ISO date, got "${value}"`);
}

/** Whether the body's kind has a kungörelse on the anslagstavla (5 kap. 53 § KL: fullmäktige). */
export function requiresKungorelse(kind: SummonsBodyKind): boolean {
  return kind === "FULLMAKTIGE";
}

export function summonsDeadlines(input: SummonsDeadlineInput): SummonsDeadlines {
  requireDate("meetingDate", input.meetingDate);
  if (!Number.isInteger(input.leadDays) || input.leadDays < 0) {
    throw new RangeError(`leadDays must be a whole number of days, got ${input.leadDays}`);
  }
  return {
    summonsBy: addDays(input.meetingDate, -input.leadDays),
    kungorelseBy: requiresKungorelse(input.bodyKind) ? addDays(input.meetingDate, -KUNGORELSE_LEAD_DAYS) : null,
  };
}

export interface SummonsCheckInput extends SummonsDeadlineInput {
  /** The Swedish day the kallelse was (last) sent; null: not sent. */
  sentOn: IsoDate | null;
  /** Today in Sweden. */
  today: IsoDate;
}

const dayWord = (n: number) => (n === 1 ? "1 dag" : `${n} dagar`);

/**
 * Warnings for a kallelse (and kungörelse) sent after its last day, or still unsent after it.
 * Nothing before the last day, and nothing once the meeting day has passed without a kallelse
 * (the meeting is history; the checker of the protocol takes over).
 */
export function checkSummons(input: SummonsCheckInput): Finding[] {
  const { meetingDate, sentOn, today } = input;
  requireDate("today", today);
  if (sentOn !== null) requireDate("sentOn", sentOn);
  const { summonsBy, kungorelseBy } = summonsDeadlines(input);
  const findings: Finding[] = [];
  const lead = dayWord(input.leadDays);
  if (sentOn !== null) {
    if (isAfter(sentOn, summonsBy)) {
      findings.push(
        createFinding(
          "SUMMONS_LATE",
          "warning",
          `Kallelsen skickades ${sentOn}, efter sista dagen ${summonsBy} (${lead} före sammanträdet enligt organets arbetsordning eller reglemente).`,
          null,
          "meeting.summonsSentAt",
        ),
      );
    }
    if (kungorelseBy && isAfter(sentOn, kungorelseBy)) {
      findings.push(
        createFinding(
          "KUNGORELSE_LATE",
          "warning",
          `Kungörelsen anslogs ${sentOn}, men ska enligt 5 kap. 53 § kommunallagen anslås minst en vecka före sammanträdesdagen, senast ${kungorelseBy}. Överväg om sammanträdet kan hållas den ${meetingDate}.`,
          null,
          "meeting.summonsSentAt",
        ),
      );
    }
    return findings;
  }
  if (isAfter(today, meetingDate)) return findings;
  if (isAfter(today, summonsBy)) {
    findings.push(
      createFinding(
        "SUMMONS_OVERDUE",
        "warning",
        `Kallelsen är inte skickad. Sista dagen var ${summonsBy} (${lead} före sammanträdet enligt organets arbetsordning eller reglemente); skicka den så snart som möjligt.`,
        null,
        "meeting.summonsSentAt",
      ),
    );
  }
  if (kungorelseBy && isAfter(today, kungorelseBy)) {
    findings.push(
      createFinding(
        "KUNGORELSE_OVERDUE",
        "warning",
        `Kungörelsen är inte anslagen. Enligt 5 kap. 53 § kommunallagen ska den anslås minst en vecka före sammanträdesdagen, senast ${kungorelseBy}.`,
        null,
        "meeting.summonsSentAt",
      ),
    );
  }
  return findings;
}

export interface KungorelseVisibilityInput {
  bodyKind: SummonsBodyKind;
  meetingDate: IsoDate;
  /** The Swedish day the kallelse was (last) sent; null: not sent. */
  sentOn: IsoDate | null;
  today: IsoDate;
}

/** Whether the kungörelse is on the public anslagstavla today: fullmäktige, sent, meeting day not passed. */
export function isKungorelseShown(input: KungorelseVisibilityInput): boolean {
  const { bodyKind, meetingDate, sentOn, today } = input;
  requireDate("meetingDate", meetingDate);
  requireDate("today", today);
  if (!requiresKungorelse(bodyKind) || sentOn === null) return false;
  requireDate("sentOn", sentOn);
  return !isBefore(today, sentOn) && !isAfter(today, meetingDate);
}
