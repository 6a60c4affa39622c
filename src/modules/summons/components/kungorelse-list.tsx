// The kungörelser on the public anslagstavla (5 kap. 53 § KL): time, place and the ärenden of
// each fullmäktige meeting whose kallelse is sent. Takes only the public projection.
import { formatLongDate } from "@/domain/protocol/protocol.format";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import { swedishWeekdayName } from "@/lib/iso-date";

export function KungorelseList({ kungorelser }: { kungorelser: readonly SummonsDTO[] }) {
  return (
    <section aria-labelledby="kungorelser" className="mt-8">
      <h2 id="kungorelser" className="text-xl font-semibold">
        Kungörelser om sammanträden ({kungorelser.length})
      </h2>
      <p className="mt-2 max-w-prose">
        Tid och plats för fullmäktiges sammanträden och de ärenden som ska behandlas tillkännages här minst en vecka
        före sammanträdesdagen (5 kap. 53 § kommunallagen).
      </p>
      {kungorelser.length === 0 ? (
        <p className="mt-2">Inga sammanträden är kungjorda just nu.</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {kungorelser.map((k) => {
            const time = [k.meeting.startTime, k.meeting.endTime].filter(Boolean).join(" – ");
            const id = `kungorelse-${k.meeting.slug}`;
            return (
              <li key={k.meeting.slug}>
                <article aria-labelledby={id} className="rounded border border-slate-300 p-4">
                  <h3 id={id} className="text-lg font-semibold">
                    {k.organisation.name}, {k.body.name}: sammanträde {formatLongDate(k.meeting.date)}
                  </h3>
                  <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
                    <dt className="font-medium">Tid</dt>
                    <dd>
                      {swedishWeekdayName(k.meeting.date)} {formatLongDate(k.meeting.date)}
                      {time && ` kl. ${time}`}
                    </dd>
                    <dt className="font-medium">Plats</dt>
                    <dd>{k.meeting.place}</dd>
                  </dl>
                  <h4 className="mt-3 font-medium">Ärenden</h4>
                  <ol className="mt-1 list-none">
                    {k.items.map((item) => (
                      <li key={item.id}>
                        {item.number}. {item.title}
                      </li>
                    ))}
                  </ol>
                  <p className="mt-3 flex flex-wrap gap-4">
                    <a
                      href={`/anslagstavla/kungorelse/${encodeURIComponent(k.meeting.slug)}/kallelse.pdf`}
                      className="text-[var(--color-brand)] underline underline-offset-2"
                    >
                      Kallelsen som PDF
                      <span className="sr-only">
                        {" "}
                        för {k.body.name} {k.meeting.date}
                      </span>
                    </a>
                    <a
                      href={`/anslagstavla/kungorelse/${encodeURIComponent(k.meeting.slug)}/handlingar.pdf`}
                      className="text-[var(--color-brand)] underline underline-offset-2"
                    >
                      Kallelsen med offentliga handlingar
                      <span className="sr-only">
                        {" "}
                        för {k.body.name} {k.meeting.date}
                      </span>
                    </a>
                  </p>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
