/**
 * The protocol, the notice (anslag/bevis) and extracts as laid-out pages: a pure function of a
 * ProtocolDTO and a TextMetrics. No fonts, files, clock or PDF objects here; render-*.ts draw
 * the result with pdf-lib.
 *
 * The layout follows the municipal protocol our users print today (the Itsam seed): a cover page
 * with the meeting data, signatures and the ANSLAG/BEVIS block; the ärendelista with the page
 * range of each §; every § on a new page; on every page the body and meeting date in the header,
 * and the boxes "Justerandes sign" and "Utdragsbestyrkande" and "Sida N av M" in the footer.
 *
 * Two passes: pages are handed out as they fill (streamProtocol), and what depends on the whole
 * document (the ärendelista's page ranges, "Sida N av M") is laid out as each page's "late"
 * layers once the last page is known. Row heights never depend on those numbers, so the second
 * pass moves nothing.
 */
import { compressParagraphNumbers, formatParagraphRanges, type ParagraphRange } from "../lib/paragraph-ranges";
import {
  attendanceLines,
  displayCaseNumber,
  formatAdjustmentPlaceAndTime,
  formatParagraphSpan,
  formatPlaceAndTime,
  formatSigningTime,
} from "@/domain/protocol/protocol.format";
import { isAdjusted } from "@/domain/lifecycle";
import { DEFAULT_NOTICE_WORDING } from "@/domain/rules/bodies.rules";
import type {
  BallotChoice,
  BlockNode,
  BulletListNode,
  InlineNode,
  MotionDTO,
  ParagraphDTO,
  ParagraphNode,
  ProtocolDTO,
  SignatureRole,
  TableNode,
} from "@/domain/protocol/protocol.types";
import {
  hasSignersPerParagraph,
  numbersCovered,
  SIGNATURE_ROLE_ORDER,
  signerAssignments,
} from "@/domain/rules/signers.rules";
import { attendanceRoleTerms, ballotChoiceTerms, signatureRoleTerms } from "@/domain/vocabulary";
import {
  APPENDED_LIST_REFERENCE,
  APPENDED_LIST_TITLE,
  attendanceVoteList,
  nameWithParty,
} from "@/domain/protocol/attendance-vote-list";
import { voteTally } from "@/domain/rules/decisions.rules";
import type { PdfMetadata } from "./pdfa";
import {
  type Align,
  baselineIn,
  Paginator,
  type DrawOp,
  type FontId,
  longestWord,
  naturalWidth,
  type Page,
  paginate,
  type ParagraphStyle,
  paragraphUnits,
  type Rgb,
  type StructElem,
  structElem,
  type StyledSegment,
  tagOps,
  tagUnits,
  type TextMetrics,
  textBlock,
  type Unit,
} from "./layout";

// Re-exported: the PDF's tests and callers know it from here.
export { formatSigningTime };

// ---------------------------------------------------------------------------------------------
// Page geometry and type (points; A4 = 595.28 × 841.89)
// ---------------------------------------------------------------------------------------------

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const LEFT = 62;
export const RIGHT = PAGE.width - 56;
export const WIDTH = RIGHT - LEFT;
/** Body text of a § is indented like the original's; headings stand in the margin. */
const INDENT = 56;
export const FRAME = { top: 104, bottom: 740 } as const;

/** The documents' colours (the kallelse and the drawing share them). */
export const BLACK: Rgb = [0, 0, 0];
export const GREY: Rgb = [0.35, 0.35, 0.35];
export const RULE: Rgb = [0.6, 0.6, 0.6];
const LIGHT_RULE: Rgb = [0.8, 0.8, 0.8];
const WATERMARK: Rgb = [0.86, 0.86, 0.86];

// Sizes and spacing are tuned so that the seed falls on the original's 16 pages, each § on
// the same pages as in the printed protocol (§ 59 on 3-4 … § 67 on 16).
const BODY: ParagraphStyle = { size: 11, lineHeight: 16.5, spaceBefore: 9 };
const H_SPACE = 18;
const H3_SPACE = 14;

export type DocumentKind = "protocol" | "notice" | "extract";

/** The document information (PdfMetadata but the trailer ID, which the writer derives from the content). */
export type DocumentMetadata = Omit<PdfMetadata, "id">;

export interface LaidOutPage {
  /** Layers in drawing order: page header first, then content. */
  layers: Page["layers"];
  /**
   * Drawn after every page's layers, in a second pass over the pages: what depends on the whole
   * document (the ärendelista's page numbers, "Sida N av M") and the footer.
   */
  late: Page["late"];
}

export interface LaidOutDocument {
  pages: LaidOutPage[];
  /** The logical structure (the Document element), for a tagged PDF (tagging.ts). */
  structure: StructElem;
  metadata: DocumentMetadata;
  /** 1-based first and last page of each §. */
  paragraphPages: Map<number, { first: number; last: number }>;
}

// ---------------------------------------------------------------------------------------------
// Protocol state
// ---------------------------------------------------------------------------------------------

/** The content hash the signers signed (the same for all of them), once justerat. */
export function verificationCode(protocol: ProtocolDTO): string | null {
  if (!isAdjusted(protocol.meeting.status)) return null;
  return protocol.signatures.find((s) => s.contentHash)?.contentHash ?? null;
}

/** The instant the document is dated by: the last signature, else justering, else the meeting. */
export function documentDate(protocol: ProtocolDTO): string {
  const signed = protocol.signatures
    .map((s) => s.signedAt)
    .filter((s): s is string => !!s)
    .sort();
  if (isAdjusted(protocol.meeting.status) && signed.length > 0) return signed[signed.length - 1]!;
  return protocol.meeting.adjustedOn ?? protocol.meeting.date;
}

interface Signer {
  role: SignatureRole;
  name: string;
  personId?: string;
  /** The §§ answered for; empty = the whole meeting. */
  ranges: ParagraphRange[];
  signedAt: string | null;
  /** How the signer was identified (absent: not said, as before issue 18). */
  method?: "PASSWORD" | "EID";
  assuranceLevel?: string | null;
}

/** " med e-legitimation, tillitsnivå 3" or " med lösenord" after the signing time; "" when not known. */
function methodSuffix(s: Signer): string {
  if (s.method === "PASSWORD") return " med lösenord";
  if (s.method !== "EID") return "";
  const level = /loa([1-4])(?:$|[^0-9])/.exec(s.assuranceLevel ?? "")?.[1];
  return ` med e-legitimation${level ? `, tillitsnivå ${level}` : ""}`;
}

/**
 * Who signs, one line per person and role: the signature block of the read protocol, or (a
 * protocol built without it) its signers per §, else secretary, chair and adjusters.
 */
function signers(protocol: ProtocolDTO): Signer[] {
  if (protocol.signatures.length > 0) {
    return [...protocol.signatures]
      .sort((a, b) => SIGNATURE_ROLE_ORDER.indexOf(a.role) - SIGNATURE_ROLE_ORDER.indexOf(b.role))
      .map((s) => ({
        role: s.role,
        name: s.name,
        personId: s.personId,
        ranges: s.ranges ?? [],
        signedAt: s.signedAt,
        method: s.method,
        assuranceLevel: s.assuranceLevel,
      }));
  }
  if (hasSignersPerParagraph(protocol)) {
    return signerAssignments(protocol).map((a) => ({
      role: a.role,
      name: a.name,
      personId: a.personId,
      ranges: a.ranges,
      signedAt: null,
    }));
  }
  const list: Signer[] = [];
  if (protocol.secretary) list.push({ role: "SECRETARY", ...protocol.secretary, ranges: [], signedAt: null });
  const chair = protocol.attendance.find((a) => a.role === "CHAIR");
  if (chair) list.push({ role: "CHAIR", name: chair.name, personId: chair.personId, ranges: [], signedAt: null });
  for (const a of protocol.adjusters) list.push({ role: "ADJUSTER", ...a, ranges: [], signedAt: null });
  return list;
}

/**
 * The protocol as sent for justering (issue 18): what every signer signs. Rendered once when it
 * is sent: no draft mark, the header says it is justeras elektroniskt, the footer and the cover
 * carry the content hash as verification code, and each signer's first signature line holds an
 * empty signature field that their PAdES signature fills (signatureFields). What is only known
 * later (the signing times, the justering date, the notice's dates) is not printed: the
 * signatures carry their own times.
 */
export interface SigningLayout {
  /** The content hash the protocol was sent with (the verification code). */
  contentHash: string;
}

/** The organisation seal's field: invisible (zero rectangle), after the signers' fields. */
export const SEAL_FIELD_NAME = "Sigill";
/** What a reader (screen reader, form list) is told the invisible seal field is. */
export const SEAL_FIELD_DESCRIPTION = "Elektroniskt sigill som bekräftar att protokollet är justerat";

export interface SignatureFieldSpec {
  /** The field's /T: "Signatur 1", … in the order of the signature lines. */
  fieldName: string;
  personId: string;
  name: string;
  /** The roles of the person's lines, the first one's first. */
  roles: SignatureRole[];
  /** The field's /TU and its Form element's /Alt: "Signatur: Ordförande Anna Andersson". */
  description: string;
}

