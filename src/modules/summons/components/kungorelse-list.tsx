// The kungörelser on the public anslagstavla (5 kap. 53 § KL): time, place and the ärenden of
// each fullmäktige meeting whose kallelse is sent. Takes only the public projection, and says where
// today's list differs from the one posted (src/domain/summons/kungorelse-changes.ts).
import { formatLongDate } from "@/domain/protocol/protocol.format";
import type { KungorelseChanges } from "@/domain/summons/kungorelse-changes";
import { swedishWeekdayName, toSwedishDate } from "@/lib/iso-date";
import { TextLink } from "@/ui/text-link";
import { BoardPosting } from "@/ui/board-posting";
import type { KungorelseDTO } from "../summons.queries";

/** "Ändrat efter kungörelsen" beside an ärende, or nothing. */
function itemMark(changes: KungorelseChanges | null, number: number): string {
  if (changes?.added.includes(number)) return " (tillkommit efter kungörelsen)";
  if (changes?.changed.includes(number)) return " (ändrat efter kungörelsen)";
  return "";
}

function ChangesNote({ changes }: { changes: KungorelseChanges }) {
  const removed =
    changes.removed === 0
      ? ""
      : changes.removed === 1
        ? " Ett ärende i kungörelsen är inte längre med på listan."
        : ` ${changes.removed} ärenden i kungörelsen är inte längre med på listan.`;
  return (
    <p className="mt-2 rounded border border-amber-700 bg-amber-50 p-2">
      Ärendelistan har ändrats efter kungörelsen {toSwedishDate(new Date(changes.postedAt))}. Listan nedan är den
      aktuella.{removed}
    </p>
  );
}

/**
 * `basePath`: the organisation's kungörelse addresses, /<org>/anslagstavla/kungorelse (the old
 * /anslagstavla/kungorelse leads there too).
 */
export function KungorelseList({
  kungorelser,
  basePath = "/anslagstavla/kungorelse",
}: {
  kungorelser: readonly KungorelseDTO[];
  basePath?: string;
}) {
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
            const base = `${basePath}/${encodeURIComponent(k.meeting.slug)}`;
            return (
              <li key={k.meeting.slug}>
                <BoardPosting
                  id={id}
                  heading={`${k.organisation.name}, ${k.body.name}: sammanträde ${formatLongDate(k.meeting.date)}`}
                  links={
                    <>
                      <TextLink href={`${base}/kallelse.pdf`} context={`för ${k.body.name} ${k.meeting.date}`} file>
                        Kallelsen som PDF
                      </TextLink>
                      <TextLink href={`${base}/handlingar.pdf`} context={`för ${k.body.name} ${k.meeting.date}`} file>
                        Kallelsen med offentliga handlingar
                      </TextLink>
                    </>
                  }
                >
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
                  {k.changes && <ChangesNote changes={k.changes} />}
                  <ol className="mt-1 list-none">
                    {k.items.map((item) => (
                      <li key={item.id}>
                        {item.number}. {item.title}
                        {itemMark(k.changes, item.number)}
                      </li>
                    ))}
                  </ol>
                </BoardPosting>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
