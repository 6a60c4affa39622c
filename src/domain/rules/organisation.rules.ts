// An organisation's address (issue 19.1): its public pages live at /<slug>/anslagstavla,
// /<slug>/protokoll/…, beside the app's own top-level addresses, so a slug may not be one of them.

/** The top-level addresses of the app (src/app): an organisation's slug can never be one. */
export const RESERVED_ORGANISATION_SLUGS: ReadonlySet<string> = new Set([
  "admin",
  "anslagstavla",
  "api",
  "arenden",
  "att-justera",
  "favicon.ico",
  "icon.svg",
  "konto",
  "logga-in",
  "mina-moten",
  "moten",
  "organ",
  "plattform",
  "protokoll",
  "robots.txt",
  "signering",
  "sitemap.xml",
  "tillganglighet",
  "verifiera",
  "_next",
]);

/** The problem with `slug` as an organisation's address, in Swedish; null when it is fine. */
export function organisationSlugProblem(slug: string): string | null {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length < 2 || slug.length > 40) {
    return "Adressen ska vara 2–40 tecken: små bokstäver a–z, siffror och bindestreck (t.ex. ydre eller vimmerby-kommun).";
  }
  if (RESERVED_ORGANISATION_SLUGS.has(slug))
    return `Adressen ”${slug}” används redan av Paragraf själv; välj en annan.`;
  return null;
}

/** A suggested address from the name ("Ydre kommun" → "ydre-kommun"). */
export function organisationSlugFrom(name: string): string {
  return name
    .toLowerCase()
    .replaceAll(/[åä]/g, "a")
    .replaceAll("ö", "o")
    .normalize("NFKD")
    .replaceAll(/[\u0300-\u036f]/g, "")
    .replaceAll(/[^a-z0-9]+/g, "-")
    .replaceAll(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
