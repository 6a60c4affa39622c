import type { Metadata } from "next";
import type { IsoDate } from "@/lib/iso-date";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findToAdjust } from "@/modules/justering";
import { daysUntilAdjustmentDeadline } from "@/domain/rules/signoff.rules";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Att justera" };

function Deadline({ date, day }: { date: string; day: IsoDate }) {
  const { deadline, daysLeft } = daysUntilAdjustmentDeadline(date, day);
  return (
    <span className={daysLeft < 0 ? "font-semibold text-red-800" : undefined}>
      senast {deadline} (
      {daysLeft < 0 ? `${-daysLeft} dagar försenat` : daysLeft === 0 ? "i dag" : `${daysLeft} dagar kvar`})
    </span>
  );
}

/** Meetings, most urgent first (the justering deadline follows from the meeting date), each linked. */
function MeetingList({
  meetings,
  href,
  day,
}: {
  meetings: { slug: string; bodyName: string; date: string; duties?: string | null }[];
  href: (slug: string) => string;
  day: IsoDate;
}) {
  return (
    <ul className="mt-2 space-y-2">
      {[...meetings]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((m) => (
          <li key={m.slug}>
            <TextLink href={href(m.slug)}>
              {m.bodyName} {formatLongDate(m.date)}
            </TextLink>{" "}
            – justeras <Deadline date={m.date} day={day} />
            {m.duties && <span className="block text-sm">Du undertecknar som {m.duties}.</span>}
          </li>
        ))}
    </ul>
  );
}

export default async function ToAdjustPage() {
  const user = await requireUser("/att-justera");
  const { toSign, drafts } = await findToAdjust(getDb(), user);
  const day = today();
  return (
    <>
      <h1 className="text-3xl font-semibold">Att justera</h1>
      <section aria-labelledby="signera" className="mt-6">
        <h2 id="signera" className="text-xl font-semibold">
          Väntar på din underskrift
        </h2>
        {toSign.length === 0 ? (
          <p className="mt-2">Inga protokoll väntar på dig.</p>
        ) : (
          <MeetingList meetings={toSign} href={(slug) => `/moten/${slug}`} day={day} />
        )}
      </section>
      {drafts.length > 0 && (
        <section aria-labelledby="utkast" className="mt-8">
          <h2 id="utkast" className="text-xl font-semibold">
            Dina utkast
          </h2>
          <MeetingList meetings={drafts} href={(slug) => `/moten/${slug}/redigera`} day={day} />
        </section>
      )}
    </>
  );
}
