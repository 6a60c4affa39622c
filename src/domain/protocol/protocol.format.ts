// Pure text formatting of protocol parts, shared by pages and renderers.
import { dbDate } from "@/lib/iso-date";
import { compressParagraphNumbers, formatParagraphRanges } from "@/lib/paragraph-ranges";
import { attendanceRoleTerms } from "@/domain/vocabulary";
import type { AttendanceDTO, AttendanceRole, ProtocolDTO } from "./protocol.types";

/** "ITSAM 2021/8" → "Dnr 2021/8" (the organisation prefix is implied on its own protocol). */
export function displayCaseNumber(caseNumber: string | null, prefix: string): string | null {
  if (!caseNumber) return null;
  const bare = caseNumber.startsWith(`${prefix} `) ? caseNumber.slice(prefix.length + 1) : caseNumber;
  return `Dnr ${bare}`;
}

/**
 * An example Dnr in the organisation's own format, for hints and placeholders: its
 * caseNumberExample when set ("MBN 2019.0412"), else the prefix, the year and "/12" ("KS 2023/12").
 */
export function exampleCaseNumber(
  organisation: { caseNumberPrefix: string; caseNumberExample?: string | null },
  year: number | string,
): string {
  const example = organisation.caseNumberExample?.trim();
  if (example) return example;
  return [organisation.caseNumberPrefix.trim(), `${year}/12`].filter(Boolean).join(" ");
}

/** "Paragrafer 59-67" in the signature block, from the protocol's actual §§. */
export function formatParagraphSpan(numbers: readonly number[]): string {
  return formatParagraphRanges(compressParagraphNumbers(numbers), "word");
}

/** The role as the attendance line names it; a plain ledamot's role goes without saying. */
function roleInLine(role: AttendanceRole): string | null {
  return role === "MEMBER" || role === "OTHER" || role === "ABSENT" ? null : attendanceRoleTerms[role].word;
}

/** "kl. 14:10 – 15:30", "från kl. 14:10", "till kl. 15:30"; null when no time is recorded. */
export function formatPresenceTimes(row: Pick<AttendanceDTO, "arrivalTime" | "departureTime">): string | null {
  const from = row.arrivalTime || null;
  const to = row.departureTime || null;
  if (from && to) return `kl. ${from} – ${to}`;
  if (from) return `från kl. ${from}`;
  if (to) return `till kl. ${to}`;
  return null;
}

/** "kl. 14:10, §§ 31-38": when and in which §§ the row was present; "" for the whole meeting. */
function presence(row: AttendanceDTO): string {
  return [formatPresenceTimes(row), formatParagraphRanges(row.ranges)].filter(Boolean).join(", ");
}

/**
 * The ledamot a serving ersättare's row names as "för <name>": printed when that ledamot is
 * recorded as frånvarande in the same list (the närvarolista names both). A seat taken over
 * during the meeting from a ledamot who was there (the seed: Segerstéen after Forsberg left)
 * goes unnamed, as the real protocols print it.
 */
function servesFor(row: AttendanceDTO, all: readonly AttendanceDTO[]): string | null {
  if (row.role !== "SERVING_SUBSTITUTE" || !row.replacesPersonId) return null;
  return all.find((a) => a.personId === row.replacesPersonId && a.role === "ABSENT")?.name ?? null;
}

/**
 * One person's attendance line as in the protocol header, with all their roles. `all` is the
 * whole list, for the names of a serving ersättare's absent ledamot and an absent ledamot's
 * ersättare; without it those go unnamed.
 */
