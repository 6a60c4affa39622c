/**
 * § ranges as protocols write them: "§§ 59-62", "59-62, 64", "§ 59", "Paragrafer 59-67".
 * Parsing is for the editor's range fields (Swedish messages that say what to write); formatting
 * and compressing are for the attendance list, the signature block and the PDF.
 */

/** Inclusive range of § numbers, e.g. "§§ 59-62" = { from: 59, to: 62 }; "§ 59" = { from: 59, to: 59 }. */
export interface ParagraphRange {
  from: number;
  to: number;
}

export type ParseParagraphRangesResult = { ok: true; ranges: ParagraphRange[] } | { ok: false; error: string };

const EXAMPLE = "Ange paragrafer som t.ex. 59-62 eller 59, 61.";
const MAX_PARAGRAPH_NUMBER = 99_999;

/** Prefixes a range field may start with; removed before the numbers are read. */
const LEADING_WORD = /^(?:§§|§|paragrafer|paragraf|par\.)\s*/i;
const ITEM = /^(?:§§?\s*)?(\d+)(?:\s*[-–—]\s*(?:§§?\s*)?(\d+))?$/;

/**
 * Reads "§§ 59-62, 64", "59–62 och 64", "§ 59" into sorted, merged ranges. Separators: comma,
 * semicolon or "och"; dashes: - – —.
 */
export function parseParagraphRanges(input: string): ParseParagraphRangesResult {
  const text = input
    .trim()
    .replace(LEADING_WORD, "")
    .replace(/^[\s,;]+|[\s,;]+$/g, "");
  if (text === "") return { ok: false, error: EXAMPLE };

  const ranges: ParagraphRange[] = [];
  for (const rawItem of text.split(/\s*(?:,|;|\boch\b)\s*/i)) {
    const item = rawItem.trim();
    if (item === "") return { ok: false, error: `Det saknas ett nummer mellan två kommatecken. ${EXAMPLE}` };
    const match = ITEM.exec(item);
    if (!match) return { ok: false, error: `Förstod inte "${item}". ${EXAMPLE}` };
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from < 1 || to < 1) return { ok: false, error: `Paragrafnummer börjar på 1. ${EXAMPLE}` };
    if (from > MAX_PARAGRAPH_NUMBER || to > MAX_PARAGRAPH_NUMBER) {
      return { ok: false, error: `Paragrafnumret i "${item}" är för stort. ${EXAMPLE}` };
    }
    if (from > to) {
      return {
        ok: false,
        error: `Intervallet ${from}-${to} går baklänges. Skriv det lägsta numret först, t.ex. ${to}-${from}.`,
      };
    }
    ranges.push({ from, to });
  }
  return { ok: true, ranges: normalizeParagraphRanges(ranges) };
}

/** Sorted by start; overlapping and adjacent ranges merged ("59-61, 62" → 59-62). */
export function normalizeParagraphRanges(ranges: readonly ParagraphRange[]): ParagraphRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: ParagraphRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to + 1) last.to = Math.max(last.to, range.to);
    else merged.push({ from: range.from, to: range.to });
  }
  return merged;
}

/** [59, 60, 61, 62, 64] → 59-62, 64. Duplicates are ignored. */
export function compressParagraphNumbers(numbers: readonly number[]): ParagraphRange[] {
  return normalizeParagraphRanges(numbers.map((n) => ({ from: n, to: n })));
}

/** 59-62, 64 → [59, 60, 61, 62, 64] (sorted, without duplicates). */
export function expandParagraphRanges(ranges: readonly ParagraphRange[]): number[] {
  const numbers: number[] = [];
  for (const { from, to } of normalizeParagraphRanges(ranges)) {
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

export function isInParagraphRanges(number: number, ranges: readonly ParagraphRange[]): boolean {
  return ranges.some((range) => number >= range.from && number <= range.to);
}

export type ParagraphRangeStyle =
  /** "§§ 59-62, 64" / "§ 59" */
  | "sign"
  /** "59-62, 64" */
  | "bare"
  /** "Paragrafer 59-67" / "Paragraf 59", as in the signature block */
  | "word";

/**
 * Writes ranges the way the protocol does: "§§ 59-62, 64", "§ 59". The singular is used only for
 * one single §. Empty input gives "".
 */
export function formatParagraphRanges(ranges: readonly ParagraphRange[], style: ParagraphRangeStyle = "sign"): string {
  const normalized = normalizeParagraphRanges(ranges);
  if (normalized.length === 0) return "";
  const body = normalized.map(({ from, to }) => (from === to ? `${from}` : `${from}-${to}`)).join(", ");
  const first = normalized[0];
  const isSingle = normalized.length === 1 && first !== undefined && first.from === first.to;
  if (style === "bare") return body;
  if (style === "word") return `${isSingle ? "Paragraf" : "Paragrafer"} ${body}`;
  return `${isSingle ? "§" : "§§"} ${body}`;
}

/** True when both describe the same set of § numbers. */
export function isSameParagraphSet(a: readonly ParagraphRange[], b: readonly ParagraphRange[]): boolean {
  const x = normalizeParagraphRanges(a);
  const y = normalizeParagraphRanges(b);
  return x.length === y.length && x.every((range, i) => range.from === y[i]?.from && range.to === y[i]?.to);
}
