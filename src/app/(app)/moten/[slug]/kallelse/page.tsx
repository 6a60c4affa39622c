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
import { authorize } from "@/server/authz";
import { requireReadableMeeting } from "@/server/session";
import { FactList } from "@/ui/fact-list";
import { today } from "@/server/clock";
import { checkSummons, summonsDeadlines } from "@/domain/rules/summons.rules";
import { toSwedishDate } from "@/lib/iso-date";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { ProposalSection } from "@/modules/agenda";
import {
  findKungorelseChanges,
  findSummons,
  findSummonsRecipients,
  SummonsAgenda,
  SummonsSendForm,
} from "@/modules/summons";
import { TitledSection } from "@/ui/titled-section";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Kallelse" };

type Props = { params: Promise<{ slug: string }> };

/**
 * Kallelse: the summons with the ärendelista, before the meeting. When the meeting has agenda
 * items (AgendaItem) the kallelse is made of them: the list, the PDF and the bundle, the send
 * form and the deadline (src/modules/summons). Without any, the §§ prepared in the draft stand
 * in for the ärenden, their decision text as the förslag till beslut (as before issue 15).
 */
export default async function SummonsPage({ params }: Props) {
  const { slug } = await params;
  const { user, access } = await requireReadableMeeting(slug, `/moten/${slug}/kallelse`);
  const summons = await findSummons(getDb(), { id: access.id });
  if (summons && summons.items.length > 0) {
    // Confidential ärenden and handlingar only for the body's own; a chair or justerare from outside
    // the body reads the public version (as the PDF they download).
    const entitled = authorize(user, "members.readConfidential", access).ok;
    return (
      <AgendaSummons
        summons={entitled ? summons : toPublicSummons(summons)}
        bodyId={access.bodyId}
        maySend={authorize(user, "summons.send", access).ok}
        publicVersion={!entitled}
      />
    );
  }
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
        <TitledSection id="kallade" title="Kallade" className="mt-6">
          <ul className="mt-2">
            {/* A ledamot recorded as frånvarande was called too. */}
            {[...groups.beslutande, ...groups.franvarande, ...groups.ersattare].map((rows) => (
              <li key={rows[0]!.personId}>{formatAttendanceLine(rows)}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm">Ledamot som inte kan delta meddelar sekreteraren, som kallar ersättare.</p>
        </TitledSection>
      )}
      <TitledSection id="arenden" title="Ärenden" className="mt-6">
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
              <ProposalSection intro={p.decision.intro} clauses={p.decision.clauses} />
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
      </TitledSection>
    </article>
  );
}

/** The kallelse made of the meeting's agenda items. */
async function AgendaSummons({
  summons,
  bodyId,
  maySend,
  publicVersion,
}: {
  summons: NonNullable<Awaited<ReturnType<typeof findSummons>>>;
  bodyId: string;
  maySend: boolean;
  publicVersion: boolean;
}) {
  const { meeting, body } = summons;
  const sentOn = meeting.summonsSentAt ? toSwedishDate(new Date(meeting.summonsSentAt)) : null;
  const deadlines = summonsDeadlines({
    meetingDate: meeting.date,
    bodyKind: body.kind,
    leadDays: body.summonsLeadDays,
  });
  const findings = checkSummons({
    meetingDate: meeting.date,
    bodyKind: body.kind,
    leadDays: body.summonsLeadDays,
    sentOn,
    today: today(),
  });
  const [recipients, kungorelseChanges] = await Promise.all([
    findSummonsRecipients(getDb(), bodyId, meeting.date),
    maySend ? findKungorelseChanges(getDb(), meeting.id) : null,
  ]);
  const withoutEmail = recipients.filter((r) => !r.email);
  const base = `/moten/${encodeURIComponent(meeting.slug)}/kallelse`;
  return (
    <article className="max-w-3xl">
      <p className="text-sm uppercase tracking-wide text-[var(--color-muted)]">{summons.organisation.name}</p>
      <h1 className="text-3xl font-semibold">Kallelse: {body.name}</h1>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">Datum</dt>
        <dd>{formatLongDate(meeting.date)}</dd>
        <dt className="font-medium">Plats och tid</dt>
        <dd>
          {[meeting.place, [meeting.startTime, meeting.endTime].filter(Boolean).join(" – ")]
            .filter(Boolean)
            .map((v, i) => (i === 1 ? `kl. ${v}` : v))
            .join(", ")}
        </dd>
        <dt className="font-medium">Skicka senast</dt>
        <dd>{deadlines.summonsBy}</dd>
        {deadlines.kungorelseBy && (
          <>
            <dt className="font-medium">Kungörelse senast</dt>
            <dd>{deadlines.kungorelseBy} (5 kap. 53 § kommunallagen)</dd>
          </>
        )}
        <dt className="font-medium">Skickad</dt>
        <dd>{sentOn ?? "Inte skickad"}</dd>
      </dl>
      {findings.length > 0 && (
        <ul role="status" aria-label="Varningar om kallelsen" className="mt-3 space-y-1">
          {findings.map((f) => (
            <li key={f.code} className="rounded border border-amber-700 bg-amber-50 p-2">
              {f.message}
            </li>
          ))}
        </ul>
      )}
      {kungorelseChanges && (
        <p role="status" className="mt-3 rounded border border-amber-700 bg-amber-50 p-2">
          Ärendelistan har ändrats efter kungörelsen {toSwedishDate(new Date(kungorelseChanges.postedAt))}.
          Anslagstavlan visar den aktuella listan och att den är ändrad. Skicka kallelsen igen för att kungöra den nya
          listan.
        </p>
      )}
      {publicVersion && (
        <p className="mt-3 rounded border border-slate-400 bg-slate-50 p-2">
          Du ser den offentliga versionen: ärenden och handlingar med sekretess visas bara för organets ledamöter,
          ersättare och sekreterare.
        </p>
      )}
      <p className="mt-4 flex flex-wrap gap-4">
        <TextLink href={`${base}/kallelse.pdf`} file>
          Kallelsen som PDF
        </TextLink>
        <TextLink href={`${base}/handlingar.pdf`} file>
          Kallelsen med handlingar (en PDF med bokmärken)
        </TextLink>
      </p>
      <TitledSection id="kallade" title="Kallade" className="mt-6">
        <p className="mt-2">
          {recipients.length === 0
            ? "Organet har inga ledamöter eller ersättare på sammanträdesdagen."
            : `${recipients.filter((r) => r.role === "MEMBER").length} ledamöter och ${recipients.filter((r) => r.role === "SUBSTITUTE").length} ersättare får kallelsen.`}
        </p>
        {withoutEmail.length > 0 && (
          <p className="mt-1">
            Saknar e-postadress och behöver kallas på annat sätt: {withoutEmail.map((r) => r.name).join(", ")}.
          </p>
        )}
        {maySend && (
          <SummonsSendForm
            meetingId={meeting.id}
            slug={meeting.slug}
            agendaVersion={meeting.agendaVersion}
            sentBefore={sentOn !== null}
          />
        )}
      </TitledSection>
      <TitledSection id="arenden" title="Ärenden" className="mt-6">
        <SummonsAgenda summons={summons} />
      </TitledSection>
    </article>
  );
}
