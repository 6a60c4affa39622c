import { describe, expect, it } from "vitest";
import { formatRange, historicalDateErrors, parseParagraphList, rangesOverlap, resolveRange } from "./historical.rules";

const TODAY = "2026-12-04";
const dates = { meetingDate: "2021-03-11", adjustedOn: "2021-03-18", postedOn: "2021-03-19", takeDownOn: "2021-04-12" };

describe("historicalDateErrors", () => {
  it.each([
    ["dates in order", dates, {}],
    [
      "the same day throughout (omedelbar justering)",
      { ...dates, adjustedOn: "2021-03-11", postedOn: "2021-03-11", takeDownOn: "2021-03-11" },
      {},
    ],
    ["no take-down date", { ...dates, takeDownOn: null }, {}],
    ["up to today", { meetingDate: TODAY, adjustedOn: TODAY, postedOn: TODAY, takeDownOn: TODAY }, {}],
    [
      "justering before the meeting",
      { ...dates, adjustedOn: "2021-03-10" },
      { adjustedOn: [expect.stringMatching(/före sammanträdet/)] },
    ],
    [
      "posting before justering",
      { ...dates, postedOn: "2021-03-17" },
      { postedOn: [expect.stringMatching(/före justeringen/)] },
    ],
    [
      "take-down before posting",
      { ...dates, takeDownOn: "2021-03-18" },
      { takeDownOn: [expect.stringMatching(/före den dag/)] },
    ],
    [
      "a take-down tomorrow",
      { ...dates, takeDownOn: "2026-12-05" },
      { takeDownOn: ["Nedtagningen kan inte vara senare än i dag (2026-12-04)."] },
    ],
    [
      "a meeting in the future",
      { meetingDate: "2027-01-01", adjustedOn: "2027-01-02", postedOn: "2027-01-03", takeDownOn: null },
      {
        meetingDate: [expect.stringMatching(/senare än i dag/)],
        adjustedOn: [expect.stringMatching(/senare än i dag/)],
        postedOn: [expect.stringMatching(/senare än i dag/)],
      },
    ],
  ])("%s", (_name, input, expected) => {
    expect(historicalDateErrors(input, TODAY)).toEqual(expected);
  });
});

describe("parseParagraphList", () => {
  it("reads number; title; Dnr per line, with tabs, a leading § and empty lines, sorted by number", () => {
    expect(parseParagraphList("12; Val av revisorer; KS 2019/117\n\n§ 10\tBudget 2020\r\n11 ; Information ;")).toEqual({
      paragraphs: [
        { number: 10, title: "Budget 2020", caseNumber: null },
        { number: 11, title: "Information", caseNumber: null },
        { number: 12, title: "Val av revisorer", caseNumber: "KS 2019/117" },
      ],
      errors: [],
    });
  });

  it("keeps a Dnr with a semicolon in it", () => {
    expect(parseParagraphList("3; Avtal; MBN 2019.0412; bilaga").paragraphs[0]?.caseNumber).toBe(
      "MBN 2019.0412; bilaga",
    );
  });

  it.each([
    ["Budget; KS 2019/1", /^Rad 1: börja med paragrafens nummer/],
    ["0; Noll", /^Rad 1: börja med/],
    ["12", /^Rad 1: skriv paragrafens rubrik/],
    ["1; A\n\n1; B", /^Rad 3: § 1 finns redan/],
    [`1; ${"x".repeat(301)}`, /rubriken får vara högst 300 tecken/],
  ])("refuses %j", (text, message) => {
    expect(parseParagraphList(text).errors[0]).toMatch(message);
  });

  it("is empty for empty text", () => {
    expect(parseParagraphList("  \n ")).toEqual({ paragraphs: [], errors: [] });
  });
});

describe("resolveRange", () => {
  const list = [{ number: 10 }, { number: 14 }];
  it.each([
    ["as typed", 10, 18, list, { range: { first: 10, last: 18 }, errors: {} }],
    ["from the §§ when none is typed", null, null, list, { range: { first: 10, last: 14 }, errors: {} }],
    ["none at all", null, null, [], { range: null, errors: {} }],
    [
      "only the first",
      10,
      null,
      [],
      { range: null, errors: { lastNumber: [expect.stringMatching(/både första och sista/)] } },
    ],
    [
      "only the last",
      null,
      18,
      [],
      { range: null, errors: { firstNumber: [expect.stringMatching(/både första och sista/)] } },
    ],
    ["last before first", 18, 10, [], { range: null, errors: { lastNumber: [expect.stringMatching(/lägre nummer/)] } }],
    [
      "a § outside",
      11,
      18,
      list,
      {
        range: { first: 11, last: 18 },
        errors: { paragraphs: ["§ 10 ligger utanför protokollets paragrafer (§§ 11–18)."] },
      },
    ],
  ] as const)("%s", (_name, first, last, paragraphs, expected) => {
    expect(resolveRange(first, last, paragraphs)).toEqual(expected);
  });
});

describe("rangesOverlap and formatRange", () => {
  it.each([
    [{ first: 1, last: 5 }, { first: 5, last: 9 }, true],
    [{ first: 1, last: 5 }, { first: 6, last: 9 }, false],
    [{ first: 6, last: 9 }, { first: 1, last: 5 }, false],
    [{ first: 3, last: 3 }, { first: 1, last: 9 }, true],
  ])("%j and %j overlap: %s", (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
  });
  it("prints § or §§ with a no-break space", () => {
    expect(formatRange({ first: 4, last: 4 })).toBe("§\u00a04");
    expect(formatRange({ first: 1, last: 14 })).toBe("§§\u00a01–14");
    expect(formatRange(null)).toBe("");
  });
});
