/**
 * The Swedish calendar as the law counts time limits.
 *
 * - Public holidays (allmänna helgdagar): lag (1989:253) om allmänna helgdagar, 1 §. Every Sunday
 *   is one too.
 * - Lag (1930:173) om beräkning av lagstadgad tid, 2 §: when the last day of a statutory time
 *   limit falls on a Saturday, a Sunday or other public holiday, midsommarafton, julafton or
 *   nyårsafton, the act may be done on the next weekday (söckendag) instead.
 *
 * Computed rather than taken from a library: Easter by the anonymous Gregorian algorithm, the
 * moving Saturdays from their windows in the act. Dates are "YYYY-MM-DD" (see ./iso-date).
 */
import { addDays, dayOfWeek, isoDate, yearOf, type IsoDate } from "./iso-date";

export type SwedishDayKind = "PUBLIC_HOLIDAY" | "HOLIDAY_EVE";

export interface SwedishHoliday {
  date: IsoDate;
  /** Swedish name, lower case as written in running text: "långfredagen". */
  name: string;
  /** PUBLIC_HOLIDAY: allmän helgdag (1989:253). HOLIDAY_EVE: the three eves lag 1930:173 adds. */
  kind: SwedishDayKind;
}

/** Easter Sunday (påskdagen), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** The Saturday that falls within [first, first + 6] of the given month. */
function saturdayFrom(year: number, month: number, firstDay: number): IsoDate {
  const first = isoDate(year, month, firstDay);
  return addDays(first, (6 - dayOfWeek(first) + 7) % 7);
}

const cache = new Map<number, SwedishHoliday[]>();

/**
 * The named public holidays of a year and the three eves of lag (1930:173), in date order.
 * Ordinary Sundays are holidays too but are not listed; use isPublicHoliday for them.
 */
export function swedishHolidays(year: number): SwedishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;

  const easter = easterSunday(year);
  const midsummerDay = saturdayFrom(year, 6, 20); // lördagen 20–26 juni
  const holiday = (date: IsoDate, name: string): SwedishHoliday => ({ date, name, kind: "PUBLIC_HOLIDAY" });
  const eve = (date: IsoDate, name: string): SwedishHoliday => ({ date, name, kind: "HOLIDAY_EVE" });

  const days: SwedishHoliday[] = [
    holiday(isoDate(year, 1, 1), "nyårsdagen"),
    holiday(isoDate(year, 1, 6), "trettondedag jul"),
    holiday(addDays(easter, -2), "långfredagen"),
    holiday(easter, "påskdagen"),
    holiday(addDays(easter, 1), "annandag påsk"),
    holiday(isoDate(year, 5, 1), "första maj"),
    holiday(addDays(easter, 39), "Kristi himmelsfärdsdag"),
    holiday(addDays(easter, 49), "pingstdagen"),
    eve(addDays(midsummerDay, -1), "midsommarafton"),
    holiday(midsummerDay, "midsommardagen"),
    holiday(saturdayFrom(year, 10, 31), "alla helgons dag"), // lördagen 31 oktober–6 november
    eve(isoDate(year, 12, 24), "julafton"),
    holiday(isoDate(year, 12, 25), "juldagen"),
    holiday(isoDate(year, 12, 26), "annandag jul"),
    eve(isoDate(year, 12, 31), "nyårsafton"),
  ];
  // Nationaldagen replaced annandag pingst as a public holiday from 2005.
  if (year >= 2005) days.push(holiday(isoDate(year, 6, 6), "nationaldagen"));
  else days.push(holiday(addDays(easter, 50), "annandag pingst"));

  days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(year, days);
  return days;
}

/** The named holiday or eve on this date, if any. */
export function findSwedishHoliday(date: IsoDate): SwedishHoliday | null {
  return swedishHolidays(yearOf(date)).find((day) => day.date === date) ?? null;
}

/** Allmän helgdag (lag 1989:253): a named public holiday, or any Sunday. */
export function isPublicHoliday(date: IsoDate): boolean {
  return dayOfWeek(date) === 0 || findSwedishHoliday(date)?.kind === "PUBLIC_HOLIDAY";
}

/**
 * A day on which a statutory time limit cannot end (lag 1930:173, 2 §): Saturday, Sunday, a
 * public holiday, midsommarafton, julafton or nyårsafton.
 */
export function isHolidayLike(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6 || findSwedishHoliday(date) !== null;
}

/** The first söckendag strictly after `date`. */
export function nextWeekday(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (isHolidayLike(day)) day = addDays(day, 1);
  return day;
}

/**
 * The day a time limit whose last day is `date` actually ends: `date` itself, or the next
 * söckendag when `date` is a Saturday, Sunday, holiday or one of the three eves (1930:173).
 */
export function extendToWeekday(date: IsoDate): IsoDate {
  return isHolidayLike(date) ? nextWeekday(date) : date;
}

/** Why a day is not a söckendag, in Swedish ("lördag", "julafton"), or null on a söckendag. */
export function describeHolidayLike(date: IsoDate): string | null {
  const named = findSwedishHoliday(date);
  if (named) return named.name;
  const weekday = dayOfWeek(date);
  if (weekday === 6) return "lördag";
  if (weekday === 0) return "söndag";
  return null;
}
