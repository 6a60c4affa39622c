import { describe, expect, it } from "vitest";
import {
  describeHolidayLike,
  easterSunday,
  extendToWeekday,
  isHolidayLike,
  isPublicHoliday,
  nextWeekday,
  swedishHolidays,
} from "./swedish-calendar";

// Known dates, checked against the almanac (and Easter against python-dateutil).
const KNOWN: [year: number, easter: string, ascension: string, midsummerEve: string, allSaints: string][] = [
  [2021, "2021-04-04", "2021-05-13", "2021-06-25", "2021-11-06"],
  [2022, "2022-04-17", "2022-05-26", "2022-06-24", "2022-11-05"],
  [2023, "2023-04-09", "2023-05-18", "2023-06-23", "2023-11-04"],
  [2024, "2024-03-31", "2024-05-09", "2024-06-21", "2024-11-02"],
  [2025, "2025-04-20", "2025-05-29", "2025-06-20", "2025-11-01"],
  [2026, "2026-04-05", "2026-05-14", "2026-06-19", "2026-10-31"],
  [2027, "2027-03-28", "2027-05-06", "2027-06-25", "2027-11-06"],
  [2028, "2028-04-16", "2028-05-25", "2028-06-23", "2028-11-04"],
  [2029, "2029-04-01", "2029-05-10", "2029-06-22", "2029-11-03"],
  [2030, "2030-04-21", "2030-05-30", "2030-06-21", "2030-11-02"],
];

describe("easterSunday", () => {
  it.each(KNOWN.map(([year, easter]) => [year, easter] as const))("%i: %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([
    [1818, "1818-03-22"], // earliest possible
    [2038, "2038-04-25"], // latest possible
    [2000, "2000-04-23"],
  ])("%i: %s (extremes)", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe("swedishHolidays: the moving days, 2021–2030", () => {
  it.each(KNOWN)("%i", (year, easter, ascension, midsummerEve, allSaints) => {
    const byName = new Map(swedishHolidays(year).map((day) => [day.name, day.date]));
    expect(byName.get("påskdagen")).toBe(easter);
    expect(byName.get("Kristi himmelsfärdsdag")).toBe(ascension);
    expect(byName.get("midsommarafton")).toBe(midsummerEve);
    expect(byName.get("alla helgons dag")).toBe(allSaints);
  });
});

describe("swedishHolidays: a whole year", () => {
  it("2024 lists every public holiday and eve in date order", () => {
    expect(swedishHolidays(2024).map((d) => `${d.date} ${d.name} ${d.kind}`)).toEqual([
      "2024-01-01 nyårsdagen PUBLIC_HOLIDAY",
      "2024-01-06 trettondedag jul PUBLIC_HOLIDAY",
      "2024-03-29 långfredagen PUBLIC_HOLIDAY",
      "2024-03-31 påskdagen PUBLIC_HOLIDAY",
      "2024-04-01 annandag påsk PUBLIC_HOLIDAY",
      "2024-05-01 första maj PUBLIC_HOLIDAY",
      "2024-05-09 Kristi himmelsfärdsdag PUBLIC_HOLIDAY",
      "2024-05-19 pingstdagen PUBLIC_HOLIDAY",
      "2024-06-06 nationaldagen PUBLIC_HOLIDAY",
      "2024-06-21 midsommarafton HOLIDAY_EVE",
      "2024-06-22 midsommardagen PUBLIC_HOLIDAY",
      "2024-11-02 alla helgons dag PUBLIC_HOLIDAY",
      "2024-12-24 julafton HOLIDAY_EVE",
      "2024-12-25 juldagen PUBLIC_HOLIDAY",
      "2024-12-26 annandag jul PUBLIC_HOLIDAY",
      "2024-12-31 nyårsafton HOLIDAY_EVE",
    ]);
  });

  it("before 2005 annandag pingst was a holiday and nationaldagen was not", () => {
    const names = swedishHolidays(2004).map((d) => d.name);
    expect(names).toContain("annandag pingst");
    expect(names).not.toContain("nationaldagen");
    expect(swedishHolidays(2004).find((d) => d.name === "annandag pingst")?.date).toBe("2004-05-31");
  });
});

describe("isPublicHoliday and isHolidayLike", () => {
  it.each([
    // date, public holiday (1989:253), holiday-like (1930:173), why
    ["2021-11-18", false, false, null], // the seed's meeting, a Thursday
    ["2022-01-07", false, false, null], // the seed's take-down date, a Friday
    ["2022-01-06", true, true, "trettondedag jul"],
    ["2022-01-08", false, true, "lördag"],
    ["2022-01-09", true, true, "söndag"], // every Sunday is a public holiday
    ["2024-03-29", true, true, "långfredagen"],
    ["2024-03-30", false, true, "lördag"], // påskafton is only a Saturday
    ["2024-04-01", true, true, "annandag påsk"],
    ["2024-05-09", true, true, "Kristi himmelsfärdsdag"],
    ["2024-05-10", false, false, null], // klämdag: an ordinary weekday in law
    ["2024-06-06", true, true, "nationaldagen"],
    ["2024-06-21", false, true, "midsommarafton"], // an eve: not a holiday, but a time limit cannot end on it
    ["2024-06-22", true, true, "midsommardagen"],
    ["2024-12-24", false, true, "julafton"],
    ["2024-12-31", false, true, "nyårsafton"],
    ["2025-05-01", true, true, "första maj"],
    ["2026-10-31", true, true, "alla helgons dag"],
    ["2024-11-01", false, false, null], // allhelgonaafton is an ordinary Friday
  ])("%s: holiday %s, holiday-like %s (%s)", (date, publicHoliday, holidayLike, why) => {
    expect(isPublicHoliday(date)).toBe(publicHoliday);
    expect(isHolidayLike(date)).toBe(holidayLike);
    expect(describeHolidayLike(date)).toBe(why);
  });
});

describe("nextWeekday and extendToWeekday", () => {
  it.each([
    // date, next söckendag strictly after, the day a limit ending on `date` really ends
    ["2022-01-07", "2022-01-10", "2022-01-07"], // Friday
    ["2022-01-08", "2022-01-10", "2022-01-10"], // Saturday
    ["2022-01-05", "2022-01-07", "2022-01-05"], // the next day is trettondedag jul
    ["2023-12-22", "2023-12-27", "2023-12-22"], // Friday before Christmas weekend
    ["2023-12-24", "2023-12-27", "2023-12-27"], // julafton (Sunday) → juldagen → annandag → Wednesday
    ["2024-12-24", "2024-12-27", "2024-12-27"], // julafton on a Tuesday
    ["2024-12-31", "2025-01-02", "2025-01-02"], // nyårsafton → nyårsdagen → Thursday
    ["2025-12-31", "2026-01-02", "2026-01-02"],
    ["2024-03-28", "2024-04-02", "2024-03-28"], // skärtorsdag is a working day
    ["2024-03-29", "2024-04-02", "2024-04-02"], // långfredagen → Easter → annandag påsk → Tuesday
    ["2024-06-21", "2024-06-24", "2024-06-24"], // midsommarafton → Monday
    ["2026-06-19", "2026-06-22", "2026-06-22"],
    ["2024-05-09", "2024-05-10", "2024-05-10"], // Kristi himmelsfärdsdag → the Friday after
    ["2020-06-05", "2020-06-08", "2020-06-05"], // nationaldagen 2020 was a Saturday
  ])("%s: next %s, extended %s", (date, next, extended) => {
    expect(nextWeekday(date)).toBe(next);
    expect(extendToWeekday(date)).toBe(extended);
  });
});
