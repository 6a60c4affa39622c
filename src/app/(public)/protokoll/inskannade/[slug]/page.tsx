import { notFound } from "next/navigation";
import { findPublicHistoricalOrganisation } from "@/modules/historical";
import { getDb } from "@/server/db";
import { redirectIfFound } from "@/app/(public)/old-addresses";

export const dynamic = "force-dynamic";

/** The old /protokoll/inskannade/<slug>: 308 to the organisation's address when it is public; else the 404. */
export default async function OldHistoricalPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await redirectIfFound(`/protokoll/inskannade/${encodeURIComponent(slug)}`, () =>
    findPublicHistoricalOrganisation(getDb(), slug),
  );
  notFound();
}
