import { describe, expect, it } from "vitest";
import {
  compressParagraphNumbers,
  expandParagraphRanges,
  formatParagraphRanges,
  isInParagraphRanges,
  isSameParagraphSet,
  normalizeParagraphRanges,
  parseParagraphRanges,
} from "./paragraph-ranges";

const r = (from: number, to: number = from) => ({ from, to });

describe("parseParagraphRanges: accepted input", () => {
  it.each([
    ["§§ 59-62", [r(59, 62)]],
    ["59-62, 64", [r(59, 62), r(64)]],
    ["§ 59", [r(59)]],
    ["59", [r(59)]],
    ["§59", [r(59)]],
    ["§§ 62-67", [r(62, 67)]],
    ["Paragrafer 59-67", [r(59, 67)]],
    ["59–62", [r(59, 62)]], // en dash, as word processors write it
    ["59 - 62", [r(59, 62)]],
    ["59, 61", [r(59), r(61)]],
    ["59 och 61", [r(59), r(61)]],
    ["59; 61", [r(59), r(61)]],
    ["§ 59, § 61", [r(59), r(61)]],
    ["64, 59-62", [r(59, 62), r(64)]], // sorted
    ["59-61, 62", [r(59, 62)]], // adjacent ranges merged
    ["59-62, 60", [r(59, 62)]], // overlap merged
    ["  59-62,  ", [r(59, 62)]], // stray separator at the end
    ["62-62", [r(62)]],
  ])("%j", (input, expected) => {
    expect(parseParagraphRanges(input)).toEqual({ ok: true, ranges: expected });
  });
});

describe("parseParagraphRanges: refused input, with a Swedish message that says what to write", () => {
  it.each([
    ["", "Ange paragrafer som t.ex. 59-62 eller 59, 61."],
    ["§§", "Ange paragrafer som t.ex. 59-62 eller 59, 61."],
    ["abc", 'Förstod inte "abc". Ange paragrafer som t.ex. 59-62 eller 59, 61.'],
    ["59-", 'Förstod inte "59-". Ange paragrafer som t.ex. 59-62 eller 59, 61.'],
    ["59-62-64", 'Förstod inte "59-62-64". Ange paragrafer som t.ex. 59-62 eller 59, 61.'],
    ["59.5", 'Förstod inte "59.5". Ange paragrafer som t.ex. 59-62 eller 59, 61.'],
    ["59,,61", "Det saknas ett nummer mellan två kommatecken. Ange paragrafer som t.ex. 59-62 eller 59, 61."],
    ["62-59", "Intervallet 62-59 går baklänges. Skriv det lägsta numret först, t.ex. 59-62."],
    ["0-3", "Paragrafnummer börjar på 1. Ange paragrafer som t.ex. 59-62 eller 59, 61."],
    ["1234567", 'Paragrafnumret i "1234567" är för stort. Ange paragrafer som t.ex. 59-62 eller 59, 61.'],
  ])("%j", (input, error) => {
    expect(parseParagraphRanges(input)).toEqual({ ok: false, error });
  });
});

describe("formatParagraphRanges", () => {
  it.each([
    [[r(59, 62)], "sign", "§§ 59-62"],
    [[r(59)], "sign", "§ 59"],
    [[r(59), r(61)], "sign", "§§ 59, 61"],
    [[r(64), r(59, 62)], "sign", "§§ 59-62, 64"],
    [[r(59, 67)], "word", "Paragrafer 59-67"],
    [[r(59)], "word", "Paragraf 59"],
    [[r(59, 62), r(64)], "bare", "59-62, 64"],
    [[], "sign", ""],
  ] as const)("%j as %s → %j", (ranges, style, expected) => {
    expect(formatParagraphRanges(ranges, style)).toBe(expected);
  });

  it.each(["§§ 59-62", "§ 59", "§§ 59-62, 64, 66-67"])("round-trips %j", (text) => {
    const parsed = parseParagraphRanges(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formatParagraphRanges(parsed.ranges)).toBe(text);
  });
});

describe("compress, expand, membership", () => {
  it.each([
    [[59, 60, 61, 62, 63, 64, 65, 66, 67], [r(59, 67)]],
    [
      [59, 60, 61, 62, 64],
      [r(59, 62), r(64)],
    ],
    [
      [64, 59, 61, 60, 62, 62],
      [r(59, 62), r(64)],
    ], // unsorted, duplicate
    [[59], [r(59)]],
    [[], []],
  ])("compress %j", (numbers, expected) => {
    expect(compressParagraphNumbers(numbers)).toEqual(expected);
  });

  it.each([
    [
      [r(59, 62), r(64)],
      [59, 60, 61, 62, 64],
    ],
    [
      [r(62, 67), r(59, 62)],
      [59, 60, 61, 62, 63, 64, 65, 66, 67],
    ],
    [[], []],
  ])("expand %j", (ranges, expected) => {
    expect(expandParagraphRanges(ranges)).toEqual(expected);
  });

  it.each([
    [62, [r(59, 62)], true],
    [59, [r(59, 62)], true],
    [63, [r(59, 62)], false],
    [64, [r(59, 62), r(64)], true],
    [59, [], false],
  ])("%i in %j → %s", (n, ranges, expected) => {
    expect(isInParagraphRanges(n, ranges)).toBe(expected);
  });

  it("normalize merges and sorts without changing the input", () => {
    const input = [r(64), r(59, 61), r(62)];
    expect(normalizeParagraphRanges(input)).toEqual([r(59, 62), r(64)]);
    expect(input).toEqual([r(64), r(59, 61), r(62)]);
  });

  it.each([
    [[r(59, 67)], [r(59, 62), r(63, 67)], true],
    [[r(59, 67)], [r(59, 66)], false],
    [[], [], true],
  ])("same set %j, %j → %s", (a, b, expected) => {
    expect(isSameParagraphSet(a, b)).toBe(expected);
  });
});
