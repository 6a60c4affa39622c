/**
 * The time limits of a protocol:
 * - justering no later than 14 days after the meeting (5 kap. 69 § KL);
 * - the notice (anslag) of the justering no later than the second day after it (8 kap. 12 § KL);
 * - appeal (laglighetsprövning) within three weeks from the day the notice was posted
 *   (13 kap. 5 § KL), and the notice stays up until then.
 * A time limit whose last day is a Saturday, Sunday, public holiday, midsommarafton, julafton or
 * nyårsafton ends on the next weekday instead (lag 1930:173, 2 §). That act covers every time
 * limit set by law for doing something, so it is applied to all three: the checker then flags
 * only what is late under the most lenient reading.
 */
import { addDays, daysBetween, isAfter, isBefore, isIsoDate, type IsoDate } from "@/lib/iso-date";
import { describeHolidayLike, extendToWeekday } from "@/lib/swedish-calendar";
import type { NoticeDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { isAdjusted } from "@/domain/lifecycle";
import { createFinding, type Finding } from "./finding";

export const ADJUSTMENT_DAYS = 14;
export const NOTICE_DAYS = 2;
export const APPEAL_DAYS = 21;

export interface StatutoryDeadline {
  /** The last day counted by the statute alone. */
  lastDay: IsoDate;
  /** The day the limit really ends: lastDay, or the next weekday under lag (1930:173). */
  endsOn: IsoDate;
  /** Why it was moved ("julafton"), or null. */
  movedBecause: string | null;
}

function deadline(lastDay: IsoDate): StatutoryDeadline {
  return { lastDay, endsOn: extendToWeekday(lastDay), movedBecause: describeHolidayLike(lastDay) };
}

/** Justering: no later than 14 days after the meeting (5 kap. 69 § KL). */
export function adjustmentDeadline(meetingDate: IsoDate): StatutoryDeadline {
  return deadline(addDays(meetingDate, ADJUSTMENT_DAYS));
}

/** Anslag: no later than the second day after justering (8 kap. 12 § KL). */
export function noticeDeadline(adjustedOn: IsoDate): StatutoryDeadline {
  return deadline(addDays(adjustedOn, NOTICE_DAYS));
}

/**
 * The latest lawful posting date when the justering date is unknown: justering on the last
 * allowed day, notice on the last allowed day after it.
 */
export function latestNoticeForMeeting(meetingDate: IsoDate): IsoDate {
  return noticeDeadline(adjustmentDeadline(meetingDate).endsOn).endsOn;
}

/** Appeal period: three weeks from the day the notice was posted (13 kap. 5 § KL). */
export function appealPeriodEnd(postedOn: IsoDate): StatutoryDeadline {
  return deadline(addDays(postedOn, APPEAL_DAYS));
}

/** The notice may come down once the appeal period has ended: on its last day at the earliest. */
export function earliestTakeDownDate(postedOn: IsoDate): IsoDate {
  return appealPeriodEnd(postedOn).endsOn;
}

export interface DeadlineRulesInput {
  meeting: Pick<ProtocolDTO["meeting"], "date" | "status" | "adjustmentDate" | "adjustmentPlace" | "adjustedOn">;
  notice: NoticeDTO | null;
  /** Today in Sweden (see toSwedishDate). */
  now: IsoDate;
}

/** "2021-12-06", or "2021-12-06 (2021-12-04 är lördag)" when the limit was moved. */
export function describeDeadline(d: StatutoryDeadline): string {
  return d.movedBecause === null ? d.endsOn : `${d.endsOn} (${d.lastDay} är ${d.movedBecause})`;
}

function checkDates(input: DeadlineRulesInput): Finding[] {
  const fields: [string, string | null][] = [
    ["meeting.date", input.meeting.date],
    ["meeting.adjustmentDate", input.meeting.adjustmentDate],
    ["meeting.adjustedOn", input.meeting.adjustedOn],
    ["notice.postedOn", input.notice?.postedOn ?? null],
    ["notice.takeDownOn", input.notice?.takeDownOn ?? null],
  ];
  return fields
    .filter(([, value]) => value !== null && !isIsoDate(value))
    .map(([field, value]) =>
      createFinding("DATE_INVALID", "error", `Datumet "${value}" är ogiltigt. Ange det som ÅÅÅÅ-MM-DD.`, null, field),
    );
}

function checkAdjustment(input: DeadlineRulesInput): Finding[] {
  const { meeting, now } = input;
  const findings: Finding[] = [];
  const due = adjustmentDeadline(meeting.date);

  if (meeting.adjustmentDate === null || (meeting.adjustmentPlace ?? "").trim() === "") {
    findings.push(
      createFinding(
        "ADJUSTMENT_TIME_MISSING",
        "warning",
        `Justeringens plats och tid saknas. Ange när och var protokollet justeras, senast ${describeDeadline(due)}.`,
        null,
        meeting.adjustmentDate === null ? "meeting.adjustmentDate" : "meeting.adjustmentPlace",
      ),
    );
  } else if (isAfter(meeting.adjustmentDate, due.endsOn)) {
    findings.push(
      createFinding(
        "ADJUSTMENT_PLANNED_LATE",
        "error",
        `Justeringen är planerad till ${meeting.adjustmentDate}, men protokollet ska justeras senast 14 dagar efter sammanträdet, dvs. senast ${describeDeadline(due)} (5 kap. 69 § kommunallagen). Välj ett tidigare datum.`,
        null,
        "meeting.adjustmentDate",
      ),
    );
  }

  if (meeting.adjustedOn !== null) {
    if (isBefore(meeting.adjustedOn, meeting.date)) {
      findings.push(
        createFinding(
          "ADJUSTMENT_BEFORE_MEETING",
          "error",
          `Justeringsdatumet ${meeting.adjustedOn} ligger före sammanträdet ${meeting.date}. Rätta datumet.`,
          null,
          "meeting.adjustedOn",
        ),
      );
    } else if (isAfter(meeting.adjustedOn, due.endsOn)) {
      findings.push(
        createFinding(
          "ADJUSTMENT_LATE",
          "error",
          `Protokollet justerades ${meeting.adjustedOn}, ${daysBetween(meeting.date, meeting.adjustedOn)} dagar efter sammanträdet. Det skulle ha justerats senast ${describeDeadline(due)} (5 kap. 69 § kommunallagen). Kontrollera datumet; stämmer det, notera förseningen.`,
          null,
          "meeting.adjustedOn",
        ),
      );
    }
  } else if (!isAdjusted(meeting.status)) {
    if (isAfter(now, due.endsOn)) {
      findings.push(
        createFinding(
          "ADJUSTMENT_OVERDUE",
          "error",
          `Protokollet är inte justerat. Det skulle ha justerats senast ${describeDeadline(due)} (5 kap. 69 § kommunallagen). Justera det snarast.`,
          null,
          "meeting.adjustedOn",
        ),
      );
    }
  } else {
    findings.push(
      createFinding(
        "ADJUSTED_ON_MISSING",
        "warning",
        "Protokollet står som justerat men justeringsdatum saknas. Ange datumet då protokollet justerades, så att fristen för anslaget kan kontrolleras.",
        null,
        "meeting.adjustedOn",
      ),
    );
  }
  return findings;
}

function checkNotice(input: DeadlineRulesInput): Finding[] {
  const { meeting, notice, now } = input;
  const findings: Finding[] = [];
  // Once justerat: the day of justering and the last day to post the notice.
  const adjusted =
    meeting.adjustedOn !== null ? { on: meeting.adjustedOn, due: noticeDeadline(meeting.adjustedOn) } : null;

  // No notice row: not posted yet (whether a notice is up follows from its dates alone).
  if (notice === null) {
    if (adjusted !== null && isAfter(now, adjusted.due.endsOn)) {
      findings.push(
        createFinding(
          "NOTICE_OVERDUE",
          "error",
          `Justeringen har inte tillkännagetts. Anslaget skulle ha satts upp senast ${describeDeadline(adjusted.due)}, andra dagen efter justeringen (8 kap. 12 § kommunallagen). Sätt upp anslaget snarast.`,
          null,
          "notice",
        ),
      );
    }
    return findings;
  }

  const posted = notice.postedOn;
  if (adjusted !== null) {
    const { on: adjustedOn, due } = adjusted;
    if (isBefore(posted, adjustedOn)) {
      findings.push(
        createFinding(
          "NOTICE_BEFORE_ADJUSTMENT",
          "error",
          `Anslaget är daterat ${posted}, före justeringen ${adjustedOn}. Justeringen kan tillkännages först när protokollet är justerat; rätta datumet.`,
          null,
          "notice.postedOn",
        ),
      );
    } else if (isAfter(posted, due.endsOn)) {
      findings.push(
        createFinding(
          "NOTICE_LATE",
          "error",
          `Anslaget sattes upp ${posted}, men justeringen (${adjustedOn}) ska tillkännages senast andra dagen efter, dvs. senast ${describeDeadline(due)} (8 kap. 12 § kommunallagen). Kontrollera datumen.`,
          null,
          "notice.postedOn",
        ),
      );
    }
  } else if (isBefore(posted, meeting.date)) {
    findings.push(
      createFinding(
        "NOTICE_BEFORE_ADJUSTMENT",
        "error",
        `Anslaget är daterat ${posted}, före sammanträdet ${meeting.date}. Rätta datumet.`,
        null,
        "notice.postedOn",
      ),
    );
  } else {
    const latest = latestNoticeForMeeting(meeting.date);
    if (isAfter(posted, latest)) {
      const adjustmentDue = adjustmentDeadline(meeting.date);
      findings.push(
        createFinding(
          "NOTICE_LATE",
          "error",
          `Anslaget sattes upp ${posted}, ${daysBetween(meeting.date, posted)} dagar efter sammanträdet. Protokollet ska justeras senast ${describeDeadline(adjustmentDue)} (5 kap. 69 § kommunallagen) och justeringen tillkännages senast andra dagen därefter (8 kap. 12 § kommunallagen), alltså senast ${latest}. Ange justeringsdatum och kontrollera vilken frist som överskreds.`,
          null,
          "notice.postedOn",
        ),
      );
    }
  }

  const appeal = appealPeriodEnd(posted);
  if (isBefore(notice.takeDownOn, appeal.endsOn)) {
    findings.push(
      createFinding(
        "NOTICE_TAKEN_DOWN_EARLY",
        "error",
        `Anslaget tas ned ${notice.takeDownOn}, men tiden för överklagande löper till och med ${describeDeadline(appeal)}: tre veckor från ${posted} (13 kap. 5 § kommunallagen). Låt anslaget sitta kvar till och med ${appeal.endsOn}.`,
        null,
        "notice.takeDownOn",
      ),
    );
  }

  if (notice.storagePlace.trim() === "") {
    findings.push(
      createFinding(
        "NOTICE_STORAGE_MISSING",
        "error",
        "Anslaget anger inte var protokollet förvaras. Fyll i förvaringsplats (8 kap. 12 § kommunallagen).",
        null,
        "notice.storagePlace",
      ),
    );
  }
  return findings;
}

/** Deadline findings for a protocol at `now`. Invalid dates are reported and stop the rest. */
export function checkDeadlines(input: DeadlineRulesInput): Finding[] {
  if (!isIsoDate(input.now)) throw new RangeError(`now must be an ISO date, got "${input.now}"`);
  const invalid = checkDates(input);
  if (invalid.length > 0) return invalid;
  return [...checkAdjustment(input), ...checkNotice(input)];
}