/** One signature field per person who signs, on their first signature line. */
export function signatureFields(protocol: ProtocolDTO): SignatureFieldSpec[] {
  const out: SignatureFieldSpec[] = [];
  for (const s of signers(protocol)) {
    if (!s.personId) continue;
    const known = out.find((f) => f.personId === s.personId);
    if (known) {
      known.roles.push(s.role);
      continue;
    }
    out.push({
      fieldName: `Signatur ${out.length + 1}`,
      personId: s.personId,
      name: s.name,
      roles: [s.role],
      description: `Signatur: ${signatureRoleTerms[s.role].label} ${s.name}`,
    });
  }
  return out;
}

/**
 * "Paragrafer 101-109, 111-115" for each line when the signers answer for different §§ (the §§ of
 * the protocol in their ranges); else only the first line shows the protocol's span, as the seed.
 */
function signerSpans(list: readonly Signer[], numbers: readonly number[]): (string | null)[] {
  const perParagraph = list.some((s) => s.ranges.length > 0);
  return list.map((s, i) => {
    if (!perParagraph) return i === 0 ? formatParagraphSpan([...numbers]) || null : null;
    const covered = numbersCovered(s.ranges, numbers);
    return covered.length > 0 ? formatParagraphRanges(compressParagraphNumbers(covered), "word") : null;
  });
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

// ---------------------------------------------------------------------------------------------
// Small builders
// ---------------------------------------------------------------------------------------------

/**
 * "§ 59", "§§ 59-62", "5 § kommunallagen": the sign and its number are joined by a no-break space
 * (U+00A0), which the layout never breaks at, so a line never ends in a lone "§".
 */
export function keepSectionSignsWithNumbers(text: string): string {
  return text.includes("§") ? text.replace(/(§§?) +(?=\d)/g, "$1\u00a0").replace(/(\d) +(?=§)/g, "$1\u00a0") : text;
}

const plain = (text: string): StyledSegment[] => [{ text: keepSectionSignsWithNumbers(text) }];

/** Plain `text` as a paragraph in the column at `x`, `width` wide, tagged as a P under `parent`. */
function plainParagraph(
  text: string,
  x: number,
  width: number,
  style: ParagraphStyle,
  metrics: TextMetrics,
  parent: StructElem,
): Unit[] {
  return tagUnits(paragraphUnits(plain(text), x, width, style, metrics), structElem("P", parent));
}

function spacer(height: number): Unit {
  return { height, spaceBefore: 0, ops: [] };
}

function textOp(x: number, y: number, size: number, font: FontId, text: string, color: Rgb = BLACK): DrawOp {
  return { op: "text", x, y, size, runs: [{ font, text }], color };
}

function rightText(
  metrics: TextMetrics,
  right: number,
  y: number,
  size: number,
  font: FontId,
  text: string,
  color: Rgb = BLACK,
): DrawOp {
  return textOp(right - (metrics.measure(font, text) * size) / 1000, y, size, font, text, color);
}

function heading(
  text: string,
  metrics: TextMetrics,
  tag: StructElem,
  style: Partial<ParagraphStyle> = {},
  x = LEFT,
  width = WIDTH,
): Unit[] {
  const units = paragraphUnits(
    plain(text),
    x,
    width,
    { size: 11.5, lineHeight: 16, bold: true, spaceBefore: H_SPACE, ...style },
    metrics,
  );
  for (const u of units) u.keepWithNext = true;
  return tagUnits(units, tag);
}

/** A heading that starts a page of its own: the ärendelista, the närvarolista, the rättelser. */
function pageHeading(text: string, metrics: TextMetrics, tag: StructElem, style: Partial<ParagraphStyle>): Unit[] {
  const units = heading(text, metrics, tag, { spaceBefore: 0, ...style });
  units[0]!.pageBreakBefore = true;
  return units;
}

/** Marks the last of `units` to stay on the page of what follows (a lead-in and its text). */
function keepWithNext(units: Unit[]): Unit[] {
  const last = units[units.length - 1];
  if (last) last.keepWithNext = true;
  return units;
}

function inlineSegments(content: readonly InlineNode[] | undefined): StyledSegment[] {
  const out: StyledSegment[] = [];
  for (const node of content ?? []) {
    if (node.type === "hardBreak") {
      const last = out[out.length - 1];
      if (last && !last.breakAfter) last.breakAfter = true;
      else out.push({ text: "", breakAfter: true });
      continue;
    }
    const marks = node.marks ?? [];
    out.push({
      text: node.text,
      bold: marks.some((m) => m.type === "bold"),
      italic: marks.some((m) => m.type === "italic"),
    });
  }
  return out;
}

function hasText(segments: readonly StyledSegment[]): boolean {
  return segments.some((s) => s.text.trim().length > 0);
}

// ---------------------------------------------------------------------------------------------
// Rich text (TipTap JSON subset) → units
// ---------------------------------------------------------------------------------------------

interface Column {
  x: number;
  width: number;
}

/** Rich text; its elements (P, H4/H5, L, Table) are appended to `parent`. */
function richUnits(blocks: readonly BlockNode[], col: Column, metrics: TextMetrics, parent: StructElem): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "paragraph": {
        const segs = inlineSegments(block.content);
        if (!hasText(segs)) {
          units.push(spacer(BODY.lineHeight * 0.5));
          break;
        }
        units.push(
          ...tagUnits(
            paragraphUnits(segs, col.x, col.width, { ...BODY, align: block.attrs?.textAlign ?? "left" }, metrics),
            structElem("P", parent),
          ),
        );
        break;
      }
      case "heading": {
        const segs = inlineSegments(block.content);
        if (!hasText(segs)) break;
        const h = paragraphUnits(
          segs,
          col.x,
          col.width,
          {
            size: BODY.size,
            lineHeight: BODY.lineHeight,
            bold: true,
            italic: block.attrs.level === 4,
            spaceBefore: H3_SPACE,
          },
          metrics,
        );
        for (const u of h) u.keepWithNext = true;
        // Under a section's H3: level 3 is H4, level 4 is H5.
        units.push(...tagUnits(h, structElem(block.attrs.level === 4 ? "H5" : "H4", parent)));
        break;
      }
      case "bulletList":
        units.push(...listUnits(block, col, metrics, 0, parent));
        break;
      case "table":
        units.push(...richTableUnits(block, col, metrics, parent));
        break;
    }
  }
  return units;
}

const BULLETS = ["•", "–", "◦"];
const BULLET_INDENT = 16;

