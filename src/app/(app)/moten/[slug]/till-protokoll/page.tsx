import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgendaToProtocolForm, CreateItemForm, findAgendaToProtocol } from "@/modules/agenda";
import { agendaFateTerms } from "@/domain/vocabulary";
import { authorize } from "@/server/authz";
import { getDb } from "@/server/db";
import { findMeetingAccess } from "@/server/meeting-access";
import { requireUser } from "@/server/session";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { DataTable } from "@/ui/data-table";
import { TitledSection } from "@/ui/titled-section";
import { DoneNote } from "@/ui/done-note";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Från ärendelista till protokoll" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ klart?: string }> };

/**
 * From agenda to protocol: the secretary says what the meeting did with each ärende on the
 * ärendelista, and the draft gets its §§ in one step (src/modules/agenda).
 */
export default async function AgendaToProtocolPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser(`/moten/${slug}/till-protokoll`);
  const access = await findMeetingAccess(getDb(), { slug });
  if (!access || !authorize(user, "meeting.read", access).ok) notFound();
  const allowed = authorize(user, "agenda.toProtocol", access);
  if (!allowed.ok && allowed.reason === "forbidden") notFound();
  const view = (await findAgendaToProtocol(getDb(), access.id))!;
  const justDone = (await searchParams).klart === "1";
  const numbers = view.done.flatMap((d) => (d.paragraphNumber === null ? [] : [d.paragraphNumber]));
  return (
    <article className="max-w-3xl">
      <Breadcrumbs
        className="mb-4 text-sm"
        links={[{ href: `/moten/${slug}`, label: "Sammanträdet" }]}
        current="Från ärendelista till protokoll"
      />
      <h1 className="text-3xl font-semibold">Från ärendelista till protokoll</h1>
      <p className="mt-2">
        Välj vad sammanträdet gjorde med varje ärende. Paragraferna numreras i fortsättning på organets år och läggs
        sist i protokollets utkast, där du sedan skriver klart dem.
      </p>
      {justDone && (
        <DoneNote className="mt-4 font-medium">
          Ärendelistan är förd till protokollet. <TextLink href={`/moten/${slug}/redigera`}>Skriv protokollet</TextLink>
        </DoneNote>
      )}
      {!allowed.ok ? (
        <p role="status" className="mt-4 rounded border border-slate-400 bg-slate-50 p-3">
          {allowed.message}
        </p>
      ) : view.pending.length > 0 ? (
        <TitledSection id="att-fora-over" title="Ärenden att föra över" className="mt-6">
          <AgendaToProtocolForm view={view} />
        </TitledSection>
      ) : (
        !justDone && (
          <p className="mt-4 rounded border border-slate-400 bg-slate-50 p-3">
            {view.started
              ? "Alla ärenden på ärendelistan är förda till protokollet."
              : "Ärendelistan är tom. Lägg ärenden på sammanträdets ärendelista först."}
          </p>
        )
      )}
      {allowed.ok && (
        <TitledSection id="extra-arende" title="Extra ärende" className="mt-8">
          <p className="mt-1">
            Ett ärende som inte fanns med i kallelsen men togs upp vid sammanträdet. Det läggs sist på listan ovan och
            blir en paragraf som säger att det togs upp som extra ärende.
          </p>
          <CreateItemForm
            bodyId={access.bodyId}
            meetingId={view.meetingId}
            extraReturnTo={`/moten/${slug}/till-protokoll`}
          />
        </TitledSection>
      )}
      {view.done.length > 0 && (
        <TitledSection
          id="forda"
          title={
            <>
              Förda till protokollet
              {numbers.length > 0 && ` (§§ ${Math.min(...numbers)}–${Math.max(...numbers)})`}
            </>
          }
          className="mt-8"
        >
          <DataTable
            rows={view.done}
            rowKey={(d) => d.itemId}
            density="compact"
            className="mt-2 w-full text-left"
            rowClassName="border-b border-slate-200 align-top"
            columns={[
              {
                header: "Ärende",
                cell: (d) => (
                  <>
                    {d.title}
                    {d.caseNumber && <span className="block text-sm">{d.caseNumber}</span>}
                  </>
                ),
              },
              {
                header: "Utfall",
                cell: (d) => (
                  <>
                    {agendaFateTerms[d.fate].label}
                    {d.reason && <span className="block text-sm">Skäl: {d.reason}</span>}
                  </>
                ),
              },
              { header: "Paragraf", cell: (d) => (d.paragraphNumber === null ? "–" : `§ ${d.paragraphNumber}`) },
            ]}
          />
        </TitledSection>
      )}
    </article>
  );
}
