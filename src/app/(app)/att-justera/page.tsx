import type { Metadata } from "next";
import Link from "next/link";
import type { IsoDate } from "@/lib/iso-date";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { findToAdjust } from "@/modules/justering";
import { daysUntilAdjustmentDeadline } from "@/domain/rules/signoff.rules";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
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

export default async function ToAdjustPage() {
  const user = await requireUser("/att-justera");
  const { toSign, drafts } = await findToAdjust(getDb(), user);
  // Most urgent first: the justering deadline follows from the meeting date.
  const byDate = <T extends { date: string }>(xs: T[]) => [...xs].sort((a, b) => a.date.localeCompare(b.date));
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
          <ul className="mt-2 space-y-2">
            {byDate(toSign).map((m) => (
              <li key={m.slug}>
                <Link href={`/moten/${m.slug}`} className="text-[var(--color-brand)] underline underline-offset-2">
                  {m.bodyName} {formatLongDate(m.date)}
                </Link>{" "}
                – justeras <Deadline date={m.date} day={day} />
                {m.duties && <span className="block text-sm">Du undertecknar som {m.duties}.</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {drafts.length > 0 && (
        <section aria-labelledby="utkast" className="mt-8">
          <h2 id="utkast" className="text-xl font-semibold">
            Dina utkast
          </h2>
          <ul className="mt-2 space-y-2">
            {byDate(drafts).map((m) => (
              <li key={m.slug}>
                <Link
                  href={`/moten/${m.slug}/redigera`}
                  className="text-[var(--color-brand)] underline underline-offset-2"
                >
                  {m.bodyName} {formatLongDate(m.date)}
                </Link>{" "}
                – justeras <Deadline date={m.date} day={day} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
