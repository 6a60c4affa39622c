// One zod schema for the paragraph form and its server action. Messages are Swedish and say
// what to do. Empty list rows (a new, untouched att-clause) are dropped rather than refused, so
// autosave never fails on a row the secretary has only just added.
import { z } from "@/lib/zod";
import { richDocSchema } from "@/domain/richtext/richtext.schema";
import { BALLOT_CHOICES, MOTION_KINDS, SECTION_KINDS, VOTE_OUTCOMES } from "./paragraph.constants";

const personId = z.string({ error: "Välj en person." }).min(1, "Välj en person.").max(64);

const lines = (max: number, label: string) =>
  z
    .array(z.string().max(2_000, `En rad i ${label} får vara högst 2 000 tecken.`))
    .max(max, `Högst ${max} rader i ${label}.`)
    .transform((rows) => rows.map((r) => r.trim()).filter((r) => r !== ""));

/** An issue at each entry of a list whose person already stands earlier in it (at list.i.personId). */
function refuseRepeatedPerson(
  ctx: z.RefinementCtx,
  entries: readonly { personId: string }[],
  list: (string | number)[],
  message: string,
) {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.personId)) ctx.addIssue({ code: "custom", path: [...list, i, "personId"], message });
    seen.add(e.personId);
  });
}

const longText = (what: string) => z.string().max(20_000, `${what} får vara högst 20 000 tecken.`);

/** A total of a vote recorded without names ("9 ja"). */
const voteCount = (word: string) =>
  z
    .number({ error: `Ange antalet ${word} som ett heltal.` })
    .int(`Ange antalet ${word} som ett heltal.`)
    .min(0, `Antalet ${word} kan inte vara negativt.`)
    .max(1_000, `Antalet ${word} får vara högst 1 000.`);

/**
 * The most text one § may hold, counted over every field. A real § is well under 100,000
 * characters; five times that still renders as a draft PDF in a few seconds (about 150 pages),
 * while the per-field limits alone would let a § grow to gigabytes.
 */
export const MAX_PARAGRAPH_TEXT = 500_000;

/** Characters in every string of `value` (walked without recursion). */
function textLength(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "string") total += node.length;
    else if (Array.isArray(node)) for (const child of node) stack.push(child);
    else if (node !== null && typeof node === "object") for (const child of Object.values(node)) stack.push(child);
  }
  return total;
}

// The rubrik, decision and sections of a §; a § template (src/modules/templates) is made of them.
export const titleSchema = z
  .string()
  .trim()
  .min(1, "Skriv en rubrik för paragrafen.")
  .max(300, "Rubriken får vara högst 300 tecken.");
export const decisionSchema = z.object({
  intro: longText("Beslutet").transform((s) => s.trim()),
  clauses: z
    .array(longText("En att-sats"))
    .max(50, "Högst 50 att-satser.")
    .transform((rows) => rows.map((r) => r.trim()).filter((r) => r !== "")),
});
export const sectionsSchema = z
  .array(
    z.object({
      kind: z.enum(SECTION_KINDS),
      // Empty: running text without a heading (printed without one).
      heading: z.string().trim().max(200, "Rubriken får vara högst 200 tecken."),
      content: richDocSchema,
    }),
  )
  .max(30, "Högst 30 avsnitt i en paragraf.");

