import type { Metadata } from "next";
import Link from "next/link";

import { ProtocolEditor } from "@/modules/drafting";
import { listTemplateChoices, TemplatePicker } from "@/modules/templates";
import { findProtocolForEditing } from "@/server/protocol.queries";
import { authorize } from "@/server/authz";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireReadableMeeting } from "@/server/session";
import { Breadcrumbs } from "@/ui/breadcrumbs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Skriv protokoll" };

type Props = { params: Promise<{ slug: string }> };

export default async function EditMeetingPage({ params }: Props) {
  const { slug } = await params;
  const { user, access } = await requireReadableMeeting(slug, `/moten/${slug}/redigera`);
  const canEdit = authorize(user, "meeting.edit", access);
  if (!canEdit.ok) {
    return (
      <>
        <h1 className="text-2xl font-semibold">Protokollet kan inte ändras</h1>
        <p className="mt-2">{canEdit.message}</p>
        <p className="mt-2">
          <Link href={`/moten/${slug}`} className="text-[var(--color-brand)] underline">
            Läs protokollet
          </Link>
        </p>
      </>
    );
  }
  const data = (await findProtocolForEditing(getDb(), slug))!;
  const { protocol } = data;
  const templates = await listTemplateChoices(getDb(), access.bodyId);
  return (
    <>
      <Breadcrumbs
        className="mb-2 text-sm"
        links={[
          { href: "/", label: "Organ och sammanträden" },
          { href: `/moten/${slug}`, label: `${protocol.body.name} ${protocol.meeting.date}` },
        ]}
        current="Skriv protokoll"
      />
      <h1 className="mb-4 text-3xl font-semibold">
        Protokoll: {protocol.body.name} {protocol.meeting.date}
      </h1>
      <ProtocolEditor
        protocol={protocol}
        meetingVersion={data.meetingVersion}
        attendanceVersion={data.attendanceVersion}
        signersVersion={data.signersVersion}
        paragraphVersions={data.paragraphVersions}
        secretaryPersonId={data.secretaryPersonId}
        people={data.people}
        today={today()}
        addFromTemplate={<TemplatePicker meetingId={access.id} slug={protocol.meeting.slug} templates={templates} />}
      />
    </>
  );
}
