// From agenda to protocol (issue 15, point 5): what becomes of each ärende on a meeting's
// ärendelista when the secretary turns it into §§. Pure: the module reads the items, this plans
// the §§ (in order, without numbers) and where each ärende goes; the module numbers and writes.
//
//   DECIDED  (beslut)          a § with the title, Dnr, the summary as its ärendebeskrivning, the
//                              förslag till beslut as the decision draft and the handlingar as
//                              beslutsunderlag; the ärende is DECIDED and stays on the meeting.
//   STRUCK   (utgår)           no §; the ärende is STRUCK and stays on the meeting's list.
//   TABLED   (bordläggs)       a § "Ärendet bordläggs."; the ärende goes back to the body's pool
//                              (no meeting, PREPARING) to be put on a later meeting's agenda.
//   RETURNED (återremitteras)  a § "Ärendet återremitteras." with the reason, which is required;
//                              the ärende goes back to preparation (pool, PREPARING, returnReason).
//
// A confidential ärende becomes a confidential § with a neutral title; a confidential handling is
// not named in a public §'s beslutsunderlag.
//
// The body's opening items (upprop, val av justerare, godkännande av dagordningen) may come first,
// as §§ with a title only.
//
// The ärendelista in the protocol and the kallelse stay consistent (issue 15, point 5):
// - the kallelse keeps the ärendelista as it was sent (a tabled or returned ärende keeps its
//   number there; an extra ärende was never in it);
// - an extra ärende (added at the meeting, not in the kallelse) is planned like any other, and its §
//   says so first: a section "Extra ärende" with "Ärendet fanns inte med i kallelsen och tas upp
//   som extra ärende.";
// - a struck ärende gets no §; when the opening items include the approval of the agenda
//   ("Godkännande av dagordningen/föredragningslistan/ärendelistan"), that § records the changes
//   to the list as sent: "att ärende 4, <rubrik>, utgår", "att <rubrik> tas upp som extra ärende"
//   (a confidential ärende by its number only, or as "ett extra ärende"). Without that opening item
//   the protocol names a struck ärende nowhere, as in the seed: its ärendelista lists §§ only.
import type { AgendaFate, RichDoc, SectionKind } from "@/domain/protocol/protocol.types";
import { isEmptyDoc } from "@/domain/richtext/richtext.text";
import { agendaFateDecision, sectionKindHeading } from "@/domain/vocabulary";

export const AGENDA_FATES = ["DECIDED", "STRUCK", "TABLED", "RETURNED"] as const satisfies readonly AgendaFate[];

/** What the plan reads of an ärende on the ärendelista. */
export interface AgendaItemForProtocol {
  id: string;
  /** Its number in the ärendelista. */
  position: number;
  title: string;
  caseNumber: string | null;
  proposalIntro: string;
  proposalClauses: readonly string[];
  /** Validated rich text (richDocSchema), or null when not written. */
  summary: RichDoc | null;
  isConfidential: boolean;
  isExtra: boolean;
  /** The handlingar in order. */
  documents: readonly { title: string; isConfidential: boolean }[];
}

export interface FateChoice {
  itemId: string;
  fate: AgendaFate;
  /** The reason for återremiss; ignored for the other fates. */
  reason: string;
}

export interface PlannedSection {
  kind: SectionKind;
  heading: string;
  content: RichDoc;
}

/**
 * One of the body's standard opening §§ (an opening § template, src/modules/templates): its
 * content is copied into the § made from it.
 */
export interface OpeningParagraph {
  title: string;
  decisionIntro: string;
  decisionClauses: readonly string[];
  sections: readonly PlannedSection[];
}

/** A § to create, in order; the module gives it the next number of the body's year. */
export interface PlannedParagraph {
  /** The ärende it records, or null for an opening item. */
  itemId: string | null;
  title: string;
  caseNumber: string | null;
  decisionIntro: string;
  decisionClauses: string[];
  sections: PlannedSection[];
  basisDocuments: string[];
  isConfidential: boolean;
}

/** Where an ärende goes and what is recorded of it (AgendaOutcome). */
export interface PlannedItem {
  itemId: string;
  fate: AgendaFate;
  /** Index into `paragraphs` of the § recording it; null for utgår. */
  paragraphIndex: number | null;
  state: "DECIDED" | "STRUCK" | "PREPARING";
  /** Back to the body's pool (bordlagt, återremitterat): no meeting, no number. */
  toPool: boolean;
  /** Återremiss: why; stored on the outcome and as the item's returnReason. */
  reason: string | null;
}

