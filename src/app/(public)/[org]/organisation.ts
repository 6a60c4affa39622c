// The organisation of a public address /<org>/…, entered for the rest of the request
// (src/server/public-organisation.ts), for pages (a 404 page when there is none) and route
// handlers (a plain 404).
import { notFound } from "next/navigation";
import { enterPublicOrganisation, type PublicOrganisation } from "@/server/public-organisation";

/** For a page: the organisation, or the 404 page. */
export async function organisationOr404(params: Promise<{ org: string }>): Promise<PublicOrganisation> {
  const organisation = await enterPublicOrganisation((await params).org);
  if (!organisation) notFound();
  return organisation;
}

/** For a route handler: the organisation, or null after which the handler answers `notFoundResponse`. */
export async function routeOrganisation(params: Promise<{ org: string }>): Promise<PublicOrganisation | null> {
  return enterPublicOrganisation((await params).org);
}

export const notFoundResponse = (text: string) =>
  new Response(text, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
