// The reminder e-mails of the scheduled jobs, as pure builders (plain data in, mail out), in the
// style of the justering mails (modules/justering/signoff.mail.ts). Swedish, text only.
import { swedishWeekdayName, type IsoDate } from "@/lib/iso-date";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import type { OutgoingMail } from "@/server/mail";

const FOOTER = "Det här meddelandet skickades automatiskt av Paragraf. Svara inte på det.";
const url = (baseUrl: string, path: string) => `${baseUrl.trim().replace(/\/+$/, "")}${path}`;
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const greeting = (name: string) => (name.trim() ? `Hej ${name.trim()},` : "Hej,");

interface MeetingRef {
  baseUrl: string;
  bodyName: string;
  meetingDate: IsoDate;
  slug: string;
}

/** To one justerare (or chair) who has not signed, three days before the justering deadline. */
export function buildJusteringReminderMail(
  input: MeetingRef & { to: string; name: string; deadline: IsoDate; daysLeft: number },
): OutgoingMail {
  const when = input.daysLeft <= 0 ? "i dag" : input.daysLeft === 1 ? "i morgon" : `om ${input.daysLeft} dagar`;
  return {
    to: [input.to],
    subject: oneLine(`Påminnelse: justera protokollet från ${input.bodyName} ${formatLongDate(input.meetingDate)}`),
    text: [
      greeting(input.name),
      "",
      `Protokollet från ${oneLine(input.bodyName)}s sammanträde ${formatLongDate(input.meetingDate)} väntar på din signatur.`,
      `Sista dag för justering är ${swedishWeekdayName(input.deadline)} ${formatLongDate(input.deadline)} (${when}); protokollet ska justeras senast 14 dagar efter sammanträdet (5 kap. 69 § kommunallagen).`,
      "",
      `Läs och signera protokollet: ${url(input.baseUrl, "/att-justera")}`,
      "",
      FOOTER,
    ].join("\n"),
  };
}

/** To the secretary when the anslag's take-down day has come: take it down and archive it. */
export function buildTakeDownReminderMail(
  input: MeetingRef & { to: readonly string[]; postedOn: IsoDate; takeDownOn: IsoDate },
): OutgoingMail {
  return {
    to: [...input.to],
    subject: oneLine(`Anslaget kan tas ned: ${input.bodyName} ${formatLongDate(input.meetingDate)}`),
    text: [
      "Hej,",
      "",
      `Anslaget om justeringen av protokollet från ${oneLine(input.bodyName)}s sammanträde ${formatLongDate(input.meetingDate)} sattes upp ${formatLongDate(input.postedOn)}.`,
      `Tiden för överklagande har gått ut och anslaget tas ned från den digitala anslagstavlan ${formatLongDate(input.takeDownOn)}.`,
      "Sitter anslaget också uppe på en fysisk anslagstavla: ta ned det och arkivera det med protokollet, med datum för nedtagandet.",
      "",
      `Sammanträdet: ${url(input.baseUrl, `/moten/${encodeURIComponent(input.slug)}`)}`,
      "",
      FOOTER,
    ].join("\n"),
  };
}
