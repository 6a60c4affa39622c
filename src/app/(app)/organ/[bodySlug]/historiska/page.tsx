import type { Metadata } from "next";
import Link from "next/link";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { formatRange } from "@/domain/rules/historical.rules";
import { listHistoricalProtocols } from "@/modules/historical";
import { authorizeHistorical } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireBodyPage } from "@/server/page-gate";
import { DataTable } from "@/ui/data-table";
import { DoneNote } from "@/ui/done-note";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Inskannade protokoll" };

type Props = {
  params: Promise<{ bodySlug: string }>;
  searchParams: Promise<{ registrerat?: string | string[]; borttaget?: string | string[] }>;
};

export default async function HistoricalListPage({ params, searchParams }: Props) {
  const { bodySlug } = await params;
  const sp = await searchParams;
  const { user, body } = await requireBodyPage(bodySlug, `/organ/${bodySlug}/historiska`, (user, bodyId) =>
    authorizeHistorical(user, "historical.read", bodyId),
  );
  const protocols = await listHistoricalProtocols(getDb(), body.id);
  const registered = typeof sp.registrerat === "string" ? protocols.find((p) => p.slug === sp.registrerat) : undefined;
  return (
    <>
      <h1 className="text-3xl font-semibold">Inskannade protokoll: {body.name}</h1>
      <p className="mt-2 max-w-prose">
        Protokoll som justerades på papper innan organet började använda Paragraf, registrerade med sina verkliga datum
        och den inskannade PDF-filen. De är inte signerade i Paragraf och kan inte ändras efter registreringen.
      </p>
      {registered && (
        <DoneNote>
          Protokollet från {formatLongDate(registered.meetingDate)} är registrerat
          {registered.isPublic ? " och syns i det offentliga arkivet" : " (inte offentligt)"}.
        </DoneNote>
      )}
      {typeof sp.borttaget === "string" && <DoneNote>Registreringen är borttagen.</DoneNote>}
      {authorizeHistorical(user, "historical.register", body.id).ok && (
        <p className="mt-4">
          <Link
            href={`/organ/${body.slug}/historiska/ny`}
            className="inline-block rounded bg-[var(--color-brand)] px-3 py-1.5 font-semibold text-white"
          >
            Registrera ett inskannat protokoll
          </Link>
        </p>
      )}
      {protocols.length === 0 ? (
        <p className="mt-6">Inga inskannade protokoll är registrerade.</p>
      ) : (
        <DataTable
          caption={`Inskannade protokoll för ${body.name}`}
          rows={protocols}
          rowKey={(p) => p.slug}
          columns={[
            {
              header: "Sammanträde",
              cell: (p) => (
                <TextLink href={`/organ/${body.slug}/historiska/${p.slug}`}>{formatLongDate(p.meetingDate)}</TextLink>
              ),
            },
            {
              header: "Paragrafer",
              cell: (p) => (p.firstNumber === null ? "–" : formatRange({ first: p.firstNumber, last: p.lastNumber! })),
            },
            { header: "Justerat", cell: (p) => p.adjustedOn },
            { header: "Offentligt", cell: (p) => (p.isPublic ? "Ja" : "Nej") },
          ]}
        />
      )}
    </>
  );
}
