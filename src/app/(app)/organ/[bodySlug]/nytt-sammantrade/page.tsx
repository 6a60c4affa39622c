import type { Metadata } from "next";
import { CreateMeetingForm } from "@/modules/drafting";
import { listOpeningTitles } from "@/modules/templates";
import { authorizeForBody } from "@/server/authz";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireBodyPage } from "@/server/page-gate";

export const metadata: Metadata = { title: "Nytt sammanträde" };

type Props = { params: Promise<{ bodySlug: string }> };

export default async function NewMeetingPage({ params }: Props) {
  const { bodySlug } = await params;
  const { body } = await requireBodyPage(bodySlug, `/organ/${bodySlug}/nytt-sammantrade`, (user, bodyId) =>
    authorizeForBody(user, "meeting.create", bodyId),
  );
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
