import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findMemberLivePage, MemberLiveView } from "@/modules/live";
import { isoDateOf } from "@/lib/iso-date";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sammanträdet live – ledamot" };

type Props = { params: Promise<{ slug: string }> };

/**
 * A ledamot's or ersättare's own device during the live meeting (meeting.liveSeat): begär ordet,
 * replik, återta, and their own ballot when the body lets them. Always for the signed-in person.
 */
export default async function MemberLivePage({ params }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/moten/${slug}/live/ledamot`);
  const data = await findMemberLivePage(getDb(), user, slug);
  if ("refused" in data) {
    if (data.refused === "not-found") notFound();
    return (
      <>
        <h1 className="mb-4 text-3xl font-semibold">Sammanträdet live</h1>
        <p role="alert">{data.message}</p>
      </>
    );
  }
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
