// Input of the members' forms: förhinder (report, withdraw) and the secretary's pre-filled attendance.
import { z } from "@/lib/zod";

const id = z.string({ error: "Sammanträdet saknas." }).min(1, "Sammanträdet saknas.").max(64);

export const reportAbsenceSchema = z.object({
  meetingId: id,
  /** Optional: why, or what the secretary should know ("kan komma från § 5"). */
  note: z
    .string()
    .trim()
    .max(500, "Meddelandet får vara högst 500 tecken.")
    .optional()
    .transform((v) => (v ? v : null)),
});

export const withdrawAbsenceSchema = z.object({ meetingId: id });

export const prefillAttendanceSchema = z.object({
  meetingId: id,
  /** The attendance list's version the secretary saw (Meeting.attendanceVersion). */
  version: z.coerce
    .number({ error: "Ladda om sidan och försök igen." })
    .int()
    .min(1, "Ladda om sidan och försök igen.")
    .max(2_147_483_647, "Ladda om sidan och försök igen."),
});
