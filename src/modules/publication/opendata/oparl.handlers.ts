// The OParl 1.1 endpoints: read through opendata.queries (public data only), map with oparl.ts,
// page with oparl-list.ts. Route files under src/app/api/oparl/v1 only pass their parameters here.
import { CORS_HEADERS, errorResponse, jsonResponse, notFound, type OpenDataRequest } from "./opendata.http";
import {
  findBody,
  findMembership,
  findOrganisation,
  findPublicFile,
  findPublicFileBytes,
  findPublicMeeting,
  findPublicPaper,
  findPublicPerson,
  listBodies,
  listMemberships,
  listOrganisations,
  listPublicMeetingIndex,
  listPublicPapers,
  listPublicPersons,
  type MeetingIndexRow,
} from "./opendata.queries";
import {
  oparlUrls,
  paperCreated,
  paperModified,
  toOParlAgendaItem,
  toOParlBody,
  toOParlFile,
  toOParlMeeting,
  toOParlMembership,
  toOParlOrganization,
  toOParlPaper,
  toOParlPerson,
  toOParlSystem,
  type BodyListName,
  type OParlObject,
  type OParlUrls,
} from "./oparl";
import { filterByDates, paginate, parseListQuery, type ListStamps } from "./oparl-list";

/** A list endpoint: parse page and filters (400 on bad values), filter, page, then load the page. */
async function listResponse<T>(
  r: OpenDataRequest,
  listUrl: string,
  rows: readonly T[],
  stamps: (row: T) => ListStamps,
  load: (row: T) => Promise<OParlObject | null> | OParlObject | null,
): Promise<Response> {
  const parsed = parseListQuery(r.url);
  if (!parsed.ok) return errorResponse(400, parsed.message);
  const page = paginate(filterByDates(rows, parsed.query, stamps), parsed.query, listUrl);
  const data = (await Promise.all(page.data.map(load))).filter((o): o is OParlObject => o !== null);
  return jsonResponse({ ...page, data });
}

/** An object endpoint: find the object by its key (404 when there is none), then map it. */
function objectHandler<Key extends string[], T>(
  find: (db: OpenDataRequest["db"], ...key: Key) => Promise<T | null>,
  toObject: (u: OParlUrls, row: T) => OParlObject,
): (r: OpenDataRequest, ...key: Key) => Promise<Response> {
  return async (r, ...key) => {
    const row = await find(r.db, ...key);
    return row ? jsonResponse(toObject(oparlUrls(r.baseUrl), row)) : notFound();
  };
}

/** A list of one organisation's objects (404 when there is no such organisation). */
function bodyListHandler<T>(
  name: BodyListName,
  list: (db: OpenDataRequest["db"], organisationSlug: string) => Promise<readonly T[]>,
  stamps: (row: T) => ListStamps,
  toObject: (u: OParlUrls, row: T) => OParlObject,
): (r: OpenDataRequest, organisationSlug: string) => Promise<Response> {
  return async (r, organisationSlug) => {
    if (!(await findOrganisation(r.db, organisationSlug))) return notFound();
    const u = oparlUrls(r.baseUrl);
    const rows = await list(r.db, organisationSlug);
    return listResponse(r, u.bodyList(organisationSlug, name), rows, stamps, (row) => toObject(u, row));
  };
}

const stampsOf = (o: { createdAt: string; updatedAt: string }): ListStamps => ({
  created: o.createdAt,
  modified: o.updatedAt,
});

export async function getSystem(r: OpenDataRequest): Promise<Response> {
  return jsonResponse(toOParlSystem(oparlUrls(r.baseUrl)));
}

export async function listBodiesResponse(r: OpenDataRequest): Promise<Response> {
  const u = oparlUrls(r.baseUrl);
  return listResponse(r, u.bodies, await listOrganisations(r.db), stampsOf, (o) => toOParlBody(u, o));
}

export const getBody = objectHandler(findOrganisation, toOParlBody);