export type AgendaPlan =
  | { ok: true; paragraphs: PlannedParagraph[]; items: PlannedItem[] }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** Shown in a public §'s beslutsunderlag instead of the title of a confidential handling. */
export const CONFIDENTIAL_DOCUMENT_TITLE = "Handling som omfattas av sekretess";

/**
 * The title of the § made from a confidential ärende. The public projection keeps a confidential
 * §'s number and title (public.rules.ts CONFIDENTIAL_PARAGRAPH), but a confidential ärende's
 * title is itself secret (it reaches no public byte, kallelse or protocol): the § starts with a
 * neutral title the secretary may change; the ärende keeps its own, linked by its outcome.
 */
export const CONFIDENTIAL_PARAGRAPH_TITLE = "Ärende som omfattas av sekretess";

/** The section an extra ärende's § starts with. */
export const EXTRA_ITEM_HEADING = "Extra ärende";
export const EXTRA_ITEM_TEXT = "Ärendet fanns inte med i kallelsen och tas upp som extra ärende.";

/** An opening item that approves the agenda, whose § records the changes to the list as sent. */
export const AGENDA_APPROVAL = /^godkännande av (?:dagordning|föredragningslista|ärendelista)/i;

export const STALE_AGENDA_MESSAGE =
  "Ärendelistan har ändrats sedan sidan laddades. Ladda om sidan och välj vad som blev av varje ärende igen.";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The decision draft's intro from the förslag till beslut: "Direktionen föreslås besluta:" →
 * "Direktionen beslutar:", "Förvaltningen föreslår att direktionen beslutar att …" →
 * "Direktionen beslutar att …". An empty intro before att-clauses gets "<Organet> beslutar:";
 * any other wording is kept for the secretary to adjust.
 */
export function decisionIntroFromProposal(intro: string, hasClauses: boolean, bodyName: string): string {
  const text = intro.trim().replace(/\s+/g, " ");
  if (text === "") return hasClauses ? `${bodyName} beslutar:` : "";
  const passive = /^(.+?) föreslås (?:att )?besluta(?:r)?\b(.*)$/i.exec(text);
  if (passive) return `${capitalise(passive[1]!)} beslutar${passive[2]}`;
  const active = /^.*?\bföreslår (?:att )?(.+?) (?:att )?besluta(?:r)?\b(.*)$/i.exec(text);
  if (active) return `${capitalise(active[1]!)} beslutar${active[2]}`;
  return text;
}

/** "Ärendet återremitteras." and the reason, as one decision sentence of the §. */
export function returnedDecision(reason: string): string {
  const r = reason.trim().replace(/\s+/g, " ");
  return `${agendaFateDecision.RETURNED} Skäl: ${/[.!?]$/.test(r) ? r : `${r}.`}`;
}

const textDoc = (text: string): RichDoc => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

/** An extra ärende's § says first that it was added at the meeting. */
function extraSections(item: AgendaItemForProtocol): PlannedSection[] {
  return item.isExtra ? [{ kind: "OTHER", heading: EXTRA_ITEM_HEADING, content: textDoc(EXTRA_ITEM_TEXT) }] : [];
}

function summarySections(item: AgendaItemForProtocol): PlannedSection[] {
  if (!item.summary || isEmptyDoc(item.summary)) return [];
  return [{ kind: "SUMMARY", heading: sectionKindHeading.SUMMARY, content: item.summary }];
}

/**
 * The approval of the agenda with the changes to the list as sent: struck ärenden by their number
 * in the kallelse, extra ärenden by their title (a confidential one by neither). Empty: no change.
 */
export function agendaChanges(
  items: readonly AgendaItemForProtocol[],
  fates: ReadonlyMap<string, AgendaFate>,
): string[] {
  const struck = items
    .filter((i) => !i.isExtra && fates.get(i.id) === "STRUCK")
    .map((i) => `att ärende ${i.position}${i.isConfidential ? "" : `, ${i.title},`} utgår`);
  const extra = items
    .filter((i) => i.isExtra && fates.get(i.id) !== "STRUCK")
    .map((i) => `att ${i.isConfidential ? "ett ärende som omfattas av sekretess" : i.title} tas upp som extra ärende`);
  return [...struck, ...extra];
}

/** Beslutsunderlag: the handlingar's titles; a confidential one is not named in a public §. */
function basisDocuments(item: AgendaItemForProtocol): string[] {
  return item.documents.map((d) => (d.isConfidential && !item.isConfidential ? CONFIDENTIAL_DOCUMENT_TITLE : d.title));
}

