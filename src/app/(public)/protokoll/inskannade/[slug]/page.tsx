import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findPublicHistoricalProtocol, HistoricalDetails } from "@/modules/historical";
import { getDb } from "@/server/db";
import { Breadcrumbs } from "@/ui/breadcrumbs";

// Read per request: one indexed lookup, and a registration or its removal shows at once.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** A public historical protocol, or a 404 (also for one registered as not public). */
async function protocolOr404(slug: string) {
  const protocol = await findPublicHistoricalProtocol(getDb(), slug);
  if (!protocol) notFound();
  return protocol;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await protocolOr404((await params).slug);
  return {
    title: `Inskannat protokoll ${p.body.name} ${p.meetingDate}`,
    description: `Protokoll från ${p.organisation.name}, ${p.body.name}, ${formatLongDate(p.meetingDate)}, justerat på papper; inskannat.`,
  };
}

export default async function PublicHistoricalPage({ params }: Props) {
  const protocol = await protocolOr404((await params).slug);
  return (
    <>
      <Breadcrumbs
        links={[{ href: "/protokoll", label: "Protokoll" }]}
        current={`${protocol.body.name} ${protocol.meetingDate}`}
      />
      <h1 className="mb-4 text-3xl font-semibold">{protocol.title}</h1>
      <HistoricalDetails protocol={protocol} pdfHref={`/protokoll/inskannade/${protocol.slug}/protokoll.pdf`} />
    </>
  );
}
