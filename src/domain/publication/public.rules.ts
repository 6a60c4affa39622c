// What the public may see (KL 8 kap.; OSL for sekretess; GDPR for personal data). Pure: every
// public page, feed and API passes its protocols through here. Which states are public
// (PUBLIC_STATUSES) and whether a notice is up (noticeState): src/domain/lifecycle.ts.
import type {
  AttachmentDTO,
  AttendanceDTO,
  BallotDTO,
  CorrectionDTO,
  MotionDTO,
  NoteDTO,
  NoticeDTO,
  ParagraphDTO,
  ParagraphRange,
  PersonRef,
  ProtocolDTO,
  PublicationLevel,
  RecusalDTO,
  ReservationDTO,
  RichDoc,
  SectionDTO,
  SignatureDTO,
  SignerDTO,
  VoteCounts,
  VoteDTO,
} from "@/domain/protocol/protocol.types";
import type { HistoricalParagraphDTO, HistoricalProtocolDTO } from "@/domain/protocol/historical.types";
import { isPublic } from "@/domain/lifecycle";
import type { IsoDate } from "@/lib/iso-date";
import { NO_RETENTION, namesWithdrawn, type PublicRetentionRule } from "@/domain/publication/retention";
import {
  CONFIDENTIAL_ITEM_TITLE,
  type SummonsDocumentDTO,
  type SummonsDTO,
  type SummonsItemDTO,
} from "@/domain/summons/summons.types";

// Swedish personal identity numbers (personnummer, samordningsnummer): YYMMDD-NNNN,
// YYYYMMDD-NNNN, with -, + or nothing between. Masked in everything published.
const PERSONNUMMER = /\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]?\d{4}\b/g;

export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONNUMMER, "ÅÅMMDD-XXXX");
}

export function containsPersonalNumber(text: string): boolean {
  return new RegExp(PERSONNUMMER.source).test(text);
}

// ---------------------------------------------------------------------------------------------
// The public projection. It fails closed: every field of every DTO it publishes is listed below
// with what the public gets of it, and nothing is copied wholesale (no object spreads of source
// data). A field added to a DTO later is a type error here (FieldPolicy requires every key) until
// someone decides; at run time, a key the policy does not list is dropped.
// ---------------------------------------------------------------------------------------------

/** What the public gets of each field of T: every key, optional ones included, must be listed. */
export type FieldPolicy<T> = {
  readonly [K in keyof T]-?: (value: Exclude<T[K], undefined>) => Exclude<T[K], undefined>;
};

/**
 * Builds the public object field by field. Keys come in the source's order (issued copies compare
 * the public protocol with the original as JSON to see whether anything was withheld); a key the
 * policy does not list, and an undefined value, are left out.
 */
function project<T extends object>(source: T, policy: FieldPolicy<T>): T {
  const rules = policy as unknown as Record<string, (value: unknown) => unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    if (value === undefined || !Object.hasOwn(rules, key)) continue;
    out[key] = rules[key]!(value);
  }
  return out as T;
}

/**
 * Published as it is, for the reason given: not free text a person types. A string is still
 * masked, so a personnummer cannot pass even where none belongs (a valid value never matches).
 */
const keep = (reason: string) =>
  Object.assign(<V>(value: V): V => (typeof value === "string" ? maskPersonalNumbers(value) : value) as V, { reason });
const id = keep("an identifier (database id or slug): links are built from it");
const enumeration = keep("one of a fixed set of values, checked by the database");
const fact = keep("a number or a yes/no");
/** Free text (names and dates included): personnummer masked. */
const text = (value: string): string => maskPersonalNumbers(value);
const textOrNull = (value: string | null): string | null => (value === null ? null : maskPersonalNumbers(value));
const texts = (values: readonly string[]): string[] => values.map(text);
/** Withheld: the public gets `empty` whatever the source says. */
const withheld =
  <V>(empty: () => V) =>
  (): V =>
    empty();
const nothing = withheld(() => []);
const one =
  <T extends object>(policy: FieldPolicy<T>) =>
  (value: T): T =>
    project(value, policy);
const oneOrNull =
  <T extends object>(policy: FieldPolicy<T>) =>
  (value: T | null): T | null =>
    value === null ? null : project(value, policy);
