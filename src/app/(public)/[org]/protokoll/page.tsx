import type { Metadata } from "next";
import Link from "next/link";
import { unstable_cache } from "next/cache";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { queryValue } from "@/domain/publication/public.rules";
import {
  archiveFacets,
  HIT_END,
  HIT_START,
  listArchive,
  SEARCH_RANKED_MAX,
  searchArchive,
} from "@/modules/publication";
import { ScannedMark } from "@/modules/historical";
import { getDb } from "@/server/db";
import { DataTable } from "@/ui/data-table";
import { inputClass } from "@/ui/form-feedback";
import { LabelledField } from "@/ui/labelled-field";
import { TitledSection } from "@/ui/titled-section";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = {
  title: "Protokoll",
  description: "Arkiv med justerade protokoll. Sök i fulltext och filtrera på organ och år.",
};

// The filter choices change only when a protocol is justerat (which revalidates "public"), per
// organisation. Search results are not cached: every distinct query would leave an entry behind.
const facetsOfArchive = unstable_cache(
  (organisationId: string) => archiveFacets(getDb(), organisationId),
  ["archive-facets"],
  { tags: ["public"], revalidate: false },
);

/** The organisation whose archive is searched: its id filters, its slug makes the addresses. */
interface Archive {
  organisationId: string;
  organisationSlug: string;
  /** /<org>/protokoll */
  path: string;
}

type Props = {
  params: Promise<{ org: string }>;
  searchParams: Promise<{
    q?: string | string[];
    organ?: string | string[];
    ar?: string | string[];
    sida?: string | string[];
  }>;
};

function Snippet({ text }: { text: string }) {
  // Matches arrive between control markers from ts_headline; text is rendered by React, never as HTML.
  const parts = text.split(new RegExp(`(${HIT_START}[^${HIT_END}]*${HIT_END})`));
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith(HIT_START) ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}

function pageHref(archive: Archive, params: Record<string, string | undefined>, page: number) {
  const sp = new URLSearchParams(
    Object.entries({ ...params, sida: String(page) }).filter((e): e is [string, string] => !!e[1]),
  );
  return `${archive.path}?${sp.toString()}`;
}

