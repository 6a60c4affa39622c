/**
 * Who took part in each §, and whether that is lawful: quorum per §, substitutes serving only for
 * absent members, no member re-entering except after jäv, presence ranges within the meeting.
 * Pure: plain DTO data in, findings out.
 */
import { compressParagraphNumbers, formatParagraphRanges, isInParagraphRanges } from "@/lib/paragraph-ranges";
import type {
  AttendanceDTO,
  AttendanceRole,
  ParagraphDTO,
  ParagraphRange,
  PersonRef,
  ProtocolDTO,
} from "@/domain/protocol/protocol.types";
import { attendanceRoleTerms } from "@/domain/vocabulary";
import { createFinding, type Finding } from "./finding";

/** Roles that decide (beslutande): they count for quorum and may move, vote and reserve. */
export const DECIDING_ROLES: readonly AttendanceRole[] = ["CHAIR", "VICE_CHAIR", "MEMBER", "SERVING_SUBSTITUTE"];

/** Roles held by the body's own ledamöter, who may not leave and come back (except after jäv). */
const MEMBER_ROLES: readonly AttendanceRole[] = ["CHAIR", "VICE_CHAIR", "MEMBER"];

export function isDecidingRole(role: AttendanceRole): boolean {
  return DECIDING_ROLES.includes(role);
}

/**
 * An attendance row covers § `number` when its ranges include it; no ranges = the whole meeting. A
 * frånvarande ledamot's row covers no §.
 */
export function isPresentIn(row: Pick<AttendanceDTO, "ranges" | "role">, number: number): boolean {
  if (row.role === "ABSENT") return false;
  return row.ranges.length === 0 || isInParagraphRanges(number, row.ranges);
}

export interface AttendanceRulesInput {
  body: Pick<ProtocolDTO["body"], "seatCount">;
  attendance: readonly AttendanceDTO[];
  paragraphs: readonly Pick<ParagraphDTO, "number" | "recusals">[];
}

export interface ParagraphParticipation {
  paragraphNumber: number;
  /** Deciding members present and not jäviga: those who took part in the § (5 kap. 67 § 5). */
  participants: PersonRef[];
  /**
   * Who votes in the §: the participants, less a ledamot whose seat a serving substitute present
   * in the § takes (one vote per seat). In attendance order.
   */
  voters: PersonRef[];
  /** Everyone present in any role, jäviga included (for notes and speaking rights). */
  presentPersonIds: string[];
  recusedPersonIds: string[];
  /** The chair of the §: the ordförande if taking part, else the vice ordförande, else null. */
  chairPersonId: string | null;
  /**
   * Seats taken: participants, where a serving substitute and the member they replace, both
   * listed, take one seat (that overlap is reported separately).
   */
  seats: number;
}

function uniqueSortedNumbers(paragraphs: AttendanceRulesInput["paragraphs"]): number[] {
  return [...new Set(paragraphs.map((p) => p.number))].sort((a, b) => a - b);
}

/** Who took part in each § of the meeting, in § order. */
export function computeParticipation(input: AttendanceRulesInput): ParagraphParticipation[] {
  const numbers = uniqueSortedNumbers(input.paragraphs);
  return numbers.map((number) => {
    const recusedPersonIds = input.paragraphs
      .filter((p) => p.number === number)
      .flatMap((p) => p.recusals.map((r) => r.personId));
    const rowsPresent = input.attendance.filter((row) => isPresentIn(row, number));
    const deciding = rowsPresent.filter((row) => isDecidingRole(row.role) && !recusedPersonIds.includes(row.personId));

    const participants: PersonRef[] = [];
    for (const row of deciding) {
      if (!participants.some((p) => p.personId === row.personId)) {
        participants.push({ personId: row.personId, name: row.name });
      }
    }
    const participantIds = new Set(participants.map((p) => p.personId));
    const substitutesForPresentMembers = new Set(
      deciding
        .filter(
          (row) =>
            row.role === "SERVING_SUBSTITUTE" &&
            row.replacesPersonId !== null &&
            row.replacesPersonId !== row.personId &&
            participantIds.has(row.replacesPersonId),
        )
        .map((row) => row.personId),
    );
    const replacedIds = new Set(
      deciding
        .filter((row) => substitutesForPresentMembers.has(row.personId))
        .map((row) => row.replacesPersonId as string),
    );
    const chair =
      deciding.find((row) => row.role === "CHAIR") ?? deciding.find((row) => row.role === "VICE_CHAIR") ?? null;

    return {
      paragraphNumber: number,
      participants,
      voters: participants.filter((p) => !replacedIds.has(p.personId)),
      presentPersonIds: [...new Set(rowsPresent.map((row) => row.personId))],
      recusedPersonIds: [...new Set(recusedPersonIds)],
      chairPersonId: chair?.personId ?? null,
      seats: participants.length - substitutesForPresentMembers.size,
    };
  });
}

/** More than half of the seats must be taken (6 kap. 27 § KL). */
export function hasQuorum(seats: number, seatCount: number): boolean {
  return seats * 2 > seatCount;
}

