// The addresses from before there were several organisations (/anslagstavla, /protokoll/<slug>,
// /verifiera …): printed PDFs and old links carry them. They lead to the organisation's own
// address (308, the query string kept) — for a protocol only when it is public there (the rule
// the public page itself uses), so that a redirect never tells that an unpublished meeting
// exists; otherwise the same 404 as before. The lookups run as the platform: no organisation is
// entered yet, and a lookup returns nothing but the slug of the organisation to go to.
import Link from "next/link";
import { permanentRedirect } from "next/navigation";
import { findPublicProtocolOrganisation } from "@/modules/publication";
import { findKungorelseOrganisation } from "@/modules/summons";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { listPublicOrganisations, soleOrganisation } from "@/server/public-organisation";
import { asPlatform } from "@/server/tenancy";

/** The organisation's address for an old path: /<org> + path (+ query). */
export function organisationPath(organisationSlug: string, path: string, search = ""): string {
  return `/${encodeURIComponent(organisationSlug)}${path}${search}`;
}

/** The query string of a page's search parameters, "?…" or "". */
export function searchOf(searchParams: Record<string, string | string[] | undefined>): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) sp.append(key, v);
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/**
 * A route handler's answer for an old address: 308 to the organisation `lookup` finds (run as
 * the platform), the query string kept; else a plain 404 with `missing`, as before.
 */
export async function redirectOr404(
  req: Request,
  path: string,
  lookup: () => Promise<string | null>,
  missing: string,
): Promise<Response> {
  const organisation = await asPlatform(lookup);
  if (!organisation) {
    return new Response(missing, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(null, {
    status: 308,
    headers: { location: organisationPath(organisation, path, new URL(req.url).search) },
  });
}

/**
 * The GET of an old address `<prefix><slug><suffix>` (the slug URL-encoded): redirectOr404 with
 * the route's slug, `lookup` finding the organisation to go to.
 */
export function oldSlugAddress(
  prefix: string,
  suffix: string,
  lookup: (slug: string) => Promise<string | null>,
  missing: string,
) {
  return async (req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
    const { slug } = await params;
    return redirectOr404(req, `${prefix}${encodeURIComponent(slug)}${suffix}`, () => lookup(slug), missing);
  };
}

/** The old /protokoll/<slug><suffix> (a file of a protocol): 308 when the protocol is public there; else 404. */
export const oldProtocolAddress = (suffix: string, missing: string) =>
  oldSlugAddress("/protokoll/", suffix, (slug) => findPublicProtocolOrganisation(getDb(), slug), missing);

/** The old /anslagstavla/kungorelse/<slug><suffix>: 308 while the kungörelse is up; else 404. */
export const oldKungorelseAddress = (suffix: string) =>
  oldSlugAddress(
    "/anslagstavla/kungorelse/",
    suffix,
    (slug) => findKungorelseOrganisation(getDb(), slug, today()),
    "Kungörelsen finns inte på anslagstavlan.",
  );

/** A page at an old address: 308 to the organisation `lookup` finds (run as the platform); else nothing. */
export async function redirectIfFound(path: string, lookup: () => Promise<string | null>, search = "") {
  const organisation = await asPlatform(lookup);
  if (organisation) permanentRedirect(organisationPath(organisation, path, search));
}

/**
 * Where a visitor without an account starts: the anslagstavla of the installation's only
 * organisation, or with several the list of them (/anslagstavla).
 */
export async function publicStartPath(): Promise<string> {
  const sole = await soleOrganisation();
  return sole ? organisationPath(sole.slug, "/anslagstavla") : "/anslagstavla";
}

/** With exactly one organisation, 308 to the same path under it; with several, nothing (the caller lists them). */
export async function redirectToSoleOrganisation(path: string, search = "") {
  const sole = await soleOrganisation();
  if (sole) permanentRedirect(organisationPath(sole.slug, path, search));
}

/** The organisations of the installation, each linking to its own `path` (the old address's). */
export async function OrganisationList({ title, intro, path }: { title: string; intro: string; path: string }) {
  const organisations = await listPublicOrganisations();
  return (
    <>
      <h1 className="text-3xl font-semibold">{title}</h1>
      <p className="mt-2 max-w-prose">{intro}</p>
      {organisations.length === 0 ? (
        <p className="mt-4">Det finns inga organisationer ännu.</p>
      ) : (
        <ul className="mt-4 list-disc space-y-1 pl-6">
          {organisations.map((o) => (
            <li key={o.slug}>
              <Link
                href={organisationPath(o.slug, path)}
                className="text-[var(--color-brand)] underline underline-offset-2"
              >
                {o.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
