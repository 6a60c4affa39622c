// New §§ at the end of a meeting, numbered as the body's year continues (paragraph.numbering.ts):
// the one path for the editor's "add §", a § made from a template (src/modules/templates), the
// opening §§ a new meeting starts with and the agenda turned into §§ (src/modules/agenda). A §
// template is a § without number, attendance or people: its rubrik, decision and sections, read
// here from the stored template and copied into the §.
import type { Prisma } from "@/generated/prisma/client";
import type { SectionDTO } from "@/domain/protocol/protocol.types";
import type { OpeningParagraph } from "@/domain/rules/agenda-fate.rules";
import { AppError } from "@/server/errors";
import { nextParagraphNumbers } from "./paragraph.numbering";
import { paragraphPartsData } from "./paragraph.persist";
import { sectionsSchema } from "./paragraph.schema";

type Tx = Prisma.TransactionClient;

/**
 * What a new § holds: a template's content, a rubrik alone (the editor's "add §"), or an ärende's
 * (src/modules/agenda, with its Dnr, beslutsunderlag and sekretess).
 */
export interface ParagraphDraft {
  title: string;
  decisionIntro: string;
  decisionClauses: readonly string[];
  sections: readonly SectionDTO[];
  caseNumber?: string | null;
  basisDocuments?: readonly string[];
  isConfidential?: boolean;
}

/** Creates the §§ last in the meeting, in order; their ids and numbers. */
export async function appendParagraphs(
  tx: Tx,
  meetingId: string,
  drafts: readonly ParagraphDraft[],
): Promise<{ id: string; number: number }[]> {
  if (drafts.length === 0) return [];
  const { bodyId, year, numbers } = await nextParagraphNumbers(tx, meetingId, drafts.length);
  const created: { id: string; number: number }[] = [];
  for (const [i, d] of drafts.entries()) {
    const parts = paragraphPartsData(
      {
        sections: [...d.sections],
        basisDocuments: [...(d.basisDocuments ?? [])],
        dispatch: [],
        propositions: [],
        reservations: [],
        notes: [],
        recusals: [],
        votes: [],
      },
      (id) => id,
    );
    created.push(
      await tx.paragraph.create({
        data: {
          meetingId,
          bodyId,
          year,
          number: numbers[i]!,
          title: d.title,
          caseNumber: d.caseNumber ?? null,
          decisionIntro: d.decisionIntro,
          decisionClauses: [...d.decisionClauses],
          isConfidential: d.isConfidential ?? false,
          ...parts,
        },
        select: { id: true, number: true },
      }),
    );
  }
  return created;
}

/** The columns of a stored template that make a §. */
export const templateDraftSelect = {
  id: true,
  bodyId: true,
  title: true,
  decisionIntro: true,
  decisionClauses: true,
  sections: true,
} as const satisfies Prisma.ParagraphTemplateSelect;

type StoredTemplate = Prisma.ParagraphTemplateGetPayload<{ select: typeof templateDraftSelect }>;

/** A stored template as a § draft; its sections checked by the § schema (a bad row is named). */
export function templateDraft(t: StoredTemplate): ParagraphDraft & OpeningParagraph {
  const sections = sectionsSchema.safeParse(t.sections);
  if (!sections.success) {
    throw new AppError(
      "STATE",
      `Mallen ”${t.title}” kan inte läsas. Öppna den under organets mallar, spara den igen och försök sedan på nytt.`,
    );
  }
  return {
    title: t.title,
    decisionIntro: t.decisionIntro,
    decisionClauses: t.decisionClauses,
    sections: sections.data,
  };
}

/** The body's opening §§ (its opening templates), in the body's order. */
export async function openingParagraphs(tx: Tx, bodyId: string): Promise<(ParagraphDraft & OpeningParagraph)[]> {
  const rows = await tx.paragraphTemplate.findMany({
    where: { bodyId, isOpening: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: templateDraftSelect,
  });
  return rows.map(templateDraft);
}
