/**
 * The protocol checker ("lint"), run before justering: everything the rules can see in a protocol
 * DTO, as findings with a severity, a Swedish message and the field to fix. Pure: no database, no
 * clock of its own (`now` comes in).
 */
import { toSwedishDate, yearOf, type IsoDate } from "@/lib/iso-date";
import {
  compressParagraphNumbers,
  formatParagraphRanges,
  isSameParagraphSet,
  parseParagraphRanges,
} from "@/lib/paragraph-ranges";
import type { ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { exampleCaseNumber } from "@/domain/protocol/protocol.format";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { checkAttendance, computeParticipation, type ParagraphParticipation } from "./attendance.rules";
import { checkDeadlines } from "./deadlines.rules";
import { checkParagraphDecisions } from "./decisions.rules";
import { createFinding, type Finding } from "./finding";
import { checkWithholding } from "./publication.rules";
import { checkSignerIndependence, hasSignersPerParagraph } from "./signers.rules";

export type { Finding } from "./finding";

export interface CheckProtocolOptions {
  /** Today, as an instant (converted to the Swedish calendar day) or an ISO date. */
  now: Date | IsoDate;
  /**
   * The signature block's "Paragrafer 59-67" when it is typed rather than generated; omitted, the
   * check is skipped (the renderer should use signatureParagraphsText).
   */
  signatureParagraphs?: string | null;
  /**
   * The body's other protocols of the same calendar year, to check that § numbers run on without
   * gaps or duplicates through the year. Omitted: only this protocol's own numbering is checked.
   */
  otherMeetingsThisYear?: readonly { meetingDate: IsoDate; paragraphNumbers: readonly number[] }[];
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

const isBlank = (text: string | null | undefined) => (text ?? "").trim() === "";

// ---------------------------------------------------------------------------------------------
// Template placeholders
// ---------------------------------------------------------------------------------------------

/** Phrases known from municipal and Word templates, matched case-insensitively. */
export const KNOWN_TEMPLATE_PHRASES: readonly string[] = [
  "Här finns text som återvunnits från tjänsteskrivelse",
  "Klicka eller tryck här för att ange text",
  "Klicka här för att ange text",
  "Skriv text här",
  "Ange text här",
  "Skriv beslutet här",
];

/** Generic placeholder shapes. Each must be unlikely in real minutes (no false positives). */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /här finns text som/iu,
  /\[\s*(?:skriv|ange|fyll i|infoga|text|namn|datum|rubrik|beslut|dnr)\b[^\]]*\]/iu,
  /<\s*(?:skriv|ange|fyll i|infoga)\b[^>]*>/iu,
  /lorem ipsum/iu,
  /(?<![\p{L}\p{N}])(?:X{2,}|x{2,})(?![\p{L}\p{N}])/u, // "XX", "2021/XX", "XXXX-XX-XX"
  /ÅÅÅÅ-MM-DD/u,
];

