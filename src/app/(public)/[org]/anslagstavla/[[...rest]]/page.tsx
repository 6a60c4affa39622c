import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { unstable_cache } from "next/cache";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { listNoticesUp, publicProtocolPath } from "@/modules/publication";
import { KungorelseList, listKungorelser } from "@/modules/summons";
import { getDb } from "@/server/db";
import { today } from "@/server/clock";
import { FactList, noticeKeepingFacts } from "@/ui/fact-list";
import { TextLink } from "@/ui/text-link";
import { BoardPosting } from "@/ui/board-posting";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";

export const metadata: Metadata = {
  title: "Anslagstavla",
  description: "Den officiella anslagstavlan: justerade protokoll som är anslagna och hur man överklagar.",
};

// What is up follows from the notice dates and the clock; no job takes notices down. The page is
// rendered on request and kept in the route cache for 30 seconds (next.config.mjs expireTime: an
// older copy is never served, it is rendered anew first), and a justering or a change of notice
// dates revalidates "public" at once. So at midnight the board is at most half a minute late.
// One board per organisation (/<org>/anslagstavla), each cached under its own address and, in
// the data cache, under the organisation's id. Not rendered at build time (no static params).
// /<org>/anslagstavla/<anything> is a 404 rendered by this page (the optional catch-all), never
// stored, like every made-up address.
export const revalidate = 30;
export async function generateStaticParams(): Promise<{ org: string; rest?: string[] }[]> {
  return [];
}

const noticesUp = unstable_cache(
  (day: string, organisationId: string) => listNoticesUp(getDb(), day, organisationId),
  ["notices-up"],
  { tags: ["public"], revalidate: 30 },
);

// Fullmäktige's kungörelser (time, place, public ärenden), up from the sending of the kallelse
// until the meeting day has passed; sending one revalidates "public".
const kungorelserUp = unstable_cache(
  (day: string, organisationId: string) => listKungorelser(getDb(), day, organisationId),
  ["kungorelser-up"],
  { tags: ["public"], revalidate: 30 },
);

export default async function NoticeBoardPage({ params }: { params: Promise<{ org: string; rest?: string[] }> }) {
  if ((await params).rest) notFound();
  const organisation = await organisationOr404(params);
  const base = `/${encodeURIComponent(organisation.slug)}`;
  const day = today();
  const [notices, kungorelser] = await Promise.all([
    noticesUp(day, organisation.id),
    kungorelserUp(day, organisation.id),
  ]);
  return (
    <>
      <h1 className="text-3xl font-semibold">Anslagstavla – {organisation.name}</h1>
      <p className="mt-2 max-w-prose">
        Här anslås att protokoll har justerats (8 kap. 9 och 12 §§ kommunallagen). Anslaget visar när protokollet
        justerades, var det förvaras och hur länge det går att överklaga besluten.
      </p>

      <section aria-labelledby="anslag-nu" className="mt-6">
        <h2 id="anslag-nu" className="text-xl font-semibold">
          Anslag just nu ({notices.length})
        </h2>
        {notices.length === 0 ? (
          <p className="mt-2">
            Inga protokoll är anslagna just nu. Äldre protokoll finns i{" "}
            <Link href={`${base}/protokoll`} className="text-[var(--color-brand)] underline">
              arkivet
            </Link>
            .
          </p>
        ) : (
          <ul className="mt-3 space-y-4">
            {notices.map((n) => (
              <li key={n.slug}>
                <BoardPosting
                  id={`anslag-${n.slug}`}
                  heading={`${n.organisationName}, ${n.bodyName}: sammanträde ${formatLongDate(n.meetingDate)}`}
                  links={
                    <>
                      <TextLink
                        href={publicProtocolPath(organisation.slug, n.slug)}
                        context={`från ${n.bodyName} ${n.meetingDate}`}
                      >
                        Läs protokollet
                      </TextLink>
                      <TextLink
                        href={`${publicProtocolPath(organisation.slug, n.slug)}/anslag.pdf`}
                        context={`för ${n.bodyName} ${n.meetingDate}`}
                        file
                      >
                        Anslaget som PDF
                      </TextLink>
                    </>
                  }
                >
                  <FactList
                    facts={[
                      ["Organ", n.bodyName],
                      ["Sammanträdesdatum", n.meetingDate],
                      ["Protokollet justerat", n.adjustedOn ?? "–"],
                      ["Anslaget sätts upp", n.postedOn],
                      ["Anslaget tas ned", n.takeDownOn],
                      ["Sista dag att överklaga", n.appealEndsOn],
                      ...noticeKeepingFacts(n),
                    ]}
                  />
                </BoardPosting>
              </li>
            ))}
          </ul>
        )}
      </section>

      {kungorelser.length > 0 && (
        <KungorelseList kungorelser={kungorelser} basePath={`${base}/anslagstavla/kungorelse`} />
      )}

      <section aria-labelledby="overklaga" className="mt-10 max-w-prose">
        <h2 id="overklaga" className="text-xl font-semibold">
          Så överklagar du ett beslut (laglighetsprövning)
        </h2>
        <p className="mt-2">
          Alla som är medlemmar i kommunen – eller, för ett kommunalförbund, i någon av förbundets medlemskommuner – får
          begära att förvaltningsrätten prövar om ett beslut har fattats på ett lagligt sätt (13 kap. kommunallagen).
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          <li>
            Skriv vilket beslut du överklagar (organ, datum och paragraf) och varför du anser att det är olagligt.
          </li>
          <li>
            Skicka överklagandet till förvaltningsrätten. Det ska ha kommit in senast den dag som står under &quot;Sista
            dag att överklaga&quot;.
          </li>
          <li>
            Tiden är tre veckor från den dag anslaget sattes upp. Slutar den på en lördag, söndag eller helgdag får du
            lämna in nästa vardag.
          </li>
        </ul>
      </section>
    </>
  );
}
