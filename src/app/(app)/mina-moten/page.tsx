import type { Metadata } from "next";
import Link from "next/link";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { listMyUpcomingMeetings, ReportAbsenceForm, WithdrawAbsenceForm } from "@/modules/members";
import { now, today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { DoneNote } from "@/ui/done-note";
import { ConfidentialBadge } from "@/ui/confidential-badge";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Mina sammanträden" };

const DONE: Record<string, string> = {
  forhinder: "Ditt förhinder är anmält. Sekreteraren har fått besked.",
  aterkallat: "Ditt förhinder är återkallat. Sekreteraren har fått besked.",
};

const time = (t: string | null) => (t ? `kl. ${t}` : "tid ej angiven");
const stockholm = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  dateStyle: "long",
  timeStyle: "short",
});

export default async function MyMeetingsPage({ searchParams }: { searchParams: Promise<{ klart?: string }> }) {
  const user = await requireUser("/mina-moten");
  const done = DONE[(await searchParams).klart ?? ""];
  const meetingDay = today();
  const meetings = await listMyUpcomingMeetings(getDb(), user, now(), meetingDay);
  return (
    <>
      <h1 className="mb-2 text-3xl font-semibold">Mina sammanträden</h1>
      <p className="mb-6 text-[var(--color-muted)]">
        Kommande sammanträden i de organ där du är ledamot eller ersättare, med ärendelistan och handlingarna.
      </p>
      <DoneNote className="mb-4 font-medium">{done}</DoneNote>
      {meetings.length === 0 ? (
        <p>Du har inga kommande sammanträden.</p>
      ) : (
        <ul className="space-y-10">
          {meetings.map((m) => {
            const label = `${m.body.name} ${formatLongDate(m.date)}`;
            return (
              <li key={m.id} id={`mote-${m.id}`}>
                <section aria-labelledby={`rubrik-${m.id}`}>
                  <h2 id={`rubrik-${m.id}`} className="text-2xl font-semibold">
                    {m.body.name}, {formatLongDate(m.date)}
                  </h2>
                  <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
                    <dt className="font-medium">Tid</dt>
                    <dd>
                      {time(m.startTime)}
                      {m.endTime ? `–${m.endTime}` : ""}
                    </dd>
                    <dt className="font-medium">Plats</dt>
                    <dd>{m.place}</dd>
                    <dt className="font-medium">Du är</dt>
                    <dd>{m.seatRole === "MEMBER" ? "ledamot" : "ersättare"}</dd>
                    <dt className="font-medium">Kallelse</dt>
                    <dd>{m.summonsSentAt ? `skickad ${stockholm.format(m.summonsSentAt)}` : "inte skickad ännu"}</dd>
                  </dl>
                  {m.date === meetingDay && (
                    // On the day: the member's own device during the meeting (begär ordet, replik, röst).
                    <p className="mt-3">
                      <Link
                        href={`/moten/${m.slug}/live/ledamot`}
                        className="rounded border-2 border-[var(--color-brand)] px-3 py-1 font-semibold text-[var(--color-brand)]"
                      >
                        Under sammanträdet: följ det och begär ordet här
                      </Link>
                    </p>
                  )}

                  <h3 className="mt-4 text-xl font-semibold">Ärendelista</h3>
                  {m.items.length === 0 ? (
                    <p className="mt-1">Inga ärenden på ärendelistan ännu.</p>
                  ) : (
                    <ol className="mt-2 space-y-4">
                      {m.items.map((item) => (
                        <li key={item.id} className="rounded border border-slate-300 p-3">
                          <h4 className="font-semibold">
                            {item.number}. {item.title}
                            {item.isConfidential && <ConfidentialBadge />}
                          </h4>
                          {item.caseNumber && <p className="text-sm">Dnr {item.caseNumber}</p>}
                          {(item.proposalIntro || item.proposalClauses.length > 0) && (
                            <div className="mt-2">
                              <p className="font-medium">Förslag till beslut</p>
                              {item.proposalIntro && <p>{item.proposalIntro}</p>}
                              {item.proposalClauses.length > 0 && (
                                <ul className="list-none pl-4">
                                  {item.proposalClauses.map((c, i) => (
                                    <li key={i}>att {c.replace(/^att\s+/i, "")}</li>
                                  ))}
                                </ul>
                              )}
                            </div>
                          )}
                          {item.documents.length > 0 && (
                            <div className="mt-2">
                              <p className="font-medium">Handlingar</p>
                              <ul className="list-disc pl-6">
                                {item.documents.map((d) => (
                                  <li key={d.id}>
                                    <TextLink href={`/mina-moten/handlingar/${d.id}`} file>
                                      {d.title}
                                      <span className="text-sm">
                                        {" "}
                                        ({d.mimeType === "application/pdf" ? "PDF" : "Word"}
                                        {d.isConfidential ? ", sekretess" : ""})
                                      </span>
                                    </TextLink>
                                  </li>
                                ))}
                              </ul>
                            </div>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}

                  <h3 className="mt-4 text-xl font-semibold">Förhinder</h3>
                  {m.absence ? (
                    <>
                      <p className="mt-1">
                        Du har anmält förhinder ({stockholm.format(m.absence.reportedAt)}).
                        {m.absence.note ? ` Ditt meddelande: ”${m.absence.note}”` : ""}
                      </p>
                      {m.absenceOpen && m.canReport && <WithdrawAbsenceForm meetingId={m.id} label={label} />}
                    </>
                  ) : m.absenceOpen && m.canReport ? (
                    <ReportAbsenceForm meetingId={m.id} label={label} />
                  ) : (
                    <p className="mt-1">Förhinder kan inte längre anmälas här. Hör av dig direkt till sekreteraren.</p>
                  )}
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
