import { findPublicProtocolOrganisation } from "@/modules/publication";
import { getDb } from "@/server/db";
import { redirectOr404 } from "@/app/(public)/old-addresses";

/** The old /protokoll/<slug>/utdrag: 308 to the organisation's address when the protocol is public; else 404. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return redirectOr404(
    req,
    `/protokoll/${encodeURIComponent(slug)}/utdrag`,
    () => findPublicProtocolOrganisation(getDb(), slug),
    "Protokollet finns inte.",
  );
}