/** A list as L → LI → Lbl (the bullet) + LBody (a P per paragraph, a nested L). */
function listUnits(list: BulletListNode, col: Column, metrics: TextMetrics, depth: number, parent: StructElem): Unit[] {
  const units: Unit[] = [];
  const textX = col.x + BULLET_INDENT;
  const textWidth = col.width - BULLET_INDENT;
  const l = structElem("L", parent);
  list.content.forEach((item, index) => {
    let first = true;
    const li = structElem("LI", l);
    const lbl = item.content[0]?.type === "paragraph" ? structElem("Lbl", li) : null;
    const lbody = structElem("LBody", li);
    for (const child of item.content) {
      if (child.type === "bulletList") {
        // An item that introduces a sub-list stays with its first sub-item.
        const last = units[units.length - 1];
        if (last) last.keepWithNext = true;
        units.push(...listUnits(child, { x: textX, width: textWidth }, metrics, depth + 1, lbody));
        continue;
      }
      const segs = inlineSegments(child.content);
      const spaceBefore = first ? (index === 0 && depth === 0 ? BODY.spaceBefore! : 3) : 3;
      const lines = paragraphUnits(
        hasText(segs) ? segs : plain(" "),
        textX,
        textWidth,
        { ...BODY, spaceBefore, align: child.attrs?.textAlign ?? "left" },
        metrics,
      );
      tagUnits(lines, structElem("P", lbody));
      if (first && lines[0]) {
        const bullet = BULLETS[depth % BULLETS.length]!;
        const mark = textOp(col.x + 3, baselineIn(BODY.lineHeight, BODY.size), BODY.size, "regular", bullet);
        if (lbl) tagOps([mark], lbl);
        lines[0].ops = [mark, ...lines[0].ops];
      }
      first = false;
      units.push(...lines);
    }
  });
  return units;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

export interface CellSpec {
  segments: StyledSegment[];
  align: Align;
  bold?: boolean;
  colspan?: number;
}

export interface TableSpec {
  rows: CellSpec[][];
  /** Leading rows that form the header (repeated on every page the table runs onto). */
  headerRows: number;
  /** Rows after which a strong rule is drawn (e.g. before a totals row). */
  emphasiseRows?: Set<number>;
  size?: number;
  /** Fixed column widths; otherwise computed from content. */
  widths?: number[];
}

const CELL_PAD_X = 4;
/** Tables up to this height (a quarter page, ~9 rows) are kept on one page; longer ones flow. */
const SHORT_TABLE = (FRAME.bottom - FRAME.top) / 4;
const CELL_PAD_Y = 2.5;
/** Tables are set a little smaller than body text, as in the original. */
const TABLE_SIZE = 10;
const NUMERIC = /^[-−–+]?\s*\d[\d\s\u00a0.,]*%?$/;

function richTableSpec(table: TableNode): TableSpec {
  const rows: CellSpec[][] = table.content.map((row) =>
    row.content.map((cell) => {
      const segments: StyledSegment[] = [];
      let align: Align | undefined;
      cell.content.forEach((para: ParagraphNode, i) => {
        if (i > 0) {
          const last = segments[segments.length - 1];
          if (last) last.breakAfter = true;
        }
        segments.push(...inlineSegments(para.content));
        align ??= para.attrs?.textAlign;
      });
      const text = segments
        .map((s) => s.text)
        .join("")
        .trim();
      return {
        segments,
        align: align ?? (NUMERIC.test(text) ? "right" : "left"),
        bold: cell.type === "tableHeader",
        colspan: cell.attrs?.colspan ?? 1,
      };
    }),
  );
  let headerRows = 0;
  while (
    headerRows < table.content.length &&
    table.content[headerRows]!.content.every((c) => c.type === "tableHeader")
  ) {
    headerRows++;
  }
  // A table that is all header cells has no body to repeat a header over.
  if (headerRows === rows.length) headerRows = 0;
  return { rows, headerRows };
}

function richTableUnits(table: TableNode, col: Column, metrics: TextMetrics, parent: StructElem): Unit[] {
  return tableUnits(richTableSpec(table), col, metrics, parent);
}

/** Column widths from content, like HTML's automatic table layout, filling the column. */
export function columnWidths(spec: TableSpec, available: number, metrics: TextMetrics): number[] {
  const size = spec.size ?? TABLE_SIZE;
  const count = Math.max(1, ...spec.rows.map((r) => r.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  if (spec.widths && spec.widths.length === count) return spec.widths;
  const max = new Array<number>(count).fill(2 * CELL_PAD_X + 1);
  const min = new Array<number>(count).fill(2 * CELL_PAD_X + 1);
  for (const row of spec.rows) {
    let c = 0;
    for (const cell of row) {
      const span = cell.colspan ?? 1;
      if (span === 1 && c < count) {
        const segs = cell.bold ? cell.segments.map((s) => ({ ...s, bold: true })) : cell.segments;
        max[c] = Math.max(max[c]!, naturalWidth(segs, size, metrics) + 2 * CELL_PAD_X + 0.5);
        min[c] = Math.max(min[c]!, Math.min(longestWord(segs, size, metrics), available / 3) + 2 * CELL_PAD_X + 0.5);
      }
      c += span;
    }
  }
  const sumMax = max.reduce((a, b) => a + b, 0);
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMax <= available) {
    // Spare room goes to the first column, where labels live; figures keep their natural width.
    const widths = [...max];
    widths[0] = widths[0]! + (available - sumMax);
    return widths;
  }
  if (sumMin <= available) {
    const f = (available - sumMin) / (sumMax - sumMin);
    return min.map((m, i) => m + (max[i]! - m) * f);
  }
  return min.map((m) => (m / sumMin) * available);
}

/** A table as Table → TR → TH (header rows, scope Column) / TD, appended to `parent`. */
export function tableUnits(spec: TableSpec, col: Column, metrics: TextMetrics, parent: StructElem | null): Unit[] {
  const table = parent ? structElem("Table", parent) : null;
  const size = spec.size ?? TABLE_SIZE;
  const lineHeight = size * 1.3;
  const widths = columnWidths(spec, col.width, metrics);
  const xs: number[] = [];
  let acc = col.x;
  for (const w of widths) {
    xs.push(acc);
    acc += w;
  }
  const right = acc;
  const headerUnits: Unit[] = [];
  const units: Unit[] = [];
  spec.rows.forEach((row, r) => {
    const ops: DrawOp[] = [];
    let height = 0;
    let c = 0;
    const tr = table ? structElem("TR", table) : null;
    for (const cell of row) {
      const span = cell.colspan ?? 1;
      const x = xs[c] ?? col.x;
      let w = 0;
      for (let k = c; k < c + span && k < widths.length; k++) w += widths[k]!;
      c += span;
      const cellElem = tr
        ? structElem(r < spec.headerRows ? "TH" : "TD", tr, {
            ...(r < spec.headerRows ? { scope: "Column" as const } : {}),
            ...(span > 1 ? { colSpan: span } : {}),
          })
        : null;
      if (!hasText(cell.segments)) continue;
      const block = textBlock(
        cell.segments,
        x + CELL_PAD_X,
        Math.max(1, w - 2 * CELL_PAD_X),
        { size, lineHeight, bold: cell.bold, align: cell.align },
        metrics,
        CELL_PAD_Y,
      );
      tagOps(block.ops, cellElem);
      ops.push(...block.ops);
      height = Math.max(height, block.height);
    }
    height = Math.max(height, lineHeight) + 2 * CELL_PAD_Y;
    const isHeader = r < spec.headerRows;
    const isLastHeader = r === spec.headerRows - 1;
    if (isLastHeader) ops.push({ op: "line", x1: col.x, y1: height, x2: right, y2: height, width: 0.8, color: BLACK });
    else if (spec.emphasiseRows?.has(r))
      ops.push({ op: "line", x1: col.x, y1: height, x2: right, y2: height, width: 0.8, color: BLACK });
    else if (r === spec.rows.length - 1)
      ops.push({ op: "line", x1: col.x, y1: height, x2: right, y2: height, width: 0.8, color: RULE });
    else if (!isHeader)
      ops.push({ op: "line", x1: col.x, y1: height, x2: right, y2: height, width: 0.4, color: LIGHT_RULE });
    if (r === 0)
      ops.push({
        op: "line",
        x1: col.x,
        y1: 0,
        x2: right,
        y2: 0,
        width: 0.8,
        color: spec.headerRows > 0 ? BLACK : RULE,
      });
    const unit: Unit = { height, spaceBefore: r === 0 ? 10 : 0, ops };
    if (isHeader) {
      unit.keepWithNext = true;
      headerUnits.push({ height, spaceBefore: 0, ops });
    } else if (spec.headerRows > 0) {
      unit.repeatHeader = headerUnits;
    }
    units.push(unit);
  });
  // A short table is not split: moved whole to the next page if it does not fit.
  const total = units.reduce((h, u) => h + u.height, 0);
  if (total <= SHORT_TABLE) for (let k = 0; k < units.length - 1; k++) units[k]!.keepWithNext = true;
  return units;
}

// ---------------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------------

interface Furniture {
  protocol: ProtocolDTO;
  /** "PROTOKOLL", "ANSLAG/BEVIS", "UTDRAG UR PROTOKOLL" */
  documentLabel: string;
  metrics: TextMetrics;
  signing?: SigningLayout;
}

/**
 * Header ops (drawn before the content) and footer ops (after it, so text reads in order). The
 * first page's header is the document's title (`root` given); on the others it is an artifact.
 */
function furnitureOps(
  f: Furniture,
  pageNumber: number,
  pageCount: number,
  root: StructElem | null,
): { header: DrawOp[]; footer: DrawOp[] } {
  return { header: headerOps(f, root), footer: footerOps(f, [], pageNumber, pageCount) };
}

/**
 * The draft mark, and organisation, body, document kind and meeting date: the same on every
 * page. With `root` (the first page) the text is content: organisation as P, body and document
 * kind as the H1, meeting date and state as P; elsewhere it is page furniture (an artifact).
 */
function headerOps(f: Furniture, root: StructElem | null = null): DrawOp[] {
  const { protocol, metrics } = f;
  const ops: DrawOp[] = [];
  const draft = !isAdjusted(protocol.meeting.status) && !f.signing;
  if (draft) {
    // Drawn first, under the text: the draft mark must not hide content.
    const size = 110;
    const w = (metrics.measure("bold", "UTKAST") * size) / 1000;
    const angle = 52;
    const rad = (angle * Math.PI) / 180;
    const cx = PAGE.width / 2;
    const cy = PAGE.height / 2;
    ops.push({
      op: "outlinedText",
      x: cx - (Math.cos(rad) * w) / 2 + Math.sin(rad) * size * 0.35,
      y: cy + (Math.sin(rad) * w) / 2 + Math.cos(rad) * size * 0.35,
      size,
      font: "bold",
      text: "UTKAST",
      degrees: angle,
      color: WATERMARK,
    });
  }
  // Header: organisation and body left; document kind, meeting date and state right.
  // The header is laid out when its page is full: its elements go first in the tree.
  const head = root ? structElem("Document") : null;
  const org = head ? structElem("P", head) : null;
  const h1 = head ? structElem("H1", head) : null;
  const facts = head ? structElem("P", head) : null;
  if (root && head) root.kids.unshift(...head.kids);
  const tagged = (op: DrawOp, elem: StructElem | null) => {
    tagOps([op], elem);
    ops.push(op);
  };
  tagged(textOp(LEFT, 44, 9, "regular", protocol.organisation.name, GREY), org);
  tagged(textOp(LEFT, 66, 17, "bold", protocol.body.name), h1);
  tagged(rightText(metrics, RIGHT, 44, 9, "bold", f.documentLabel), h1);
  tagged(rightText(metrics, RIGHT, 57, 9, "regular", `Sammanträdesdatum ${protocol.meeting.date}`), facts);
  if (draft) tagged(rightText(metrics, RIGHT, 70, 9, "bold", "UTKAST – ej justerat", [0.65, 0.1, 0.1]), facts);
  else if (f.signing) tagged(rightText(metrics, RIGHT, 70, 9, "regular", "Justeras elektroniskt"), facts);
  else if (protocol.meeting.adjustedOn)
    tagged(rightText(metrics, RIGHT, 70, 9, "regular", `Justerat ${protocol.meeting.adjustedOn}`), facts);
  ops.push({ op: "line", x1: LEFT, y1: 80, x2: RIGHT, y2: 80, width: 0.75, color: BLACK });
  return ops;
}

/** Footer: justerandes sign and utdragsbestyrkande boxes, the verification code, the page number. */
function footerOps(f: Furniture, ops: DrawOp[], pageNumber: number, pageCount: number): DrawOp[] {
  const { protocol, metrics } = f;
  const code = f.signing?.contentHash ?? verificationCode(protocol);
  if (code) {
    const state = f.signing ? "Justeras digitalt" : "Justerat digitalt";
    ops.push(textOp(LEFT, 762, 7, "regular", `${state}. Verifieringskod: ${code}`, GREY));
  }
  const boxTop = 770;
  const boxH = 34;
  const boxW = 128;
  ops.push({ op: "rect", x: LEFT, y: boxTop, w: boxW, h: boxH, stroke: { width: 0.6, color: BLACK } });
  ops.push({ op: "rect", x: LEFT + boxW + 8, y: boxTop, w: boxW, h: boxH, stroke: { width: 0.6, color: BLACK } });
  ops.push(textOp(LEFT + 4, boxTop + 9, 7, "regular", "Justerandes sign", GREY));
  ops.push(textOp(LEFT + boxW + 12, boxTop + 9, 7, "regular", "Utdragsbestyrkande", GREY));
  if (code && !f.signing) {
    const signedAdjusters = protocol.signatures.filter((s) => s.role === "ADJUSTER" && s.signedAt);
    if (signedAdjusters.length > 0) {
      ops.push(textOp(LEFT + 4, boxTop + 26, 10, "italic", signedAdjusters.map((s) => initials(s.name)).join("  ")));
    }
  }
  ops.push(rightText(metrics, RIGHT, boxTop + 22, 9, "regular", `Sida ${pageNumber} av ${pageCount}`));
  return ops;
}

/** Adds header and footer to each page; `root` receives the first page's header (the H1). */
function finishPages(pages: Page[], furniture: Furniture, root: StructElem): LaidOutPage[] {
  return pages.map((page, i) => {
    const { header, footer } = furnitureOps(furniture, i + 1, pages.length, i === 0 ? root : null);
    return { layers: [{ dy: 0, ops: header }, ...page.layers], late: [...page.late, { dy: 0, ops: footer }] };
  });
}

// ---------------------------------------------------------------------------------------------
// Cover page: meeting data and signatures
// ---------------------------------------------------------------------------------------------

const LABEL_W = 150;
const VALUE_X = LEFT + LABEL_W;
const VALUE_W = RIGHT - VALUE_X;
const COVER: ParagraphStyle = { size: 10, lineHeight: 14 };

/**
 * A label/value row of the cover table; values wrap and may run onto the next page line by line.
 * Tagged as a row of `table`: the label a TH (scope Row), the values a TD.
 */
function coverRow(
  label: string,
  values: (string | { sub: string })[],
  metrics: TextMetrics,
  table: StructElem,
  first = false,
): Unit[] {
  const units: Unit[] = [];
  for (const value of values) {
    if (typeof value === "string") {
      units.push(...paragraphUnits(plain(value), VALUE_X, VALUE_W, COVER, metrics));
    } else {
      const sub = paragraphUnits(
        plain(value.sub),
        VALUE_X,
        VALUE_W,
        { ...COVER, italic: true, spaceBefore: units.length > 0 ? 4 : 0 },
        metrics,
      );
      for (const u of sub) u.keepWithNext = true;
      units.push(...sub);
    }
  }
  if (units.length === 0) units.push(spacer(COVER.lineHeight));
  return labelled(label, units, metrics, table, first);
}

/**
 * Puts the row label and the rule above it on the first of `units`: a TR of `table` with the
 * label as TH and `units` as TD (`td` when the caller has tagged parts of it already).
 */
function labelled(
  label: string,
  units: Unit[],
  metrics: TextMetrics,
  table: StructElem,
  first = false,
  td: StructElem = structElem("TD"),
): Unit[] {
  const tr = structElem("TR", table);
  const th = structElem("TH", tr, { scope: "Row" });
  tr.kids.push(td);
  if (td.kids.length === 0) tagUnits(units, td);
  const firstUnit = units[0]!;
  const labelLines = textBlock(plain(label), LEFT, LABEL_W - 10, { ...COVER, bold: true }, metrics, 0);
  tagOps(labelLines.ops, th);
  const pad = 5;
  firstUnit.ops = [
    { op: "line", x1: LEFT, y1: -pad, x2: RIGHT, y2: -pad, width: first ? 0.75 : 0.4, color: first ? BLACK : RULE },
    ...labelLines.ops,
    ...firstUnit.ops,
  ];
  firstUnit.spaceBefore = pad * 2;
  firstUnit.keepWithNext = true;
  // A label that wraps to more lines than its values reserves the room.
  const valueHeight = units.reduce((h, u, i) => h + u.height + (i === 0 ? 0 : u.spaceBefore), 0);
  if (labelLines.height > valueHeight) units.push(spacer(labelLines.height - valueHeight));
  return units;
}

/** The signature lines, a P each in `cell`. */
function signatureUnits(
  protocol: ProtocolDTO,
  metrics: TextMetrics,
  cell: StructElem,
  signing: SigningLayout | undefined,
): Unit[] {
  const list = signers(protocol);
  const fields = signing ? signatureFields(protocol) : [];
  const placed = new Set<string>();
  const numbers = protocol.paragraphs.map((p) => p.number);
  const span = formatParagraphSpan(numbers);
  const spans = signerSpans(list, numbers);
  const adjusted = isAdjusted(protocol.meeting.status);
  const units: Unit[] = [];
  const nameX = VALUE_X + 74;
  const lineEnd = Math.min(RIGHT - 110, nameX + 190);
  list.forEach((s, i) => {
    const signedDigitally = !signing && adjusted && !!s.signedAt;
    const ops: DrawOp[] = [];
    const field = fields.find((f) => f.personId === s.personId);
    const hasField = !!field && !placed.has(field.fieldName);
    // A signature field's box is tall enough for the three lines its appearance draws.
    const height = signedDigitally ? 28 : hasField ? 44 : i === 0 ? 36 : 32;
    const baseline = signedDigitally ? 10 : height - 7;
    if (!signedDigitally)
      ops.push({ op: "line", x1: nameX, y1: baseline - 12, x2: lineEnd, y2: baseline - 12, width: 0.5, color: BLACK });
    ops.push(textOp(VALUE_X, baseline, COVER.size, "regular", signatureRoleTerms[s.role].label, GREY));
    ops.push(textOp(nameX, baseline, COVER.size, "regular", s.name));
    const lineSpan = spans[i];
    if (lineSpan) ops.push(rightText(metrics, RIGHT, baseline, COVER.size, "regular", lineSpan));
    if (signedDigitally)
      ops.push(
        textOp(
          nameX,
          baseline + 12,
          8,
          "italic",
          `Signerat digitalt ${formatSigningTime(s.signedAt!)}${methodSuffix(s)}`,
          GREY,
        ),
      );
    tagOps(ops, structElem("P", cell));
    if (field && hasField) {
      // The person's signature goes here: the box above the line, as wide as the line.
      placed.add(field.fieldName);
      const form = structElem("Form", cell);
      form.alt = field.description;
      ops.push({
        op: "field",
        x: nameX,
        y: 0,
        w: lineEnd - nameX,
        h: baseline - 12,
        name: field.fieldName,
        description: field.description,
        tag: form,
      });
    }
    if (signing && i === list.length - 1) {
      // The seal's field, invisible (a zero rectangle) as the seal has always been.
      const form = structElem("Form", cell);
      form.alt = SEAL_FIELD_DESCRIPTION;
      ops.push({
        op: "field",
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        name: SEAL_FIELD_NAME,
        description: SEAL_FIELD_DESCRIPTION,
        tag: form,
      });
    }
    units.push({ height, spaceBefore: 0, ops, keepWithNext: i < list.length - 1 });
  });
  if (units.length === 0) {
    const ops = span
      ? [rightText(metrics, RIGHT, baselineIn(COVER.lineHeight, COVER.size), COVER.size, "regular", span)]
      : [];
    tagOps(ops, structElem("P", cell));
    units.push({ height: COVER.lineHeight, spaceBefore: 0, ops });
  }
  const code = signing?.contentHash ?? verificationCode(protocol);
  if (code) {
    units.push(
      ...plainParagraph(
        `Verifieringskod: ${code}`,
        VALUE_X,
        VALUE_W,
        { size: 7, lineHeight: 11, color: GREY, spaceBefore: 4 },
        metrics,
        cell,
      ),
    );
  }
  return units;
}

/** The cover's Justerare: names, with the §§ each justerar when the signers are per § ("§§ 1-4"). */
function coverAdjusters(protocol: ProtocolDTO): string[] {
  if (!hasSignersPerParagraph(protocol)) return protocol.adjusters.map((a) => a.name);
  const numbers = protocol.paragraphs.map((p) => p.number);
  return signerAssignments(protocol)
    .filter((a) => a.role === "ADJUSTER")
    .map((a) => {
      if (a.ranges.length === 0) return a.name;
      const covered = numbersCovered(a.ranges, numbers);
      // A no-break space keeps "§§" with its number at a line break.
      const text = formatParagraphRanges(compressParagraphNumbers(covered.length > 0 ? covered : [])).replace(
        " ",
        "\u00a0",
      );
      return text ? `${a.name} ${text}` : a.name;
    });
}

/** The cover: the meeting data as a Table of `root`, then the ANSLAG/BEVIS block. */
function coverUnits(
  protocol: ProtocolDTO,
  metrics: TextMetrics,
  root: StructElem,
  signing: SigningLayout | undefined,
): Unit[] {
  const { meeting } = protocol;
  const lines = attendanceLines(protocol.attendance);
  const units: Unit[] = [];
  const table = structElem("Table", root);
  units.push(...coverRow("Plats och tid", [formatPlaceAndTime(meeting)], metrics, table, true));
  const decisionMakers: (string | { sub: string })[] = [];
  const { MEMBER, SUBSTITUTE, OTHER, ABSENT } = attendanceRoleTerms;
  if (protocol.body.appendedAttendanceList) {
    // Fullmäktige practice: the beslutande are in the list appended after the §§.
    decisionMakers.push(APPENDED_LIST_REFERENCE);
  } else if (lines.beslutande.length > 0) {
    decisionMakers.push({ sub: MEMBER.plural }, ...lines.beslutande);
  }
  if (lines.ersattare.length > 0) {
    decisionMakers.push({ sub: SUBSTITUTE.plural }, ...lines.ersattare);
  }
  units.push(...coverRow("Beslutande", decisionMakers, metrics, table));
  // Frånvarande ledamöter, with the ersättare who served for them; no row when none is recorded.
  if (lines.franvarande.length > 0) units.push(...coverRow(ABSENT.plural, lines.franvarande, metrics, table));
  units.push(...coverRow(OTHER.plural, lines.ovriga, metrics, table));
  units.push(...coverRow(signatureRoleTerms.ADJUSTER.plural, coverAdjusters(protocol), metrics, table));
  const adjustment = formatAdjustmentPlaceAndTime(meeting);
  units.push(...coverRow("Justeringens plats och tid", adjustment ? [adjustment] : [], metrics, table));
  const signatureCell = structElem("TD");
  units.push(
    ...labelled(
      "Underskrifter",
      signatureUnits(protocol, metrics, signatureCell, signing),
      metrics,
      table,
      false,
      signatureCell,
    ),
  );
  units.push({
    height: 0,
    spaceBefore: 4,
    ops: [{ op: "line", x1: LEFT, y1: 0, x2: RIGHT, y2: 0, width: 0.75, color: BLACK }],
  });
  // Sent for justering: the notice's dates follow from the justering date, not known yet.
  const sentNotice = protocol.notice && { ...protocol.notice, postedOn: "", takeDownOn: "", revisedAt: undefined };
  units.push(noticeBlock(signing ? { ...protocol, notice: sentNotice } : protocol, metrics, 18, root));
  return units;
}

/**
 * ANSLAG/BEVIS as one unbreakable boxed unit; in `parent` a Sect with the heading (H2), the
 * wording, a P per row (label and value read together) and the signature.
 */
function noticeBlock(protocol: ProtocolDTO, metrics: TextMetrics, spaceBefore: number, parent: StructElem): Unit {
  const { notice, meeting } = protocol;
  const sect = structElem("Sect", parent);
  const ops: DrawOp[] = [];
  const at = ops.length;
  /** Tags the ops added since `from` as a new `type` element of the Sect. */
  const tagSince = (from: number, type: "H2" | "P") => tagOps(ops.slice(from), structElem(type, sect));
  const pad = 10;
  const x = LEFT + pad;
  const right = RIGHT - pad;
  let y = pad;
  ops.push(textOp(x, y + 12, 12, "bold", "ANSLAG/BEVIS"));
  tagSince(at, "H2");
  y += 22;
  if (notice || isAdjusted(protocol.meeting.status)) {
    // The organisation's own wording (admin: the organisation's notice text); the facts follow in rows.
    const t = textBlock(plain(notice?.wording || DEFAULT_NOTICE_WORDING), x, right - x, COVER, metrics, y);
    tagOps(t.ops, structElem("P", sect));
    ops.push(...t.ops);
    y += t.height + 8;
  } else {
    y += 4;
  }
  const labelW = 170;
  const row = (cells: [string, string][]) => {
    const from = ops.length;
    let h = COVER.lineHeight;
    if (cells.length === 1) {
      const [label, value] = cells[0]!;
      const l = textBlock(plain(label), x, labelW - 6, { ...COVER, bold: true }, metrics, y);
      const v = textBlock(plain(value || " "), x + labelW, right - x - labelW, COVER, metrics, y);
      ops.push(...l.ops, ...v.ops);
      h = Math.max(h, l.height, v.height);
    } else {
      // Label, value, label, value on one line as in the original; each value gets what its text needs.
      let cx = x;
      for (const [i, [label, value]] of cells.entries()) {
        const lw = i === 0 ? labelW : (metrics.measure("bold", label) * COVER.size) / 1000 + 12;
        const vw = (metrics.measure("regular", value || "0000-00-00") * COVER.size) / 1000 + 16;
        ops.push(textOp(cx, y + baselineIn(COVER.lineHeight, COVER.size), COVER.size, "bold", label));
        ops.push(textOp(cx + lw, y + baselineIn(COVER.lineHeight, COVER.size), COVER.size, "regular", value));
        cx += lw + vw;
      }
    }
    tagSince(from, "P");
    y += h + 3;
    ops.push({ op: "line", x1: x, y1: y, x2: right, y2: y, width: 0.4, color: LIGHT_RULE });
    y += 4;
  };
  row([["Organ", protocol.body.name]]);
  row([["Sammanträdesdatum", meeting.date]]);
  const posted: [string, string] = ["Datum då anslaget sätts upp", notice?.postedOn ?? ""];
  const takenDown: [string, string] = ["Datum då anslaget tas ned", notice?.takeDownOn ?? ""];
  const oneLine =
    labelW +
    ((metrics.measure("regular", "0000-00-00") +
      metrics.measure("bold", takenDown[0]) +
      metrics.measure("regular", "0000-00-00")) *
      COVER.size) /
      1000 +
    44;
  if (oneLine <= right - x) row([posted, takenDown]);
  else {
    row([posted]);
    row([takenDown]);
  }
  row([["Förvaringsplats för protokollet", notice?.storagePlace ?? ""]]);
  if (notice?.noticeBoard) row([["Anslagstavla", notice.noticeBoard]]);
  if (notice?.revisedAt) {
    // A copy made after the secretary changed the dates says so: the signed original shows others.
    const t = textBlock(
      plain(`Anslagets datum ändrades efter justeringen, ${formatSigningTime(notice.revisedAt)}.`),
      x,
      right - x,
      { ...COVER, italic: true },
      metrics,
      y,
    );
    tagOps(t.ops, structElem("P", sect));
    ops.push(...t.ops);
    y += t.height + 4;
  }
  const signature = ops.length;
  ops.push(textOp(x, y + 12, COVER.size, "bold", "Underskrift"));
  ops.push({
    op: "line",
    x1: x + labelW,
    y1: y + 26,
    x2: Math.min(right, x + labelW + 200),
    y2: y + 26,
    width: 0.5,
    color: BLACK,
  });
  y += 34;
  if (notice?.certifiedBy) {
    // The name and title of who certifies the anslag, under the signature line.
    const c = textBlock(plain(notice.certifiedBy), x + labelW, right - x - labelW, COVER, metrics, y - 4);
    ops.push(...c.ops);
    y += c.height;
  }
  tagSince(signature, "P");
  const height = y + pad;
  ops.push({ op: "rect", x: LEFT, y: 0, w: WIDTH, h: height, stroke: { width: 0.75, color: BLACK } });
  return { height, spaceBefore, ops };
}

// ---------------------------------------------------------------------------------------------
// Ärendelista
// ---------------------------------------------------------------------------------------------

interface PendingRange {
  op: Extract<DrawOp, { op: "text" }>;
  number: number;
  right: number;
}

/** The ärendelista: an H2 and a Table (§, Ärende, Dnr, Sida) in `root`. */
function agendaUnits(protocol: ProtocolDTO, metrics: TextMetrics, pending: PendingRange[], root: StructElem): Unit[] {
  const size = 10;
  const lineHeight = 14;
  const pageColW = Math.max(48, (metrics.measure("regular", "9999 - 9999") * size) / 1000 + 8);
  const numberW = 46;
  const dnrW = Math.max(
    90,
    ...protocol.paragraphs.map((p) => (metrics.measure("regular", p.caseNumber ?? "") * size) / 1000 + 12),
  );
  const titleW = WIDTH - numberW - pageColW - Math.min(dnrW, 150);
  const dnrX = LEFT + numberW + titleW;
  const units: Unit[] = [];
  units.push(...pageHeading("Ärendelista", metrics, structElem("H2", root), { size: 14, lineHeight: 20 }));
  const table = structElem("Table", root);
  const headRow = structElem("TR", table);
  const th = () => structElem("TH", headRow, { scope: "Column" });
  const headerOps: DrawOp[] = [
    textOp(LEFT, 13, 9, "bold", "§", GREY),
    textOp(LEFT + numberW, 13, 9, "bold", "Ärende", GREY),
    textOp(dnrX, 13, 9, "bold", "Dnr", GREY),
    rightText(metrics, RIGHT, 13, 9, "bold", "Sida", GREY),
    { op: "line", x1: LEFT, y1: 18, x2: RIGHT, y2: 18, width: 0.75, color: BLACK },
  ];
  for (const op of headerOps.slice(0, 4)) tagOps([op], th());
  const header: Unit = { height: 18, spaceBefore: 10, ops: headerOps, keepWithNext: true };
  units.push(header);
  const repeat: Unit[] = [{ ...header, spaceBefore: 0 }];
  for (const p of protocol.paragraphs) {
    const title = textBlock(plain(p.title), LEFT + numberW, titleW - 10, { size, lineHeight }, metrics, 5);
    const dnr = textBlock(plain(p.caseNumber ?? ""), dnrX, Math.min(dnrW, 150) - 8, { size, lineHeight }, metrics, 5);
    const height = Math.max(title.height, dnr.height, lineHeight) + 10;
    const base = 5 + baselineIn(lineHeight, size);
    const rangeOp = textOp(RIGHT, base, size, "regular", "");
    pending.push({ op: rangeOp as Extract<DrawOp, { op: "text" }>, number: p.number, right: RIGHT });
    const tr = structElem("TR", table);
    const numberOp = textOp(LEFT, base, size, "bold", `§ ${p.number}`);
    tagOps([numberOp], structElem("TD", tr));
    tagOps(title.ops, structElem("TD", tr));
    tagOps(dnr.ops, structElem("TD", tr));
    tagOps([rangeOp], structElem("TD", tr));
    units.push({
      height,
      spaceBefore: 0,
      repeatHeader: repeat,
      ops: [
        numberOp,
        ...title.ops,
        ...dnr.ops,
        { op: "line", x1: LEFT, y1: height, x2: RIGHT, y2: height, width: 0.4, color: LIGHT_RULE },
      ],
      // The page range is known only when every § has been laid out.
      late: [rangeOp],
    });
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// One §
// ---------------------------------------------------------------------------------------------

function motionText(
  motions: readonly MotionDTO[],
  attendance: ProtocolDTO["attendance"],
): { lead: string | null; lines: string[] }[] {
  // Consecutive motions of one person whose text is a clause of its own ("Att …") are introduced
  // once, "NN yrkar på följande:", as in the original; a motion phrased "att …" reads as one sentence.
  const out: { lead: string | null; lines: string[] }[] = [];
  let group: { personId: string; entry: { lead: string | null; lines: string[] } } | null = null;
  for (const motion of motions) {
    // The mover with their party from the attendance: "Anna Andersson (S) yrkar …".
    const m = { ...motion, name: nameWithParty(motion, attendance) };
    const text = m.text.trim();
    const withdrawn = m.withdrawn ? " (Yrkandet återtogs.)" : "";
    if (text === "") {
      const phrase: Record<MotionDTO["kind"], string> = {
        BIFALL: "yrkar bifall till förslaget",
        AVSLAG: "yrkar avslag på förslaget",
        ANDRING: "yrkar ändring i förslaget",
        TILLAGG: "yrkar tillägg till förslaget",
        ATERREMISS: "yrkar att ärendet återremitteras",
        BORDLAGGNING: "yrkar att ärendet bordläggs",
      };
      out.push({ lead: null, lines: [`${m.name} ${phrase[m.kind]}.${withdrawn}`] });
      group = null;
    } else if (/^att\s/.test(text)) {
      out.push({ lead: null, lines: [`${m.name} yrkar på ${text}${/[.!?]$/.test(text) ? "" : "."}${withdrawn}`] });
      group = null;
    } else if (group && group.personId === m.personId) {
      group.entry.lines.push(`”${text}”${withdrawn}`);
    } else {
      const entry = { lead: `${m.name} yrkar på följande:`, lines: [`”${text}”${withdrawn}`] };
      out.push(entry);
      group = { personId: m.personId, entry };
    }
  }
  return out;
}

/**
 * One § as a Sect of `parent`: the H2 ("§ 59" and the title), the Dnr, then H3 per heading with
 * its paragraphs (P), lists (L) and tables (Table).
 */
function paragraphBodyUnits(
  protocol: ProtocolDTO,
  p: ParagraphDTO,
  metrics: TextMetrics,
  opts: { pageBreak: boolean },
  parent: StructElem,
): Unit[] {
  const units: Unit[] = [];
  const col: Column = { x: LEFT + INDENT, width: WIDTH - INDENT };
  const sect = structElem("Sect", parent);
  const h2 = structElem("H2", sect);
  const body = (text: string, extra: Partial<ParagraphStyle> = {}) =>
    plainParagraph(text, col.x, col.width, { ...BODY, ...extra }, metrics, sect);
  const h3 = (text: string) => heading(text, metrics, structElem("H3", sect));

  // "§ 59" with "Dnr 2021/8" on the right, then the title.
  const dnr = displayCaseNumber(p.caseNumber, protocol.organisation.caseNumberPrefix);
  const numberOps: DrawOp[] = [textOp(LEFT, 16, 15, "bold", `§ ${p.number}`)];
  tagOps(numberOps, h2);
  const numberUnit: Unit = {
    height: 22,
    spaceBefore: 0,
    ops: numberOps,
    keepWithNext: true,
    pageBreakBefore: opts.pageBreak,
  };
  units.push(numberUnit);
  const title = paragraphUnits(
    plain(p.title),
    LEFT,
    WIDTH,
    { size: 13.5, lineHeight: 19, bold: true, spaceBefore: 4 },
    metrics,
  );
  for (const u of title) u.keepWithNext = true;
  units.push(...tagUnits(title, h2));
  if (dnr) {
    // Beside the number, but drawn after the title (the H2 reads "§ 59 Title", then the Dnr):
    // with the title's last line, which its keep-with-next chain holds on the number's page.
    const last = title[title.length - 1]!;
    const above = numberUnit.height + title.reduce((h, u) => h + u.spaceBefore + u.height, 0) - last.height;
    const dnrOp = rightText(metrics, RIGHT, 16 - above, 10, "regular", dnr);
    tagOps([dnrOp], structElem("P", sect));
    last.ops = [...last.ops, dnrOp];
  }
  if (p.isConfidential)
    units.push(
      ...body(
        p.withholdingGround
          ? `Sekretess enligt ${p.withholdingGround}: paragrafen innehåller uppgifter som omfattas av sekretess.`
          : "Sekretess: paragrafen innehåller uppgifter som omfattas av sekretess.",
        { italic: true },
      ),
    );
  else if (p.withholdingGround)
    units.push(...body(`Uppgifter i paragrafen lämnas inte ut enligt ${p.withholdingGround}.`, { italic: true }));

  if (p.recusals.length > 0) {
    units.push(...h3("Jäv"));
    for (const r of p.recusals) {
      units.push(
        ...body(
          `${r.name} anmäler jäv och deltar inte i handläggningen av ärendet${r.reason ? ` (${r.reason})` : ""}.`,
        ),
      );
    }
  }

  // The decision: "Direktionens beslut", before the sections or after them (the body's setting).
  const decision = () => {
    if (!(p.decision.intro.trim() || p.decision.clauses.length > 0)) return;
    units.push(...h3(`${protocol.body.genitiveName} beslut`));
    if (p.decision.intro.trim()) units.push(...body(p.decision.intro));
    if (p.decision.clauses.length > 0) {
      units.push(
        ...listUnits(
          {
            type: "bulletList",
            content: p.decision.clauses.map((c) => ({
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: c }] }],
            })),
          },
          col,
          metrics,
          0,
          sect,
        ),
      );
    }
    if (p.isImmediatelyAdjusted) units.push(...body("Paragrafen justeras omedelbart.", { italic: true }));
  };
  const decisionLast = protocol.body.decisionPlacement === "AFTER_SECTIONS";
  if (!decisionLast) decision();

  for (const section of p.sections) {
    // The content's elements are made first, and go after the heading's.
    const holder = structElem("Sect");
    const content = richUnits(section.content.content, col, metrics, holder);
    if (!content.some((u) => u.ops.length > 0)) continue; // headings without content are left out
    // An empty heading: running text, printed without a heading.
    if (section.heading.trim()) units.push(...h3(section.heading));
    sect.kids.push(...holder.kids);
    units.push(...content);
  }
  if (decisionLast) decision();

  const list = (title: string, items: readonly string[]) => {
    const texts = items.map((s) => s.trim()).filter(Boolean);
    if (texts.length === 0) return;
    units.push(...h3(title));
    texts.forEach((t, i) => units.push(...body(t, { spaceBefore: i === 0 ? BODY.spaceBefore : 1 })));
  };

  const basis = [...p.basisDocuments];
  for (const a of p.attachments) if (!basis.includes(a.label)) basis.push(a.label);
  list("Beslutsunderlag", basis);

  if (p.motions.length > 0) {
    units.push(...h3("Yrkanden"));
    for (const entry of motionText(p.motions, protocol.attendance)) {
      if (entry.lead) units.push(...keepWithNext(body(entry.lead)));
      for (const line of entry.lines) units.push(...body(line));
    }
  }

  if (p.propositions.some((t) => t.trim())) {
    units.push(...h3("Propositionsordning"));
    for (const t of p.propositions) if (t.trim()) units.push(...body(t));
  }

  p.votes.forEach((vote, index) => {
    // Several votes in one § (the propositionsordning, then the main question) in their order.
    units.push(...h3(p.votes.length > 1 ? `Omröstning ${index + 1}` : "Omröstning"));
    if (vote.question.trim()) units.push(...keepWithNext(body(vote.question)));
    const tally = voteTally(vote);
    if (vote.counts !== null) {
      // Recorded with totals only: the protocol names no voters.
      units.push(...body(`Omröstningsresultat: ${tally.ja} ja, ${tally.nej} nej, ${tally.avstar} avstår.`));
    } else {
      const base: BallotChoice[] = ["JA", "NEJ", "AVSTAR"];
      const extra = (["FRANVARANDE", "DELTAR_EJ"] as const).filter((c) => vote.ballots.some((b) => b.choice === c));
      const choices: BallotChoice[] = [...base, ...extra];
      const cell = (text: string, align: Align = "left", bold = false): CellSpec => ({
        segments: plain(text),
        align,
        bold,
      });
      const rows: CellSpec[][] = [
        [
          cell(attendanceRoleTerms.MEMBER.label, "left", true),
          ...choices.map((c) => cell(ballotChoiceTerms[c].label, "center", true)),
        ],
        ...vote.ballots.map((b) => [cell(b.name), ...choices.map((c) => cell(b.choice === c ? "X" : "", "center"))]),
        [
          cell("Summa", "left", true),
          ...choices.map((c) => cell(String(vote.ballots.filter((b) => b.choice === c).length), "center", true)),
        ],
      ];
      const colW = choices.length > 3 ? 58 : 62;
      units.push(
        ...tableUnits(
          {
            rows,
            headerRows: 1,
            emphasiseRows: new Set([rows.length - 2]),
            widths: [col.width - choices.length * colW, ...choices.map(() => colW)],
          },
          col,
          metrics,
          sect,
        ),
      );
    }
    if (vote.result.trim()) units.push(...body(vote.result));
  });

  if (p.reservations.length > 0) {
    units.push(...h3("Reservation"));
    for (const r of p.reservations) {
      const statement = body(`${r.name} reserverar sig mot beslutet.`);
      units.push(...(r.reasons?.trim() ? keepWithNext(statement) : statement));
      if (r.reasons?.trim()) units.push(...body(r.reasons, { spaceBefore: 2 }));
    }
  }
  if (p.notes.some((n) => n.text.trim())) {
    units.push(...h3("Protokollsanteckning"));
    for (const n of p.notes) {
      if (!n.text.trim()) continue;
      units.push(
        ...keepWithNext(body(n.name ? `${n.name} lämnar följande protokollsanteckning:` : "Protokollsanteckning:")),
      );
      units.push(...body(n.text, { spaceBefore: 2 }));
    }
  }

  list("Beslutsexpediering", p.dispatch);

  units[0]!.marks = [`start:${p.number}`];
  const last = units[units.length - 1]!;
  last.marks = [...(last.marks ?? []), `end:${p.number}`];
  return units;
}

