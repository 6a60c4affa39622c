// A historical protocol's metadata, the same on the public page and in the workspace: the mark
// that it was justerat on paper and is not signed in Paragraf, its dates, its §§ and its PDF.
import type { HistoricalProtocolDTO } from "@/domain/protocol/historical.types";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { formatRange, SCANNED_MARK } from "@/domain/rules/historical.rules";
import { toSwedishDate } from "@/lib/iso-date";
import { TitledSection } from "@/ui/titled-section";

export function ScannedMark({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-block rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 text-sm ${className}`}>
      {SCANNED_MARK}
    </span>
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("sv-SE", { maximumFractionDigits: 1 })} MB`;
}

export function HistoricalDetails({ protocol, pdfHref }: { protocol: HistoricalProtocolDTO; pdfHref: string }) {
  const range =
    protocol.firstNumber !== null && protocol.lastNumber !== null
      ? formatRange({ first: protocol.firstNumber, last: protocol.lastNumber })
      : "Inte angivna";
  return (
    <>
      <div role="note" className="rounded border-2 border-amber-700 bg-amber-50 p-4">
        <p className="font-semibold">{SCANNED_MARK}.</p>
        <p className="mt-1">
          Protokollet justerades på papper innan {protocol.organisation.name} började använda Paragraf. PDF-filen är en
          inskanning av originalet och visas exakt som den registrerades; Paragraf har inte signerat eller förseglat
          den. Originalet på papper gäller.
        </p>
      </div>
      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">Organisation</dt>
        <dd>{protocol.organisation.name}</dd>
        <dt className="font-medium">Organ</dt>
        <dd>{protocol.body.name}</dd>
        <dt className="font-medium">Sammanträde</dt>
        <dd>{formatLongDate(protocol.meetingDate)}</dd>
        <dt className="font-medium">Paragrafer</dt>
        <dd>{range}</dd>
        <dt className="font-medium">Justerat (på papper)</dt>
        <dd>{formatLongDate(protocol.adjustedOn)}</dd>
        <dt className="font-medium">Anslaget uppsatt</dt>
        <dd>{formatLongDate(protocol.postedOn)}</dd>
        <dt className="font-medium">Anslaget nedtaget</dt>
        <dd>{protocol.takeDownOn ? formatLongDate(protocol.takeDownOn) : "Okänt"}</dd>
        <dt className="font-medium">Registrerat i Paragraf</dt>
        <dd>{formatLongDate(toSwedishDate(new Date(protocol.registeredAt)))}</dd>
      </dl>
      {protocol.description && <p className="mt-4 max-w-prose whitespace-pre-line">{protocol.description}</p>}
      <p className="mt-6">
        <a href={pdfHref} className="font-semibold text-[var(--color-brand)] underline underline-offset-2">
          Ladda ner det inskannade protokollet (PDF, {megabytes(protocol.sizeBytes)})
        </a>
      </p>
      <p className="mt-2 text-sm">
        Kontrollsumma (SHA-256): <span className="break-all font-mono">{protocol.sha256}</span>
      </p>
      {protocol.paragraphs.length > 0 && (
        <TitledSection id="paragrafer" title="Paragrafer" className="mt-8">
          <p className="text-sm text-[var(--color-muted)]">
            Rubrikerna är inskrivna vid registreringen, för sökningen.
          </p>
          <ol className="mt-2 space-y-1">
            {protocol.paragraphs.map((p) => (
              <li key={p.number} id={`paragraf-${p.number}`}>
                <span className="font-semibold">§&nbsp;{p.number}</span> {p.title}
                {p.caseNumber && <span className="text-[var(--color-muted)]"> (Dnr {p.caseNumber})</span>}
              </li>
            ))}
          </ol>
        </TitledSection>
      )}
    </>
  );
}
