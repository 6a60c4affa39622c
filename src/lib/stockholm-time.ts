// Meeting times are stored as a Swedish calendar day plus "HH:MM" local time. OParl wants RFC 3339
// date-times with an offset, so the local time is placed in Europe/Stockholm (CET/CEST) here,
// whatever the time zone of the server. Pure.
import { isIsoDate, type IsoDate } from "@/lib/iso-date";

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for "HH:MM" on a 24-hour clock ("10:00", "23:59"). */
export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

const stockholmParts = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Stockholm",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes Stockholm is ahead of UTC at `instant` (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(instant: Date): number {
  const parts = stockholmParts.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * "2021-11-18" + "10:00" → "2021-11-18T10:00:00+01:00". A local time skipped when the clocks go
 * forward (02:30 on the last Sunday of March) gets the summer offset; a repeated one (02:30 on
 * the last Sunday of October) the first, summer, reading.
 */
export function stockholmDateTime(date: IsoDate, time: string): string {
  if (!isIsoDate(date)) throw new RangeError(`Ogiltigt datum "${date}": ange det som ÅÅÅÅ-MM-DD.`);
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`Ogiltig tid "${time}": ange den som TT:MM.`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, Number(match[1]), Number(match[2]));
  // Try summer time first, then winter time: the first offset that maps back to the same wall
  // clock reading is the right one.
  const candidates = [120, 60].filter((offset) => stockholmOffsetMinutes(new Date(naive - offset * 60_000)) === offset);
  const offset = candidates[0] ?? stockholmOffsetMinutes(new Date(naive - 60 * 60_000));
  return `${date}T${time}:00${formatOffset(offset)}`;
}