function paragraphFor(item: AgendaItemForProtocol, choice: FateChoice, bodyName: string): PlannedParagraph | null {
  const base = {
    itemId: item.id,
    title: item.isConfidential ? CONFIDENTIAL_PARAGRAPH_TITLE : item.title,
    caseNumber: item.caseNumber,
    isConfidential: item.isConfidential,
  };
  switch (choice.fate) {
    case "STRUCK":
      return null;
    case "DECIDED":
      return {
        ...base,
        decisionIntro: decisionIntroFromProposal(item.proposalIntro, item.proposalClauses.length > 0, bodyName),
        decisionClauses: [...item.proposalClauses],
        sections: [...extraSections(item), ...summarySections(item)],
        basisDocuments: basisDocuments(item),
      };
    case "TABLED":
      return {
        ...base,
        decisionIntro: agendaFateDecision.TABLED,
        decisionClauses: [],
        sections: extraSections(item),
        basisDocuments: [],
      };
    case "RETURNED":
      return {
        ...base,
        decisionIntro: returnedDecision(choice.reason),
        decisionClauses: [],
        sections: extraSections(item),
        basisDocuments: [],
      };
  }
}

/**
 * The §§ and the ärendenas way on. Every ärende on the list needs exactly one choice, and no
 * choice may name an ärende that is not on it (the list changed meanwhile); återremiss needs its
 * reason. Errors are keyed by the form's fields: `fate.<id>`, `reason.<id>`, `_`.
 */
export function planAgendaToProtocol(input: {
  items: readonly AgendaItemForProtocol[];
  choices: readonly FateChoice[];
  /** The body's opening §§ (its opening templates), in order. */
  opening: readonly OpeningParagraph[];
  includeOpening: boolean;
  bodyName: string;
}): AgendaPlan {
  const fieldErrors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (fieldErrors[key] ??= []).push(message);
  const onList = new Set(input.items.map((i) => i.id));
  const byItem = new Map<string, FateChoice>();
  let stale = false;
  for (const c of input.choices) {
    if (!onList.has(c.itemId) || byItem.has(c.itemId)) stale = true;
    else byItem.set(c.itemId, c);
  }
  if (stale) return { ok: false, message: STALE_AGENDA_MESSAGE, fieldErrors: {} };
  const items = [...input.items].sort((a, b) => a.position - b.position);
  for (const item of items) {
    const choice = byItem.get(item.id);
    if (!choice) add(`fate.${item.id}`, `Välj vad som blev av ärende ${item.position}.`);
    else if (choice.fate === "RETURNED" && choice.reason.trim() === "") {
      add(`reason.${item.id}`, `Skriv skälet till återremissen av ärende ${item.position}; det står i paragrafen.`);
    }
  }
  const opening = input.includeOpening ? input.opening.filter((o) => o.title.trim() !== "") : [];
  if (items.length === 0 && opening.length === 0) {
    add("_", "Det finns inga ärenden på ärendelistan att föra över till protokollet.");
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { ok: false, message: "Några uppgifter behöver rättas innan ärendelistan kan föras över.", fieldErrors };
  }

  const changes = agendaChanges(items, new Map([...byItem].map(([id, c]) => [id, c.fate])));
  const paragraphs: PlannedParagraph[] = opening.map((o) => {
    const title = o.title.trim();
    // "Godkännande av dagordningen" states the list's changes when there are any; otherwise the
    // template's own decision stands.
    const approval = changes.length > 0 && AGENDA_APPROVAL.test(title);
    return {
      itemId: null,
      title,
      caseNumber: null,
      decisionIntro: approval
        ? `${input.bodyName} beslutar att godkänna dagordningen med följande ändringar:`
        : o.decisionIntro,
      decisionClauses: approval ? changes : [...o.decisionClauses],
      sections: o.sections.map((s) => ({ ...s })),
      basisDocuments: [],
      isConfidential: false,
    };
  });
  const planned: PlannedItem[] = [];
  for (const item of items) {
    const choice = byItem.get(item.id)!;
    const paragraph = paragraphFor(item, choice, input.bodyName);
    if (paragraph) paragraphs.push(paragraph);
    const reason = choice.fate === "RETURNED" ? choice.reason.trim().replace(/\s+/g, " ") : null;
    planned.push({
      itemId: item.id,
      fate: choice.fate,
      paragraphIndex: paragraph ? paragraphs.length - 1 : null,
      state: choice.fate === "DECIDED" ? "DECIDED" : choice.fate === "STRUCK" ? "STRUCK" : "PREPARING",
      toPool: choice.fate === "TABLED" || choice.fate === "RETURNED",
      reason,
    });
  }
  return { ok: true, paragraphs, items: planned };
}
