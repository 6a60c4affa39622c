import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import { isClockTime, stockholmDateTime, stockholmOffsetMinutes } from "./stockholm-time";

describe("stockholmDateTime", () => {
  it.each([
    ["2021-11-18", "10:00", "2021-11-18T10:00:00+01:00"], // winter (CET)
    ["2021-06-17", "18:30", "2021-06-17T18:30:00+02:00"], // summer (CEST)
    ["2021-03-27", "23:59", "2021-03-27T23:59:00+01:00"], // the evening before the clocks go forward
    ["2021-03-28", "03:00", "2021-03-28T03:00:00+02:00"], // just after
    ["2021-03-28", "02:30", "2021-03-28T02:30:00+02:00"], // a skipped local time: summer offset
    ["2021-10-31", "02:30", "2021-10-31T02:30:00+02:00"], // a repeated local time: first reading
    ["2021-10-31", "03:00", "2021-10-31T03:00:00+01:00"],
    ["2021-12-31", "00:00", "2021-12-31T00:00:00+01:00"],
  ])("%s %s → %s", (date, time, expected) => {
    expect(stockholmDateTime(date, time)).toBe(expected);
  });

  it("gives the same instant as the wall clock in Stockholm", () => {
    const text = stockholmDateTime("2021-11-18", "10:00");
    expect(new Date(text).toISOString()).toBe("2021-11-18T09:00:00.000Z");
  });

  it.each([
    ["2021-02-29", "10:00"],
    ["2021-11-18", "24:00"],
    ["2021-11-18", "9:00"],
    ["18/11/2021", "10:00"],
  ])("refuses %s %s", (date, time) => {
    expect(() => stockholmDateTime(date, time)).toThrow(RangeError);
  });
});

describe("stockholmOffsetMinutes", () => {
  it.each([
    ["2021-01-15T12:00:00Z", 60],
    ["2021-07-15T12:00:00Z", 120],
    ["2021-03-28T00:59:59Z", 60],
    ["2021-03-28T01:00:00Z", 120],
    ["2021-10-31T00:59:59Z", 120],
    ["2021-10-31T01:00:00Z", 60],
  ])("%s → %i", (instant, minutes) => {
    expect(stockholmOffsetMinutes(new Date(instant))).toBe(minutes);
  });
});

describe("isClockTime", () => {
  itMaps("%s → %s", isClockTime, [
    ["10:00", true],
    ["00:00", true],
    ["23:59", true],
    ["24:00", false],
    ["10.00", false],
    ["1000", false],
    ["", false],
  ]);
});
