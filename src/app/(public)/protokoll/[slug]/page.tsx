import { notFound } from "next/navigation";
import { findPublicProtocolOrganisation } from "@/modules/publication";
import { getDb } from "@/server/db";
import { redirectIfFound } from "@/app/(public)/old-addresses";

export const dynamic = "force-dynamic";

/** The old /protokoll/<slug>: 308 to /<org>/protokoll/<slug> when the protocol is public; else the 404. */
export default async function OldProtocolPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await redirectIfFound(`/protokoll/${encodeURIComponent(slug)}`, () => findPublicProtocolOrganisation(getDb(), slug));
  notFound();
}
