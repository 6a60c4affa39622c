// The organisation a public address belongs to (issue 19.1): /<org>/anslagstavla, /<org>/protokoll/…,
// the open-data feeds and OParl. Found as the platform (no organisation is entered yet), then
// entered, so that everything the request reads afterwards is that organisation's only (row-level
// security, src/server/tenancy.ts). Once per request (React's cache).
import { cache } from "react";
import { getDb } from "./db";
import { asPlatform, enterOrganisation } from "./tenancy";

export interface PublicOrganisation {
  id: string;
  slug: string;
  name: string;
}

const SELECT = { id: true, slug: true, name: true } as const;

/** The organisation with `slug`, entered for the rest of the request; null when there is none. */
export const enterPublicOrganisation = cache(async (slug: string): Promise<PublicOrganisation | null> => {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) return null;
  const organisation = await asPlatform(() => getDb().organisation.findUnique({ where: { slug }, select: SELECT }));
  if (!organisation) return null;
  enterOrganisation(organisation.id);
  return organisation;
});

/** Every organisation, by name (the installation's own start pages and OParl's list). Nothing else. */
export const listPublicOrganisations = cache((): Promise<PublicOrganisation[]> =>
  asPlatform(() => getDb().organisation.findMany({ select: SELECT, orderBy: { name: "asc" } })),
);

/** The only organisation of an installation that has exactly one (where the old addresses lead). */
export async function soleOrganisation(): Promise<PublicOrganisation | null> {
  const all = await listPublicOrganisations();
  return all.length === 1 ? all[0]! : null;
}
