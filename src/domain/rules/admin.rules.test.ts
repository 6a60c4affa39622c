import { describe, expect, it } from "vitest";
import { suggestTerm } from "./admin.rules";

describe("suggestTerm", () => {
  it.each([
    { terms: [], today: "2021-11-18", expected: { start: "2019-01-01", end: "2022-12-31" } },
    { terms: [], today: "2023-01-01", expected: { start: "2023-01-01", end: "2026-12-31" } },
    { terms: [], today: "2026-12-31", expected: { start: "2023-01-01", end: "2026-12-31" } },
    { terms: [], today: "2027-06-01", expected: { start: "2027-01-01", end: "2030-12-31" } },
    // The body's own current term wins, even an unusual one.
    {
      terms: [
        { termStart: "2019-01-01", termEnd: "2022-12-31" },
        { termStart: "2023-03-01", termEnd: "2026-10-14" },
      ],
      today: "2024-05-05",
      expected: { start: "2023-03-01", end: "2026-10-14" },
    },
    // A past term is not suggested.
    {
      terms: [{ termStart: "2019-01-01", termEnd: "2022-12-31" }],
      today: "2024-05-05",
      expected: { start: "2023-01-01", end: "2026-12-31" },
    },
  ])("$today with $terms.length terms → $expected.start", ({ terms, today, expected }) => {
    expect(suggestTerm(terms, today)).toEqual(expected);
  });
});
