// "Förifyll närvaron": the meeting's attendance list with the förhinder applied. Pure; the result
// is the input of the drafting module's attendance save (its version check and audit apply).
//
// - An absent ledamot (or ordförande): their row becomes ABSENT (no §§, no times); missing, an
//   ABSENT row is added with the ledamöter.
// - The suggested ersättare: their row (a non-serving ersättare) becomes SERVING_SUBSTITUTE in the
//   absent ledamot's seat; missing, a row is added after the ledamöter.
// - An ersättare with förhinder: their non-serving row is left out (they will not be there).
// - Everything else stays as it is, in its order.
import type { SubstituteSuggestion } from "@/domain/rules/substitutes.rules";

/** An attendance row in the shape the drafting module's save takes (saveAttendanceSchema). */
export interface AttendanceInputRow {
  personId: string | null;
  name: string;
  role: "CHAIR" | "VICE_CHAIR" | "MEMBER" | "SERVING_SUBSTITUTE" | "SUBSTITUTE" | "OTHER" | "ABSENT";
  represents: string;
  title: string;
  ranges: string;
  replacesPersonId: string | null;
  arrivalTime: string;
  departureTime: string;
}

const blank = (personId: string, name: string, represents: string): AttendanceInputRow => ({
  personId,
  name,
  role: "MEMBER",
  represents,
  title: "",
  ranges: "",
  replacesPersonId: null,
  arrivalTime: "",
  departureTime: "",
});

const SEATED = new Set(["CHAIR", "VICE_CHAIR", "MEMBER", "ABSENT"]);

export function prefillAttendance(
  current: readonly AttendanceInputRow[],
  absentSubstituteIds: readonly string[],
  suggestions: readonly SubstituteSuggestion[],
): { rows: AttendanceInputRow[]; changed: number } {
  let changed = 0;
  const absentSubs = new Set(absentSubstituteIds);
  let rows = current.filter((r) => {
    const drop = r.personId !== null && absentSubs.has(r.personId) && r.role === "SUBSTITUTE";
    if (drop) changed++;
    return !drop;
  });
  rows = rows.map((r) => ({ ...r }));
  const lastSeatIndex = () => {
    let i = -1;
    rows.forEach((r, j) => {
      if (SEATED.has(r.role)) i = j;
    });
    return i;
  };
  for (const s of suggestions) {
    const member = s.absent;
    const mine = rows.filter((r) => r.personId === member.personId);
    if (mine.length === 0) {
      rows.splice(lastSeatIndex() + 1, 0, {
        ...blank(member.personId, member.name, member.represents),
        role: "ABSENT",
      });
      changed++;
    } else {
      for (const r of mine) {
        if (r.role === "ABSENT") continue;
        Object.assign(r, { role: "ABSENT", ranges: "", arrivalTime: "", departureTime: "", replacesPersonId: null });
        changed++;
      }
    }
    if (!s.substitute || s.basis === "ALREADY_CALLED") continue;
    const sub = s.substitute;
    const row = rows.find((r) => r.personId === sub.personId && r.role === "SUBSTITUTE");
    if (row) {
      Object.assign(row, { role: "SERVING_SUBSTITUTE", replacesPersonId: member.personId });
    } else if (!rows.some((r) => r.personId === sub.personId && r.role === "SERVING_SUBSTITUTE")) {
      rows.splice(lastSeatIndex() + 1, 0, {
        ...blank(sub.personId, sub.name, sub.represents),
        role: "SERVING_SUBSTITUTE",
        replacesPersonId: member.personId,
      });
    } else continue;
    changed++;
  }
  return { rows, changed };
}
