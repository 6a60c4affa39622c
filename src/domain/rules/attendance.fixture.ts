// Test support: attendance rows written as one short string each, for the rule tests.
import type { AttendanceDTO, AttendanceRole, ParagraphRange } from "@/domain/protocol/protocol.types";

/** "59-62, 64" → the § ranges; "" → none (present throughout). */
const ranges = (text: string): ParagraphRange[] =>
  text === ""
    ? []
    : text.split(",").map((part) => {
        const [from, to] = part.trim().split("-").map(Number) as [number, number | undefined];
        return { from, to: to ?? from };
      });

/** "id:ROLE:59-62[:replaces]" → an attendance row, named by its id in capitals. */
export const attendanceRow = (spec: string): AttendanceDTO => {
  const [personId = "", role = "MEMBER", rangeText = "", replaces = ""] = spec.split(":");
  return {
    personId,
    name: personId.toUpperCase(),
    role: role as AttendanceRole,
    represents: null,
    title: null,
    ranges: ranges(rangeText),
    replacesPersonId: replaces === "" ? null : replaces,
  };
};
