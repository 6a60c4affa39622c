// Pure rules for the organisation's bodies (organ) and its notice settings: the slug from the
// name, the reports-to chain without cycles, the genitive suggested for headings, the notice's
// wording and the first § number of a meeting.

/** Letters a Swedish (or Nordic, German) name may hold, as an ASCII URL wants them. */
const TRANSLITERATION: Record<string, string> = { æ: "ae", ø: "o", ß: "ss", þ: "th", ð: "d", œ: "oe", ł: "l" };

/**
 * The URL slug of a body from its name: "Kommunstyrelsens arbetsutskott" →
 * "kommunstyrelsens-arbetsutskott", "Miljö- och byggnämnden" → "miljo-och-byggnamnden".
 * Never empty ("organ" when the name has no letters or digits), at most 60 characters.
 */
export function bodySlugBase(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[æøßþðœł]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "organ" : slug;
}

/** The slug, unique among the organisation's other bodies: "-2", "-3" … when taken. */
export function uniqueBodySlug(name: string, taken: ReadonlySet<string>): string {
  const base = bodySlugBase(name);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The genitive Swedish headings use ("Direktionens beslut", "Kommunfullmäktiges beslut"):
 * a name already ending in s, x or z takes none ("Kommunstyrelsens arbetsutskott" → same,
 * "Lex" → "Lex"), any other takes "s". A suggestion the admin may change.
 */
export function suggestGenitive(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") return "";
  return /[sxz]$/i.test(trimmed) ? trimmed : `${trimmed}s`;
}

/**
 * Would `bodyId` reporting to `parentId` make a cycle? `parents` maps every body of the
 * organisation to the body it reports to now. A body cannot report to itself or to a body that
 * (through others) reports to it.
 */
export function reportsToCycle(
  bodyId: string | null,
  parentId: string | null,
  parents: ReadonlyMap<string, string | null>,
): boolean {
  if (parentId === null || bodyId === null) return false;
  const seen = new Set<string>();
  for (let at: string | null = parentId; at !== null; at = parents.get(at) ?? null) {
    if (at === bodyId) return true;
    if (seen.has(at)) return true; // an existing cycle: refuse to build on it
    seen.add(at);
  }
  return false;
}

/** The notice's free wording when the organisation has not written its own. */
export const DEFAULT_NOTICE_WORDING = "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.";

/** The organisation's notice settings as they apply to one protocol (its own choice first). */
export interface NoticeSettings {
  storagePlace: string;
  noticeBoard: string;
  certifiedBy: string;
  wording: string;
}

/**
 * What a protocol's notice says: the meeting's own choice, else the organisation's setting, else
 * the defaults (the förvaringsplats falls back to the organisation's name, as before).
 */
export function noticeSettingsFor(
  organisation: {
    name: string;
    storagePlace: string | null;
    noticeBoard: string | null;
    noticeWording: string | null;
    noticeCertifier: string | null;
  },
  meeting: { noticeStoragePlace: string | null; noticeBoard: string | null; noticeCertifier: string | null },
): NoticeSettings {
  const first = (...values: (string | null)[]) => values.find((v) => v !== null && v.trim() !== "")?.trim() ?? "";
  return {
    storagePlace: first(meeting.noticeStoragePlace, organisation.storagePlace, organisation.name),
    noticeBoard: first(meeting.noticeBoard, organisation.noticeBoard),
    certifiedBy: first(meeting.noticeCertifier, organisation.noticeCertifier),
    wording: first(organisation.noticeWording, DEFAULT_NOTICE_WORDING),
  };
}

/**
 * The §§ of a draft renumbered from a new first number, and whether any of the new numbers is
 * taken by another meeting of the body's year (the unique index would refuse it).
 */
export function firstNumberClash(first: number, count: number, otherNumbers: readonly number[]): number | null {
  const last = first + Math.max(count, 1) - 1;
  const clash = otherNumbers.filter((n) => n >= first && n <= last).sort((a, b) => a - b)[0];
  return clash ?? null;
}