/** Vote columns per table of the närvaro- och omröstningslista (the rest continue in another). */
const LIST_VOTE_COLUMNS = 8;

/**
 * The närvaro- och omröstningslista (Body.appendedAttendanceList), on a page of its own after the
 * last §: a row per seat (ledamot, närvaro, tjänstgörande ersättare) and a column per vote (J/N/A/–).
 */
function attendanceListUnits(protocol: ProtocolDTO, metrics: TextMetrics, root: StructElem): Unit[] {
  const list = attendanceVoteList(protocol);
  const sect = structElem("Sect", root);
  const units = pageHeading(APPENDED_LIST_TITLE, metrics, structElem("H2", sect), { size: 13.5, lineHeight: 19 });
  const cell = (text: string, align: Align = "left", bold = false): CellSpec => ({
    segments: plain(text),
    align,
    bold,
  });
  const col: Column = { x: LEFT, width: WIDTH };
  const chunks: number[][] = [];
  for (let i = 0; i < Math.max(list.columns.length, 1); i += LIST_VOTE_COLUMNS)
    chunks.push(list.columns.map((_, c) => c).slice(i, i + LIST_VOTE_COLUMNS));
  chunks.forEach((chunk, k) => {
    const voteW = 38;
    const fixed = chunk.length * voteW;
    const nameW = (WIDTH - fixed) * 0.38;
    const presenceW = (WIDTH - fixed) * 0.22;
    const rows: CellSpec[][] = [
      [
        cell(attendanceRoleTerms.MEMBER.label, "left", true),
        cell("Närvaro", "left", true),
        cell(attendanceRoleTerms.SERVING_SUBSTITUTE.label, "left", true),
        ...chunk.map((c) => cell(list.columns[c]!.label, "center", true)),
      ],
      ...list.rows.map((r) => [
        cell(r.represents ? `${r.member}, ${r.represents}` : r.member),
        cell(r.presence),
        cell(r.substitutes),
        ...chunk.map((c) => cell(r.marks[c] ?? "", "center")),
      ]),
    ];
    if (chunk.length > 0) {
      for (const [label, key] of [
        ["Summa ja", "ja"],
        ["Summa nej", "nej"],
        ["Summa avstår", "avstar"],
      ] as const) {
        rows.push([
          { ...cell(label, "left", true), colspan: 3 },
          ...chunk.map((c) => cell(String(list.totals[c]![key]), "center", true)),
        ]);
      }
    }
    if (k > 0) units.push(spacer(12));
    units.push(
      ...tableUnits(
        {
          rows,
          headerRows: 1,
          emphasiseRows: chunk.length > 0 ? new Set([list.rows.length]) : undefined,
          size: 8.5,
          widths: [nameW, presenceW, WIDTH - fixed - nameW - presenceW, ...chunk.map(() => voteW)],
        },
        col,
        metrics,
        sect,
      ),
    );
  });
  units.push(
    ...plainParagraph(
      "J = ja, N = nej, A = avstår, – = frånvarande vid omröstningen eller deltar ej.",
      LEFT,
      WIDTH,
      { size: 8.5, lineHeight: 12, color: GREY, spaceBefore: 6 },
      metrics,
      sect,
    ),
  );
  return units;
}

