import type { Metadata } from "next";
import {
  displayCaseNumber,
  formatLongDate,
  formatPlaceAndTime,
  groupAttendance,
  formatAttendanceLine,
} from "@/domain/protocol/protocol.format";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { getDb } from "@/server/db";
import { requireReadableMeeting } from "@/server/session";
import { FactList } from "@/ui/fact-list";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Kallelse" };

type Props = { params: Promise<{ slug: string }> };

/**
 * Kallelse: the summons with the agenda, printed before the meeting. Each § prepared in the
 * draft is an agenda item and its decision text is the proposal (förslag till beslut); at the
 * meeting the secretary only confirms or changes it.
 */
export default async function SummonsPage({ params }: Props) {
  const { slug } = await params;
  await requireReadableMeeting(slug, `/moten/${slug}/kallelse`);
  const protocol = (await findProtocolBySlug(getDb(), slug))!;
  const groups = groupAttendance(protocol.attendance);
  return (
    <article className="max-w-3xl">
      <p className="text-sm uppercase tracking-wide text-[var(--color-muted)]">{protocol.organisation.name}</p>
      <h1 className="text-3xl font-semibold">Kallelse: {protocol.body.name}</h1>
      <FactList
        className="mt-4"
        facts={[
          ["Datum", formatLongDate(protocol.meeting.date)],
          ["Plats och tid", formatPlaceAndTime(protocol.meeting)],
        ]}
      />
      {(groups.beslutande.length > 0 || groups.franvarande.length > 0 || groups.ersattare.length > 0) && (
        <section aria-labelledby="kallade" className="mt-6">
          <h2 id="kallade" className="text-xl font-semibold">
            Kallade
          </h2>
          <ul className="mt-2">
            {/* A ledamot recorded as frånvarande was called too. */}
            {[...groups.beslutande, ...groups.franvarande, ...groups.ersattare].map((rows) => (
              <li key={rows[0]!.personId}>{formatAttendanceLine(rows)}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm">Ledamot som inte kan delta meddelar sekreteraren, som kallar ersättare.</p>
        </section>
      )}
      <section aria-labelledby="arenden" className="mt-6">
        <h2 id="arenden" className="text-xl font-semibold">
          Ärenden
        </h2>
        <ol className="mt-2 space-y-5">
          {protocol.paragraphs.map((p, i) => (
            <li key={p.id} className="border-t border-slate-300 pt-3">
              <h3 className="text-lg font-semibold">
                {i + 1}. {p.title}
              </h3>
              {p.caseNumber && (
                <p className="text-[var(--color-muted)]">
                  {displayCaseNumber(p.caseNumber, protocol.organisation.caseNumberPrefix)}
                </p>
              )}
              {(p.decision.intro || p.decision.clauses.length > 0) && (
                <>
                  <h4 className="mt-2 font-medium">Förslag till beslut</h4>
                  <p>{p.decision.intro}</p>
                  {p.decision.clauses.length > 0 && (
                    <ul className="list-disc pl-6">
                      {p.decision.clauses.map((c, j) => (
                        <li key={j}>{c}</li>
                      ))}
                    </ul>
                  )}
                </>
              )}
              {p.basisDocuments.length > 0 && (
                <>
                  <h4 className="mt-2 font-medium">Beslutsunderlag</h4>
                  <ul>
                    {p.basisDocuments.map((d, j) => (
                      <li key={j}>{d}</li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
