import Link from "next/link";
import { listBodiesWithMeetings } from "@/server/protocol.queries";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { meetingStatusLabel } from "@/domain/vocabulary";
import { authorize, authorizeForBody, authorizeHistorical, meetingWhereForActor } from "@/server/authz";
import { getDb } from "@/server/db";
import { redirect } from "next/navigation";
import { getCurrentUser, getPasswordHolder, requireUser } from "@/server/session";
import { DataTable, linkClass } from "@/ui/data-table";
import { publicStartPath } from "@/app/(public)/old-addresses";
import { TextLink } from "@/ui/text-link";

export default async function HomePage() {
  // Citizens arrive here too: without an account the public notice board is the start page.
  // (An account that must choose its own password first goes to its account page: requireUser.)
  const current = (await getCurrentUser()) ?? (await getPasswordHolder());
  if (!current) redirect(await publicStartPath());
  const user = await requireUser("/");
  const all = await listBodiesWithMeetings(getDb(), meetingWhereForActor(user));
  // Bodies the user has a role in, or where they may read a meeting.
  const bodies = user.isAdmin
    ? all
    : all.filter((b) => b.meetings.length > 0 || user.bodyRoles.some((r) => r.bodyId === b.id));
  return (
    <>
      <h1 className="mb-6 text-3xl font-semibold">Organ och sammanträden</h1>
      {user.personId && (
        <p className="mb-6">
          Är du ledamot eller ersättare? Under <TextLink href="/mina-moten">Mina sammanträden</TextLink> finns dina
          kommande sammanträden med ärendelista och handlingar, och där anmäler du förhinder.
        </p>
      )}
      {bodies.length === 0 ? (
        <p>Det finns inga organ ännu.</p>
      ) : (
        <ul className="space-y-8">
          {bodies.map((body) => (
            <li key={`${body.organisationName}/${body.slug}`}>
              <section aria-labelledby={`organ-${body.slug}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`organ-${body.slug}`} className="text-2xl font-semibold">
                    {body.name}{" "}
                    <span className="text-base font-normal text-[var(--color-muted)]">– {body.organisationName}</span>
                  </h2>
                  {authorizeForBody(user, "meeting.create", body.id).ok && (
                    <Link
                      href={`/organ/${body.slug}/nytt-sammantrade`}
                      className="rounded bg-[var(--color-brand)] px-3 py-1.5 text-sm font-semibold text-white"
                    >
                      Nytt sammanträde<span className="sr-only"> för {body.name}</span>
                    </Link>
                  )}
                  {authorizeHistorical(user, "historical.read", body.id).ok && (
                    <Link
                      href={`/organ/${body.slug}/historiska`}
                      className="text-sm text-[var(--color-brand)] underline"
                    >
                      Inskannade protokoll<span className="sr-only"> för {body.name}</span>
                    </Link>
                  )}
                </div>
                <EarkivLinks body={body} user={user} />
                {body.meetings.length === 0 ? (
                  <p className="mt-2 text-[var(--color-muted)]">Inga sammanträden registrerade.</p>
                ) : (
                  <DataTable
                    caption={`Sammanträden för ${body.name}`}
                    rows={body.meetings}
                    rowKey={(m) => m.slug}
                    columns={[
                      {
                        header: "Datum",
                        cell: (m) => <TextLink href={`/moten/${m.slug}`}>{formatLongDate(m.date)}</TextLink>,
                      },
                      { header: "Plats", cell: (m) => m.place },
                      {
                        header: "Paragrafer",
                        cell: (m) =>
                          m.firstNumber === null
                            ? "–"
                            : m.firstNumber === m.lastNumber
                              ? `§ ${m.firstNumber}`
                              : `§§ ${m.firstNumber}–${m.lastNumber}`,
                      },
                      { header: "Status", cell: (m) => meetingStatusLabel[m.status] },
                    ]}
                  />
                )}
              </section>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * E-arkiv per year: every justerat protocol of the body from that year, one package each, for
 * those the permission table lets export them ("earkiv.export": the body's secretaries, admins).
 */
function EarkivLinks({
  body,
  user,
}: {
  body: Awaited<ReturnType<typeof listBodiesWithMeetings>>[number];
  user: Parameters<typeof authorize>[0];
}) {
  const exportable = (status: (typeof body.meetings)[number]["status"]) =>
    authorize(user, "earkiv.export", {
      bodyId: body.id,
      status,
      secretaryPersonId: null,
      chairPersonId: null,
      adjusterPersonIds: [],
    }).ok;
  const years = [
    ...new Set(body.meetings.filter((m) => exportable(m.status)).map((m) => Number(m.date.slice(0, 4)))),
  ].sort((a, b) => b - a);
  if (years.length === 0) return null;
  return (
    <p className="mt-1 text-sm">
      E-arkivpaket, alla justerade protokoll per år:{" "}
      {years.map((year, i) => (
        <span key={year}>
          {i > 0 && ", "}
          <a href={`/organ/${body.slug}/e-arkiv/${year}`} download className={linkClass}>
            {year}
            <span className="sr-only"> för {body.name}</span>
          </a>
        </span>
      ))}
    </p>
  );
}
