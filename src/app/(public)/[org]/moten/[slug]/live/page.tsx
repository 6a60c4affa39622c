import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findPublicLive, PublicLiveStream } from "@/modules/live";
import { getDb } from "@/server/db";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";

// Rendered per request (the meeting moves on), never cached; the only public page that runs a
// script (its own, under the per-request nonce src/proxy.ts gives it): the live update. Without
// JavaScript it shows the state when it was fetched.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ org: string; slug: string }> };

async function liveOr404(params: Props["params"]) {
  const organisation = await organisationOr404(params);
  const { slug } = await params;
  const live = await findPublicLive(getDb(), organisation.id, slug);
  if (!live) notFound();
  return { organisation, slug, live };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { live } = await liveOr404(params);
  return { title: `${live.state.bodyName} ${live.state.date} – direkt`, robots: { index: false } };
}

/**
 * The public live stream of a meeting (issue 20, point 6; KL 5:40: fullmäktige's meetings are
 * public): only while the meeting is public, from the one public projection (live.public.ts).
 * 404 otherwise, the same as a meeting that does not exist or is another organisation's.
 */
export default async function PublicLivePage({ params }: Props) {
  const { organisation, slug, live } = await liveOr404(params);
  const base = `/${encodeURIComponent(organisation.slug)}/moten/${encodeURIComponent(slug)}/live`;
  return (
    <>
      <h1 className="mb-4 text-3xl font-semibold">
        {live.state.bodyName} {live.state.date} – sammanträdet direkt
      </h1>
      <PublicLiveStream initial={live.state} streamUrl={`${base}/handelser`} />
    </>
  );
}