export const listBodyOrganizations = bodyListHandler("organization", listBodies, stampsOf, toOParlOrganization);
export const listBodyPersons = bodyListHandler("person", listPublicPersons, stampsOf, toOParlPerson);
// No change timestamps on seats: date filters keep them all rather than drop a changed one.
export const listBodyMemberships = bodyListHandler(
  "membership",
  listMemberships,
  () => ({ created: null, modified: null }),
  (u, m) => toOParlMembership(u, m),
);

async function meetingList(r: OpenDataRequest, listUrl: string, rows: MeetingIndexRow[]): Promise<Response> {
  const u = oparlUrls(r.baseUrl);
  return listResponse(
    r,
    listUrl,
    rows,
    (m) => ({ created: m.created, modified: m.modified }),
    async (m) => {
      const meeting = await findPublicMeeting(r.db, m.slug);
      return meeting ? toOParlMeeting(u, meeting.protocol, meeting.meta) : null;
    },
  );
}

export async function listBodyMeetings(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  if (!(await findOrganisation(r.db, organisationSlug))) return notFound();
  const rows = await listPublicMeetingIndex(r.db, { organisationSlug });
  return meetingList(r, oparlUrls(r.baseUrl).bodyList(organisationSlug, "meeting"), rows);
}

export async function listOrganizationMeetings(r: OpenDataRequest, bodyId: string): Promise<Response> {
  if (!(await findBody(r.db, bodyId))) return notFound();
  const rows = await listPublicMeetingIndex(r.db, { bodyId });
  return meetingList(r, oparlUrls(r.baseUrl).organizationMeetings(bodyId), rows);
}

export const listBodyPapers = bodyListHandler(
  "paper",
  listPublicPapers,
  (p) => ({ created: paperCreated(p), modified: paperModified(p) }),
  toOParlPaper,
);

export const getOrganization = objectHandler(findBody, toOParlOrganization);
export const getPerson = objectHandler(findPublicPerson, toOParlPerson);
export const getMembership = objectHandler(findMembership, toOParlMembership);
export const getMeeting = objectHandler(findPublicMeeting, (u, m) => toOParlMeeting(u, m.protocol, m.meta));

export async function getAgendaItem(r: OpenDataRequest, slug: string, rawNumber: string): Promise<Response> {
  if (!/^\d{1,6}$/.test(rawNumber)) return notFound();
  const meeting = await findPublicMeeting(r.db, slug);
  if (!meeting) return notFound();
  const index = meeting.protocol.paragraphs.findIndex((p) => p.number === Number(rawNumber));
  const paragraph = meeting.protocol.paragraphs[index];
  if (!paragraph) return notFound();
  return jsonResponse(toOParlAgendaItem(oparlUrls(r.baseUrl), meeting.protocol, meeting.meta, paragraph, index + 1));
}

export const getPaper = objectHandler(findPublicPaper, toOParlPaper);
export const getFile = objectHandler(findPublicFile, toOParlFile);

/**
 * The public PDF the File stands for: the same bytes and caching as /protokoll/<slug>/protokoll.pdf
 * (issued-copies findPublicPdf), so a signed original with confidential text never leaves here.
 * A rättelse or new notice dates replace the file: a shared cache keeps it at most a minute and a
 * browser asks again (the ETag makes that cheap).
 */
export async function downloadFile(r: OpenDataRequest, fileId: string): Promise<Response> {
  const file = await findPublicFileBytes(r.db, fileId);
  if (!file) return notFound("Filen finns inte eller är inte offentlig.");
  const headers = {
    ...CORS_HEADERS,
    "cache-control": "public, max-age=0, s-maxage=60, stale-while-revalidate=60",
    etag: `"${file.sha256}"`,
    "x-content-type-options": "nosniff",
  };
  if (r.ifNoneMatch?.split(",").some((tag) => tag.trim().replace(/^W\//, "") === headers.etag))
    return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      ...headers,
      "content-type": "application/pdf",
      "content-length": String(file.bytes.byteLength),
      "content-disposition": `inline; filename="${file.fileName}"`,
    },
  });
}
