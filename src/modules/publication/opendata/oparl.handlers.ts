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
  type OParlObject,
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

export async function getBody(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  const org = await findOrganisation(r.db, organisationSlug);
  return org ? jsonResponse(toOParlBody(oparlUrls(r.baseUrl), org)) : notFound();
}

export async function listBodyOrganizations(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  if (!(await findOrganisation(r.db, organisationSlug))) return notFound();
  const u = oparlUrls(r.baseUrl);
  const bodies = await listBodies(r.db, organisationSlug);
  return listResponse(r, u.bodyList(organisationSlug, "organization"), bodies, stampsOf, (b) =>
    toOParlOrganization(u, b),
  );
}

export async function listBodyPersons(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  if (!(await findOrganisation(r.db, organisationSlug))) return notFound();
  const u = oparlUrls(r.baseUrl);
  const people = await listPublicPersons(r.db, organisationSlug);
  return listResponse(r, u.bodyList(organisationSlug, "person"), people, stampsOf, (p) => toOParlPerson(u, p));
}

export async function listBodyMemberships(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  if (!(await findOrganisation(r.db, organisationSlug))) return notFound();
  const u = oparlUrls(r.baseUrl);
  const memberships = await listMemberships(r.db, organisationSlug);
  // No change timestamps on seats: date filters keep them all rather than drop a changed one.
  return listResponse(
    r,
    u.bodyList(organisationSlug, "membership"),
    memberships,
    () => ({ created: null, modified: null }),
    (m) => toOParlMembership(u, m),
  );
}

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

export async function listBodyPapers(r: OpenDataRequest, organisationSlug: string): Promise<Response> {
  if (!(await findOrganisation(r.db, organisationSlug))) return notFound();
  const u = oparlUrls(r.baseUrl);
  const papers = await listPublicPapers(r.db, organisationSlug);
  return listResponse(
    r,
    u.bodyList(organisationSlug, "paper"),
    papers,
    (p) => ({ created: paperCreated(p), modified: paperModified(p) }),
    (p) => toOParlPaper(u, p),
  );
}

export async function getOrganization(r: OpenDataRequest, bodyId: string): Promise<Response> {
  const body = await findBody(r.db, bodyId);
  return body ? jsonResponse(toOParlOrganization(oparlUrls(r.baseUrl), body)) : notFound();
}

export async function getPerson(r: OpenDataRequest, personId: string): Promise<Response> {
  const person = await findPublicPerson(r.db, personId);
  return person ? jsonResponse(toOParlPerson(oparlUrls(r.baseUrl), person)) : notFound();
}

export async function getMembership(r: OpenDataRequest, membershipId: string): Promise<Response> {
  const membership = await findMembership(r.db, membershipId);
  return membership ? jsonResponse(toOParlMembership(oparlUrls(r.baseUrl), membership)) : notFound();
}

export async function getMeeting(r: OpenDataRequest, slug: string): Promise<Response> {
  const meeting = await findPublicMeeting(r.db, slug);
  return meeting ? jsonResponse(toOParlMeeting(oparlUrls(r.baseUrl), meeting.protocol, meeting.meta)) : notFound();
}

export async function getAgendaItem(r: OpenDataRequest, slug: string, rawNumber: string): Promise<Response> {
  if (!/^\d{1,6}$/.test(rawNumber)) return notFound();
  const meeting = await findPublicMeeting(r.db, slug);
  if (!meeting) return notFound();
  const index = meeting.protocol.paragraphs.findIndex((p) => p.number === Number(rawNumber));
  const paragraph = meeting.protocol.paragraphs[index];
  if (!paragraph) return notFound();
  return jsonResponse(toOParlAgendaItem(oparlUrls(r.baseUrl), meeting.protocol, meeting.meta, paragraph, index + 1));
}

export async function getPaper(r: OpenDataRequest, organisationSlug: string, key: string): Promise<Response> {
  const paper = await findPublicPaper(r.db, organisationSlug, key);
  return paper ? jsonResponse(toOParlPaper(oparlUrls(r.baseUrl), paper)) : notFound();
}

export async function getFile(r: OpenDataRequest, fileId: string): Promise<Response> {
  const file = await findPublicFile(r.db, fileId);
  return file ? jsonResponse(toOParlFile(oparlUrls(r.baseUrl), file)) : notFound();
}

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
