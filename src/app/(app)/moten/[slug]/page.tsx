import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { cache } from "react";
import { CheckerPanel } from "@/modules/protocol/components/checker-panel";
import { ProtocolView } from "@/modules/protocol/components/protocol-view";
import { isAdjusted, statusLabel } from "@/modules/protocol/protocol.format";
import { checkProtocol } from "@/modules/rules/protocol-checker";
import { findProtocolBySlug } from "@/modules/protocol/protocol.queries";
import { findMeetingAccess } from "@/modules/meeting/meeting.access";
import { authorize } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";

const loadProtocol = cache((slug: string) => findProtocolBySlug(getDb(), slug));

type Props = { params: Promise<{ slug: string }> };

/** The protocol if the signed-in user may read it; 404 otherwise (do not reveal that it exists). */
const loadReadable = cache(async (slug: string) => {
  const user = await requireUser(`/moten/${slug}`);
  const access = await findMeetingAccess(getDb(), { slug });
  if (!access || !authorize(user, "meeting.read", access).ok) return null;
  return loadProtocol(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const protocol = await loadReadable((await params).slug);
  return { title: protocol ? `${protocol.body.name} ${protocol.meeting.date}` : "Sammanträdet finns inte" };
}

export default async function MeetingPage({ params }: Props) {
  const protocol = await loadReadable((await params).slug);
  if (!protocol) notFound();
  return (
    <>
      <nav aria-label="Brödsmulor" className="no-print mb-4 text-sm">
        <Link href="/" className="text-[var(--color-brand)] underline underline-offset-2">Organ och sammanträden</Link>
        <span aria-hidden="true"> › </span>
        <span>{protocol.body.name} {protocol.meeting.date}</span>
      </nav>
      <p className="no-print mb-4 inline-block rounded bg-slate-100 px-2 py-1 text-sm">Status: {statusLabel[protocol.meeting.status]}</p>
      {!isAdjusted(protocol.meeting.status) && <CheckerPanel findings={checkProtocol(protocol, { now: new Date() })} />}
      <ProtocolView protocol={protocol} />
    </>
  );
}
