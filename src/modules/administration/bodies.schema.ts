// Schemas of the bodies (organ) and organisation forms: Swedish messages, numbers typed as text.
import { requiredText, z } from "@/lib/zod";
import { MAX_NAMES_YEARS } from "@/domain/publication/retention";
import { BODY_KINDS, DECISION_PLACEMENTS } from "./bodies.constants";

const id = z.string().trim().min(1).max(64);

/** A whole number typed in a text field, within bounds, with the Swedish message for each way it fails. */
export const wholeNumber = (what: string, min: number, max: number) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, { error: `Ange ${what}.`, abort: true })
    .refine((v) => /^\d{1,6}$/.test(v), { error: `Ange ${what} som ett heltal, t.ex. ${min}.`, abort: true })
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Ange ${what} mellan ${min} och ${max}.`);

const text = (what: string, max: number) =>
  requiredText(max, {
    missing: `Ange ${what}.`,
    tooLong: `${what.charAt(0).toUpperCase()}${what.slice(1)} får vara högst ${max} tecken.`,
  });

/** An optional text: "" → null. */
export const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} får vara högst ${max} tecken.`)
    .transform((v) => (v === "" ? null : v));

const bodyFields = {
  name: text("organets namn", 200),
  genitiveName: text("genitivformen, t.ex. Arbetsutskottets", 200),
  kind: z.enum(BODY_KINDS, { error: "Välj vilket slags organ det är." }),
  seatCount: wholeNumber("antalet ledamotsplatser", 1, 999),
  /** "" → reports to no body. */
  parentBodyId: z
    .string()
    .trim()
    .max(64)
    .transform((v) => (v === "" ? null : v)),
};

export const createBodySchema = z.object({ organisationId: id, ...bodyFields });
export const updateBodySchema = z.object({
  bodyId: id,
  ...bodyFields,
  /**
   * The protocol's layout (issue 14 point 7): where each § prints the decision, and whether the
   * cover refers to an appended närvaro- och omröstningslista. Absent: unchanged.
   */
  decisionPlacement: z
    .enum(DECISION_PLACEMENTS, { error: "Välj om beslutet står före eller efter ärendebeskrivningen." })
    .optional(),
  appendedAttendanceList: z.boolean().optional(),
  /**
   * Before the meeting (issue 15): the kallelse's time. Absent: unchanged. (The opening §§ are the
   * body's opening templates, src/modules/templates.)
   */
  summonsLeadDays: wholeNumber("hur många dagar före sammanträdet kallelsen ska skickas", 0, 60).optional(),
  /** The live meeting (issue 20): ledamöter vote on their own devices. Absent: unchanged. */
  liveSelfVoting: z.boolean().optional(),
});

/** Ersättarordning: "" clears it. */
export const setCallOrderSchema = z.object({
  membershipId: id,
  callOrder: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^\d{1,2}$/.test(v) || Number(v) < 1) {
        ctx.addIssue({ code: "custom", message: "Ange ersättarens plats i ordningen som ett heltal mellan 1 och 99." });
        return z.NEVER;
      }
      return Number(v);
    }),
});

export const updateOrganisationSchema = z.object({
  organisationId: id,
  name: text("organisationens namn", 200),
  storagePlace: optionalText("förvaringsplatsen", 300),
  noticeBoard: optionalText("anslagstavlans adress", 300),
  noticeWording: optionalText("anslagets text", 2000),
  noticeCertifier: optionalText("namnet på den som intygar anslaget", 200),
  caseNumberExample: optionalText("exemplet på diarienummer", 100),
  // How long the public copy keeps personal names (domain/publication/retention.ts); empty: always.
  publicNamesYears: z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > MAX_NAMES_YEARS) {
        ctx.addIssue({
          code: "custom",
          message: `Ange antal år som ett heltal mellan 1 och ${MAX_NAMES_YEARS}, eller lämna fältet tomt.`,
        });
        return z.NEVER;
      }
      return Number(v);
    })
    .optional(),
  noindexAfterAppeal: z.boolean().optional(),
});
