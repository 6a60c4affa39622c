// The närvaro- och omröstningslista appended to a protocol whose body prints its beslutande that
// way (fullmäktige practice; Body.appendedAttendanceList), and the mover's party in a yrkande.
// Pure: the PDF (src/pdf/protocol-model.ts) and the HTML view (src/ui/protocol-view.tsx) both
// draw what this returns, so they cannot disagree.
import { formatParagraphRanges } from "@/lib/paragraph-ranges";
import { ballotChoiceMark } from "@/domain/vocabulary";
import type { AttendanceDTO, BallotChoice, ProtocolDTO } from "./protocol.types";

/** What the cover's "Beslutande" says when the list is appended. */
export const APPENDED_LIST_REFERENCE = "Enligt bifogad närvaro- och omröstningslista";
export const APPENDED_LIST_TITLE = "Närvaro- och omröstningslista";

/**
 * The party designation printed after a mover's name ("Anna Andersson (S) yrkar …"): the
 * attendance row's "represents" when it is a party abbreviation (S, M, SD, KD, MP, Sjvp: one
 * word, at most six letters). A member municipality of a kommunalförbund ("Vimmerby kommun", as
 * in the seed protocol) is not printed with the yrkande — the seed prints "Joakim Magnusson yrkar".
 */
export function partyDesignation(represents: string | null | undefined): string | null {
  const value = represents?.trim() ?? "";
  return /^[\p{L}]{1,6}$/u.test(value) ? value : null;
}

/** "Anna Andersson (S)" from the person's attendance rows, or the bare name. */
export function nameWithParty(
  person: { personId: string; name: string },
  attendance: readonly Pick<AttendanceDTO, "personId" | "represents">[],
): string {
  const party = attendance
    .filter((a) => a.personId === person.personId)
    .map((a) => partyDesignation(a.represents))
    .find((p) => p !== null);
  return party ? `${person.name} (${party})` : person.name;
}

export interface AttendanceListColumn {
  /** "§ 62", or "§ 62:1", "§ 62:2" when a § has several votes (a no-break space after §). */
  label: string;
  paragraphNumber: number;
  /** 0-based position of the vote in its §. */
  voteIndex: number;
}

export interface AttendanceListRow {
  /** The ledamot of the seat; "–" when the seat's ledamot is not in the attendance at all. */
  member: string;
  represents: string | null;
  /** "närvarande", "§§ 59-62" or "frånvarande". */
  presence: string;
  /** Serving ersättare for this seat, with their §§ when not the whole meeting. */
  substitutes: string;
  /** One mark per column: J, N, A, – or "" (not recorded). */
  marks: string[];
}

export interface AttendanceList {
  columns: AttendanceListColumn[];
  rows: AttendanceListRow[];
  /** Per column: the J / N / A totals. */
  totals: { ja: number; nej: number; avstar: number }[];
}

const MEMBER_ROLES = new Set<AttendanceDTO["role"]>(["CHAIR", "VICE_CHAIR", "MEMBER"]);
/** A seat's ledamot is listed whether present or recorded as frånvarande (role ABSENT). */
const SEAT_ROLES = new Set<AttendanceDTO["role"]>([...MEMBER_ROLES, "ABSENT"]);

/**
 * A row per seat: each ledamot in the attendance (in its order), present or recorded as
 * frånvarande, with the ersättare serving for them; then each serving ersättare whose ledamot is
 * not in the attendance at all (printed "–"). A column per vote recorded by name, in § order and
 * vote order; votes recorded with totals only have no names to list and are left out (their totals
 * print in the §).
 */
export function attendanceVoteList(protocol: Pick<ProtocolDTO, "attendance" | "paragraphs">): AttendanceList {
  const columns: AttendanceListColumn[] = [];
  const votes: { ballots: Map<string, BallotChoice | null> }[] = [];
  for (const p of protocol.paragraphs) {
    const named = p.votes.map((v, i) => ({ v, i })).filter(({ v }) => v.counts === null && v.ballots.length > 0);
    for (const { v, i } of named) {
      columns.push({
        label: named.length > 1 ? `§\u00a0${p.number}:${i + 1}` : `§\u00a0${p.number}`,
        paragraphNumber: p.number,
        voteIndex: i,
      });
      votes.push({ ballots: new Map(v.ballots.map((b) => [b.personId, b.choice])) });
    }
  }

  const firstRow = new Map<string, AttendanceDTO>();
  for (const a of protocol.attendance) if (!firstRow.has(a.personId)) firstRow.set(a.personId, a);
  const members = [...firstRow.values()].filter((a) => SEAT_ROLES.has(a.role));
  const memberIds = new Set(members.map((m) => m.personId));
  const serving = protocol.attendance.filter((a) => a.role === "SERVING_SUBSTITUTE");

  const seatMark = (ids: readonly string[], column: number): string => {
    const ballots = votes[column]!.ballots;
    for (const id of ids) {
      if (!ballots.has(id)) continue;
      const choice = ballots.get(id) ?? null;
      return choice === null ? "" : ballotChoiceMark[choice];
    }
    return "";
  };
  const substituteText = (rows: readonly AttendanceDTO[]) =>
    rows.map((s) => [s.name, formatParagraphRanges(s.ranges)].filter(Boolean).join(" ")).join(", ");
  const presenceOf = (personId: string) => {
    const rows = protocol.attendance.filter((a) => a.personId === personId && MEMBER_ROLES.has(a.role));
    if (rows.length === 0) return "frånvarande";
    if (rows.some((r) => r.ranges.length === 0)) return "närvarande";
    return formatParagraphRanges(rows.flatMap((r) => r.ranges));
  };

  const rows: AttendanceListRow[] = members.map((m) => {
    const subs = serving.filter((s) => s.replacesPersonId === m.personId && s.personId !== m.personId);
    const ids = [m.personId, ...subs.map((s) => s.personId)];
    return {
      member: m.name,
      represents: m.represents,
      presence: presenceOf(m.personId),
      substitutes: substituteText(subs),
      marks: columns.map((_, c) => seatMark(ids, c)),
    };
  });
  const placed = new Set(
    serving
      .filter(
        (s) => s.replacesPersonId !== null && s.replacesPersonId !== s.personId && memberIds.has(s.replacesPersonId),
      )
      .map((s) => s.personId),
  );
  const orphans = new Map<string, AttendanceDTO[]>();
  for (const s of serving) {
    if (placed.has(s.personId) || memberIds.has(s.personId)) continue;
    const key = s.replacesPersonId ?? `self:${s.personId}`;
    orphans.set(key, [...(orphans.get(key) ?? []), s]);
  }
  for (const subs of orphans.values()) {
    rows.push({
      member: "–",
      represents: subs[0]!.represents,
      presence: "frånvarande",
      substitutes: substituteText(subs),
      marks: columns.map((_, c) =>
        seatMark(
          subs.map((s) => s.personId),
          c,
        ),
      ),
    });
  }

  const totals = columns.map((_, c) => ({
    ja: rows.filter((r) => r.marks[c] === ballotChoiceMark.JA).length,
    nej: rows.filter((r) => r.marks[c] === ballotChoiceMark.NEJ).length,
    avstar: rows.filter((r) => r.marks[c] === ballotChoiceMark.AVSTAR).length,
  }));
  return { columns, rows, totals };
}
