/**
 * Calendar dates as ISO strings "YYYY-MM-DD" (a Swedish calendar day, no time zone), the form the
 * protocol DTO uses. All arithmetic is done in UTC on midnight instants, so the result never
 * depends on the time zone of the machine that runs it.
 */

/** "YYYY-MM-DD" */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written "YYYY-MM-DD" ("2021-02-29" is false). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const instant = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    instant.getUTCFullYear() === Number(y) &&
    instant.getUTCMonth() === Number(m) - 1 &&
    instant.getUTCDate() === Number(d)
  );
}

function toUtcMillis(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Ogiltigt datum "${date}": ange det som ÅÅÅÅ-MM-DD.`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMillis(millis: number): IsoDate {
  return isoDateOf(new Date(millis));
}

// Calendar-day columns. PostgreSQL's `date` (@db.Date in prisma/schema.prisma: the meeting's date,
// adjustedOn, the notice's dates, terms of office) reaches JavaScript as a Date at midnight UTC of
// that day, and is written from one. These two convert between that Date and the IsoDate the DTOs
// carry. They are not for instants (a signature's time, "now"): the Swedish calendar day of an
// instant is toSwedishDate(instant), which differs from the UTC day for an hour or two each night.

/** The calendar day of a @db.Date value (a Date at midnight UTC): 2021-11-18T00:00Z → "2021-11-18". */
export function isoDateOf(day: Date): IsoDate {
  return day.toISOString().slice(0, 10);
}

/** The Date that stores a calendar day in a @db.Date column: midnight UTC of that day. */
export function dbDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return fromUtcMillis(Date.UTC(year, month - 1, day));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMillis(toUtcMillis(date) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMillis(to) - toUtcMillis(from)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMillis(date)).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Negative, zero or positive, for sorting; ISO dates compare as strings once validated. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toUtcMillis(a) - toUtcMillis(b);
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

const swedishDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The Swedish calendar day of an instant: what "today" is in Sweden at `instant`, whatever the
 * server's own time zone (23:30 UTC on 31 December is already New Year's Day in Stockholm).
 */
export function toSwedishDate(instant: Date): IsoDate {
  const parts = swedishDayFormat.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const SWEDISH_WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"] as const;

/** "fredag" for 2021-12-17. */
export function swedishWeekdayName(date: IsoDate): string {
  return SWEDISH_WEEKDAYS[dayOfWeek(date)] ?? "";
}
