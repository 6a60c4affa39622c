// What the public may see (KL 8 kap.; OSL for sekretess; GDPR for personal data). Pure: every
// public page, feed and API passes its protocols through here.
import type { IsoDate } from "@/lib/iso-date";
import type { MeetingStatus, ParagraphDTO, ProtocolDTO, RichDoc } from "@/modules/protocol/protocol.types";

/** Only justerat protocols are public; drafts and protocols awaiting justering never are. */
export const PUBLIC_STATUSES: readonly MeetingStatus[] = ["ADJUSTED", "POSTED", "TAKEN_DOWN"];

export function isPublic(status: MeetingStatus): boolean {
  return PUBLIC_STATUSES.includes(status);
}

export type NoticeState = "upcoming" | "up" | "down";

/**
 * Where a notice stands on `today`: up from the posting date through the take-down date. No
 * cron job: what is shown follows from the dates.
 */
export function noticeState(notice: { postedOn: IsoDate; takeDownOn: IsoDate }, today: IsoDate): NoticeState {
  if (today < notice.postedOn) return "upcoming";
  return today <= notice.takeDownOn ? "up" : "down";
}

// Swedish personal identity numbers (personnummer, samordningsnummer): YYMMDD-NNNN,
// YYYYMMDD-NNNN, with -, + or nothing between. Masked in everything published.
const PERSONNUMMER = /\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]?\d{4}\b/g;

export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONNUMMER, "ÅÅMMDD-XXXX");
}

export function containsPersonalNumber(text: string): boolean {
  return new RegExp(PERSONNUMMER.source).test(text);
}

function maskDoc(doc: RichDoc): RichDoc {
  return JSON.parse(JSON.stringify(doc), (key, value) => (key === "text" && typeof value === "string" ? maskPersonalNumbers(value) : value)) as RichDoc;
}

/** A confidential § keeps only its number, title and "Sekretess"; the rest is withheld. */
export function toPublicParagraph(p: ParagraphDTO): ParagraphDTO {
  if (p.isConfidential) {
    return {
      ...p,
      caseNumber: null,
      title: maskPersonalNumbers(p.title),
      decision: { intro: "", clauses: [] },
      sections: [],
      basisDocuments: [],
      dispatch: [],
      attachments: [],
      motions: [],
      propositions: [],
      votes: [],
      reservations: [],
      notes: [],
      recusals: [],
    };
  }
  const m = maskPersonalNumbers;
  return {
    ...p,
    title: m(p.title),
    decision: { intro: m(p.decision.intro), clauses: p.decision.clauses.map(m) },
    sections: p.sections.map((s) => ({ ...s, heading: m(s.heading), content: maskDoc(s.content) })),
    basisDocuments: p.basisDocuments.map(m),
    dispatch: p.dispatch.map(m),
    motions: p.motions.map((x) => ({ ...x, text: m(x.text) })),
    propositions: p.propositions.map(m),
    votes: p.votes.map((v) => ({ ...v, question: m(v.question), result: m(v.result) })),
    reservations: p.reservations.map((r) => ({ ...r, reasons: r.reasons === null ? null : m(r.reasons) })),
    notes: p.notes.map((n) => ({ ...n, text: m(n.text) })),
    recusals: p.recusals.map((r) => ({ ...r, reason: m(r.reason) })),
  };
}

/**
 * The version of what public copies leave out; part of a stored public PDF's fingerprint, so a
 * change here issues new copies instead of serving ones made under the old rules.
 * 1: confidential §§ and personnummer. 2: also the wording of rättelser to confidential §§.
 */
export const PUBLIC_RULES_VERSION = 2;

/** What the public reads instead of the text of a rättelse to a confidential §. */
export const CONFIDENTIAL_CORRECTION_TEXT = "Rättelsen gäller en paragraf med sekretess; texten lämnas inte ut.";

/**
 * Rättelser as the public may read them: personnummer masked, and a rättelse to a confidential §
 * shows only that there is one (its wording could repeat what the § withholds).
 */
export function toPublicCorrections<C extends { paragraphNumber: number | null; text: string }>(
  corrections: readonly C[],
  paragraphs: readonly Pick<ParagraphDTO, "number" | "isConfidential">[],
): C[] {
  const confidential = new Set(paragraphs.filter((p) => p.isConfidential).map((p) => p.number));
  return corrections.map((c) => ({
    ...c,
    text: c.paragraphNumber !== null && confidential.has(c.paragraphNumber) ? CONFIDENTIAL_CORRECTION_TEXT : maskPersonalNumbers(c.text),
  }));
}

/** The public copy of a justerat protocol; throws for anything not public (a bug upstream). */
export function toPublicProtocol(p: ProtocolDTO): ProtocolDTO {
  if (!isPublic(p.meeting.status)) throw new Error(`Not public: ${p.meeting.slug} is ${p.meeting.status}`);
  const publicProtocol = { ...p, paragraphs: p.paragraphs.map(toPublicParagraph) };
  return p.corrections ? { ...publicProtocol, corrections: toPublicCorrections(p.corrections, p.paragraphs) } : publicProtocol;
}

/** A meeting slug as URLs carry it ("direktionen-2021-11-18"); anything else is not found. */
export function isMeetingSlug(value: string): boolean {
  return /^[a-z0-9åäö][a-z0-9åäö-]{0,150}$/.test(value);
}

/** One query-string value: the first when repeated, without control characters, at most `max`. */
export function queryValue(value: string | string[] | undefined, max = 200): string {
  const first = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  return first.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, max);
}