/** The fewest ledamöter with which the body may decide: 6 seats → 4. */
export function quorumMinimum(seatCount: number): number {
  return Math.floor(seatCount / 2) + 1;
}

function listNumbers(numbers: readonly number[]): string {
  return formatParagraphRanges(compressParagraphNumbers(numbers));
}

/** The parts of `range` that are not §§ of the meeting, as ranges. */
function rangesOutside(range: ParagraphRange, meetingNumbers: readonly number[]): ParagraphRange[] {
  const outside: ParagraphRange[] = [];
  let cursor = range.from;
  for (const n of meetingNumbers) {
    if (n < range.from || n > range.to) continue;
    if (n > cursor) outside.push({ from: cursor, to: n - 1 });
    cursor = n + 1;
  }
  if (cursor <= range.to) outside.push({ from: cursor, to: range.to });
  return outside;
}

function checkRanges(input: AttendanceRulesInput, meetingNumbers: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  const meetingText = listNumbers(meetingNumbers);
  input.attendance.forEach((row, index) => {
    const field = `attendance[${index}]`;
    for (const range of row.ranges) {
      if (range.from > range.to) {
        findings.push(
          createFinding(
            "RANGE_INVALID",
            "error",
            `Närvarointervallet ${range.from}-${range.to} för ${row.name} går baklänges. Skriv det lägsta numret först, t.ex. ${range.to}-${range.from}.`,
            null,
            field,
          ),
        );
        continue;
      }
      const outside = rangesOutside(range, meetingNumbers);
      if (outside.length > 0) {
        findings.push(
          createFinding(
            "RANGE_OUTSIDE_MEETING",
            "error",
            `${row.name} står som närvarande i ${formatParagraphRanges(outside)}, som inte finns i protokollet (${meetingText}). Rätta paragrafintervallet.`,
            null,
            field,
          ),
        );
      }
    }
  });
  return findings;
}

function checkDoubleSeats(input: AttendanceRulesInput, meetingNumbers: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  const people = new Map<string, number[]>();
  input.attendance.forEach((row, index) => {
    if (!isDecidingRole(row.role)) return;
    people.set(row.personId, [...(people.get(row.personId) ?? []), index]);
  });
  for (const indexes of people.values()) {
    if (indexes.length < 2) continue;
    const overlapping = meetingNumbers.filter(
      (n) => indexes.filter((i) => isPresentIn(input.attendance[i]!, n)).length > 1,
    );
    if (overlapping.length === 0) continue;
    const rows = indexes.map((i) => input.attendance[i]!);
    const first = rows[0]!;
    const roles = [...new Set(rows.map((row) => attendanceRoleTerms[row.role].word))].join(" och ");
    findings.push(
      createFinding(
        "DOUBLE_SEAT",
        "error",
        `${first.name} står som beslutande flera gånger (${roles}) i ${listNumbers(overlapping)}. En person har en plats per paragraf; rätta paragrafintervallen.`,
        overlapping[0]!,
        `attendance[${indexes[1]!}]`,
      ),
    );
  }
  return findings;
}

function checkSubstitutes(input: AttendanceRulesInput, participation: readonly ParagraphParticipation[]): Finding[] {
  const findings: Finding[] = [];
  input.attendance.forEach((row, index) => {
    if (row.role !== "SERVING_SUBSTITUTE" || row.replacesPersonId === null) return;
    const replaced = input.attendance.find((other) => other.personId === row.replacesPersonId) ?? null;
    for (const p of participation) {
      const servesHere = p.participants.some((x) => x.personId === row.personId) && isPresentIn(row, p.paragraphNumber);
      const memberHere = p.participants.some((x) => x.personId === row.replacesPersonId);
      if (!servesHere || !memberHere) continue;
      const replacedName = replaced?.name ?? "den ledamot som ersätts";
      findings.push(
        createFinding(
          "SUBSTITUTE_WITH_MEMBER_PRESENT",
          "error",
          `I § ${p.paragraphNumber} står ${row.name} som tjänstgörande ersättare för ${replacedName}, som också deltar i paragrafen. En ersättare tjänstgör bara i stället för en frånvarande ledamot, och byten sker mellan ärenden. Rätta paragrafintervallen så att de inte överlappar.`,
          p.paragraphNumber,
          `attendance[${index}]`,
        ),
      );
    }
  });
  return findings;
}