const each =
  <T extends object>(policy: FieldPolicy<T>) =>
  (values: readonly T[]): T[] =>
    values.map((v) => project(v, policy));

/** What the public reads instead of a redacted passage or name (issue 17.2). */
export const REDACTED_TEXT = "[utelämnat]";

/** Characters that do not show but would split a name for the matcher: soft hyphen, zero-width ones. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** A text as the name matcher reads it: composed (NFC, so "å" is one letter), without invisible characters. */
const forMatching = (text: string): string => text.normalize("NFC").replace(INVISIBLE, "");

/**
 * Whole-word occurrences of the names (case-insensitive, any whitespace between the words, a
 * genitive s taken with the name), the longest name first so "Anna Berg" goes before "Anna";
 * null when there is no name.
 */
function namePattern(names: readonly string[]): RegExp | null {
  const wanted = [
    ...new Set(names.map((n) => forMatching(n).trim().replace(/\s+/g, " ")).filter((n) => n.length >= 2)),
  ].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return null;
  const escaped = wanted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})s?(?![\\p{L}\\p{N}])`, "giu");
}

/**
 * Every whole-word occurrence of each name replaced by REDACTED_TEXT. With names, the text is read
 * composed and without invisible characters, so neither decomposed letters nor a soft hyphen
 * inside a name hides it.
 */
export function redactNames(text: string, names: readonly string[]): string {
  return redactWith(text, namePattern(names));
}
const redactWith = (text: string, pattern: RegExp | null): string =>
  pattern ? forMatching(text).replace(pattern, REDACTED_TEXT) : text;

/**
 * Everything a text of one § goes through before it is public: personnummer, the § 's redacted
 * names (their pattern built once per cleaner, not per text).
 */
type Clean = ((text: string) => string) & { readonly pattern: RegExp | null };
const cleanFor = (names: readonly string[]): Clean => {
  const pattern = namePattern(names);
  return Object.assign((value: string) => redactWith(maskPersonalNumbers(value), pattern), { pattern });
};

type TextLike = { type: "text"; text: string };
const isTextNode = (node: unknown): node is TextLike =>
  (node as { type?: unknown } | null)?.type === "text" && typeof (node as { text?: unknown }).text === "string";
const isHardBreak = (node: unknown): boolean => (node as { type?: unknown } | null)?.type === "hardBreak";

/**
 * A name split over the inline nodes of one block (a mark changing inside it, a hard break between
 * its words) replaced as if the block were one text: the run becomes one REDACTED_TEXT in the node
 * where it starts; the rest of its nodes lose the covered part. Occurrences inside one node are
 * left to `clean`, per text.
 */
function redactAcrossNodes(nodes: readonly unknown[], pattern: RegExp | null): readonly unknown[] {
  if (!pattern || nodes.length < 2 || !nodes.every((n) => isTextNode(n) || isHardBreak(n))) return nodes;
  const parts = nodes.map((n) => (isTextNode(n) ? forMatching(n.text) : " "));
  const bounds: [number, number][] = [];
  let offset = 0;
  for (const part of parts) bounds.push([offset, (offset += part.length)]);
  const joined = parts.join("");
  const crossing = [...joined.matchAll(pattern)]
    .map((m): [number, number] => [m.index, m.index + m[0].length])
    .filter(([s, e]) => bounds.some(([, b]) => s < b && e > b));
  if (crossing.length === 0) return nodes;
  const out: unknown[] = [];
  nodes.forEach((node, i) => {
    const [a, b] = bounds[i]!;
    const inside = crossing.filter(([s, e]) => s < b && e > a);
    if (!isTextNode(node)) {
      if (inside.length === 0) out.push(node);
      return;
    }
    let text = "";
    let pos = a;
    for (const [s, e] of inside) {
      text += joined.slice(pos, Math.max(s, a));
      if (s >= a) text += REDACTED_TEXT;
      pos = Math.min(e, b);
    }
    text += joined.slice(pos, b);
    if (text !== "") out.push({ ...node, text });
  });
  return out;
}

/**
 * Rich text keeps its structure (the stored format is a closed schema, richDocSchema, checked on
 * every write). A passage marked "redacted" becomes REDACTED_TEXT (a run of marked text nodes one
 * REDACTED_TEXT); every other string is cleaned (text nodes, and node types that are never free text).
 */
function publicDoc(doc: RichDoc, clean: Clean): RichDoc {
  const strip = (value: unknown): unknown => {
    const node = Array.isArray(value) ? redactAcrossNodes(value, clean.pattern) : value;
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      let run: string | null = null; // the text of the redacted run being collected
      const endRun = () => {
        if (run === null) return;
        // The run's own leading and trailing spaces stay, so the words around it stay apart.
        const [, before, , after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run)!;
        if (before) out.push({ type: "text", text: before });
        out.push({ type: "text", text: REDACTED_TEXT, marks: [{ type: "redacted" }] });
        if (after) out.push({ type: "text", text: after });
        run = null;
      };
      for (const child of node) {
        if (isRedactedText(child)) run = (run ?? "") + (child as { text: string }).text;
        else {
          endRun();
          out.push(strip(child));
        }
      }
      endRun();
      return out;
    }
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strip(v)]));
    }
    return typeof node === "string" ? clean(node) : node;
  };
  return strip(doc) as RichDoc;
}
const isRedactedText = (node: unknown): boolean =>
  (node as { type?: unknown } | null)?.type === "text" &&
  ((node as { marks?: { type: string }[] }).marks ?? []).some((m) => m.type === "redacted");

/** Whether any text of the document is marked for redaction. */
function hasRedactedPassage(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasRedactedPassage);
  if (node === null || typeof node !== "object") return false;
  return isRedactedText(node) || Object.values(node).some(hasRedactedPassage);
}

/** Whether a § has something withheld from its public copy besides personnummer (the level "redacted"). */
export function hasRedactions(p: Pick<ParagraphDTO, "sections" | "redactedNames">): boolean {
  return p.redactedNames.some((n) => n.trim() !== "") || p.sections.some((s) => hasRedactedPassage(s.content));
}

/** A §'s publication level follows from its content: confidential, something marked, or neither. */
export function publicationLevel(
  p: Pick<ParagraphDTO, "isConfidential" | "sections" | "redactedNames">,
): PublicationLevel {
  if (p.isConfidential) return "TITLE_ONLY";
  return hasRedactions(p) ? "REDACTED" : "FULL";
}

const range: FieldPolicy<ParagraphRange> = { from: fact, to: fact };

export const PUBLIC_ATTENDANCE: FieldPolicy<AttendanceDTO> = {
  personId: id,
  name: text,
  role: enumeration,
  represents: textOrNull,
  title: textOrNull,
  ranges: each(range),
  replacesPersonId: id,
  arrivalTime: textOrNull,
  departureTime: textOrNull,
};

/**
 * The policies of a § and its parts, every free text through `clean` (personnummer masked and the
 * §'s redacted names replaced), so that a field added to any part is cleaned by construction.
 */
function paragraphPolicies(clean: Clean) {
  const text = clean;
  const textOrNull = (value: string | null): string | null => (value === null ? null : clean(value));
  const texts = (values: readonly string[]): string[] => values.map(clean);
  const section: FieldPolicy<SectionDTO> = { kind: enumeration, heading: text, content: (d) => publicDoc(d, clean) };
  const attachment: FieldPolicy<AttachmentDTO> = { id, label: text, fileName: textOrNull };
  const motion: FieldPolicy<MotionDTO> = {
    personId: id,
    name: text,
    kind: enumeration,
    text,
    amendsIndex: fact,
    withdrawn: fact,
  };
  const ballot: FieldPolicy<BallotDTO> = { personId: id, name: text, choice: enumeration };
  const voteCounts: FieldPolicy<VoteCounts> = { ja: fact, nej: fact, avstar: fact };
  const vote: FieldPolicy<VoteDTO> = {
    question: text,
    ballots: each(ballot),
    // The totals of a vote recorded without names: published as the names would be.
    counts: oneOrNull(voteCounts),
    result: text,
    outcome: enumeration,
  };
  const reservation: FieldPolicy<ReservationDTO> = {
    personId: id,
    name: text,
    reasons: textOrNull,
    // What happened at the meeting (a reservation with written reasons announced): a yes/no.
    writtenLater: fact,
  };
  const note: FieldPolicy<NoteDTO> = { personId: id, name: textOrNull, text };
  const recusal: FieldPolicy<RecusalDTO> = { personId: id, name: text, reason: text };
  const decision: FieldPolicy<ParagraphDTO["decision"]> = { intro: text, clauses: texts };

  /** An open §: everything, personnummer masked, redacted passages and names replaced. */
  const open: FieldPolicy<ParagraphDTO> = {
    id,
    number: fact,
    caseNumber: textOrNull,
    title: text,
    decision: one(decision),
    sections: each(section),
    basisDocuments: texts,
    dispatch: texts,
    attachments: each(attachment),
    motions: each(motion),
    propositions: texts,
    votes: each(vote),
    reservations: each(reservation),
    notes: each(note),
    recusals: each(recusal),
    isConfidential: fact,
    // The ground is the public's answer to "why is something missing": published.
    withholdingGround: textOrNull,
    // Which names are withheld would itself say who the § is about.
    redactedNames: nothing,
    isImmediatelyAdjusted: fact,
  };

  /** A confidential § (sekretess, OSL): its number, title, ground and the flags; the rest is withheld. */
  const confidential: FieldPolicy<ParagraphDTO> = {
    id,
    number: fact,
    caseNumber: withheld(() => null),
    title: text,
    decision: withheld(() => ({ intro: "", clauses: [] })),
    sections: nothing,
    basisDocuments: nothing,
    dispatch: nothing,
    attachments: nothing,
    motions: nothing,
    propositions: nothing,
    votes: nothing,
    reservations: nothing,
    notes: nothing,
    recusals: nothing,
    isConfidential: fact,
    withholdingGround: textOrNull,
    redactedNames: nothing,
    isImmediatelyAdjusted: fact,
  };
  return { open, confidential };
}

const WITHOUT_NAMES = paragraphPolicies(cleanFor([]));
/** An open § without redacted names (the policy's shape; toPublicParagraph adds the §'s names). */
export const PUBLIC_PARAGRAPH: FieldPolicy<ParagraphDTO> = WITHOUT_NAMES.open;
/** A confidential § (sekretess, OSL): its number, title, ground and the flags; the rest is withheld. */
export const CONFIDENTIAL_PARAGRAPH: FieldPolicy<ParagraphDTO> = WITHOUT_NAMES.confidential;

/** The policies for a § with these redacted names (the shared ones when it has none). */
const policiesFor = (names: readonly string[]) =>
  names.length > 0 ? paragraphPolicies(cleanFor(names)) : WITHOUT_NAMES;

/**
 * A § as the public gets it, by its level: confidential → title only; otherwise redactions applied.
 * `withheldNames`: names withheld from the whole protocol besides the § 's own (the organisation's
 * names rule, retention.ts).
 */
export function toPublicParagraph(p: ParagraphDTO, withheldNames: readonly string[] = []): ParagraphDTO {
  const policies = policiesFor(withheldNames.length > 0 ? [...p.redactedNames, ...withheldNames] : p.redactedNames);
  return project(p, p.isConfidential ? policies.confidential : policies.open);
}

/**
 * Every person the protocol names as such: attendance, secretary, justerare and signers,
 * signatures, yrkanden, votes by name, reservations, notes, jäv, rättelser, the notice's certifier,
 * and each § 's flagged names. What the names rule withholds everywhere (also inside free text).
 */
export function protocolPersonNames(p: ProtocolDTO): string[] {
  const names = [
    ...p.attendance.map((a) => a.name),
    ...(p.secretary ? [p.secretary.name] : []),
    ...p.adjusters.map((a) => a.name),
    ...(p.signers ?? []).map((s) => s.name),
    ...p.signatures.map((s) => s.name),
    ...(p.corrections ?? []).map((c) => c.signedBy),
    ...(p.notice ? [p.notice.certifiedBy] : []),
    ...p.paragraphs.flatMap((q) => [
      ...q.redactedNames,
      ...q.motions.map((m) => m.name),
      ...q.votes.flatMap((v) => v.ballots.map((b) => b.name)),
      ...q.reservations.map((r) => r.name),
      ...q.notes.flatMap((n) => (n.name === null ? [] : [n.name])),
      ...q.recusals.map((r) => r.name),
    ]),
  ];
  return [...new Set(names.map((n) => (n ?? "").trim()).filter((n) => n.length >= 2))];
}

/** A §'s case number and title as the public gets them, for reads that do not load the whole § (Papers). */
export function toPublicCaseHeading(
  p: Pick<ParagraphDTO, "caseNumber" | "title" | "isConfidential" | "redactedNames">,
): {
  caseNumber: string | null;
  title: string;
} {
  const policies = policiesFor(p.redactedNames);
  const policy = p.isConfidential ? policies.confidential : policies.open;
  return { caseNumber: p.caseNumber === null ? null : policy.caseNumber(p.caseNumber), title: policy.title(p.title) };
}

/**
 * The version of what public copies leave out; part of a stored public PDF's fingerprint, so a
 * change here issues new copies instead of serving ones made under the old rules.
 * 1: confidential §§ and personnummer. 2: also the wording of rättelser to confidential §§.
 * 3: every field listed; personnummer masked in every free-text field (names, attachments, …).
 * 4: redacted passages and names replaced by "[utelämnat]"; the ground for withholding published.
 */
export const PUBLIC_RULES_VERSION = 4;

/** What the public reads instead of the text of a rättelse to a confidential §. */
export const CONFIDENTIAL_CORRECTION_TEXT = "Rättelsen gäller en paragraf med sekretess; texten lämnas inte ut.";

export const PUBLIC_CORRECTION: FieldPolicy<CorrectionDTO> = {
  paragraphNumber: fact,
  text,
  signedBy: text,
  signedAt: text,
};
/** A rättelse to a confidential §: only that there is one (its wording could repeat what the § withholds). */
export const CONFIDENTIAL_CORRECTION: FieldPolicy<CorrectionDTO> = {
  paragraphNumber: fact,
  text: withheld(() => CONFIDENTIAL_CORRECTION_TEXT),
  signedBy: text,
  signedAt: text,
};

/** Rättelser as the public may read them: personnummer masked, a rättelse to a confidential § withheld. */
export function toPublicCorrections(
  corrections: readonly CorrectionDTO[],
  paragraphs: readonly Pick<ParagraphDTO, "number" | "isConfidential" | "redactedNames">[],
  withheldNames: readonly string[] = [],
): CorrectionDTO[] {
  const byNumber = new Map(paragraphs.map((p) => [p.number, p]));
  return corrections.map((c) => {
    const p = c.paragraphNumber === null ? undefined : byNumber.get(c.paragraphNumber);
    const signedBy = withheldNames.length > 0 ? cleanFor(withheldNames) : text;
    if (p?.isConfidential) return project(c, { ...CONFIDENTIAL_CORRECTION, signedBy });
    // A rättelse to a § with redacted names: the names are withheld in its wording too.
    const names = [...(p?.redactedNames ?? []), ...withheldNames];
    return project(c, names.length > 0 ? { ...PUBLIC_CORRECTION, text: cleanFor(names), signedBy } : PUBLIC_CORRECTION);
  });
}

/**
 * The whole protocol; §§ and rättelser by their own policies (a rättelse depends on its §).
 * `withheldNames`: the names the organisation's names rule withholds (retention.ts), replaced in
 * every field and free text of the protocol; empty: none.
 */
export function publicProtocolPolicy(
  p: Pick<ProtocolDTO, "paragraphs">,
  withheldNames: readonly string[] = [],
): FieldPolicy<ProtocolDTO> {
  // Free text at the protocol's level, cleaned like a § 's: personnummer, and the withheld names.
  const text = withheldNames.length > 0 ? cleanFor(withheldNames) : maskPersonalNumbers;
  const textOrNull = (value: string | null): string | null => (value === null ? null : text(value));
  const personRef: FieldPolicy<PersonRef> = { personId: id, name: text };
  const attendance: FieldPolicy<AttendanceDTO> =
    withheldNames.length > 0 ? { ...PUBLIC_ATTENDANCE, name: text } : PUBLIC_ATTENDANCE;
  /**
   * The notice is public by law (KL 8:12): its dates, förvaringsplats, the anslagstavla it is on,
   * the official who certifies it (a name and title printed on the public anslag) and its wording.
   */
  const notice: FieldPolicy<NoticeDTO> = {
    postedOn: text,
    takeDownOn: text,
    storagePlace: text,
    noticeBoard: text,
    certifiedBy: text,
    wording: text,
    revisedAt: textOrNull,
  };
  const signature: FieldPolicy<SignatureDTO> = {
    personId: id,
    name: text,
    role: enumeration,
    // The § ranges each signer answers for print in the signature block, which is public.
    ranges: each(range),
    signedAt: textOrNull,
    contentHash: textOrNull,
    // How each signer was identified is part of the public record (issue 18: /verifiera, the PDF);
    // the identity itself (subject, personnummer HMAC) is never read into the DTO.
    method: enumeration,
    assuranceLevel: textOrNull,
    idpName: textOrNull,
  };
  /** Who signs for which §§: the public signature block shows the same names and ranges. */
  const signer: FieldPolicy<SignerDTO> = { personId: id, name: text, role: enumeration, ranges: each(range) };
  return {
    // caseNumberExample: the organisation's own hint for typing a Dnr, a register value, no secret.
    // publicRetention: the organisation's rule for its old public copies, which the page states.
    organisation: one<ProtocolDTO["organisation"]>({
      name: text,
      caseNumberPrefix: text,
      caseNumberExample: textOrNull,
      publicRetention: one<PublicRetentionRule>({ namesYears: fact, noindexAfterAppeal: fact }),
    }),
    body: one<ProtocolDTO["body"]>({
      name: text,
      genitiveName: text,
      slug: id,
      kind: enumeration,
      seatCount: fact,
      // How the beslutande are printed (cover or appended list): a layout flag, published.
      appendedAttendanceList: fact,
      // The public copy prints the decision where the body's protocols print it.
      decisionPlacement: enumeration,
    }),
    meeting: one<ProtocolDTO["meeting"]>({
      id,
      slug: id,
      status: enumeration,
      date: text,
      startTime: textOrNull,
      endTime: textOrNull,
      place: text,
      adjustmentPlace: textOrNull,
      adjustmentDate: textOrNull,
      adjustmentTime: textOrNull,
      adjustedOn: textOrNull,
    }),
    secretary: oneOrNull(personRef),
    adjusters: each(personRef),
    signers: each(signer),
    attendance: each(attendance),
    paragraphs: (paragraphs) => paragraphs.map((q) => toPublicParagraph(q, withheldNames)),
    notice: oneOrNull(notice),
    signatures: each(signature),
    corrections: (corrections) => toPublicCorrections(corrections, p.paragraphs, withheldNames),
  };
}

/**
 * The public copy of a justerat protocol on `today` (the organisation's names rule may withhold
 * every name from some day on); throws for anything not public (a bug upstream).
 */
export function toPublicProtocol(p: ProtocolDTO, today: IsoDate): ProtocolDTO {
  if (!isPublic(p.meeting.status)) throw new Error(`Not public: ${p.meeting.slug} is ${p.meeting.status}`);
  const rule = p.organisation.publicRetention ?? NO_RETENTION;
  const withheld = namesWithdrawn(rule, p.meeting.adjustedOn, today) ? protocolPersonNames(p) : [];
  return project(p, publicProtocolPolicy(p, withheld));
}

/** The public copy with every name withheld, whatever the date (the search index's second version). */
export function toPublicProtocolWithoutNames(p: ProtocolDTO): ProtocolDTO {
  if (!isPublic(p.meeting.status)) throw new Error(`Not public: ${p.meeting.slug} is ${p.meeting.status}`);
  return project(p, publicProtocolPolicy(p, protocolPersonNames(p)));
}

/** A meeting slug as URLs carry it ("direktionen-2021-11-18"); anything else is not found. */
export function isMeetingSlug(value: string): boolean {
  return /^[a-z0-9åäö][a-z0-9åäö-]{0,150}$/.test(value);
}

/** One query-string value: the first when repeated, without control characters, at most `max`. */
export function queryValue(value: string | string[] | undefined, max = 200): string {
  const first = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  return first
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .trim()
    .slice(0, max);
}

// ---------------------------------------------------------------------------------------------
// Historical protocols (justerade on paper, registered with their scanned PDF): what the public
// archive, its search, /verifiera and the public page get of one. The registrar stays private.
// ---------------------------------------------------------------------------------------------

const historicalParagraph: FieldPolicy<HistoricalParagraphDTO> = {
  number: fact,
  title: text,
  caseNumber: textOrNull,
};

export const PUBLIC_HISTORICAL_PROTOCOL: FieldPolicy<HistoricalProtocolDTO> = {
  id,
  slug: id,
  organisation: one<HistoricalProtocolDTO["organisation"]>({ name: text }),
  body: one<HistoricalProtocolDTO["body"]>({ name: text, slug: id }),
  meetingDate: text,
  title: text,
  description: textOrNull,
  firstNumber: fact,
  lastNumber: fact,
  adjustedOn: text,
  postedOn: text,
  takeDownOn: textOrNull,
  fileName: text,
  sha256: keep("the SHA-256 of the published PDF: its ETag and what /verifiera matches"),
  sizeBytes: fact,
  isPublic: fact,
  // Who registered it is the organisation's business, not the public's (and a user id is internal).
  registeredByUserId: withheld(() => null),
  registeredByName: withheld(() => null),
  registeredAt: text,
  paragraphs: each(historicalParagraph),
};

/** The public view of a historical protocol; throws for one registered as not public (a bug upstream). */
export function toPublicHistoricalProtocol(h: HistoricalProtocolDTO): HistoricalProtocolDTO {
  if (!h.isPublic) throw new Error(`Not public: historical protocol ${h.slug}`);
  return project(h, PUBLIC_HISTORICAL_PROTOCOL);
}

// ---------------------------------------------------------------------------------------------
// The kallelse before the meeting: the public version (the kungörelse on the anslagstavla, the
// public kallelse PDF and bundle). A confidential ärende keeps only its number and the words
// "Sekretessbelagt ärende"; a confidential handling is left out of a public ärende.
// ---------------------------------------------------------------------------------------------

const summonsDocument: FieldPolicy<SummonsDocumentDTO> = {
  id,
  title: text,
  fileName: text,
  mimeType: enumeration,
  isConfidential: fact,
};

export const PUBLIC_SUMMONS_ITEM: FieldPolicy<SummonsItemDTO> = {
  id,
  number: fact,
  title: text,
  caseNumber: textOrNull,
  responsible: textOrNull,
  proposalIntro: text,
  proposalClauses: texts,
  isConfidential: fact,
  documents: (documents) => documents.filter((d) => !d.isConfidential).map((d) => project(d, summonsDocument)),
};

/** A confidential ärende: its number, and that it is secret; the Dnr too could say what it is about. */
export const CONFIDENTIAL_SUMMONS_ITEM: FieldPolicy<SummonsItemDTO> = {
  id,
  number: fact,
  title: withheld(() => CONFIDENTIAL_ITEM_TITLE),
  caseNumber: withheld(() => null),
  responsible: withheld(() => null),
  proposalIntro: withheld(() => ""),
  proposalClauses: nothing,
  isConfidential: fact,
  documents: nothing,
};

const publicSummonsPolicy: FieldPolicy<SummonsDTO> = {
  organisation: one<SummonsDTO["organisation"]>({ name: text, caseNumberPrefix: text }),
  body: one<SummonsDTO["body"]>({ name: text, kind: enumeration, summonsLeadDays: fact }),
  meeting: one<SummonsDTO["meeting"]>({
    id,
    slug: id,
    date: text,
    startTime: textOrNull,
    endTime: textOrNull,
    place: text,
    summonsSentAt: textOrNull,
    agendaVersion: fact,
  }),
  items: (items) =>
    items.map((item) => project(item, item.isConfidential ? CONFIDENTIAL_SUMMONS_ITEM : PUBLIC_SUMMONS_ITEM)),
};

/** The kallelse as the public may read it (kungörelse, public PDF and bundle). */
export function toPublicSummons(s: SummonsDTO): SummonsDTO {
  return project(s, publicSummonsPolicy);
}
