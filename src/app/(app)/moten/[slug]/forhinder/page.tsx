import type { Metadata } from "next";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findMeetingAbsences, PrefillAttendanceForm } from "@/modules/members";
import { requireFound } from "@/server/page-gate";
import { DataTable } from "@/ui/data-table";
import { MeetingBreadcrumbs } from "@/ui/breadcrumbs";
import { TitledSection } from "@/ui/titled-section";
import { DoneNote } from "@/ui/done-note";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ klart?: string }> };

export const metadata: Metadata = { title: "Förhinder och ersättare" };

const DONE: Record<string, string> = {
  forifylld: "Närvarolistan är förifylld: frånvarande ledamöter och de ersättare som föreslås tjänstgöra.",
  oforandrad: "Närvarolistan stämde redan med förhindren; inget ändrades.",
};

const stockholm = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "short",
  timeStyle: "short",
});

const ROLE = { MEMBER: "ledamot", SUBSTITUTE: "ersättare" } as const;

export default async function AbsencesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const data = await requireFound(`/moten/${slug}/forhinder`, findMeetingAbsences, slug);
  const done = DONE[(await searchParams).klart ?? ""];
  const { meeting } = data;
  return (
    <>
      <MeetingBreadcrumbs meeting={meeting} current="Förhinder" />
      <h1 className="mb-4 text-3xl font-semibold">
        Förhinder och ersättare – {meeting.body.name} {formatLongDate(meeting.date)}
      </h1>
      <DoneNote className="mb-4 font-medium">{done}</DoneNote>
      <TitledSection id="anmalda" title="Anmälda förhinder" headingClassName="text-2xl font-semibold">
        {data.absences.length === 0 ? (
          <p className="mt-2">Ingen har anmält förhinder.</p>
        ) : (
          <DataTable
            caption="Anmälda förhinder"
            rows={data.absences}
            rowKey={(a) => a.personId}
            columns={[
              { header: "Namn", cell: (a) => a.name },
              { header: "Roll", cell: (a) => (a.role ? ROLE[a.role] : "inte ledamot eller ersättare på dagen") },
              { header: "Parti/kommun", cell: (a) => a.represents || "–" },
              { header: "Meddelande", cell: (a) => a.note ?? "–" },
              { header: "Anmält", cell: (a) => stockholm.format(a.reportedAt) },
            ]}
          />
        )}
      </TitledSection>
      <TitledSection
        id="ersattare"
        title="Ersättare att kalla in"
        className="mt-8"
        headingClassName="text-2xl font-semibold"
      >
        <p className="mt-1 text-sm text-[var(--color-muted)]">
          Enligt ersättarordningen: först ersättare för samma parti eller kommun i ordning, därefter övriga i ordning.
        </p>
        {data.suggestions.length === 0 ? (
          <p className="mt-2">Ingen ledamot har anmält förhinder.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {data.suggestions.map((s) => (
              <li key={s.absent.personId}>{s.message}</li>
            ))}
          </ul>
        )}
        {data.canPrefill && data.absences.length > 0 && (
          <>
            <p className="mt-4">
              Förifyll närvarolistan: de frånvarande ledamöterna som frånvarande och de föreslagna ersättarna som
              tjänstgörande i deras ställe. Du kan ändra listan efteråt i protokollet.
            </p>
            <PrefillAttendanceForm meetingId={meeting.id} slug={meeting.slug} version={meeting.attendanceVersion} />
          </>
        )}
        {!data.canPrefill && meeting.status !== "DRAFT" && (
          <p className="mt-4">Protokollet är inte längre ett utkast; närvarolistan kan inte förifyllas.</p>
        )}
      </TitledSection>
    </>
  );
}