function checkReturns(input: AttendanceRulesInput, meetingNumbers: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  input.attendance.forEach((row, index) => {
    if (!MEMBER_ROLES.includes(row.role) || seen.has(row.personId)) return;
    seen.add(row.personId);
    const rows = input.attendance.filter((r) => r.personId === row.personId && isDecidingRole(r.role));
    const recusedIn = (n: number) =>
      input.paragraphs.some((p) => p.number === n && p.recusals.some((r) => r.personId === row.personId));
    const isIn = (n: number) => rows.some((r) => isPresentIn(r, n)) && !recusedIn(n);

    const present = meetingNumbers.filter(isIn);
    const first = present[0];
    const last = present[present.length - 1];
    if (first === undefined || last === undefined) return;
    const between = meetingNumbers.filter((n) => n > first && n < last);
    let gap: number[] = [];
    for (const n of [...between, last]) {
      if (!isIn(n)) {
        if (!recusedIn(n)) gap.push(n);
        continue;
      }
      if (gap.length > 0) {
        const before = meetingNumbers.filter((m) => m < gap[0]!).pop();
        findings.push(
          createFinding(
            "MEMBER_RETURNED",
            "error",
            `${row.name} lämnade sammanträdet${before === undefined ? "" : ` efter § ${before}`} och deltar igen från § ${n}. En ledamot som avbrutit sin tjänstgöring får återinträda bara efter jäv. Ange jäv för ${listNumbers(gap)} eller rätta närvaron.`,
            n,
            `attendance[${index}]`,
          ),
        );
      }
      gap = [];
    }
  });
  return findings;
}

/**
 * A frånvarande ledamot: absent from the whole meeting (one who came late or left early is a
 * ledamot with §§), so no §§ or times, and not also listed as present.
 */
function checkAbsent(input: AttendanceRulesInput): Finding[] {
  const findings: Finding[] = [];
  input.attendance.forEach((row, index) => {
    if (row.role !== "ABSENT") return;
    const field = `attendance[${index}]`;
    if (row.ranges.length > 0 || row.arrivalTime || row.departureTime) {
      findings.push(
        createFinding(
          "ABSENT_WITH_PRESENCE",
          "error",
          `${row.name} står som frånvarande men med ${row.ranges.length > 0 ? `närvaro i ${formatParagraphRanges(row.ranges)}` : "tider"}. En frånvarande ledamot var inte med på sammanträdet; kom eller gick ledamoten under mötet, ange rollen ledamot med paragraferna och tiderna.`,
          null,
          field,
        ),
      );
    }
    const present = input.attendance.find((other) => other.personId === row.personId && other.role !== "ABSENT");
    if (present) {
      findings.push(
        createFinding(
          "ABSENT_AND_PRESENT",
          "error",
          `${row.name} står både som frånvarande och som ${attendanceRoleTerms[present.role].word}. Ta bort den rad som inte stämmer.`,
          null,
          field,
        ),
      );
    }
  });
  return findings;
}

function checkRecusals(input: AttendanceRulesInput): Finding[] {
  const findings: Finding[] = [];
  for (const paragraph of input.paragraphs) {
    paragraph.recusals.forEach((recusal, index) => {
      if (input.attendance.some((row) => row.personId === recusal.personId && row.role !== "ABSENT")) return;
      findings.push(
        createFinding(
          "RECUSAL_NOT_PRESENT",
          "warning",
          `${recusal.name} anges som jävig i § ${paragraph.number} men finns inte i närvarolistan. Lägg till personen bland de närvarande eller ta bort jävsanteckningen.`,
          paragraph.number,
          `recusals[${index}]`,
        ),
      );
    });
  }
  return findings;
}

/**
 * Too few or too many seats taken. One finding per distinct count, naming every § it concerns
 * (a long meeting below quorum gets one finding, not one per §); a finding of a single § points
 * at that §, one of several §§ at the attendance list.
 */
function checkSeats(input: AttendanceRulesInput, participation: readonly ParagraphParticipation[]): Finding[] {
  const { seatCount } = input.body;
  if (seatCount < 1) return [];
  const groups = new Map<string, { code: "QUORUM" | "OVER_SEATS"; seats: number; numbers: number[] }>();
  for (const p of participation) {
    const code = !hasQuorum(p.seats, seatCount) ? "QUORUM" : p.seats > seatCount ? "OVER_SEATS" : null;
    if (!code) continue;
    const key = `${code}:${p.seats}`;
    const group = groups.get(key) ?? { code, seats: p.seats, numbers: [] };
    group.numbers.push(p.paragraphNumber);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ code, seats, numbers }) => {
    const where = listNumbers(numbers);
    const single = numbers.length === 1;
    const message =
      code === "QUORUM"
        ? `I ${where} deltar bara ${seats} av ${seatCount} ledamöter. Organet får besluta bara när mer än hälften av ledamöterna är närvarande, här minst ${quorumMinimum(seatCount)}. Kontrollera närvaron och jäv för ${single ? "paragrafen" : "paragraferna"}.`
        : `I ${where} står ${seats} beslutande, men organet har ${seatCount} platser. Kontrollera vilka ersättare som tjänstgör och i stället för vem.`;
    return createFinding(code, "error", message, single ? numbers[0]! : null, "attendance");
  });
}

/** All attendance findings for a protocol, protocol-level first, then by §. */
export function checkAttendance(input: AttendanceRulesInput): Finding[] {
  const meetingNumbers = uniqueSortedNumbers(input.paragraphs);
  const participation = computeParticipation(input);
  return [
    ...checkRanges(input, meetingNumbers),
    ...checkDoubleSeats(input, meetingNumbers),
    ...checkSubstitutes(input, participation),
    ...checkReturns(input, meetingNumbers),
    ...checkAbsent(input),
    ...checkRecusals(input),
    ...checkSeats(input, participation),
  ];
}
