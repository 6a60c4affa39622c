import type { Metadata } from "next";
import { CreateItemForm, findMeetingAgenda, MeetingAgendaTable, PoolTable } from "@/modules/agenda";
import { agendaFateTerms, meetingStatusLabel } from "@/domain/vocabulary";
import { requireFound } from "@/server/page-gate";
import { MeetingBreadcrumbs } from "@/ui/breadcrumbs";
import { TitledSection } from "@/ui/titled-section";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Ärendelista" };

type Props = { params: Promise<{ slug: string }> };

export default async function MeetingAgendaPage({ params }: Props) {
  const { slug } = await params;
  const found = await requireFound(`/moten/${slug}/arenden`, findMeetingAgenda, slug);
  const { meeting, items, left, pool, can } = found;
  const returnTo = `/moten/${meeting.slug}/arenden`;
  return (
    <>
      <MeetingBreadcrumbs meeting={meeting} current="Ärendelista" />
      <h1 className="text-3xl font-semibold">
        Ärendelista: {meeting.body.name} {meeting.date}
      </h1>
      <p className="mt-2">
        {meeting.place}. Protokollet: {meetingStatusLabel[meeting.status]}.
        {!can.edit && meeting.status !== "DRAFT" && " Ärendelistan kan inte ändras längre."}
      </p>
      <TitledSection id="lista" title="Ärenden i ordning" className="mt-6">
        <MeetingAgendaTable meeting={meeting} items={items} canEdit={can.edit} />
      </TitledSection>
      {left.length > 0 && (
        <TitledSection id="lamnat" title="Bordlagda och återremitterade vid sammanträdet" className="mt-6">
          <p className="mt-1">
            De står kvar i kallelsen under sitt nummer men väntar nu i organets pool på ett senare sammanträde.
          </p>
          <ul className="mt-2 list-disc pl-6">
            {left.map((l) => (
              <li key={l.id}>
                {l.position === null ? "" : `${l.position}. `}
                <TextLink href={`/arenden/${l.id}`}>{l.title}</TextLink> – {agendaFateTerms[l.fate].word}
              </li>
            ))}
          </ul>
        </TitledSection>
      )}
      {can.edit && (
        <TitledSection id="nytt" title="Nytt ärende på listan" className="mt-6">
          <CreateItemForm bodyId={meeting.body.id} meetingId={meeting.id} />
        </TitledSection>
      )}
      <TitledSection id="pool" title="Ärenden som väntar i organets pool" className="mt-8">
        <p className="mt-1">
          <TextLink href={`/organ/${meeting.body.slug}/arenden`}>Hela ärendepoolen för {meeting.body.name}</TextLink>
        </p>
        <PoolTable
          pool={pool}
          canEdit={can.edit}
          meeting={{ id: meeting.id, date: meeting.date }}
          returnTo={returnTo}
          caption={`Ärenden i ${meeting.body.name}s pool`}
        />
      </TitledSection>
    </>
  );
}