/** Rättelser after justering, on a page of their own after the last §. */
function correctionUnits(
  corrections: NonNullable<ProtocolDTO["corrections"]>,
  metrics: TextMetrics,
  root: StructElem,
): Unit[] {
  const col: Column = { x: LEFT + INDENT, width: WIDTH - INDENT };
  const sect = structElem("Sect", root);
  const units = pageHeading("Rättelser", metrics, structElem("H2", sect), { size: 13.5, lineHeight: 19 });
  for (const c of corrections) {
    const lead = `${c.paragraphNumber !== null ? `§ ${c.paragraphNumber}: ` : ""}Rättelse ${formatSigningTime(c.signedAt)}, signerad av ${c.signedBy}`;
    const leadUnits = paragraphUnits(plain(lead), col.x, col.width, { ...BODY, bold: true, spaceBefore: 8 }, metrics);
    for (const u of leadUnits) u.keepWithNext = true;
    tagUnits(leadUnits, structElem("P", sect));
    const text = paragraphUnits(plain(c.text), col.x, col.width, { ...BODY, spaceBefore: 2 }, metrics);
    units.push(...leadUnits, ...tagUnits(text, structElem("P", sect)));
  }
  return units;
}

/** Records where each § starts and ends, from the marks of the pages as they are closed. */
class ParagraphPages {
  readonly map = new Map<number, { first: number; last: number }>();
  add(marks: readonly string[], pageIndex: number): void {
    for (const mark of marks) {
      const [kind, num] = mark.split(":");
      const n = Number(num);
      const entry = this.map.get(n) ?? { first: pageIndex + 1, last: pageIndex + 1 };
      if (kind === "start") entry.first = pageIndex + 1;
      else entry.last = pageIndex + 1;
      this.map.set(n, entry);
    }
  }
}

