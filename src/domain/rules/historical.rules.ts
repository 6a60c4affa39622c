// Historical protocols (issue 14, point 6): protocols justerade on paper before the organisation
// used Paragraf, registered afterwards with their real dates and scanned PDF. Pure: the
// registration's checks, with today passed in. The live workflow is not touched by any of this:
// a meeting is still born a draft and justerat only by its signatures (lifecycle.ts).
import { isIsoDate, type IsoDate } from "@/lib/iso-date";
import type { HistoricalParagraphDTO } from "@/domain/protocol/historical.types";

export type FieldErrors = Record<string, string[]>;

function add(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

export interface HistoricalDates {
  meetingDate: IsoDate;
  adjustedOn: IsoDate;
  postedOn: IsoDate;
  takeDownOn: IsoDate | null;
}

/**
 * The dates follow each other as on paper: sammanträde ≤ justering ≤ anslag ≤ nedtagning, and
 * none is later than today (a historical protocol is one that has already happened; backdating
 * into the live workflow is not what this is for). The same day twice is allowed (omedelbar
 * justering, an anslag posted on the day of justering).
 */
export function historicalDateErrors(d: HistoricalDates, today: IsoDate): FieldErrors {
  const errors: FieldErrors = {};
  const fields: [keyof HistoricalDates, string][] = [
    ["meetingDate", "Sammanträdet"],
    ["adjustedOn", "Justeringen"],
    ["postedOn", "Anslaget"],
    ["takeDownOn", "Nedtagningen"],
  ];
  for (const [field, what] of fields) {
    const value = d[field];
    if (value !== null && value > today) add(errors, field, `${what} kan inte vara senare än i dag (${today}).`);
  }
  if (d.adjustedOn < d.meetingDate) add(errors, "adjustedOn", "Protokollet kan inte ha justerats före sammanträdet.");
  if (d.postedOn < d.adjustedOn)
    add(errors, "postedOn", "Anslaget kan inte ha satts upp före justeringen (KL 8 kap. 12 §).");
  if (d.takeDownOn !== null && d.takeDownOn < d.postedOn)
    add(errors, "takeDownOn", "Anslaget kan inte ha tagits ned före den dag det sattes upp.");
  return errors;
}

export interface ParagraphListResult {
  paragraphs: HistoricalParagraphDTO[];
  errors: string[];
}

const MAX_PARAGRAPHS = 500;

/**
 * The §§ the registrar types, one a line: "12; Budget 2020; KS 2019/117" (number; title; Dnr,
 * the Dnr optional; a tab works as well as a semicolon, a leading "§" is allowed). Empty lines
 * are skipped. Errors name the line, in Swedish.
 */
export function parseParagraphList(text: string): ParagraphListResult {
  const paragraphs: HistoricalParagraphDTO[] = [];
  const errors: string[] = [];
  const seen = new Set<number>();
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_PARAGRAPHS + 50) {
    return { paragraphs: [], errors: [`Högst ${MAX_PARAGRAPHS} paragrafer.`] };
  }
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const where = `Rad ${i + 1}`;
    const parts = line.split(/\s*[;\t]\s*/);
    const numberText = (parts[0] ?? "").replace(/^§\s*/, "");
    const title = (parts[1] ?? "").trim();
    const caseNumber = parts.slice(2).join("; ").trim();
    if (!/^\d{1,4}$/.test(numberText) || Number(numberText) < 1) {
      errors.push(`${where}: börja med paragrafens nummer, t.ex. "12; Budget 2020; KS 2019/117".`);
      return;
    }
    const number = Number(numberText);
    if (title === "") {
      errors.push(`${where}: skriv paragrafens rubrik efter numret och ett semikolon.`);
      return;
    }
    if (title.length > 300) errors.push(`${where}: rubriken får vara högst 300 tecken.`);
    if (caseNumber.length > 100) errors.push(`${where}: diarienumret får vara högst 100 tecken.`);
    if (seen.has(number)) errors.push(`${where}: § ${number} finns redan på en tidigare rad.`);
    seen.add(number);
    paragraphs.push({ number, title, caseNumber: caseNumber === "" ? null : caseNumber });
  });
  if (paragraphs.length > MAX_PARAGRAPHS) errors.push(`Högst ${MAX_PARAGRAPHS} paragrafer.`);
  paragraphs.sort((a, b) => a.number - b.number);
  return { paragraphs, errors };
}

export interface NumberRange {
  first: number;
  last: number;
}

/**
 * The protocol's § range: as typed (both numbers or neither), else that of its §§ list; the §§
 * typed must lie in the range. null: the registrar gave no § numbers at all (allowed: some old
 * protocols are not numbered through the year).
 */
export function resolveRange(
  first: number | null,
  last: number | null,
  paragraphs: readonly Pick<HistoricalParagraphDTO, "number">[],
): { range: NumberRange | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if ((first === null) !== (last === null)) {
    add(errors, first === null ? "firstNumber" : "lastNumber", "Ange både första och sista paragrafen, eller ingen.");
    return { range: null, errors };
  }
  if (first !== null && last !== null && last < first) {
    add(errors, "lastNumber", "Sista paragrafen kan inte ha lägre nummer än den första.");
    return { range: null, errors };
  }
  const numbers = paragraphs.map((p) => p.number);
  const range =
    first !== null && last !== null
      ? { first, last }
      : numbers.length > 0
        ? { first: Math.min(...numbers), last: Math.max(...numbers) }
        : null;
  const outside = range ? numbers.filter((n) => n < range.first || n > range.last) : [];
  if (outside.length > 0) {
    add(
      errors,
      "paragraphs",
      `${outside.map((n) => `§ ${n}`).join(", ")} ligger utanför protokollets paragrafer (§§ ${range!.first}–${range!.last}).`,
    );
  }
  return { range, errors };
}

export function rangesOverlap(a: NumberRange, b: NumberRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** "§ 4" or "§§ 1–14" (non-breaking space, as the PDF prints §). */
export function formatRange(range: NumberRange | null): string {
  if (!range) return "";
  return range.first === range.last ? `§\u00a0${range.first}` : `§§\u00a0${range.first}–${range.last}`;
}

/** A date field of the form: "" → null, otherwise a real "YYYY-MM-DD". */
export function optionalIsoDate(value: string): IsoDate | null | undefined {
  const v = value.trim();
  if (v === "") return null;
  return isIsoDate(v) ? v : undefined;
}

/** The mark shown wherever a historical protocol is listed or shown. */
export const SCANNED_MARK = "Inskannat protokoll – justerat på papper, inte signerat i Paragraf";
