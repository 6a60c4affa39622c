import type { Metadata } from "next";
import { findLivePage, liveFrameProps, LiveProjector } from "@/modules/live";
import { isoDateOf } from "@/lib/iso-date";
import { LiveRefusal, requireLivePage } from "../live-gate";

export const metadata: Metadata = { title: "Sammanträdet live – projektor" };

type Props = { params: Promise<{ slug: string }> };

/**
 * The projector view for the room (issue 20, point 6): opened by the secretary or the chair
 * (meeting.live, like the live view), large type, no controls. Not public: the log holds
 * unpublished data (names, jäv), so a public stream would need an explicit public projection of
 * it first.
 */
export default async function LiveProjectorPage({ params }: Props) {
  const { slug } = await params;
  const data = await requireLivePage(`/moten/${slug}/live/projektor`, findLivePage, slug);
  if ("refused" in data) return <LiveRefusal title="Sammanträdet live – projektor" message={data.message} />;
  return (
    <>
      <h1 className="mb-6 text-4xl font-semibold">
        {data.bodyName} {isoDateOf(data.date)}
      </h1>
      <LiveProjector {...liveFrameProps(slug, data)} />
    </>
  );
}