function paragraphPageMap(pages: Page[]): Map<number, { first: number; last: number }> {
  const found = new ParagraphPages();
  pages.forEach((page, i) => found.add(page.marks, i));
  return found.map;
}

export function formatPageRange(range: { first: number; last: number } | undefined): string {
  if (!range) return "";
  return range.first === range.last ? `${range.first}` : `${range.first} - ${range.last}`;
}

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

function metadataFor(protocol: ProtocolDTO, kind: DocumentKind, numbers: number[]): DocumentMetadata {
  const { body, meeting, organisation } = protocol;
  const span = formatParagraphRanges(compressParagraphNumbers(numbers));
  const titles: Record<DocumentKind, string> = {
    protocol: `Protokoll ${body.name} ${meeting.date}`,
    notice: `Anslag/bevis ${body.name} ${meeting.date}`,
    extract: `Utdrag ur protokoll ${body.name} ${meeting.date}, ${span}`,
  };
  const subjects: Record<DocumentKind, string> = {
    protocol: `Protokoll från ${body.name.toLowerCase()}ns sammanträde ${meeting.date}, ${span}`,
    notice: `Tillkännagivande av justerat protokoll, ${body.name} ${meeting.date}`,
    extract: `Bestyrkt utdrag ur protokoll, ${body.name} ${meeting.date}, ${span}`,
  };
  return {
    title: titles[kind],
    author: organisation.name,
    subject: kind === "protocol" ? `Protokoll, ${body.name} ${meeting.date}, ${span}` : subjects[kind],
    keywords: [
      kind === "notice" ? "anslag" : kind === "extract" ? "utdrag" : "protokoll",
      organisation.name,
      body.name,
      meeting.date,
    ],
    language: "sv-SE",
    date: documentDate(protocol),
  };
}

