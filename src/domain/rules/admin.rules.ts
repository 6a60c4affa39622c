// Pure helpers for the admin pages.
import type { IsoDate } from "@/lib/iso-date";

/**
 * The term to suggest for a new membership: the body's latest term if it has memberships,
 * otherwise the current four-year mandate period. Swedish general elections are held every
 * fourth year (2018, 2022, 2026 …); the bodies' terms usually run from 1 January after.
 */
export function suggestTerm(
  terms: readonly { termStart: IsoDate; termEnd: IsoDate }[],
  today: IsoDate,
): { start: IsoDate; end: IsoDate } {
  const latest = [...terms].sort((a, b) => b.termStart.localeCompare(a.termStart))[0];
  if (latest && latest.termEnd >= today) return { start: latest.termStart, end: latest.termEnd };
  const year = Number(today.slice(0, 4));
  const start = 2019 + Math.floor((year - 2019) / 4) * 4;
  return { start: `${start}-01-01`, end: `${start + 3}-12-31` };
}
