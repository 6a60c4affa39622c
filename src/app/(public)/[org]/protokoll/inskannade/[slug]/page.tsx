import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findPublicHistoricalProtocol, HistoricalDetails } from "@/modules/historical";
import { getDb } from "@/server/db";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { publicProtocolPath } from "@/modules/publication";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";

// Read per request: one indexed lookup, and a registration or its removal shows at once.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ org: string; slug: string }> };

/**
 * The organisation and its public historical protocol, or a 404 (also for one registered as not
 * public, and for another organisation's).
 */
async function protocolOr404(params: Props["params"]) {
  const organisation = await organisationOr404(params);
  const protocol = await findPublicHistoricalProtocol(getDb(), (await params).slug, organisation.id);
  if (!protocol) notFound();
  return { organisation, protocol };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { protocol: p } = await protocolOr404(params);
  return {
    title: `Inskannat protokoll ${p.body.name} ${p.meetingDate}`,
    description: `Protokoll från ${p.organisation.name}, ${p.body.name}, ${formatLongDate(p.meetingDate)}, justerat på papper; inskannat.`,
  };
}

export default async function PublicHistoricalPage({ params }: Props) {
  const { organisation, protocol } = await protocolOr404(params);
  return (
    <>
      <Breadcrumbs
        links={[{ href: `/${encodeURIComponent(organisation.slug)}/protokoll`, label: "Protokoll" }]}
        current={`${protocol.body.name} ${protocol.meetingDate}`}
      />
      <h1 className="mb-4 text-3xl font-semibold">{protocol.title}</h1>
      <HistoricalDetails
        protocol={protocol}
        pdfHref={`${publicProtocolPath(organisation.slug, protocol.slug, true)}/protokoll.pdf`}
      />
    </>
  );
}