export interface ProtocolStream {
  pageCount: number;
  paragraphPages: Map<number, { first: number; last: number }>;
  metadata: DocumentMetadata;
  /** The late layers of page `index` (0-based): ärendelista page numbers and the footer. */
  late(index: number): LaidOutPage["late"];
}

/**
 * The full protocol (cover page, ärendelista with page ranges, then each § from a new page),
 * handed to `onPage` page by page as each is full, so that a long protocol never exists whole
 * in memory. What depends on the whole document comes from the result's `late` afterwards.
 */
export function streamProtocol(
  protocol: ProtocolDTO,
  metrics: TextMetrics,
  onPage: (page: Omit<LaidOutPage, "late">, index: number) => void,
  /** The Document element the logical structure is built in (tagging.ts). */
  root: StructElem = structElem("Document"),
  /** The protocol as sent for justering, with its signature fields (SigningLayout). */
  signing?: SigningLayout,
): ProtocolStream {
  const furniture: Furniture = { protocol, documentLabel: "PROTOKOLL", metrics, signing };
  const found = new ParagraphPages();
  const lateByPage: Page["late"][] = [];
  const paginator = new Paginator(FRAME, (page, index) => {
    found.add(page.marks, index);
    if (page.late.length > 0) lateByPage[index] = page.late;
    // The header does not depend on the page count; the footer ("Sida N av M") does.
    onPage({ layers: [{ dy: 0, ops: headerOps(furniture, index === 0 ? root : null) }, ...page.layers] }, index);
  });
  const pending: PendingRange[] = [];
  paginator.add(coverUnits(protocol, metrics, root, signing));
  if (protocol.paragraphs.length > 0) paginator.add(agendaUnits(protocol, metrics, pending, root));
  for (const p of protocol.paragraphs)
    paginator.add(paragraphBodyUnits(protocol, p, metrics, { pageBreak: true }, root));
  if (protocol.body.appendedAttendanceList) paginator.add(attendanceListUnits(protocol, metrics, root));
  if (protocol.corrections && protocol.corrections.length > 0)
    paginator.add(correctionUnits(protocol.corrections, metrics, root));
  paginator.finish();
  // Second pass: the ärendelista's row heights do not depend on the page numbers (fixed column),
  // so the numbers found by the first pass are filled in without moving anything.
  for (const item of pending) {
    const text = formatPageRange(found.map.get(item.number));
    item.op.runs = [{ font: "regular", text }];
    item.op.x = item.right - (metrics.measure("regular", text) * item.op.size) / 1000;
  }
  const pageCount = paginator.pageCount;
  return {
    pageCount,
    paragraphPages: found.map,
    metadata: metadataFor(
      protocol,
      "protocol",
      protocol.paragraphs.map((p) => p.number),
    ),
    late: (index) => [...(lateByPage[index] ?? []), { dy: 0, ops: footerOps(furniture, [], index + 1, pageCount) }],
  };
}

