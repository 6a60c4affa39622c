// Pure rules for meetings and § numbering. § numbers run on through the body's calendar year
// (§ 59 … § 67 in November); until justering they follow the order of the §§ in the meeting.

/** URL slug of a meeting: body slug + date ("direktionen-2021-11-18"), "-2", "-3"… if taken. */
export function meetingSlug(bodySlug: string, date: string, taken: ReadonlySet<string>): string {
  const base = `${bodySlug}-${date}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The number a new § gets: after the meeting's own last §, or, for a meeting without §§, after
 * the body's highest § of the year.
 */
export function nextParagraphNumber(meetingNumbers: readonly number[], bodyYearNumbers: readonly number[]): number {
  if (meetingNumbers.length > 0) return Math.max(...meetingNumbers) + 1;
  return bodyYearNumbers.length > 0 ? Math.max(...bodyYearNumbers) + 1 : 1;
}

/** New numbers for §§ in their new order, starting at the meeting's first number. */
export function renumber<T extends { id: string }>(
  ordered: readonly T[],
  firstNumber: number,
): { id: string; number: number }[] {
  return ordered.map((p, i) => ({ id: p.id, number: firstNumber + i }));
}

/** Move one item up or down in a list; unchanged at the ends. */
export function moveItem<T>(list: readonly T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  const copy = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return copy;
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}