export const paragraphContentSchema = z
  .object({
    caseNumber: z
      .string()
      .trim()
      .max(60, "Diarienumret får vara högst 60 tecken.")
      .nullable()
      .transform((v) => (v ? v : null)),
    title: titleSchema,
    decision: decisionSchema,
    sections: sectionsSchema,
    basisDocuments: lines(100, "beslutsunderlaget"),
    dispatch: lines(100, "beslutsexpedieringen"),
    motions: z
      .array(
        z.object({
          personId,
          kind: z.enum(MOTION_KINDS, { error: "Välj typ av yrkande." }),
          text: z.string().trim().min(1, "Skriv yrkandets text.").max(20_000, "Yrkandet får vara högst 20 000 tecken."),
          amendsIndex: z.number().int().min(0).nullable(),
          withdrawn: z.boolean(),
        }),
      )
      .max(50, "Högst 50 yrkanden."),
    propositions: lines(20, "propositionsordningen"),
    votes: z
      .array(
        z.object({
          question: z.string().trim().min(1, "Skriv vad omröstningen gällde.").max(2_000),
          result: z.string().trim().max(2_000),
          outcome: z.enum(VOTE_OUTCOMES, { error: "Välj utfall." }),
          ballots: z
            .array(
              z.object({
                personId,
                // Null until entered: saved as it is (no data lost), named by the checker.
                choice: z
                  .enum(BALLOT_CHOICES, { error: "Välj ja, nej, avstår, frånvarande eller deltar ej." })
                  .nullable(),
              }),
            )
            .max(300),
          // Totals only, when the protocol names no voters (then no ballots).
          counts: z
            .object({ ja: voteCount("ja"), nej: voteCount("nej"), avstar: voteCount("avstår") })
            .nullable()
            .default(null),
        }),
      )
      .max(10, "Högst 10 omröstningar i en paragraf."),
    reservations: z
      .array(
        z.object({
          personId,
          reasons: z
            .string()
            .trim()
            .max(20_000)
            .nullable()
            .transform((v) => (v ? v : null)),
          writtenLater: z.boolean().default(false),
        }),
      )
      .max(100),
    notes: z
      .array(
        z.object({
          personId: personId.nullable(),
          text: z.string().trim().min(1, "Skriv anteckningens text.").max(20_000),
        }),
      )
      .max(50),
    recusals: z
      // The reason may be left out, as many protocols do; the checker warns (RECUSAL_REASON_MISSING).
      .array(z.object({ personId, reason: z.string().trim().max(1_000, "Skälet får vara högst 1 000 tecken.") }))
      .max(50),
    isConfidential: z.boolean(),
    // What the public copy withholds beyond a confidential § (issue 17.2): the ground, shown
    // publicly; names of private persons replaced by "[utelämnat]" (passages: a mark in sections).
    withholdingGround: z
      .string()
      .trim()
      .max(200, 'Grunden för att utelämna får vara högst 200 tecken, t.ex. "OSL 26 kap. 1 §".')
      .nullable()
      .default(null)
      .transform((v) => (v ? v : null)),
    redactedNames: z
      .array(
        z
          .string()
          .trim()
          .max(200, "Ett namn att utelämna får vara högst 200 tecken.")
          .refine((n) => n === "" || n.length >= 2, "Ett namn att utelämna behöver minst två tecken."),
      )
      .max(50, "Högst 50 namn att utelämna per paragraf.")
      .default([])
      .transform((names) => names.filter((n) => n !== "")),
    isImmediatelyAdjusted: z.boolean(),
  })
  .superRefine((p, ctx) => {
    const length = textLength(p);
    if (length > MAX_PARAGRAPH_TEXT) {
      const n = (x: number) => x.toLocaleString("sv-SE");
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `Paragrafen får vara högst ${n(MAX_PARAGRAPH_TEXT)} tecken men har ${n(length)}; dela upp texten på flera paragrafer eller lägg den som bilaga.`,
      });
    }
    p.motions.forEach((m, i) => {
      if (m.amendsIndex !== null && m.amendsIndex >= i) {
        ctx.addIssue({
          code: "custom",
          path: ["motions", i, "amendsIndex"],
          message: "Ett ändrings- eller tilläggsyrkande kan bara gälla ett tidigare yrkande.",
        });
      }
    });
    refuseRepeatedPerson(ctx, p.reservations, ["reservations"], "Personen har redan en reservation i paragrafen.");
    refuseRepeatedPerson(ctx, p.recusals, ["recusals"], "Personen har redan jäv antecknat i paragrafen.");
    p.votes.forEach((v, vi) => {
      if (v.counts !== null && v.ballots.length > 0)
        ctx.addIssue({
          code: "custom",
          path: ["votes", vi, "counts"],
          message: "Ange antingen röster per namn eller bara summorna, inte båda.",
        });
      refuseRepeatedPerson(ctx, v.ballots, ["votes", vi, "ballots"], "Personen har redan en röst i omröstningen.");
    });
  });

export type ParagraphContent = z.output<typeof paragraphContentSchema>;
export type ParagraphContentInput = z.input<typeof paragraphContentSchema>;

export const saveParagraphSchema = z.object({
  paragraphId: z.string().min(1).max(64),
  version: z.number({ error: "Versionen saknas; ladda om sidan." }).int().min(1).max(2_147_483_647),
  content: paragraphContentSchema,
});

export const paragraphRefSchema = z.object({ paragraphId: z.string().min(1).max(64) });
export const moveParagraphSchema = paragraphRefSchema.extend({ direction: z.enum(["up", "down"]) });
const paragraphOrder = z.array(z.string().min(1).max(64)).max(1000, "Högst 1 000 paragrafer.");
/**
 * A new order of all the meeting's §§ (a drag in the outline moving a § several steps), checked
 * against the order the editor saw (`expected`), so that two secretaries' moves never interleave.
 */
export const reorderParagraphsSchema = z.object({
  meetingId: z.string().min(1).max(64),
  expected: paragraphOrder,
  order: paragraphOrder,
});
export const addParagraphSchema = z.object({
  meetingId: z.string().min(1).max(64),
  title: z.string().trim().min(1, "Skriv en rubrik för paragrafen.").max(300, "Rubriken får vara högst 300 tecken."),
});