export function formatAttendanceLine(rows: readonly AttendanceDTO[], all: readonly AttendanceDTO[] = []): string {
  const first = rows[0];
  if (!first) return "";
  if (first.role === "OTHER") {
    const detail = [first.title, presence(first)].filter(Boolean).join(" ");
    return [first.name, detail].filter(Boolean).join(", ");
  }
  if (first.role === "ABSENT") {
    // "Anna Ek, Åtvidabergs kommun, ersatt av Joakim Magnusson"
    const substitutes = all
      .filter((a) => a.role === "SERVING_SUBSTITUTE" && a.replacesPersonId === first.personId)
      .map((a) => [a.name, formatParagraphRanges(a.ranges)].filter(Boolean).join(" "));
    const replaced = substitutes.length > 0 ? `ersatt av ${substitutes.join(" och ")}` : null;
    return [first.name, first.represents, replaced].filter(Boolean).join(", ");
  }
  // "Christer Segerstéen, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67"
  const parts = rows.map((row, i) => {
    const forName = servesFor(row, all);
    const role = roleInLine(row.role);
    const bits = [role && forName ? `${role} för ${forName}` : role, i === 0 ? row.represents : null]
      .filter(Boolean)
      .join(", ");
    return [bits, presence(row)].filter(Boolean).join(" ");
  });
  return [first.name, ...parts.filter(Boolean)].join(", ");
}

export type AttendanceGroup = "beslutande" | "ersattare" | "ovriga" | "franvarande";

/** Groups attendance rows per person and per header group, keeping the recorded order. */
export function groupAttendance(rows: readonly AttendanceDTO[]): Record<AttendanceGroup, AttendanceDTO[][]> {
  const groupOf = (role: AttendanceRole): AttendanceGroup =>
    role === "OTHER"
      ? "ovriga"
      : role === "SUBSTITUTE"
        ? "ersattare"
        : role === "ABSENT"
          ? "franvarande"
          : "beslutande";
  const result: Record<AttendanceGroup, AttendanceDTO[][]> = {
    beslutande: [],
    ersattare: [],
    ovriga: [],
    franvarande: [],
  };
  const placed = new Map<string, AttendanceDTO[]>();
  for (const row of rows) {
    const existing = placed.get(row.personId);
    if (existing) {
      existing.push(row);
      continue;
    }
    const list = [row];
    placed.set(row.personId, list);
    result[groupOf(row.role)].push(list);
  }
  return result;
}

/** The header's attendance lines per group, each person's line naming whom they serve for. */
export function attendanceLines(rows: readonly AttendanceDTO[]): Record<AttendanceGroup, string[]> {
  const groups = groupAttendance(rows);
  const line = (personRows: readonly AttendanceDTO[]) => formatAttendanceLine(personRows, rows);
  return {
    beslutande: groups.beslutande.map(line),
    ersattare: groups.ersattare.map(line),
    ovriga: groups.ovriga.map(line),
    franvarande: groups.franvarande.map(line),
  };
}

/** "10:00 – 12:00", "Zoom, kl. 10:00 – 12:00" */
export function formatPlaceAndTime(meeting: ProtocolDTO["meeting"]): string {
  const time = [meeting.startTime, meeting.endTime].filter(Boolean).join(" – ");
  return [meeting.place, time ? `kl. ${time}` : null].filter(Boolean).join(", ");
}

/**
 * Justeringens plats och tid: "Stadshuset, 2024-03-12 kl. 10:00"; "" when nothing is set.
 */
export function formatAdjustmentPlaceAndTime(
  meeting: Pick<ProtocolDTO["meeting"], "adjustmentPlace" | "adjustmentDate" | "adjustmentTime">,
): string {
  const when = [meeting.adjustmentDate, meeting.adjustmentTime ? `kl. ${meeting.adjustmentTime}` : null]
    .filter(Boolean)
    .join(" ");
  return [meeting.adjustmentPlace, when].filter(Boolean).join(", ");
}

const longDate = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2021-11-18" → "18 november 2021" */
export function formatLongDate(isoDate: string): string {
  return longDate.format(dbDate(isoDate)); // midnight UTC of the day, formatted in UTC
}

const stockholmTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2021-12-16T13:03:00Z" → "2021-12-16 kl. 14:03" (Swedish time). */
export function formatSigningTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = Object.fromEntries(stockholmTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} kl. ${parts.hour}:${parts.minute}`;
}
