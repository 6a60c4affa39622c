// Test support: one närvarolista row, for the rule, format and PDF tests that build their own
// attendance.
import type { AttendanceDTO } from "@/domain/protocol/protocol.types";

/** `personId` present the whole meeting in `role`, named by the id in capitals, nothing else set. */
export function attendanceRow(
  personId: string,
  role: AttendanceDTO["role"] = "MEMBER",
  fields: Partial<AttendanceDTO> = {},
): AttendanceDTO {
  return {
    personId,
    name: personId.toUpperCase(),
    role,
    represents: null,
    title: null,
    ranges: [],
    replacesPersonId: null,
    ...fields,
  };
}