export default async function ArchivePage({ params: routeParams, searchParams }: Props) {
  const organisation = await organisationOr404(routeParams);
  const archive: Archive = {
    organisationId: organisation.id,
    organisationSlug: organisation.slug,
    path: `/${encodeURIComponent(organisation.slug)}/protokoll`,
  };
  const sp = await searchParams;
  // Repeated or hostile parameters are reduced to one clean value each.
  const q = queryValue(sp.q);
  const organ = queryValue(sp.organ, 80);
  const ar = queryValue(sp.ar, 4);
  const sida = queryValue(sp.sida, 5);
  const bodySlug = /^[a-z0-9-]{1,80}$/.test(organ) ? organ : null;
  const year = /^\d{4}$/.test(ar) ? Number(ar) : null;
  const page = /^\d{1,5}$/.test(sida) ? Math.max(1, Number(sida)) : 1;
  const facets = await facetsOfArchive(organisation.id);
  const params = { q: q || undefined, organ: bodySlug ?? undefined, ar: year ? String(year) : undefined };
  return (
    <>
      <h1 className="text-3xl font-semibold">Protokoll</h1>
      <form
        role="search"
        aria-label="Sök i protokollen"
        method="get"
        action={archive.path}
        className="mt-4 grid gap-3 rounded border border-slate-300 p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
      >
        <LabelledField id="q" label="Sök">
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="t.ex. Google Workspace"
            className={inputClass}
          />
        </LabelledField>
        <LabelledField id="organ" label="Organ">
          <select id="organ" name="organ" defaultValue={bodySlug ?? ""} className={inputClass}>
            <option value="">Alla</option>
            {facets.bodies.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </select>
        </LabelledField>
        <LabelledField id="ar" label="År">
          <select id="ar" name="ar" defaultValue={year ? String(year) : ""} className={inputClass}>
            <option value="">Alla</option>
            {facets.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </LabelledField>
        <button type="submit" className="rounded bg-[var(--color-brand)] px-4 py-2 font-semibold text-white">
          Sök
        </button>
      </form>
      {q ? (
        <SearchResults archive={archive} q={q} bodySlug={bodySlug} year={year} page={page} params={params} />
      ) : (
        <ArchiveList archive={archive} bodySlug={bodySlug} year={year} page={page} params={params} />
      )}
    </>
  );
}

/** What both lists read: the archive, the filters, the page, and the query the pager's links keep. */
interface ListProps {
  archive: Archive;
  bodySlug: string | null;
  year: number | null;
  page: number;
  params: Record<string, string | undefined>;
}

async function SearchResults({ archive, q, bodySlug, year, page, params }: ListProps & { q: string }) {
  const { total, more, hits } = await searchArchive(getDb(), {
    q,
    organisationSlug: archive.organisationSlug,
    bodySlug,
    year,
    page,
    pageSize: 20,
  });
  const pages = Math.max(1, Math.ceil(total / 20));
  // Past SEARCH_RANKED_MAX matching §§ the count is not exact: say so, and that the newest are ranked.
  const count = more
    ? `Fler än ${SEARCH_RANKED_MAX.toLocaleString("sv-SE")} träffar`
    : `${total} ${total === 1 ? "träff" : "träffar"}`;
  return (
    <TitledSection
      id="traffar"
      title={total === 0 ? `Inga träffar för "${q}"` : `${count} för "${q}"`}
      className="mt-6"
    >
      {more && (
        <p className="mt-2 text-sm text-[var(--color-muted)]">
          Sökningen rangordnar de {SEARCH_RANKED_MAX.toLocaleString("sv-SE")} senaste träffarna. Lägg till ett ord, välj
          organ eller år för att hitta fler.
        </p>
      )}
      <ol className="mt-3 space-y-4">
        {hits.map((h) => (
          <li key={`${h.href}-${h.number}`}>
            <Link href={h.href} className="font-semibold text-[var(--color-brand)] underline underline-offset-2">
              {h.number === null ? h.title : `§ ${h.number} ${h.title}`}
            </Link>
            <p className="text-sm text-[var(--color-muted)]">
              {h.bodyName}, {formatLongDate(h.meetingDate)}
              {h.scanned && <ScannedMark className="ml-2" />}
            </p>
            {h.snippet && (
              <p className="mt-1">
                <Snippet text={h.snippet} />
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager archive={archive} page={page} pages={pages} params={params} />
    </TitledSection>
  );
}

async function ArchiveList({ archive, bodySlug, year, page, params }: ListProps) {
  const { total, entries, pageSize } = await listArchive(getDb(), {
    organisationId: archive.organisationId,
    bodySlug,
    year,
    page,
  });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <TitledSection id="arkiv" title={`Justerade protokoll (${total})`} className="mt-6">
      {entries.length === 0 ? (
        <p className="mt-2">Inga justerade protokoll{bodySlug || year ? " med de valda filtren" : ""}.</p>
      ) : (
        <DataTable
          rows={entries}
          rowKey={(e) => e.href}
          columns={[
            {
              header: "Sammanträde",
              cell: (e) => (
                <>
                  <TextLink href={e.href}>{formatLongDate(e.meetingDate)}</TextLink>
                  {e.scanned && <ScannedMark className="ml-2" />}
                </>
              ),
            },
            { header: "Organ", cell: (e) => e.bodyName },
            { header: "Paragrafer", cell: (e) => e.paragraphs },
            { header: "Justerat", cell: (e) => e.adjustedOn ?? "–" },
          ]}
        />
      )}
      <Pager archive={archive} page={page} pages={pages} params={params} />
    </TitledSection>
  );
}

function Pager({ archive, page, pages, params }: Pick<ListProps, "archive" | "page" | "params"> & { pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Sidor" className="mt-4 flex gap-4">
      {page > 1 && (
        <Link href={pageHref(archive, params, page - 1)} className="text-[var(--color-brand)] underline">
          Föregående sida
        </Link>
      )}
      <span>
        Sida {page} av {pages}
      </span>
      {page < pages && (
        <Link href={pageHref(archive, params, page + 1)} className="text-[var(--color-brand)] underline">
          Nästa sida
        </Link>
      )}
    </nav>
  );
}
