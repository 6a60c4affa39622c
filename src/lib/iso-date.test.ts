import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  dbDate,
  isIsoDate,
  isoDateOf,
  toSwedishDate,
} from "./iso-date";

describe("isIsoDate", () => {
  itMaps("%s → %s", isIsoDate, [
    ["2021-11-18", true],
    ["2024-02-29", true], // leap year
    ["2021-02-29", false],
    ["2100-02-29", false], // not a leap year
    ["2021-13-01", false],
    ["2021-1-18", false],
    ["18/11/2021", false],
    ["", false],
  ]);
});

describe("addDays", () => {
  it.each([
    ["2021-11-18", 14, "2021-12-02"],
    ["2021-12-17", 21, "2022-01-07"], // across New Year
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-03-30", 2, "2024-04-01"], // across the switch to summer time in Sweden (2024-03-31)
    ["2024-10-26", 2, "2024-10-28"], // across the switch back (2024-10-27)
    ["2022-01-01", -1, "2021-12-31"],
  ])("%s + %i = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("refuses a malformed date with a Swedish message", () => {
    expect(() => addDays("2021-02-30", 1)).toThrow(/ÅÅÅÅ-MM-DD/);
  });
});

describe("daysBetween, compareIsoDates, dayOfWeek", () => {
  it.each([
    ["2021-11-18", "2021-12-17", 29],
    ["2021-12-17", "2022-01-07", 21],
    ["2022-01-07", "2021-12-17", -21],
    ["2024-03-30", "2024-04-01", 2],
  ])("%s → %s is %i days", (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
    expect(Math.sign(compareIsoDates(to, from))).toBe(Math.sign(expected));
  });

  itMaps("%s is weekday %i", dayOfWeek, [
    ["2021-11-18", 4], // torsdag
    ["2021-12-17", 5], // fredag
    ["2022-01-08", 6],
    ["2022-01-09", 0],
  ]);
});

describe("toSwedishDate", () => {
  it.each([
    ["2021-12-31T22:59:59Z", "2021-12-31"], // 23:59 in Stockholm (CET)
    ["2021-12-31T23:00:00Z", "2022-01-01"], // midnight in Stockholm
    ["2024-06-20T21:59:00Z", "2024-06-20"], // 23:59 CEST
    ["2024-06-20T22:00:00Z", "2024-06-21"],
  ])("%s is %s in Sweden", (instant, expected) => {
    expect(toSwedishDate(new Date(instant))).toBe(expected);
  });
});

describe("isoDateOf and dbDate (calendar-day columns)", () => {
  it("stores a day as midnight UTC and reads it back", () => {
    expect(dbDate("2021-11-18").toISOString()).toBe("2021-11-18T00:00:00.000Z");
    expect(isoDateOf(new Date("2021-11-18T00:00:00.000Z"))).toBe("2021-11-18");
  });

  it.each(["2021-11-18", "2024-02-29", "2024-03-31", "2024-10-27", "2021-12-31", "2022-01-01", "1999-12-31"])(
    "%s survives the round trip",
    (day) => {
      expect(isoDateOf(dbDate(day))).toBe(day);
    },
  );

  it("every day of a leap year survives the round trip, in order", () => {
    let day = "2024-01-01";
    for (let i = 0; i < 366; i++) {
      expect(isoDateOf(dbDate(day))).toBe(day);
      expect(dbDate(addDays(day, 1)).getTime() - dbDate(day).getTime()).toBe(86_400_000);
      day = addDays(day, 1);
    }
    expect(day).toBe("2025-01-01");
  });

  it("gives the UTC day of an instant, which is not the Swedish day: instants go through toSwedishDate", () => {
    const newYearInStockholm = new Date("2021-12-31T23:30:00Z");
    expect(isoDateOf(newYearInStockholm)).toBe("2021-12-31");
    expect(toSwedishDate(newYearInStockholm)).toBe("2022-01-01");
  });
});
