import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { unstable_cache } from "next/cache";
import { ExtractForm } from "@/ui/extract-form";
import { ProtocolView } from "@/ui/protocol-view";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findPublicProtocolWithCorrections, isPublicProtocolSlug } from "@/modules/publication";
import { CorrectionsList } from "@/ui/corrections-list";
import { getDb } from "@/server/db";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { today } from "@/server/clock";
import { NO_RETENTION, namesWithdrawn, namesWithdrawnNote, noindexOn } from "@/domain/publication/retention";

// A justerat protocol never changes (the database refuses it), so its public page is cached
// until something public changes (a rättelse or a new justering revalidates "public"), per day:
// the organisation's rule for old public copies (retention.ts) changes what is shown on a date.
const publicProtocol = unstable_cache(
  async (slug: string, day: string) => findPublicProtocolWithCorrections(getDb(), slug, day),
  ["public-protocol"],
  { tags: ["public"], revalidate: false },
);

type Props = { params: Promise<{ slug: string }> };

/**
 * The protocol, or a 404. A made-up address must leave nothing behind: the existence check runs
 * before the data cache is asked, and the route cache does not store 404 pages
 * (src/server/route-cache-handler.mjs).
 */
async function protocolOr404(slug: string) {
  const protocol = (await isPublicProtocolSlug(getDb(), slug)) ? await publicProtocol(slug, today()) : null;
  if (!protocol) notFound();
  return protocol;
}

// Rendered on the first request and then served from the route cache: a justerat protocol does
// not change, and a rättelse, a new justering or new notice dates revalidate "public". Rendered
// again at most hourly so that the organisation's names and noindex rules take effect on their day.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await protocolOr404((await params).slug);
  const rule = p.organisation.publicRetention ?? NO_RETENTION;
  return {
    title: `Protokoll ${p.body.name} ${p.meeting.date}`,
    description: `Justerat protokoll från ${p.organisation.name}, ${p.body.name}, ${formatLongDate(p.meeting.date)}.`,
    ...(noindexOn(rule, p.notice, today()) ? { robots: { index: false } } : {}),
  };
}

export default async function PublicProtocolPage({ params }: Props) {
  const protocol = await protocolOr404((await params).slug);
  const hash = protocol.signatures[0]?.contentHash ?? null;
  return (
    <>
      <Breadcrumbs
        links={[{ href: "/protokoll", label: "Protokoll" }]}
        current={`${protocol.body.name} ${protocol.meeting.date}`}
      />
      <div className="no-print mb-6 rounded border border-slate-300 p-4">
        <p>
          <a
            href={`/protokoll/${protocol.meeting.slug}/protokoll.pdf`}
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
            <Link href="/verifiera" className="text-[var(--color-brand)] underline underline-offset-2">
              Verifiera protokollet
            </Link>
          </p>
        )}
      </div>
      <ExtractForm
        action={`/protokoll/${protocol.meeting.slug}/utdrag`}
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
