import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { unstable_cache } from "next/cache";
import { ExtractForm } from "@/ui/extract-form";
import { ProtocolView } from "@/ui/protocol-view";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findPublicProtocolWithCorrections, isPublicProtocolSlug, publicProtocolPath } from "@/modules/publication";
import { CorrectionsList } from "@/ui/corrections-list";
import { getDb } from "@/server/db";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { today } from "@/server/clock";
import { NO_RETENTION, namesWithdrawn, namesWithdrawnNote, noindexOn } from "@/domain/publication/retention";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";
import type { PublicOrganisation } from "@/server/public-organisation";

// A justerat protocol never changes (the database refuses it), so its public page is cached
// until something public changes (a rättelse or a new justering revalidates "public"), per day:
// the organisation's rule for old public copies (retention.ts) changes what is shown on a date.
// Keyed by the organisation too: a protocol is found under its own organisation's address only.
const publicProtocol = unstable_cache(
  async (slug: string, day: string, organisationId: string) =>
    findPublicProtocolWithCorrections(getDb(), slug, day, organisationId),
  ["public-protocol"],
  { tags: ["public"], revalidate: false },
);

type Props = { params: Promise<{ org: string; slug: string }> };

/**
 * The organisation and its protocol, or a 404 (also for another organisation's protocol under
 * this one's address). A made-up address must leave nothing behind: the existence check runs
 * before the data cache is asked, and the route cache does not store 404 pages
 * (src/server/route-cache-handler.mjs).
 */
async function protocolOr404(params: Props["params"]) {
  const organisation = await organisationOr404(params);
  const { slug } = await params;
  const protocol = (await isPublicProtocolSlug(getDb(), slug, organisation.id))
    ? await publicProtocol(slug, today(), organisation.id)
    : null;
  if (!protocol) notFound();
  return { organisation, protocol };
}

// Rendered on the first request and then served from the route cache: a justerat protocol does
// not change, and a rättelse, a new justering or new notice dates revalidate "public". Rendered
// again at most hourly so that the organisation's names and noindex rules take effect on their day.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<{ org: string; slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { protocol: p } = await protocolOr404(params);
  const rule = p.organisation.publicRetention ?? NO_RETENTION;
  return {
    title: `Protokoll ${p.body.name} ${p.meeting.date}`,
    description: `Justerat protokoll från ${p.organisation.name}, ${p.body.name}, ${formatLongDate(p.meeting.date)}.`,
    ...(noindexOn(rule, p.notice, today()) ? { robots: { index: false } } : {}),
  };
}

export default async function PublicProtocolPage({ params }: Props) {
  const { organisation, protocol } = await protocolOr404(params);
  return <ProtocolPage organisation={organisation} protocol={protocol} />;
}

function ProtocolPage({
  organisation,
  protocol,
}: {
  organisation: PublicOrganisation;
  protocol: Awaited<ReturnType<typeof protocolOr404>>["protocol"];
}) {
  const base = `/${encodeURIComponent(organisation.slug)}`;
  const path = publicProtocolPath(organisation.slug, protocol.meeting.slug);
  const hash = protocol.signatures[0]?.contentHash ?? null;
  return (
    <>
      <Breadcrumbs
        links={[{ href: `${base}/protokoll`, label: "Protokoll" }]}
        current={`${protocol.body.name} ${protocol.meeting.date}`}
      />
      <div className="no-print mb-6 rounded border border-slate-300 p-4">
        <p>
          <a
            href={`${path}/protokoll.pdf`}
            className="font-semibold text-[var(--color-brand)] underline underline-offset-2"
          >
            Ladda ner protokollet som PDF
          </a>
          {protocol.paragraphs.some((p) => p.isConfidential) && (
            <span className="ml-2 text-sm">(offentlig kopia: paragrafer med sekretess visas bara med rubrik)</span>
          )}
        </p>
        {namesWithdrawn(
          protocol.organisation.publicRetention ?? NO_RETENTION,
          protocol.meeting.adjustedOn,
          today(),
        ) && (
          <p className="mt-2 text-sm">{namesWithdrawnNote(protocol.organisation.publicRetention ?? NO_RETENTION)}</p>
        )}
        {hash && (
          <p className="mt-2 text-sm">
            Verifieringskod: <span className="break-all font-mono">{hash}</span> ·{" "}
            <Link href={`${base}/verifiera`} className="text-[var(--color-brand)] underline underline-offset-2">
              Verifiera protokollet
            </Link>
          </p>
        )}
      </div>
      <ExtractForm
        action={`${path}/utdrag`}
        paragraphs={protocol.paragraphs.filter((p) => !p.isConfidential)}
        note={
          protocol.paragraphs.some((p) => p.isConfidential)
            ? "Paragrafer med sekretess går inte att ta utdrag ur här."
            : undefined
        }
      />
      <ProtocolView protocol={protocol} />
      <CorrectionsList corrections={protocol.corrections ?? []} />
    </>
  );
}
