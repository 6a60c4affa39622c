import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateMeetingForm } from "@/modules/drafting";
import { listOpeningTitles } from "@/modules/templates";
import { authorizeForBody } from "@/server/authz";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nytt sammanträde" };

type Props = { params: Promise<{ bodySlug: string }> };

export default async function NewMeetingPage({ params }: Props) {
  const { bodySlug } = await params;
  const user = await requireUser(`/organ/${bodySlug}/nytt-sammantrade`);
  const body = await getDb().body.findFirst({ where: { slug: bodySlug } });
  if (!body || !authorizeForBody(user, "meeting.create", body.id).ok) notFound();
  return (
    <>
      <h1 className="text-3xl font-semibold">Nytt sammanträde: {body.name}</h1>
      <CreateMeetingForm
        bodyId={body.id}
        defaultDate={today()}
        openingTitles={await listOpeningTitles(getDb(), body.id)}
      />
    </>
  );
}