/** The full protocol, all pages at once (the same pages streamProtocol hands out). */
export function layoutProtocol(protocol: ProtocolDTO, metrics: TextMetrics): LaidOutDocument {
  const pages: Omit<LaidOutPage, "late">[] = [];
  const structure = structElem("Document");
  const stream = streamProtocol(protocol, metrics, (page) => pages.push(page), structure);
  return {
    pages: pages.map((page, i) => ({ layers: page.layers, late: stream.late(i) })),
    structure,
    metadata: stream.metadata,
    paragraphPages: stream.paragraphPages,
  };
}

/** The notice (anslag/bevis) on its own page. */
export function layoutNotice(protocol: ProtocolDTO, metrics: TextMetrics): LaidOutDocument {
  const numbers = protocol.paragraphs.map((p) => p.number);
  const units: Unit[] = [];
  const root = structElem("Document");
  units.push(noticeBlock(protocol, metrics, 0, root));
  const span = formatParagraphSpan(numbers);
  const info: string[] = [];
  if (span) info.push(`Protokollet omfattar ${span.charAt(0).toLowerCase()}${span.slice(1)}.`);
  if (protocol.meeting.adjustedOn) info.push(`Protokollet justerades ${protocol.meeting.adjustedOn}.`);
  info.push(
    "Beslut i protokollet kan överklagas genom laglighetsprövning. Överklagandet ska ha kommit in inom tre veckor från den dag då justeringen tillkännagavs på anslagstavlan (13 kap. 5 § kommunallagen).",
  );
  info.forEach((t, i) =>
    units.push(
      ...plainParagraph(t, LEFT, WIDTH, { ...BODY, spaceBefore: i === 0 ? 18 : BODY.spaceBefore }, metrics, root),
    ),
  );
  const pages = paginate(units, FRAME);
  return {
    pages: finishPages(pages, { protocol, documentLabel: "ANSLAG/BEVIS", metrics }, root),
    structure: root,
    metadata: metadataFor(protocol, "notice", numbers),
    paragraphPages: new Map(),
  };
}

/** "Utdrag ur protokoll": the meeting data, the chosen §§, and the utdragsbestyrkande. */
export function layoutExtract(
  protocol: ProtocolDTO,
  paragraphNumbers: readonly number[],
  metrics: TextMetrics,
): LaidOutDocument {
  const wanted = new Set(paragraphNumbers);
  const chosen = protocol.paragraphs.filter((p) => wanted.has(p.number));
  const missing = [...wanted].filter((n) => !protocol.paragraphs.some((p) => p.number === n));
  if (chosen.length === 0 || missing.length > 0) {
    throw new Error(
      missing.length > 0
        ? `Protokollet saknar ${missing.length === 1 ? "paragraf" : "paragraferna"} ${missing.sort((a, b) => a - b).join(", ")}.`
        : "Välj minst en paragraf att ta utdrag ur.",
    );
  }
  const numbers = chosen.map((p) => p.number);
  const units: Unit[] = [];
  const root = structElem("Document");
  units.push(
    ...heading("Utdrag ur protokoll", metrics, structElem("H2", root), { size: 15, lineHeight: 20, spaceBefore: 0 }),
  );
  const table = structElem("Table", root);
  units.push(...coverRow("Organ", [protocol.body.name], metrics, table, true));
  units.push(...coverRow("Sammanträdesdatum", [protocol.meeting.date], metrics, table));
  units.push(...coverRow("Plats och tid", [formatPlaceAndTime(protocol.meeting)], metrics, table));
  units.push(...coverRow("Paragrafer", [formatParagraphRanges(compressParagraphNumbers(numbers))], metrics, table));
  units.push({
    height: 0,
    spaceBefore: 6,
    ops: [{ op: "line", x1: LEFT, y1: 0, x2: RIGHT, y2: 0, width: 0.75, color: BLACK }],
  });
  units.push(spacer(12));
  chosen.forEach((p, i) => units.push(...paragraphBodyUnits(protocol, p, metrics, { pageBreak: i > 0 }, root)));

  // Utdragsbestyrkande: the secretary certifies the extract as a true copy.
  const adjusted = isAdjusted(protocol.meeting.status);
  const certification = structElem("Sect", root);
  const ops: DrawOp[] = [];
  ops.push({ op: "line", x1: LEFT, y1: 0, x2: RIGHT, y2: 0, width: 0.75, color: BLACK });
  ops.push(textOp(LEFT, 18, 11, "bold", "Utdragsbestyrkande"));
  tagOps(ops, structElem("H2", certification));
  const statement = adjusted
    ? `Utdraget överensstämmer med det justerade protokollet${protocol.meeting.adjustedOn ? ` (justerat ${protocol.meeting.adjustedOn})` : ""}.`
    : "Utdrag ur ej justerat protokoll (utkast).";
  const st = textBlock(plain(statement), LEFT, WIDTH, COVER, metrics, 24);
  tagOps(st.ops, structElem("P", certification));
  ops.push(...st.ops);
  let y = 24 + st.height + 26;
  ops.push({ op: "line", x1: LEFT, y1: y, x2: LEFT + 220, y2: y, width: 0.5, color: BLACK });
  const secretary = signatureRoleTerms.SECRETARY;
  const secretaryLine = protocol.secretary ? `${protocol.secretary.name}, ${secretary.word}` : secretary.label;
  ops.push(textOp(LEFT, y + 12, COVER.size, "regular", secretaryLine));
  tagOps(ops, structElem("P", certification));
  y += 18;
  const code = verificationCode(protocol);
  if (code) {
    const c = textBlock(
      plain(`Verifieringskod för det justerade protokollet: ${code}`),
      LEFT,
      WIDTH,
      { size: 7.5, lineHeight: 11, color: GREY },
      metrics,
      y,
    );
    tagOps(c.ops, structElem("P", certification));
    ops.push(...c.ops);
    y += c.height;
  }
  units.push({ height: y + 4, spaceBefore: 26, ops });

  const pages = paginate(units, FRAME);
  return {
    pages: finishPages(pages, { protocol, documentLabel: "UTDRAG UR PROTOKOLL", metrics }, root),
    structure: root,
    metadata: metadataFor(protocol, "extract", numbers),
    paragraphPages: paragraphPageMap(pages),
  };
}
