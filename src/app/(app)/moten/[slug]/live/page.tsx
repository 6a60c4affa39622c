import type { Metadata } from "next";
import { findLivePage, liveFrameProps, LivePublicToggle, LiveView, readLivePublicSetting } from "@/modules/live";
import { isoDateOf } from "@/lib/iso-date";
import { now } from "@/server/clock";
import { getDb } from "@/server/db";
import { LiveRefusal, requireLivePage } from "./live-gate";
import { MeetingBreadcrumbs } from "@/ui/breadcrumbs";

export const metadata: Metadata = { title: "Sammanträdet live" };

type Props = { params: Promise<{ slug: string }> };

/** The live meeting for the secretary and the meeting's chair (meeting.live), on laptop and tablet. */
export default async function LivePage({ params }: Props) {
  const { slug } = await params;
  const data = await requireLivePage(`/moten/${slug}/live`, findLivePage, slug);
  if ("refused" in data) return <LiveRefusal title="Sammanträdet live" message={data.message} />;
  const date = isoDateOf(data.date);
  return (
    <>
      <MeetingBreadcrumbs meeting={{ slug, date, body: { name: data.bodyName } }} current="Live" />
      <h1 className="mb-4 text-3xl font-semibold">
        Sammanträdet live – {data.bodyName} {date}
      </h1>
      <LivePublicToggle initial={await readLivePublicSetting(getDb(), data.meetingId)} canSet={data.canClose} />
      <LiveView
        {...liveFrameProps(slug, data)}
        meetingId={data.meetingId}
        canClose={data.canClose}
        serverNow={now().toISOString()}
      />
    </>
  );
}
