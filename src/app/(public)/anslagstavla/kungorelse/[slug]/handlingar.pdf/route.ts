import { findKungorelseOrganisation } from "@/modules/summons";
import { getDb } from "@/server/db";
import { today } from "@/server/clock";
import { redirectOr404 } from "@/app/(public)/old-addresses";

export const dynamic = "force-dynamic";

/**
 * The old /anslagstavla/kungorelse/<slug>/handlingar.pdf: 308 to the organisation's while the kungörelse
 * is up; else 404.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return redirectOr404(
    req,
    `/anslagstavla/kungorelse/${encodeURIComponent(slug)}/handlingar.pdf`,
    () => findKungorelseOrganisation(getDb(), slug, today()),
    "Kungörelsen finns inte på anslagstavlan.",
  );
}
