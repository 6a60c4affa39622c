import { describe, expect, it } from "vitest";
import { itGivesNull } from "@/lib/testing/table";
import { filterByDates, paginate, parseDateTimeParam, parseListQuery, type ListQuery } from "./oparl-list";

const LIST = "https://paragraf.example.se/api/oparl/v1/body/itsam/meeting";
const query = (search: string): ListQuery => {
  const parsed = parseListQuery(new URL(`${LIST}${search}`));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
};

describe("parseDateTimeParam", () => {
  it.each([
    ["2021-11-18T00:00:00+01:00", "2021-11-17T23:00:00.000Z"],
    ["2021-11-18T00:00:00Z", "2021-11-18T00:00:00.000Z"],
    ["2021-11-18t00:00:00z", "2021-11-18T00:00:00.000Z"],
    ["2021-11-18T00:00+01:00", "2021-11-17T23:00:00.000Z"],
    ["2021-11-18T00:00:00.5Z", "2021-11-18T00:00:00.500Z"],
    ["2021-11-18T00:00:00+0100", "2021-11-17T23:00:00.000Z"],
    // "+" unencoded in a query string arrives as a space.
    ["2021-11-18T00:00:00 01:00", "2021-11-17T23:00:00.000Z"],
    ["2021-06-01T12:00:00-04:00", "2021-06-01T16:00:00.000Z"],
  ])("%s → %s", (raw, iso) => {
    expect(new Date(parseDateTimeParam(raw)!).toISOString()).toBe(iso);
  });

  itGivesNull("refuses %j", parseDateTimeParam, [
    "2021-11-18",
    "2021-11-18T00:00:00",
    "2021-02-30T00:00:00Z",
    "igår",
    "",
    "2021-11-18T25:00:00Z",
    "1637190000",
  ]);
});

describe("parseListQuery", () => {
  it("defaults to page 1 of 20", () => {
    expect(query("")).toEqual({ page: 1, elementsPerPage: 20, params: [] });
  });

  it("reads page, elementsPerPage (capped at 100) and the four date filters", () => {
    const q = query(
      "?page=3&elementsPerPage=500&modified_since=2021-11-18T00:00:00%2B01:00&created_until=2022-01-01T00:00:00Z",
    );
    expect(q.page).toBe(3);
    expect(q.elementsPerPage).toBe(100);
    expect(q.modifiedSince).toBe(Date.parse("2021-11-17T23:00:00Z"));
    expect(q.createdUntil).toBe(Date.parse("2022-01-01T00:00:00Z"));
    expect(q.params).toEqual([
      ["elementsPerPage", "100"],
      ["created_until", "2022-01-01T00:00:00.000Z"],
      ["modified_since", "2021-11-17T23:00:00.000Z"],
    ]);
  });

  it.each([
    ["?page=0", /sidnummer \(page\) "0"/],
    ["?page=-1", /sidnummer/],
    ["?page=abc", /sidnummer/],
    ["?page=1.5", /sidnummer/],
    ["?elementsPerPage=0", /antal per sida/],
    ["?modified_since=igår", /Ogiltigt värde för modified_since: "igår"\. Ange datum och tid enligt ISO 8601/],
    ["?modified_until=2021-11-18", /modified_until/],
    ["?created_since=2021-13-01T00:00:00Z", /created_since/],
  ])("refuses %s with a Swedish message", (search, message) => {
    const parsed = parseListQuery(new URL(`${LIST}${search}`));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe("filterByDates", () => {
  const rows = [
    { id: "a", created: "2021-01-01T00:00:00.000Z", modified: "2021-06-01T00:00:00.000Z" },
    { id: "b", created: "2021-03-01T00:00:00.000Z", modified: "2021-12-01T00:00:00.000Z" },
    { id: "c", created: null, modified: null },
  ];
  const ids = (search: string) => filterByDates(rows, query(search), (r) => r).map((r) => r.id);

  it.each([
    ["", ["a", "b", "c"]],
    ["?modified_since=2021-06-01T00:00:00Z", ["a", "b", "c"]], // inclusive
    ["?modified_since=2021-06-01T00:00:01Z", ["b", "c"]],
    ["?modified_until=2021-06-01T00:00:00Z", ["a", "c"]],
    ["?created_since=2021-02-01T00:00:00Z&modified_until=2021-12-31T00:00:00Z", ["b", "c"]],
    ["?modified_since=2030-01-01T00:00:00Z", ["c"]], // no timestamps: always kept
  ])("%s → %j", (search, expected) => {
    expect(ids(search)).toEqual(expected);
  });
});

describe("paginate", () => {
  const rows = ["a", "b", "c", "d", "e"];

  it("gives pagination and links that keep the filters", () => {
    const q = query("?elementsPerPage=2&page=2&modified_since=2021-01-01T00:00:00Z");
    const page = paginate(rows, q, LIST);
    expect(page.data).toEqual(["c", "d"]);
    expect(page.pagination).toEqual({ totalElements: 5, elementsPerPage: 2, currentPage: 2, totalPages: 3 });
    const filters = "elementsPerPage=2&modified_since=2021-01-01T00%3A00%3A00.000Z";
    expect(page.links).toEqual({
      first: `${LIST}?${filters}`,
      prev: `${LIST}?${filters}`,
      self: `${LIST}?${filters}&page=2`,
      next: `${LIST}?${filters}&page=3`,
      last: `${LIST}?${filters}&page=3`,
    });
  });

  it.each([
    [1, ["a", "b"], { prev: false, next: true }],
    [3, ["e"], { prev: true, next: false }],
    [4, [], { prev: true, next: false }],
  ])("page %i of 3", (n, data, has) => {
    const page = paginate(rows, query(`?elementsPerPage=2&page=${n}`), LIST);
    expect(page.data).toEqual(data);
    expect("prev" in page.links).toBe(has.prev);
    expect("next" in page.links).toBe(has.next);
  });

  it("has one empty page for an empty list", () => {
    const page = paginate([], query(""), LIST);
    expect(page.pagination).toEqual({ totalElements: 0, elementsPerPage: 20, currentPage: 1, totalPages: 1 });
    expect(page.links).toEqual({ first: LIST, self: LIST, last: LIST });
  });
});