/** The placeholder found in `text`, as written there, or null. */
export function findPlaceholder(text: string): string | null {
  const lower = text.toLowerCase();
  for (const phrase of KNOWN_TEMPLATE_PHRASES) {
    const at = lower.indexOf(phrase.toLowerCase());
    if (at >= 0) return text.slice(at, at + phrase.length);
  }
  for (const pattern of PLACEHOLDER_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// A decision attributed to another body
// ---------------------------------------------------------------------------------------------

const BODY_NOUN =
  /(?:beredningen|styrelsen|nämnden|fullmäktige|direktionen|utskottet|utskott|rådet|församlingen|presidiet)$/iu;
const DECIDING_VERB = /^(.{1,80}?)\s+(?:beslutar|beslöt|beslutade|har beslutat|föreslår|föreslog)(?![\p{L}])/iu;

function stem(word: string): string {
  return word.toLowerCase().replace(/(?:et|en|n)$/u, "");
}

/**
 * The body a decision sentence names as deciding, when it is not `bodyName`: "Kommunchefsberedningen"
 * in "Kommunchefsberedningen beslutar föreslå direktionen …" in a Direktionen protocol.
 */
export function findForeignDecidingBody(sentence: string, bodyName: string): string | null {
  // Only the sentence's own subject: "att X beslutar …" inside a clause is X's task, not a claim
  // about who decided.
  const match = DECIDING_VERB.exec(sentence.trim());
  if (!match) return null;
  const subject = (match[1] ?? "").trim();
  const words = subject.split(/\s+/u);
  if (words.length > 4 || /^att$/iu.test(words[0] ?? "")) return null;
  const lastWord = words[words.length - 1] ?? "";
  if (!BODY_NOUN.test(lastWord)) return null; // a person or role, not a body
  const body = bodyName.toLowerCase();
  const own =
    subject.toLowerCase().endsWith(body) ||
    body.endsWith(subject.toLowerCase()) ||
    // A bare "Nämnden"/"Arbetsutskottet" refers to the body itself; "Tekniska nämnden" does not.
    (words.length === 1 && body.includes(stem(lastWord)));
  if (own) return null;
  return subject;
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/u).filter((s) => s.trim() !== "");
}

// ---------------------------------------------------------------------------------------------
// Per-§ content
// ---------------------------------------------------------------------------------------------

/** 'avsnittet "Ärendet"', or "avsnittet utan rubrik" for running text without a heading. */
function sectionName(heading: string): string {
  return isBlank(heading) ? "avsnittet utan rubrik" : `avsnittet "${heading.trim()}"`;
}

/** Items of procedure that need no Dnr and no dispatch. */
const PROCEDURAL_TITLE =
  /(justerare|justering|dagordning|föredragningslista|upprop|närvaro|sammanträdets öppnande|mötets öppnande|öppnande|avslutning)/iu;

function checkParagraphContent(protocol: ProtocolDTO, paragraph: ParagraphDTO): Finding[] {
  const findings: Finding[] = [];
  const n = paragraph.number;
  const add = (...args: Parameters<typeof createFinding>) => findings.push(createFinding(...args));
  const isProcedural = PROCEDURAL_TITLE.test(paragraph.title);

  if (isBlank(paragraph.title)) {
    add("TITLE_MISSING", "error", `§ ${n} saknar rubrik. Ange ärendets rubrik.`, n, "title");
  }

  const { intro, clauses } = paragraph.decision;
  if (isBlank(intro) && clauses.every((c) => isBlank(c))) {
    add(
      "DECISION_MISSING",
      // A warning, not an error: some items are minuted without a decision of their own
      // (information, a report taken note of in running text); the secretary decides.
      "warning",
      `§ ${n} saknar beslut. Skriv ${protocol.body.genitiveName.toLowerCase()} beslut, t.ex. "${protocol.body.name} beslutar att …".`,
      n,
      "decision.intro",
    );
  }

  const decisionParts: [string, string][] = [
    ["decision.intro", intro],
    ...clauses.map((clause, i): [string, string] => [`decision.clauses[${i}]`, clause]),
  ];
  for (const [field, text] of decisionParts) {
    const foreign = splitSentences(text)
      .map((sentence) => findForeignDecidingBody(sentence, protocol.body.name))
      .find((body) => body !== null);
    if (foreign) {
      add(
        "FOREIGN_BODY_DECISION",
        "error",
        `Beslutet i § ${n} anges som fattat av ${foreign}, men protokollet är ${protocol.body.genitiveName.toLowerCase()}. Skriv beslutet som ${protocol.body.genitiveName.toLowerCase()} eget, t.ex. "${protocol.body.name} beslutar att …".`,
        n,
        field,
      );
      break;
    }
  }

  paragraph.recusals.forEach((recusal, i) => {
    if (isBlank(recusal.reason)) {
      add(
        "RECUSAL_REASON_MISSING",
        "warning",
        `Skälet till ${recusal.name}s jäv i § ${n} är inte angivet. Ange grunden om protokollet brukar ange den, t.ex. "närstående".`,
        n,
        `recusals[${i}]`,
      );
    }
  });

  paragraph.sections.forEach((section, i) => {
    const field = `sections[${i}]`;
    const text = toPlainText(section.content);
    if (isBlank(text)) {
      add(
        "EMPTY_SECTION",
        "warning",
        `A${sectionName(section.heading).slice(1)} i § ${n} är tomt men visas i protokollet. Fyll i det eller ta bort avsnittet.`,
        n,
        field,
      );
    }
  });

  const textFields: [string, string, string][] = [
    ["title", "rubriken", paragraph.title],
    ...decisionParts.map(([field, text]): [string, string, string] => [field, "beslutet", text]),
    ...paragraph.sections.map((section, i): [string, string, string] => [
      `sections[${i}]`,
      sectionName(section.heading),
      `${section.heading}\n${toPlainText(section.content)}`,
    ]),
    ...paragraph.basisDocuments.map((doc, i): [string, string, string] => [
      `basisDocuments[${i}]`,
      "beslutsunderlaget",
      doc,
    ]),
    ...paragraph.motions.map((m, i): [string, string, string] => [`motions[${i}]`, "yrkandet", m.text]),
    ...paragraph.propositions.map((p, i): [string, string, string] => [
      `propositions[${i}]`,
      "propositionsordningen",
      p,
    ]),
    ...paragraph.notes.map((note, i): [string, string, string] => [`notes[${i}]`, "protokollsanteckningen", note.text]),
    ...paragraph.dispatch.map((d, i): [string, string, string] => [`dispatch[${i}]`, "beslutsexpedieringen", d]),
  ];
  for (const [field, where, text] of textFields) {
    const placeholder = findPlaceholder(text);
    if (placeholder === null) continue;
    add(
      "PLACEHOLDER_TEXT",
      "error",
      `Mallens platshållartext "${placeholder}" står kvar i ${where} i § ${n}. Ersätt den med riktig text eller ta bort den.`,
      n,
      field,
    );
  }

  if (isBlank(paragraph.caseNumber) && !isProcedural) {
    add(
      "CASE_NUMBER_MISSING",
      "warning",
      `§ ${n} saknar diarienummer. Ange ärendets Dnr (t.ex. ${exampleCaseNumber(protocol.organisation, yearOf(protocol.meeting.date))}).`,
      n,
      "caseNumber",
    );
  }

  if (paragraph.dispatch.every((d) => isBlank(d)) && !isProcedural) {
    add(
      "DISPATCH_MISSING",
      "warning",
      `§ ${n} saknar beslutsexpediering. Ange vilka som ska få beslutet, minst "Akt".`,
      n,
      "dispatch",
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Numbering, signature block, people who sign
// ---------------------------------------------------------------------------------------------

function checkNumbering(protocol: ProtocolDTO, options: CheckProtocolOptions): Finding[] {
  const findings: Finding[] = [];
  const numbers = protocol.paragraphs.map((p) => p.number);

  const counted = new Map<number, number>();
  numbers.forEach((n, i) => {
    counted.set(n, (counted.get(n) ?? 0) + 1);
    if (counted.get(n) === 2) {
      findings.push(
        createFinding(
          "PARAGRAPH_NUMBER_DUPLICATE",
          "error",
          `§ ${n} förekommer flera gånger i protokollet. Varje paragraf ska ha ett eget nummer; numrera om.`,
          n,
          `paragraphs[${i}].number`,
        ),
      );
    }
  });

  const sorted = [...counted.keys()].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current > previous + 1) {
      const missing = formatParagraphRanges([{ from: previous + 1, to: current - 1 }]);
      findings.push(
        createFinding(
          "PARAGRAPH_NUMBER_GAP",
          "error",
          `Numreringen hoppar från § ${previous} till § ${current}; ${missing} saknas. Paragraferna ska numreras i en följd; numrera om.`,
          current,
          "number",
        ),
      );
    }
  }

  if (numbers.some((n, i) => i > 0 && n < numbers[i - 1]!)) {
    findings.push(
      createFinding(
        "PARAGRAPH_ORDER",
        "warning",
        "Paragraferna står inte i nummerordning. Sortera dem efter nummer.",
        null,
        "paragraphs",
      ),
    );
  }

  const others = (options.otherMeetingsThisYear ?? []).filter(
    (m) => yearOf(m.meetingDate) === yearOf(protocol.meeting.date) && m.meetingDate !== protocol.meeting.date,
  );
  if (options.otherMeetingsThisYear !== undefined && sorted.length > 0) {
    for (const other of others) {
      const clash = sorted.filter((n) => other.paragraphNumbers.includes(n));
      if (clash.length > 0) {
        findings.push(
          createFinding(
            "PARAGRAPH_NUMBER_DUPLICATE",
            "error",
            `${formatParagraphRanges(compressParagraphNumbers(clash))} finns redan i protokollet från ${other.meetingDate}. Numreringen löper över hela året; numrera om.`,
            clash[0]!,
            "number",
          ),
        );
      }
    }
    const earlier = others.filter((m) => m.meetingDate < protocol.meeting.date).flatMap((m) => m.paragraphNumbers);
    const expectedFirst = earlier.length === 0 ? 1 : Math.max(...earlier) + 1;
    const first = sorted[0]!;
    if (first > expectedFirst) {
      findings.push(
        createFinding(
          "PARAGRAPH_NUMBER_GAP",
          "error",
          `Protokollet börjar med § ${first}, men årets föregående paragraf är ${expectedFirst === 1 ? "ingen (första sammanträdet)" : `§ ${expectedFirst - 1}`}. Numreringen ska fortsätta med § ${expectedFirst}.`,
          first,
          "number",
        ),
      );
    }
  }
  return findings;
}

/** "Paragrafer 59-67" for the signature block, from the protocol's §§. */
export function signatureParagraphsText(protocol: Pick<ProtocolDTO, "paragraphs">): string {
  return formatParagraphRanges(compressParagraphNumbers(protocol.paragraphs.map((p) => p.number)), "word");
}

function checkSignatureParagraphs(protocol: ProtocolDTO, written: string): Finding[] {
  const expected = signatureParagraphsText(protocol);
  const parsed = parseParagraphRanges(written);
  const actual = compressParagraphNumbers(protocol.paragraphs.map((p) => p.number));
  if (parsed.ok && isSameParagraphSet(parsed.ranges, actual)) return [];
  return [
    createFinding(
      "SIGNATURE_PARAGRAPHS_MISMATCH",
      "error",
      `Underskriftsblocket anger "${written.trim()}", men protokollet innehåller ${formatParagraphRanges(actual)}. Ändra till "${expected}".`,
      null,
      "signatures",
    ),
  ];
}

function checkHeader(protocol: ProtocolDTO): Finding[] {
  if (!isBlank(protocol.meeting.place)) return [];
  return [
    createFinding(
      "PLACE_MISSING",
      "warning",
      "Sammanträdets plats saknas. Ange var det hölls, t.ex. ett sammanträdesrum eller Zoom, om protokollet ska visa den.",
      null,
      "place",
    ),
  ];
}

function checkSigners(protocol: ProtocolDTO): Finding[] {
  const findings: Finding[] = [];
  // Signers per §: what each § lacks is reported by checkSignerIndependence (SIGNER_PARAGRAPHS_UNCOVERED).
  if (hasSignersPerParagraph(protocol)) return checkSignerIndependence(protocol);
  if (protocol.adjusters.length === 0) {
    findings.push(
      createFinding(
        "ADJUSTER_MISSING",
        "error",
        "Justerare saknas. Ange vem eller vilka som ska justera protokollet tillsammans med ordföranden.",
        null,
        "adjusters",
      ),
    );
  }
  if (protocol.secretary === null) {
    findings.push(
      createFinding(
        "SECRETARY_MISSING",
        "warning",
        "Sekreterare saknas. Ange vem som fört protokollet.",
        null,
        "secretary",
      ),
    );
  }
  // Independent people (errors): the same rule refuses every signature (signoff.mutations.ts).
  findings.push(...checkSignerIndependence(protocol));
  return findings;
}

// ---------------------------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------------------------

function byLocation(a: Finding, b: Finding): number {
  const x = a.paragraphNumber ?? -Infinity;
  const y = b.paragraphNumber ?? -Infinity;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The options' "now" as a Swedish calendar day. */
function nowDate(options: CheckProtocolOptions): IsoDate {
  return typeof options.now === "string" ? options.now : toSwedishDate(options.now);
}

/**
 * The findings about the protocol as a whole (header, signers, deadlines, numbering, signature
 * block, attendance), in the order the checks run.
 */
export function checkProtocolLevel(protocol: ProtocolDTO, options: CheckProtocolOptions): Finding[] {
  return [
    ...checkHeader(protocol),
    ...checkSigners(protocol),
    ...checkDeadlines({ meeting: protocol.meeting, notice: protocol.notice, now: nowDate(options) }),
    ...checkNumbering(protocol, options),
    ...(options.signatureParagraphs != null ? checkSignatureParagraphs(protocol, options.signatureParagraphs) : []),
    ...checkAttendance(protocol),
  ];
}

/**
 * The findings about one § given who took part in it: they read only the §, its participation and
 * the protocol's body, organisation and meeting year (checkParagraphContext), so an editor may
 * keep them while none of those change (protocol-checker.incremental.ts).
 */
export function checkParagraph(
  protocol: ProtocolDTO,
  paragraph: ParagraphDTO,
  participation: ParagraphParticipation | undefined,
): Finding[] {
  const p = participation;
  return [
    ...checkParagraphContent(protocol, paragraph),
    ...checkWithholding(paragraph),
    ...checkParagraphDecisions({
      paragraph,
      participantIds: new Set(p?.participants.map((x) => x.personId) ?? []),
      voterIds: new Set(p?.voters.map((x) => x.personId) ?? []),
      presentPersonIds: new Set(p?.presentPersonIds ?? []),
      chairPersonId: p?.chairPersonId ?? null,
    }),
  ];
}

/** What checkParagraph reads of the protocol besides the § and its participation, as a key. */
export function checkParagraphContext(protocol: ProtocolDTO): string {
  return JSON.stringify([
    protocol.body.name,
    protocol.body.genitiveName,
    protocol.organisation,
    yearOf(protocol.meeting.date),
  ]);
}

/** Protocol-level findings first, then per § in § order; within a place, in check order (stable). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(byLocation);
}

/**
 * Every finding for the protocol: protocol-level findings first, then per § in § order; within
 * a place, in the order the checks run (stable sort).
 */
export function checkProtocol(protocol: ProtocolDTO, options: CheckProtocolOptions): Finding[] {
  const participation = computeParticipation(protocol);
  const findings = checkProtocolLevel(protocol, options);
  for (const paragraph of protocol.paragraphs) {
    findings.push(
      ...checkParagraph(
        protocol,
        paragraph,
        participation.find((x) => x.paragraphNumber === paragraph.number),
      ),
    );
  }
  return sortFindings(findings);
}

/** True when nothing blocks justering (warnings allowed). */
export function isReadyForAdjustment(findings: readonly Finding[]): boolean {
  return findings.every((f) => f.severity !== "error");
}
