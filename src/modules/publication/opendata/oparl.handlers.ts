// The OParl 1.1 endpoints: read through opendata.queries (public data only), map with oparl.ts,
// page with oparl-list.ts. Route files under src/app/api/oparl/v1 only pass their parameters here.
//
// Tenancy (issue 19.1): one OParl Body per organisation. Every endpoint enters the organisation of
// what it serves before it reads anything of it: /body/<org>/… and /paper/<org>/… the organisation
// of the address (enterPublicOrganisation); an object by its global id (meeting, file, person,
// membership, organization) the organisation it belongs to, found as the platform (findOwner: the
// organisation's id and slug, nothing else) — then every read filters on that organisation, and
// row-level security holds the request to it. Only the list of Bodies reads every organisation.
import { asPlatform, enterOrganisation } from "@/server/tenancy";
import { enterPublicOrganisation } from "@/server/public-organisation";
import { CORS_HEADERS, errorResponse, jsonResponse, notFound, type OpenDataRequest } from "./opendata.http";
import {
  findBody,
  findMembership,
  findOwner,
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
  type OrganisationRef,
  type OwnedObject,
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

type Db = OpenDataRequest["db"];

/**
 * Enters the organisation `kind` `key` belongs to (found as the platform); null when there is no
 * such object. findOwner is an async function, so its queries run inside asPlatform: a Prisma
 * query returned unawaited would run where it is awaited, in the request's scope.
 */
async function enterOwnerOf(r: OpenDataRequest, kind: OwnedObject, key: string): Promise<OrganisationRef | null> {
  const owner = await asPlatform(() => findOwner(r.db, kind, key));
  if (owner) enterOrganisation(owner.id);
  return owner;
}

/** An object by its global id: enter its organisation, find it there (404 when there is none), then map it. */
function objectHandler<T>(
  kind: OwnedObject,
  find: (db: Db, org: OrganisationRef, key: string) => Promise<T | null>,
  toObject: (u: OParlUrls, row: T) => OParlObject,
): (r: OpenDataRequest, key: string) => Promise<Response> {
  return async (r, key) => {
    const org = await enterOwnerOf(r, kind, key);
    const row = org && (await find(r.db, org, key));
    return row ? jsonResponse(toObject(oparlUrls(r.baseUrl), row)) : notFound();
  };
}

/** A list of one organisation's objects (404 when there is no such organisation). */
function bodyListHandler<T>(
  name: BodyListName,
  list: (db: Db, org: OrganisationRef) => Promise<readonly T[]>,
  stamps: (row: T) => ListStamps,
  toObject: (u: OParlUrls, row: T) => OParlObject,
): (r: OpenDataRequest, organisationSlug: string) => Promise<Response> {
  return async (r, organisationSlug) => {
    const org = await enterPublicOrganisation(organisationSlug);
    if (!org) return notFound();
    const u = oparlUrls(r.baseUrl);
    const rows = await list(r.db, org);
    return listResponse(r, u.bodyList(org.slug, name), rows, stamps, (row) => toObject(u, row));
  };
}

const stampsOf = (o: { createdAt: string; updatedAt: string }): ListStamps => ({
  created: o.createdAt,
  modified: o.updatedAt,
});

export async function getSystem(r: OpenDataRequest): Promise<Response> {
  return jsonResponse(toOParlSystem(oparlUrls(r.baseUrl)));
}

/**
 * Every organisation as an OParl Body: read as the platform, the organisations' own rows only
 * (name, kind, dates: what listPublicOrganisations shows, with what OParl asks of a Body).
 */
export async function listBodiesResponse(r: OpenDataRequest): Promise<Response> {
  const u = oparlUrls(r.baseUrl);
  const organisations = await asPlatform(() => listOrganisations(r.db));
  return listResponse(r, u.bodies, organisations, stampsOf, (o) => toOParlBody(u, o));
}

export async function getBody(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  const org = await enterPublicOrganisation(organisationSlug);
  const row = org && (await findOrganisation(r.db, org.slug));
  return row ? jsonResponse(toOParlBody(oparlUrls(r.baseUrl), row)) : notFound();
}

export const listBodyOrganizations = bodyListHandler("organization", listBodies, stampsOf, toOParlOrganization);
export const listBodyPersons = bodyListHandler("person", listPublicPersons, stampsOf, toOParlPerson);
// No change timestamps on seats: date filters keep them all rather than drop a changed one.
export const listBodyMemberships = bodyListHandler(
  "membership",
  listMemberships,
  () => ({ created: null, modified: null }),
  (u, m) => toOParlMembership(u, m),
);

async function meetingList(
  r: OpenDataRequest,
  org: OrganisationRef,
  listUrl: string,
  rows: MeetingIndexRow[],
): Promise<Response> {
  const u = oparlUrls(r.baseUrl);
  return listResponse(
    r,
    listUrl,
    rows,
    (m) => ({ created: m.created, modified: m.modified }),
    async (m) => {
      const meeting = await findPublicMeeting(r.db, org, m.slug);
      return meeting ? toOParlMeeting(u, meeting.protocol, meeting.meta) : null;
    },
  );
}

export async function listBodyMeetings(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  const org = await enterPublicOrganisation(organisationSlug);
  if (!org) return notFound();
  const rows = await listPublicMeetingIndex(r.db, org);
  return meetingList(r, org, oparlUrls(r.baseUrl).bodyList(org.slug, "meeting"), rows);
}

export async function listOrganizationMeetings(r: OpenDataRequest, bodyId: string): Promise<Response> {
  const org = await enterOwnerOf(r, "organization", bodyId);
  if (!org || !(await findBody(r.db, org, bodyId))) return notFound();
  const rows = await listPublicMeetingIndex(r.db, org, bodyId);
  return meetingList(r, org, oparlUrls(r.baseUrl).organizationMeetings(bodyId), rows);
}

export const listBodyPapers = bodyListHandler(
  "paper",
  listPublicPapers,
  (p) => ({ created: paperCreated(p), modified: paperModified(p) }),
  toOParlPaper,
);

export const getOrganization = objectHandler("organization", findBody, toOParlOrganization);
export const getPerson = objectHandler("person", findPublicPerson, toOParlPerson);
export const getMembership = objectHandler("membership", findMembership, toOParlMembership);
export const getMeeting = objectHandler("meeting", findPublicMeeting, (u, m) => toOParlMeeting(u, m.protocol, m.meta));

export async function getAgendaItem(r: OpenDataRequest, slug: string, rawNumber: string): Promise<Response> {
  if (!/^\d{1,6}$/.test(rawNumber)) return notFound();
  const org = await enterOwnerOf(r, "meeting", slug);
  const meeting = org && (await findPublicMeeting(r.db, org, slug));
  if (!meeting) return notFound();
  const index = meeting.protocol.paragraphs.findIndex((p) => p.number === Number(rawNumber));
  const paragraph = meeting.protocol.paragraphs[index];
  if (!paragraph) return notFound();
  return jsonResponse(toOParlAgendaItem(oparlUrls(r.baseUrl), meeting.protocol, meeting.meta, paragraph, index + 1));
}

/** A Paper lives under its organisation's address: /paper/<org>/<key>. */
export async function getPaper(r: OpenDataRequest, organisationSlug: string, key: string): Promise<Response> {
  const org = await enterPublicOrganisation(organisationSlug);
  const paper = org && (await findPublicPaper(r.db, org, key));
  return paper ? jsonResponse(toOParlPaper(oparlUrls(r.baseUrl), paper)) : notFound();
}

export const getFile = objectHandler("file", findPublicFile, toOParlFile);

/**
 * The public PDF the File stands for: the same bytes and caching as /<org>/protokoll/<slug>/protokoll.pdf
 * (issued-copies findPublicPdf), so a signed original with confidential text never leaves here.
 * A rättelse or new notice dates replace the file: a shared cache keeps it at most a minute and a
 * browser asks again (the ETag makes that cheap).
 */
export async function downloadFile(r: OpenDataRequest, fileId: string): Promise<Response> {
  const org = await enterOwnerOf(r, "file", fileId);
  const file = org && (await findPublicFileBytes(r.db, org, fileId));
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
