import type { Metadata } from "next";
import { findMemberLivePage, MemberLiveView } from "@/modules/live";
import { isoDateOf } from "@/lib/iso-date";
import { LiveRefusal, requireLivePage } from "../live-gate";

export const metadata: Metadata = { title: "Sammanträdet live – ledamot" };

type Props = { params: Promise<{ slug: string }> };

/**
 * A ledamot's or ersättare's own device during the live meeting (meeting.liveSeat): begär ordet,
 * replik, återta, and their own ballot when the body lets them. Always for the signed-in person.
 */
export default async function MemberLivePage({ params }: Props) {
  const { slug } = await params;
  const data = await requireLivePage(`/moten/${slug}/live/ledamot`, findMemberLivePage, slug);
  if ("refused" in data) return <LiveRefusal title="Sammanträdet live" message={data.message} />;
  return (
    <>
      <h1 className="mb-4 text-3xl font-semibold">
        {data.frame.bodyName} {isoDateOf(data.date)} – live
      </h1>
      <MemberLiveView
        {...data.frame}
        meetingId={data.meetingId}
        personId={data.personId}
        selfVoting={data.selfVoting}
      />
    </>
  );
}
