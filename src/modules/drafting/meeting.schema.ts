// Schemas shared by the meeting forms and their server actions.
import { z } from "@/lib/zod";
import { isIsoDate } from "@/lib/iso-date";
import { parseParagraphRanges } from "@/lib/paragraph-ranges";
import { firstNumberField } from "./meeting-settings.schema";
import { ATTENDANCE_ROLES } from "./meeting.constants";

const id = z.string().min(1).max(64);

export const isoDateField = (what: string) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .refine(isIsoDate, `Ange ${what} som ÅÅÅÅ-MM-DD, t.ex. 2021-11-18.`);

/** "10:00", "10.00" or "1000" → "10:00"; "" → null. */
export const timeField = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const m = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(v);
    if (!m) {
      ctx.addIssue({ code: "custom", message: "Ange tiden som TT:MM, t.ex. 10:00." });
      return z.NEVER;
    }
    return `${m[1]!.padStart(2, "0")}:${m[2]}`;
  });

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((v) => (v === "" ? null : v));

/** An optional clock time a form may leave out (older clients): missing = not recorded. */
const optionalTimeField = timeField.optional().transform((v) => v ?? null);

/** "59-62, 64" → ranges; "" → [] (present for the whole meeting). */
export const rangesField = z
  .string()
  .max(200, "Skriv paragraferna kortare, t.ex. 59-62, 64.")
  .transform((v, ctx) => {
    if (v.trim() === "") return [];
    const parsed = parseParagraphRanges(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.ranges;
  });

export const createMeetingSchema = z
  .object({
    bodyId: id,
    date: isoDateField("sammanträdets datum"),
    startTime: timeField,
    endTime: timeField,
    // May be empty where the protocol leaves it out; the checker warns (PLACE_MISSING).
    place: z.string().trim().max(200, "Platsen får vara högst 200 tecken."),
    attendanceFrom: z.enum(["members", "previous", "none"], { error: "Välj var närvarolistan ska hämtas från." }),
    /** Where the §§ start; absent or "": the body's year continues. */
    firstParagraphNumber: firstNumberField.optional().transform((v) => v ?? null),
    /** Start with the body's opening §§ (its opening templates); absent: no. */
    withOpening: z.boolean().optional().default(false),
  })
  .superRefine((m, ctx) => {
    if (m.startTime && m.endTime && m.endTime < m.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Sluttiden kan inte vara före starttiden." });
    }
  });

export const saveMeetingHeaderSchema = z
  .object({
    meetingId: id,
    version: z.number().int().min(1).max(2_147_483_647),
    date: isoDateField("sammanträdets datum"),
    startTime: timeField,
    endTime: timeField,
    // May be empty where the protocol leaves it out; the checker warns (PLACE_MISSING).
    place: z.string().trim().max(200, "Platsen får vara högst 200 tecken."),
    adjustmentPlace: optionalText(200, "Justeringens plats får vara högst 200 tecken."),
    adjustmentDate: z
      .string()
      .trim()
      .refine((v) => v === "" || isIsoDate(v), "Ange justeringsdatum som ÅÅÅÅ-MM-DD.")
      .transform((v) => (v === "" ? null : v)),
    /** "10:00": the justering's time, printed with its place and date. */
    adjustmentTime: optionalTimeField,
    secretaryPersonId: id.nullable(),
    adjusterPersonIds: z.array(id).max(5, "Högst fem justerare."),
  })
  .superRefine((m, ctx) => {
    if (m.startTime && m.endTime && m.endTime < m.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Sluttiden kan inte vara före starttiden." });
    }
    if (m.adjustmentTime && !m.adjustmentDate) {
      ctx.addIssue({
        code: "custom",
        path: ["adjustmentDate"],
        message: "Ange justeringsdatum till tiden, eller ta bort tiden.",
      });
    }
    if (new Set(m.adjusterPersonIds).size !== m.adjusterPersonIds.length) {
      ctx.addIssue({
        code: "custom",
        path: ["adjusterPersonIds"],
        message: "Samma person är vald två gånger som justerare.",
      });
    }
  });

export const attendanceRowSchema = z
  .object({
    /** An existing person, or null with a name to add a new person (e.g. an official). */
    personId: id.nullable(),
    name: z.string().trim().max(200, "Namnet får vara högst 200 tecken."),
    role: z.enum(ATTENDANCE_ROLES, { error: "Välj roll." }),
    represents: optionalText(200, "Högst 200 tecken."),
    title: optionalText(200, "Titeln får vara högst 200 tecken."),
    ranges: rangesField,
    replacesPersonId: id.nullable(),
    /** "14:10": when the person came; "" or missing = not recorded. */
    arrivalTime: optionalTimeField,
    /** "15:30": when the person left. */
    departureTime: optionalTimeField,
  })
  .superRefine((r, ctx) => {
    if (!r.personId && r.name === "")
      ctx.addIssue({ code: "custom", path: ["name"], message: "Skriv namnet eller välj en person." });
    if (r.arrivalTime && r.departureTime && r.departureTime < r.arrivalTime)
      ctx.addIssue({
        code: "custom",
        path: ["departureTime"],
        message: "Tiden personen gick kan inte vara före tiden personen kom.",
      });
    if (r.role === "ABSENT") {
      // A ledamot who came late or left early was there: a ledamot with §§ and times.
      const why =
        "En frånvarande ledamot var inte med på sammanträdet. Kom eller gick ledamoten under mötet, välj rollen Ledamot och ange paragraferna.";
      if (r.ranges.length > 0) ctx.addIssue({ code: "custom", path: ["ranges"], message: why });
      if (r.arrivalTime) ctx.addIssue({ code: "custom", path: ["arrivalTime"], message: why });
      if (r.departureTime) ctx.addIssue({ code: "custom", path: ["departureTime"], message: why });
    }
  });

export const saveAttendanceSchema = z.object({
  meetingId: id,
  version: z.number().int().min(1).max(2_147_483_647),
  rows: z.array(attendanceRowSchema).max(200, "Högst 200 rader i närvarolistan."),
});

/** A new person for the attendance list, created only when the secretary asks for it (a button or Enter). */
export const addAttendancePersonSchema = z.object({
  meetingId: id,
  name: z
    .string({ error: "Skriv den nya personens namn." })
    .trim()
    .min(1, "Skriv den nya personens namn.")
    .max(200, "Namnet får vara högst 200 tecken."),
});

/** A stored attendance row as the editor shows it (the § ranges as text), e.g. in a conflict. */
export interface StoredAttendanceRow {
  personId: string;
  /** For a person not yet in the list of people (in the editor). */
  name: string;
  role: (typeof ATTENDANCE_ROLES)[number];
  represents: string;
  title: string;
  ranges: string;
  replacesPersonId: string;
  /** "14:10" or ""; a draft kept in the browser from before the times existed lacks them. */
  arrivalTime: string;
  departureTime: string;
}
