// OParl external object lists (OParl 1.1, "Objektlisten und Paginierung"): paged with `page`,
// filtered with created_since/created_until/modified_since/modified_until, every page carrying
// `data`, `pagination` and `links`, with the filters kept in every link. Pure.
import { isIsoDate } from "@/lib/iso-date";

export const DEFAULT_ELEMENTS_PER_PAGE = 20;
/** OParl recommends at most 100 objects per page. */
export const MAX_ELEMENTS_PER_PAGE = 100;

const FILTERS = ["created_since", "created_until", "modified_since", "modified_until"] as const;
type FilterName = (typeof FILTERS)[number];

export interface ListQuery {
  page: number;
  elementsPerPage: number;
  /** Instants in milliseconds; absent when not asked for. */
  createdSince?: number;
  createdUntil?: number;
  modifiedSince?: number;
  modifiedUntil?: number;
  /** The filters as the client wrote them (normalised), for the links. */
  params: [string, string][];
}

export type ParseListQueryResult = { ok: true; query: ListQuery } | { ok: false; message: string };

// RFC 3339 date-time with a time zone, as OParl requires for these parameters.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

/** The instant of an RFC 3339 date-time ("2021-11-18T10:00:00+01:00"), or null if it is not one. */
export function parseDateTimeParam(raw: string): number | null {
  // An unencoded "+01:00" in a query string arrives as " 01:00".
  const value = raw.trim().replace(/ (\d{2}:?\d{2})$/, "+$1");
  const match = DATE_TIME.exec(value);
  if (!match || !isIsoDate(match[1]!)) return null;
  const millis = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(millis) ? null : millis;
}

const POSITIVE_INTEGER = /^[1-9]\d{0,8}$/;

export function parseListQuery(url: URL): ParseListQueryResult {
  const search = url.searchParams;
  const rawPage = search.get("page");
  if (rawPage !== null && !POSITIVE_INTEGER.test(rawPage.trim())) {
    return { ok: false, message: `Ogiltigt sidnummer (page) "${rawPage}": ange ett heltal från 1 och uppåt.` };
  }
  const rawPerPage = search.get("elementsPerPage");
  if (rawPerPage !== null && !POSITIVE_INTEGER.test(rawPerPage.trim())) {
    return {
      ok: false,
      message: `Ogiltigt antal per sida (elementsPerPage) "${rawPerPage}": ange ett heltal från 1 till ${MAX_ELEMENTS_PER_PAGE}.`,
    };
  }
  const query: ListQuery = {
    page: rawPage === null ? 1 : Number(rawPage.trim()),
    // A client may ask for a page size; the server keeps it within its own limit (OParl 1.1).
    elementsPerPage:
      rawPerPage === null ? DEFAULT_ELEMENTS_PER_PAGE : Math.min(Number(rawPerPage.trim()), MAX_ELEMENTS_PER_PAGE),
    params: [],
  };
  if (rawPerPage !== null) query.params.push(["elementsPerPage", String(query.elementsPerPage)]);
  const field: Record<FilterName, "createdSince" | "createdUntil" | "modifiedSince" | "modifiedUntil"> = {
    created_since: "createdSince",
    created_until: "createdUntil",
    modified_since: "modifiedSince",
    modified_until: "modifiedUntil",
  };
  for (const name of FILTERS) {
    const raw = search.get(name);
    if (raw === null) continue;
    const millis = parseDateTimeParam(raw);
    if (millis === null) {
      return {
        ok: false,
        message: `Ogiltigt värde för ${name}: "${raw}". Ange datum och tid enligt ISO 8601 med tidszon, till exempel 2021-11-18T00:00:00+01:00 eller 2021-11-17T23:00:00Z.`,
      };
    }
    query[field[name]] = millis;
    query.params.push([name, new Date(millis).toISOString()]);
  }
  return { ok: true, query };
}

/** Timestamps of a list entry; null when the data model keeps none (such entries always pass). */
export interface ListStamps {
  created: string | null;
  modified: string | null;
}

function within(stamp: string | null, since: number | undefined, until: number | undefined): boolean {
  if (stamp === null || (since === undefined && until === undefined)) return true;
  const t = Date.parse(stamp);
  return (since === undefined || t >= since) && (until === undefined || t <= until);
}

/** The entries that pass the created/modified filters (bounds inclusive), in their given order. */
export function filterByDates<T>(rows: readonly T[], query: ListQuery, stamps: (row: T) => ListStamps): T[] {
  return rows.filter((row) => {
    const s = stamps(row);
    return (
      within(s.created, query.createdSince, query.createdUntil) &&
      within(s.modified, query.modifiedSince, query.modifiedUntil)
    );
  });
}

export interface OParlPagination {
  totalElements: number;
  elementsPerPage: number;
  currentPage: number;
  totalPages: number;
}

export interface OParlLinks {
  first: string;
  prev?: string;
  self: string;
  next?: string;
  last: string;
}

export interface OParlListPage<T> {
  data: T[];
  pagination: OParlPagination;
  links: OParlLinks;
}

function pageUrl(listUrl: string, query: ListQuery, page: number): string {
  const url = new URL(listUrl);
  for (const [name, value] of query.params) url.searchParams.set(name, value);
  if (page > 1) url.searchParams.set("page", String(page));
  return url.toString();
}

/** One page of an already filtered, stably ordered list, with its pagination and links. */
export function paginate<T>(rows: readonly T[], query: ListQuery, listUrl: string): OParlListPage<T> {
  const totalPages = Math.max(1, Math.ceil(rows.length / query.elementsPerPage));
  const start = (query.page - 1) * query.elementsPerPage;
  const current = query.page;
  return {
    data: rows.slice(start, start + query.elementsPerPage),
    pagination: {
      totalElements: rows.length,
      elementsPerPage: query.elementsPerPage,
      currentPage: current,
      totalPages,
    },
    links: {
      first: pageUrl(listUrl, query, 1),
      ...(current > 1 ? { prev: pageUrl(listUrl, query, Math.min(current - 1, totalPages)) } : {}),
      self: pageUrl(listUrl, query, current),
      ...(current < totalPages ? { next: pageUrl(listUrl, query, current + 1) } : {}),
      last: pageUrl(listUrl, query, totalPages),
    },
  };
}
