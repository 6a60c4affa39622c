/**
 * A small, pure page-layout engine: styled text → wrapped lines → unbreakable units → pages.
 * It never touches fonts or PDF objects; widths come from an injected `TextMetrics`, so the same
 * code runs under unit tests with fake metrics.
 *
 * Coordinates are PDF points from the top-left corner of the page; a text op's `y` is its
 * baseline. Units hold their ops relative to their own top edge, so placing a unit on a page is
 * just recording an offset (no copying of ops).
 */

export type FontId = "regular" | "bold" | "italic" | "boldItalic";
export type Rgb = readonly [number, number, number];

export interface TextMetrics {
  /** Width of `text` set in `font`, in 1/1000 em (no kerning). */
  measure(font: FontId, text: string): number;
  /** Width of text.slice(start, end), without making the slice (optional fast path). */
  measureRange?(font: FontId, text: string, start: number, end: number): number;
}

export interface TextRun {
  font: FontId;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Logical structure (tagged PDF): what a piece of text is, for tagging.ts
// ---------------------------------------------------------------------------------------------

/** The standard structure types (ISO 32000-1, 14.8.4) the documents use. */
export type StructType =
  | "Document"
  | "Sect"
  | "H1"
  | "H2"
  | "H3"
  | "H4"
  | "H5"
  | "P"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Form";

/**
 * An element of the structure tree. The layout builds the tree in logical (reading) order and
 * points each text op at the leaf element it belongs to (DrawOp.tag); drawing appends the marked
 * content to `content`. An element holds either elements (`kids`) or content, never both.
 */
export interface StructElem {
  type: StructType;
  kids: StructElem[];
  /** Table header cells: which cells the header applies to. */
  scope?: "Column" | "Row";
  colSpan?: number;
  /** Marked-content references, filled in by the drawing (page index, MCID). */
  content: { page: number; mcid: number }[];
  /** A Form element's annotation (the widget's object number and page), set by PdfWriter. */
  objr?: { ref: string; page: number; key: number };
  /** /Alt: what a Form element is, for assistive technology. */
  alt?: string;
}

/** A new element, appended to `parent`'s kids when given. */
export function structElem(
  type: StructType,
  parent?: StructElem | null,
  extra: Partial<Pick<StructElem, "scope" | "colSpan">> = {},
): StructElem {
  const elem: StructElem = { type, kids: [], content: [], ...extra };
  if (parent) parent.kids.push(elem);
  return elem;
}

/** Points the untagged text ops among `ops` at `elem`. */
export function tagOps(ops: readonly DrawOp[], elem: StructElem | null | undefined): void {
  if (!elem) return;
  for (const op of ops) if (op.op === "text" && !op.tag) op.tag = elem;
}

/** Points the untagged text ops of `units` at `elem`; returns the units. */
export function tagUnits<T extends readonly Unit[]>(units: T, elem: StructElem | null | undefined): T {
  if (elem) for (const u of units) tagOps(u.ops, elem);
  return units;
}

export type DrawOp =
  /**
   * Text; `tag` is the structure element it belongs to. Text without a tag is page furniture
   * (header, footer, page numbers), drawn as an artifact.
   */
  | {
      op: "text";
      x: number;
      y: number;
      size: number;
      runs: TextRun[];
      color?: Rgb;
      tag?: StructElem;
      /** The line ends inside a word cut to fit (no word space follows it in the text). */
      cut?: boolean;
    }
  /** Text as filled outlines (not extractable): the draft mark. */
  | { op: "outlinedText"; x: number; y: number; size: number; font: FontId; text: string; degrees: number; color?: Rgb }
  | { op: "line"; x1: number; y1: number; x2: number; y2: number; width: number; color?: Rgb }
  | { op: "rect"; x: number; y: number; w: number; h: number; fill?: Rgb; stroke?: { width: number; color: Rgb } }
  /**
   * An empty signature field (/FT /Sig without /V) over the box x, y (top), w, h: filled later by
   * a PAdES signature in an incremental update (pades/signature-field.ts). `tag` is its Form
   * element, which gets an OBJR to the widget when the tree is written (tagging.ts).
   */
  | { op: "field"; x: number; y: number; w: number; h: number; name: string; description: string; tag?: StructElem };

/** An unbreakable piece of flowing content: a line of text, a table row, a rule. */
export interface Unit {
  height: number;
  /** Space above the unit; dropped when the unit starts a page. */
  spaceBefore: number;
  ops: DrawOp[];
  /** Keep on the same page as the next unit (headings, first lines, table header rows). */
  keepWithNext?: boolean;
  /** Start a new page before this unit (each § starts a page). */
  pageBreakBefore?: boolean;
  /** Header row(s) to repeat above this unit when it is carried to a new page inside a table. */
  repeatHeader?: Unit[];
  /** Labels recorded with the page the unit lands on (§ starts and ends, for the ärendelista). */
  marks?: string[];
  /** Ops drawn in the late pass, once later pages are known (the ärendelista's page numbers). */
  late?: DrawOp[];
}

export interface Placement {
  dy: number;
  ops: DrawOp[];
  /** Drawn as an artifact whatever its tags say: a table header repeated on a new page. */
  artifact?: boolean;
}

export interface Page {
  layers: Placement[];
  /** Drawn after the whole document is laid out (numbers that depend on later pages). */
  late: Placement[];
  marks: string[];
}

export interface Frame {
  top: number;
  bottom: number;
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

export interface StyledSegment {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A forced line break after this segment (hardBreak). */
  breakAfter?: boolean;
}

export function fontFor(bold: boolean | undefined, italic: boolean | undefined): FontId {
  if (bold) return italic ? "boldItalic" : "bold";
  return italic ? "italic" : "regular";
}

/** Characters that draw nothing or that no font needs: controls, soft hyphen, zero-width marks. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

export function cleanText(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, "") : text;
}

interface Piece {
  font: FontId;
  text: string;
  width: number;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** The space that follows the word (its font decides its width), or null. */
  space: Piece | null;
  breakAfter: boolean;
}

export interface WrappedLine {
  runs: TextRun[];
  width: number;
  /** Ends inside a word that was cut to fit the line. */
  cut?: boolean;
}

const WHITESPACE = /[ \t\n\r\u2028\u2029]+/;

/**
 * Greedy line breaking: each word is measured once; a word wider than the line is cut between
 * characters. Consecutive spaces collapse to one, as in HTML.
 */
export function wrapText(
  segments: readonly StyledSegment[],
  maxWidth: number,
  size: number,
  metrics: TextMetrics,
): WrappedLine[] {
  if (segments.length === 1 && !segments[0]!.breakAfter) {
    const fast = wrapPlain(segments[0]!, maxWidth, size, metrics);
    if (fast) return fast;
  }
  return wrapSegments(segments, maxWidth, size, metrics);
}

const ODD_SPACING = /[\t\n\r\u2028\u2029]| {2}|^ | $/;

/**
 * The common case, one run of plain text: line breaks as [start, end) pairs into the cleaned
 * text, and line widths, with no per-word objects. Null when the text needs the general path:
 * odd whitespace, or a word wider than a line.
 */
function plainLines(
  text: string,
  font: FontId,
  maxWidth: number,
  size: number,
  metrics: TextMetrics,
): { breaks: number[]; widths: number[] } | null {
  if (ODD_SPACING.test(text)) return null;
  const scale = size / 1000;
  const space = metrics.measure(font, " ") * scale;
  const range = metrics.measureRange;
  const n = text.length;
  const breaks: number[] = [];
  const widths: number[] = [];
  let lineStart = 0;
  let lineEnd = 0;
  let lineWidth = 0;
  let hasWord = false;
  let i = 0;
  while (i < n) {
    let j = text.indexOf(" ", i);
    if (j < 0) j = n;
    const w = (range ? range(font, text, i, j) : metrics.measure(font, text.slice(i, j))) * scale;
    if (w > maxWidth) return null;
    if (hasWord && lineWidth + space + w > maxWidth) {
      breaks.push(lineStart, lineEnd);
      widths.push(lineWidth);
      lineStart = i;
      lineWidth = w;
    } else {
      lineWidth = hasWord ? lineWidth + space + w : w;
    }
    hasWord = true;
    lineEnd = j;
    i = j + 1;
  }
  if (hasWord) {
    breaks.push(lineStart, lineEnd);
    widths.push(lineWidth);
  }
  return { breaks, widths };
}

function wrapPlain(seg: StyledSegment, maxWidth: number, size: number, metrics: TextMetrics): WrappedLine[] | null {
  const font = fontFor(seg.bold, seg.italic);
  const text = cleanText(seg.text);
  const found = plainLines(text, font, maxWidth, size, metrics);
  if (!found) return null;
  const lines: WrappedLine[] = [];
  for (let k = 0; k < found.widths.length; k++) {
    lines.push({
      runs: [{ font, text: text.slice(found.breaks[2 * k]!, found.breaks[2 * k + 1]!) }],
      width: found.widths[k]!,
    });
  }
  if (lines.length === 0) lines.push({ runs: [], width: 0 });
  return lines;
}

function wrapSegments(
  segments: readonly StyledSegment[],
  maxWidth: number,
  size: number,
  metrics: TextMetrics,
): WrappedLine[] {
  const scale = size / 1000;
  const words: Word[] = [];
  let open: Word | null = null;
  for (const seg of segments) {
    const font = fontFor(seg.bold, seg.italic);
    const text = cleanText(seg.text);
    if (text.length > 0) {
      const parts = text.split(WHITESPACE);
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) {
          // A whitespace gap was here.
          if (open) {
            open.space = { font, text: " ", width: metrics.measure(font, " ") * scale };
            open = null;
          }
        }
        const part = parts[i]!;
        if (part.length === 0) continue;
        const piece: Piece = { font, text: part, width: metrics.measure(font, part) * scale };
        if (open) {
          open.pieces.push(piece);
          open.width += piece.width;
        } else {
          open = { pieces: [piece], width: piece.width, space: null, breakAfter: false };
          words.push(open);
        }
      }
    }
    if (seg.breakAfter) {
      if (open) open.breakAfter = true;
      else words.push({ pieces: [], width: 0, space: null, breakAfter: true });
      open = null;
    }
  }

  const lines: WrappedLine[] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  let pendingSpace: Piece | null = null;
  const flush = (cut = false) => {
    lines.push(cut ? { runs: mergeRuns(line), width: lineWidth, cut } : { runs: mergeRuns(line), width: lineWidth });
    line = [];
    lineWidth = 0;
    pendingSpace = null;
  };
  for (const word of words) {
    if (word.pieces.length > 0) {
      const spaceWidth: number = pendingSpace ? (pendingSpace as Piece).width : 0;
      if (line.length > 0 && lineWidth + spaceWidth + word.width > maxWidth) flush();
      if (line.length > 0 && pendingSpace) {
        line.push(pendingSpace);
        lineWidth += spaceWidth;
      }
      if (word.width > maxWidth) {
        splitWord(word.pieces, maxWidth - lineWidth, maxWidth, scale, metrics).forEach((chunk, k) => {
          // A break before a later chunk falls inside the word.
          if (chunk.newLine) flush(k > 0);
          line.push(...chunk.pieces);
          lineWidth += chunk.width;
        });
      } else {
        line.push(...word.pieces);
        lineWidth += word.width;
      }
      pendingSpace = word.space;
    }
    if (word.breakAfter) flush();
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Cuts an over-long word into chunks that fit; the first chunk fills what is left of the line. */
function splitWord(
  pieces: Piece[],
  firstWidth: number,
  maxWidth: number,
  scale: number,
  metrics: TextMetrics,
): { pieces: Piece[]; width: number; newLine: boolean }[] {
  const chunks: { pieces: Piece[]; width: number; newLine: boolean }[] = [];
  let current: Piece[] = [];
  let width = 0;
  let limit = firstWidth > maxWidth * 0.25 ? firstWidth : maxWidth;
  let newLine = limit === maxWidth && firstWidth !== maxWidth;
  for (const piece of pieces) {
    let text = "";
    let textWidth = 0;
    for (const ch of piece.text) {
      const w = metrics.measure(piece.font, ch) * scale;
      if (width + textWidth + w > limit && (current.length > 0 || text.length > 0)) {
        if (text.length > 0) current.push({ font: piece.font, text, width: textWidth });
        chunks.push({ pieces: current, width: width + textWidth, newLine });
        current = [];
        width = 0;
        text = "";
        textWidth = 0;
        limit = maxWidth;
        newLine = true;
      }
      text += ch;
      textWidth += w;
    }
    if (text.length > 0) {
      current.push({ font: piece.font, text, width: textWidth });
      width += textWidth;
    }
  }
  if (current.length > 0) chunks.push({ pieces: current, width, newLine });
  return chunks;
}

function mergeRuns(pieces: Piece[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const p of pieces) {
    const last = runs[runs.length - 1];
    if (last && last.font === p.font) last.text += p.text;
    else runs.push({ font: p.font, text: p.text });
  }
  return runs;
}

export type Align = "left" | "center" | "right";

export interface ParagraphStyle {
  size: number;
  lineHeight: number;
  /** Bold for headings: marks can add italic. */
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  color?: Rgb;
  spaceBefore?: number;
}

/** Baseline offset from the top of a line box: caps centred in the box. */
export function baselineIn(lineHeight: number, size: number): number {
  return lineHeight / 2 + size * 0.357;
}

/**
 * A paragraph as line units at `x`, `width` wide. Widow/orphan control: a paragraph of two or
 * more lines never leaves its first line alone at a page bottom or its last line alone on top.
 */
export function paragraphUnits(
  segments: readonly StyledSegment[],
  x: number,
  width: number,
  style: ParagraphStyle,
  metrics: TextMetrics,
): Unit[] {
  const units: Unit[] = [];
  const only = segments.length === 1 && !segments[0]!.breakAfter ? segments[0]! : null;
  const font = only ? fontFor(only.bold || style.bold, only.italic || style.italic) : "regular";
  const text = only ? cleanText(only.text) : "";
  const plain = only ? plainLines(text, font, width, style.size, metrics) : null;
  if (plain) {
    // The hot path of a long protocol: one unit, one op per line, no closures.
    const { breaks, widths } = plain;
    for (let k = 0; k < widths.length; k++) {
      const runs = [{ font, text: text.slice(breaks[2 * k]!, breaks[2 * k + 1]!) }];
      units.push(lineUnit(runs, widths[k]!, k, x, width, style));
    }
    if (units.length === 0) units.push(lineUnit([], 0, 0, x, width, style));
  } else {
    const styled =
      style.bold || style.italic
        ? segments.map((s) => ({ ...s, bold: s.bold || style.bold, italic: s.italic || style.italic }))
        : segments;
    const lines = wrapSegments(styled, width, style.size, metrics);
    for (let k = 0; k < lines.length; k++) {
      const unit = lineUnit(lines[k]!.runs, lines[k]!.width, k, x, width, style);
      const op = unit.ops[0];
      if (lines[k]!.cut && op?.op === "text") op.cut = true;
      units.push(unit);
    }
  }
  const n = units.length;
  if (n >= 2) units[0]!.keepWithNext = true;
  if (n >= 3) units[n - 2]!.keepWithNext = true;
  return units;
}

function lineUnit(
  runs: TextRun[],
  lineWidth: number,
  index: number,
  x: number,
  width: number,
  style: ParagraphStyle,
): Unit {
  const lx =
    style.align === "right" ? x + width - lineWidth : style.align === "center" ? x + (width - lineWidth) / 2 : x;
  const ops: DrawOp[] =
    runs.length > 0
      ? [{ op: "text", x: lx, y: baselineIn(style.lineHeight, style.size), size: style.size, runs, color: style.color }]
      : [];
  return {
    height: style.lineHeight,
    spaceBefore: index === 0 ? (style.spaceBefore ?? 0) : 0,
    ops,
    keepWithNext: false,
  };
}

/** Lays text out into a fixed block (a table cell); returns its ops relative to the block top. */
export function textBlock(
  segments: readonly StyledSegment[],
  x: number,
  width: number,
  style: ParagraphStyle,
  metrics: TextMetrics,
  top = 0,
): { ops: DrawOp[]; height: number } {
  const units = paragraphUnits(segments, x, width, style, metrics);
  const ops: DrawOp[] = [];
  let y = top;
  for (const u of units) {
    for (const op of u.ops) ops.push(op.op === "text" ? { ...op, y: op.y + y } : op);
    y += u.height;
  }
  return { ops, height: y - top };
}

/** The width of a single line of `segments` (no wrapping). */
export function naturalWidth(segments: readonly StyledSegment[], size: number, metrics: TextMetrics): number {
  let w = 0;
  for (const s of segments)
    w += metrics.measure(fontFor(s.bold, s.italic), cleanText(s.text).replace(/\s+/g, " ")) * (size / 1000);
  return w;
}

/** The widest single word of `segments`: the narrowest a column can get without cutting words. */
export function longestWord(segments: readonly StyledSegment[], size: number, metrics: TextMetrics): number {
  let max = 0;
  for (const s of segments) {
    const font = fontFor(s.bold, s.italic);
    for (const word of cleanText(s.text).split(WHITESPACE)) {
      if (word) max = Math.max(max, metrics.measure(font, word) * (size / 1000));
    }
  }
  return max;
}

// ---------------------------------------------------------------------------------------------
// Pagination
// ---------------------------------------------------------------------------------------------

/**
 * Flows units into pages between `frame.top` and `frame.bottom`. A run of units joined by
 * keepWithNext moves to the next page as a whole when it does not fit (unless it is taller than
 * a page); a table row carried over gets its table's header row repeated above it.
 *
 * Incremental: units can be added in batches and each page is handed to `onPage` as soon as it
 * is full, so a long protocol is drawn page by page instead of being held whole in memory.
 */
export class Paginator {
  private readonly capacity: number;
  private page: Page = { layers: [], late: [], marks: [] };
  private y: number;
  private atTop = true;
  private count = 0;
  /** Units waiting for the end of their keepWithNext chain. */
  private queue: Unit[] = [];

  constructor(
    private readonly frame: Frame,
    private readonly onPage: (page: Page, index: number) => void,
  ) {
    this.capacity = frame.bottom - frame.top;
    this.y = frame.top;
  }

  get pageCount(): number {
    return this.count;
  }

  add(units: readonly Unit[]): void {
    for (const u of units) this.queue.push(u);
    this.drain(false);
  }

  /** Places what is left and closes the last page. */
  finish(): void {
    this.drain(true);
    if (this.page.layers.length > 0 || this.count === 0) this.closePage();
  }

  private closePage(): void {
    this.onPage(this.page, this.count++);
    this.page = { layers: [], late: [], marks: [] };
    this.y = this.frame.top;
    this.atTop = true;
  }

  private place(unit: Unit, withSpace: boolean, repeated = false): void {
    if (withSpace) this.y += unit.spaceBefore;
    if (unit.ops.length > 0)
      this.page.layers.push(repeated ? { dy: this.y, ops: unit.ops, artifact: true } : { dy: this.y, ops: unit.ops });
    if (unit.late) this.page.late.push({ dy: this.y, ops: unit.late });
    if (unit.marks) this.page.marks.push(...unit.marks);
    this.y += unit.height;
    this.atTop = false;
  }

  private drain(final: boolean): void {
    const units = this.queue;
    let i = 0;
    for (; i < units.length; i++) {
      const unit = units[i]!;
      if (unit.pageBreakBefore && !this.atTop) this.closePage();
      if (!this.atTop) {
        // Height needed: this unit plus every unit chained to it by keepWithNext.
        let need = unit.spaceBefore + unit.height;
        let j = i;
        for (; units[j]!.keepWithNext && j + 1 < units.length && need <= this.capacity; j++) {
          const next = units[j + 1]!;
          if (next.pageBreakBefore) break;
          need += next.spaceBefore + next.height;
        }
        // The chain runs past the units we have: wait for the next batch.
        if (!final && units[j]!.keepWithNext && j + 1 >= units.length && need <= this.capacity) break;
        if (need > this.capacity) need = unit.spaceBefore + unit.height;
        if (this.y + need > this.frame.bottom) this.closePage();
      }
      const startsPage = this.atTop;
      if (startsPage && unit.repeatHeader) {
        for (const header of unit.repeatHeader) this.place(header, false, true);
      }
      this.place(unit, !startsPage);
    }
    this.queue = i >= units.length ? [] : units.slice(i);
  }
}

/** All pages at once (short documents, tests). */
export function paginate(units: readonly Unit[], frame: Frame): Page[] {
  const pages: Page[] = [];
  const paginator = new Paginator(frame, (page) => pages.push(page));
  paginator.add(units);
  paginator.finish();
  return pages;
}
