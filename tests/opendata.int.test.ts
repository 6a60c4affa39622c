// Open data on real PostgreSQL: the OParl 1.1 API, the Atom feed of notices and the iCalendar feed
// of sammanträdesdagar, called through the route handlers themselves. A draft must not show up
// anywhere; once justerat, the meeting does, validated against the OParl 1.1 JSON schemas shipped
// in tests/oparl-schema.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type AnySchemaObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { paperKey } from "@/modules/publication/opendata/oparl";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { getDb } from "@/server/db";
import { GET as oldFeedAtom } from "@/app/api/feeds/anslag.atom/route";
import { GET as oldFeedIcs } from "@/app/api/feeds/[org]/sammantraden.ics/route";
import { GET as feedAtom } from "@/app/api/feeds/[org]/anslag.atom/route";
import { GET as feedIcs } from "@/app/api/feeds/[org]/[bodySlug]/sammantraden.ics/route";
import { GET as bodyItem } from "@/app/api/oparl/v1/body/[org]/route";
import { GET as bodyList } from "@/app/api/oparl/v1/body/route";
import { GET as bodyMeetings } from "@/app/api/oparl/v1/body/[org]/meeting/route";
import { GET as bodyMemberships } from "@/app/api/oparl/v1/body/[org]/membership/route";
import { GET as bodyOrganizations } from "@/app/api/oparl/v1/body/[org]/organization/route";
import { GET as bodyPapers } from "@/app/api/oparl/v1/body/[org]/paper/route";
import { GET as bodyPersons } from "@/app/api/oparl/v1/body/[org]/person/route";
import { GET as fileDownload } from "@/app/api/oparl/v1/file/[id]/download/route";
import { GET as fileItem } from "@/app/api/oparl/v1/file/[id]/route";
import { GET as agendaItem } from "@/app/api/oparl/v1/meeting/[slug]/agendaitem/[number]/route";
import { GET as meetingItem } from "@/app/api/oparl/v1/meeting/[slug]/route";
import { GET as membershipItem } from "@/app/api/oparl/v1/membership/[id]/route";
import { GET as organizationItem } from "@/app/api/oparl/v1/organization/[id]/route";
import { GET as organizationMeetings } from "@/app/api/oparl/v1/organization/[id]/meeting/route";
import { GET as paperItem } from "@/app/api/oparl/v1/paper/[org]/[key]/route";
import { GET as personItem } from "@/app/api/oparl/v1/person/[id]/route";
import { GET as system } from "@/app/api/oparl/v1/system/route";
import { GET as publicPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { containsPersonalNumber } from "@/domain/publication/public.rules";
import { pdfInfo, pdfToText } from "@/pdf/testing/poppler";
import { asOwnerWithoutGuards } from "./support/owner";
import { contextFor, createSeededDatabase, EMAILS, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

// ajv's "url" format wants a host with a top-level domain, as a real deployment has.
const BASE = "https://paragraf.example.se";
const API = `${BASE}/api/oparl/v1`;
const PASSWORD = "paragraf-demo";
const OPARL = "https://schema.oparl.org/1.1/";
/** Words of § 61 that only the signed original may show once § 61 is confidential. */
const CONFIDENTIAL = ["Status rekryteringar", "strategi- och projektchef"];

let db: PrismaClient;
let drop: () => Promise<void>;
let ownerUrl: string;
let meetingId: string;
let direktionenId: string;
let kcbId: string;
const savedEnv = {
  APP_URL: process.env.APP_URL,
  DATABASE_URL: process.env.DATABASE_URL,
  SMTP_URL: process.env.SMTP_URL,
};

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const SCHEMA_DIR = path.join(import.meta.dirname, "oparl-schema");
for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"))) {
  const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as AnySchemaObject;
  ajv.addSchema(schema);
  // The OParl schemas refer to each other as "File.json" while their $id is ".../File".
  if (typeof schema.$id === "string" && schema.$id.startsWith(OPARL))
    ajv.addSchema({ ...schema, $id: `${schema.$id}.json` });
}

function validator(name: string): ValidateFunction {
  const v = ajv.getSchema(name.startsWith("https:") ? name : `${OPARL}${name}`);
  if (!v) throw new Error(`No schema ${name}`);
  return v;
}

function expectValid(name: string, data: unknown) {
  const validate = validator(name);
  const ok = validate(data);
  expect(
    ok ? [] : ajv.errorsText(validate.errors, { separator: "\n" }).split("\n"),
    `${name} ${JSON.stringify(data).slice(0, 200)}`,
  ).toEqual([]);
}

/** A list page: the envelope, then every object against its type's schema. */
function expectValidList(typeName: string, page: { data: unknown[] }) {
  expectValid("https://paragraf.invalid/oparl-schema/ObjectList", page);
  for (const item of page.data) {
    expect(item).toHaveProperty("type", `${OPARL}${typeName}`);
    expectValid(typeName, item);
  }
}

// ---------------------------------------------------------------------------------------------
// Calling the route handlers
// ---------------------------------------------------------------------------------------------

/** Every body served in this file, to look for e-mail addresses afterwards. */
const served: { url: string; text: string }[] = [];

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

async function record(url: string, res: Response) {
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  if (!res.headers.get("content-type")?.startsWith("application/pdf")) served.push({ url, text });
  // CORS on every answer, errors included.
  expect(res.headers.get("access-control-allow-origin"), url).toBe("*");
  return { res, bytes, text, json: <T = Record<string, unknown>>() => JSON.parse(text) as T };
}

async function get<P>(handler: Handler<P>, pathAndQuery: string, params: P, headers: Record<string, string> = {}) {
  const url = `${pathAndQuery.startsWith("http") ? "" : API}${pathAndQuery}`;
  return record(url, await handler(new Request(url, { headers }), { params: Promise.resolve(params) }));
}

async function getRoot(handler: (req: Request) => Promise<Response>, url: string) {
  return record(url, await handler(new Request(url)));
}

async function getJson<P>(handler: Handler<P>, pathAndQuery: string, params: P, status = 200) {
  const r = await get(handler, pathAndQuery, params);
  expect(r.res.status, `${pathAndQuery}: ${r.text.slice(0, 300)}`).toBe(status);
  expect(r.res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return r.json();
}

type ListPage = {
  data: Record<string, unknown>[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
};

const itsam = { org: "itsam" };
const seedMeeting = { slug: SEED_SLUG };

// ---------------------------------------------------------------------------------------------
// A small XML well-formedness check (enough for a generated Atom document)
// ---------------------------------------------------------------------------------------------

function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml version="1\.0" encoding="utf-8"\?>\n/, "");
  if (body === xml) problems.push("no XML declaration");
  const stack: string[] = [];
  let roots = 0;
  const token =
    /<!--[^]*?-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<[^]{0,20})/g;
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, text, stray] = m;
    if (stray !== undefined) problems.push(`stray markup: ${stray}`);
    else if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== "") problems.push(`text outside the root: ${text.slice(0, 20)}`);
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`bare &: ${text.slice(0, 40)}`);
    } else if (name !== undefined) {
      const attrNames = [...(attrs ?? "").matchAll(/([A-Za-z_][\w.:-]*)=/g)].map((a) => a[1]);
      if (new Set(attrNames).size !== attrNames.length) problems.push(`duplicate attribute in <${name}>`);
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs ?? "")) problems.push(`bare & in <${name}>`);
      if (closing) {
        if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`);
      } else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name);
      } else if (stack.length === 0) roots++;
    }
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  const created = await createSeededDatabase("opendata");
  db = created.db;
  drop = created.drop;
  ownerUrl = created.ownerUrl;
  // getDb() reads DATABASE_URL on its first call: point the route handlers at this database.
  process.env.DATABASE_URL = created.url;
  process.env.APP_URL = BASE;
  delete process.env.SMTP_URL; // mails are logged, not sent
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  direktionenId = created.direktionen.id;
  kcbId = created.kcb.id;
});

afterAll(async () => {
  await getDb().$disconnect();
  await drop?.();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the shipped schemas", () => {
  // Guards the validation itself: the $refs between the files resolve and formats are checked.
  it.each([
    ["System", { id: "inte en adress", type: `${OPARL}System`, oparlVersion: OPARL, body: `${API}/body` }],
    [
      "Body",
      {
        id: `${API}/body/x`,
        type: `${OPARL}Body`,
        name: "X",
        organization: API,
        person: API,
        meeting: API,
        paper: API,
      },
    ],
    [
      "Meeting",
      { id: `${API}/meeting/x`, type: `${OPARL}Meeting`, agendaItem: [{ id: `${API}/a`, type: `${OPARL}AgendaItem` }] },
    ],
    [
      "Meeting",
      {
        id: `${API}/meeting/x`,
        type: `${OPARL}Meeting`,
        resultsProtocol: { id: `${API}/file/x`, type: `${OPARL}File` },
      },
    ],
    ["Meeting", { id: `${API}/meeting/x`, type: `${OPARL}Meeting`, start: "2021-11-18 10:00" }],
    [
      "Person",
      {
        id: `${API}/person/x`,
        type: `${OPARL}Person`,
        membership: [{ id: `${API}/membership/x`, type: `${OPARL}Person` }],
      },
    ],
    ["Membership", { id: `${API}/membership/x`, type: `${OPARL}Membership`, startDate: "2019-01-01T00:00:00Z" }],
  ])("reject a broken %s", (name, data) => {
    expect(validator(name)(data)).toBe(false);
  });
});

describe("while the seed meeting is a draft", () => {
  it("serves the System and the Body, valid OParl 1.1, with CORS", async () => {
    const sys = await getJson(system, `${API}/system`, {});
    expectValid("System", sys);
    expect(sys).toMatchObject({ id: `${API}/system`, oparlVersion: OPARL, body: `${API}/body` });

    const bodies = await getJson(bodyList, `${API}/body`, {});
    expectValidList("Body", bodies as ListPage);
    const body = await getJson(bodyItem, "/body/itsam", itsam);
    expectValid("Body", body);
    expect(body).toMatchObject({ id: `${API}/body/itsam`, name: "Itsam", meeting: `${API}/body/itsam/meeting` });
    expect((bodies as ListPage).data).toEqual([body]);
  });

  it("answers 404 with a JSON body for the draft meeting and its §§", async () => {
    const body = await getJson(meetingItem, `/meeting/${SEED_SLUG}`, seedMeeting, 404);
    expect(body).toEqual({ error: { status: 404, message: "Objektet finns inte eller är inte offentligt." } });
    await getJson(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/59`, { ...seedMeeting, number: "59" }, 404);
    await getJson(meetingItem, "/meeting/finns-inte", { slug: "finns-inte" }, 404);
  });

  it("lists no meetings, papers or files of the draft", async () => {
    const meetings = await getJson(bodyMeetings, "/body/itsam/meeting", itsam);
    expect(meetings).toMatchObject({ data: [], pagination: { totalElements: 0, currentPage: 1, totalPages: 1 } });
    expectValidList("Meeting", meetings as ListPage);
    expect(
      (await getJson(organizationMeetings, `/organization/${direktionenId}/meeting`, { id: direktionenId })).data,
    ).toEqual([]);

    const papers = await getJson(bodyPapers, "/body/itsam/paper", itsam);
    expect(papers.data).toEqual([]);
    await getJson(paperItem, "/paper/itsam/itsam-2021-8", { org: "itsam", key: "itsam-2021-8" }, 404);

    // A stored PDF of a meeting that is not justerat (only possible by hand, as the owner with the
    // guards off) is not served either.
    const file = { id: "planted-file" };
    await asOwnerWithoutGuards(ownerUrl, (c) =>
      c.query(
        `INSERT INTO "ProtocolFile" (id, "meetingId", kind, bytes, sha256) VALUES ($1, $2, 'NOTICE', '\\x25504446', $3)`,
        [file.id, meetingId, "0".repeat(64)],
      ),
    );
    await getJson(fileItem, `/file/${file.id}`, { id: file.id }, 404);
    const download = await get(fileDownload, `/file/${file.id}/download`, { id: file.id });
    expect(download.res.status).toBe(404);
    await asOwnerWithoutGuards(ownerUrl, (c) => c.query(`DELETE FROM "ProtocolFile" WHERE id = $1`, [file.id]));
  });

  it("keeps the draft out of the Atom feed although its notice row exists", async () => {
    expect(await db.notice.count({ where: { meetingId } })).toBe(1);
    const feed = await get(feedAtom, `${BASE}/api/feeds/itsam/anslag.atom`, itsam);
    expect(feed.res.status).toBe(200);
    expect(feed.res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(xmlProblems(feed.text)).toEqual([]);
    expect(feed.text).not.toContain(SEED_SLUG);
    expect(feed.text).not.toContain("<entry>");
  });

  it("names only register people: members, not who is named in the draft", async () => {
    const persons = await getJson(bodyPersons, "/body/itsam/person", itsam);
    expectValidList("Person", persons as ListPage);
    const names = (persons as ListPage).data.map((p) => p.name);
    expect(names).toContain("Jacob Käll");
    // The secretary and the officials appear only in the draft so far.
    expect(names).not.toContain("Joakim Karlsson");
    expect(names).not.toContain("Henrik Remmerfelt");
    const karlsson = await db.person.findFirstOrThrow({ where: { name: "Joakim Karlsson" } });
    await getJson(personItem, `/person/${karlsson.id}`, { id: karlsson.id }, 404);
  });

  it("still shows the meeting date in the body's calendar (planning information), without a link", async () => {
    const ics = await get(feedIcs, `${BASE}/api/feeds/itsam/direktionen/sammantraden.ics`, {
      org: "itsam",
      bodySlug: "direktionen",
    });
    expect(ics.res.status).toBe(200);
    expect(ics.text).toContain("DTSTART;TZID=Europe/Stockholm:20211118T100000\r\n");
    expect(ics.text).not.toContain("URL:");
    expect(ics.text).not.toMatch(/Verksamhetsplan|Budget/i);
  });
});

describe("after justering", () => {
  let hash: string;
  let fileSha: string;

  beforeAll(async () => {
    // Before justering: the database refuses every change afterwards.
    const p61 = await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 61 } });
    await db.paragraph.update({ where: { id: p61.id }, data: { isConfidential: true } });
    const p64 = await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 64 } });
    const elisabet = await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } });
    await db.recusal.create({
      data: { paragraphId: p64.id, personId: elisabet.id, reason: "Närstående (850709-9805) berörs av beslutet." },
    });
    // The seed's real defects (as in signoff.int.test.ts).
    await fixSeedDefects(db, meetingId);

    const sent = await sendForAdjustment(await contextFor(db, "secretary"), { meetingId });
    expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true });
    for (const who of ["chair", "adjuster", "secretary"] as const) {
      expect((await signProtocol(await contextFor(db, who), { meetingId, password: PASSWORD })).ok).toBe(true);
    }
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { files: true } });
    expect(m.status).toBe("ADJUSTED");
    hash = m.contentHash!;
    fileSha = m.files.find((f) => f.kind === "PROTOCOL")!.sha256;
  });

  it("serves the meeting with AgendaItems 59-67, valid against Meeting (and through it AgendaItem, File, Location)", async () => {
    const meeting = await getJson(meetingItem, `/meeting/${SEED_SLUG}`, seedMeeting);
    expectValid("Meeting", meeting);
    const items = meeting.agendaItem as Record<string, unknown>[];
    expect(items.map((i) => i.number)).toEqual(["59", "60", "61", "62", "63", "64", "65", "66", "67"]);
    for (const item of items) expectValid("AgendaItem", item);
    expect(meeting).toMatchObject({
      id: `${API}/meeting/${SEED_SLUG}`,
      name: "Direktionen 18 november 2021",
      start: "2021-11-18T10:00:00+01:00",
      end: "2021-11-18T12:00:00+01:00",
      organization: [`${API}/organization/${direktionenId}`],
      web: `${BASE}/itsam/protokoll/${SEED_SLUG}`,
      "paragraf:status": "ADJUSTED",
      "paragraf:contentHash": hash,
    });
    const notice = meeting["paragraf:notice"] as {
      postedOn: string;
      takeDownOn: string;
      appealEndsOn: string;
      storagePlace: string;
    };
    expect(Object.keys(notice).sort()).toEqual(["appealEndsOn", "postedOn", "storagePlace", "takeDownOn"]);
    expect(notice.appealEndsOn >= notice.postedOn).toBe(true);
    // The public copy (§ 61 withheld, personnummer masked), not the signed original.
    expect(meeting.resultsProtocol).toMatchObject({
      mimeType: "application/pdf",
      fileName: `${SEED_SLUG}-offentlig-kopia.pdf`,
    });
    expect((meeting.resultsProtocol as Record<string, unknown>)["paragraf:sha256Checksum"]).not.toBe(fileSha);
  });

  it("shows a confidential § with its number and title only", async () => {
    const meeting = await getJson(meetingItem, `/meeting/${SEED_SLUG}`, seedMeeting);
    const p61 = (meeting.agendaItem as Record<string, unknown>[]).find((i) => i.number === "61")!;
    expect(Object.keys(p61).sort()).toEqual(["id", "name", "number", "order", "paragraf:confidential", "type"]);
    expect(p61["paragraf:confidential"]).toBe(true);
    const single = await getJson(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/61`, { ...seedMeeting, number: "61" });
    expectValid("AgendaItem", single);
    expect(Object.keys(single).sort()).toEqual([
      "id",
      "meeting",
      "name",
      "number",
      "order",
      "paragraf:confidential",
      "type",
    ]);
  });

  it("carries presence and jäv per § as extensions, personnummer masked", async () => {
    const p64 = await getJson(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/64`, { ...seedMeeting, number: "64" });
    expectValid("AgendaItem", p64);
    expect(p64.meeting).toBe(`${API}/meeting/${SEED_SLUG}`);
    const presence = (p64["paragraf:presence"] as { name: string; role: string }[]).map((p) => `${p.name}: ${p.role}`);
    expect(presence).toContain("Christer Segerstéen: tjänstgörande ersättare");
    expect(presence).not.toContain("Elisabet Hagström: ledamot");
    expect(p64["paragraf:recusals"]).toEqual([
      expect.objectContaining({ name: "Elisabet Hagström", reason: "Närstående (ÅÅMMDD-XXXX) berörs av beslutet." }),
    ]);
    expect(p64["paragraf:votes"]).toEqual([]);
    const p59 = await getJson(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/59`, { ...seedMeeting, number: "59" });
    expect((p59["paragraf:presence"] as { name: string }[]).map((p) => p.name)).toContain("Roger Karlsson");
    await getJson(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/99`, { ...seedMeeting, number: "99" }, 404);
    await getJson(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/x`, { ...seedMeeting, number: "x" }, 404);
  });

  it("lists the meeting, and filters on modified_since / modified_until", async () => {
    const list = (await getJson(bodyMeetings, "/body/itsam/meeting", itsam)) as ListPage;
    expectValidList("Meeting", list);
    expect(list.data.map((m) => m.id)).toEqual([`${API}/meeting/${SEED_SLUG}`]);
    const modified = Date.parse(list.data[0]!.modified as string);
    const at = (ms: number) => encodeURIComponent(new Date(ms).toISOString());

    const total = async (query: string) =>
      ((await getJson(bodyMeetings, `/body/itsam/meeting?${query}`, itsam)) as ListPage).pagination.totalElements;
    expect(await total(`modified_since=${at(modified - 1000)}`)).toBe(1);
    expect(await total(`modified_since=${at(modified + 1000)}`)).toBe(0);
    expect(await total(`modified_until=${at(modified - 1000)}`)).toBe(0);
    expect(await total(`modified_since=${at(modified - 1000)}&modified_until=${at(modified + 1000)}`)).toBe(1);
    // "+01:00" written unencoded arrives as a space, and still works.
    expect(await total("modified_since=2000-01-01T00:00:00+01:00")).toBe(1);

    const byOrgan = (await getJson(organizationMeetings, `/organization/${direktionenId}/meeting`, {
      id: direktionenId,
    })) as ListPage;
    expect(byOrgan.data.map((m) => m.id)).toEqual([`${API}/meeting/${SEED_SLUG}`]);
    expect(
      ((await getJson(organizationMeetings, `/organization/${kcbId}/meeting`, { id: kcbId })) as ListPage).data,
    ).toEqual([]);
  });

  it("answers 400 with a Swedish JSON error for bad filters and pages", async () => {
    const bad = await getJson(bodyMeetings, "/body/itsam/meeting?modified_since=ig%C3%A5r", itsam, 400);
    expect(bad).toEqual({
      error: {
        status: 400,
        message: expect.stringMatching(
          /^Ogiltigt värde för modified_since: "igår"\. Ange datum och tid enligt ISO 8601/,
        ),
      },
    });
    expect(await getJson(bodyPersons, "/body/itsam/person?page=0", itsam, 400)).toMatchObject({
      error: { message: expect.stringMatching(/sidnummer/) },
    });
    await getJson(bodyPapers, "/body/itsam/paper?modified_until=2021-11-18", itsam, 400);
    await getJson(bodyMeetings, "/body/finns-inte/meeting", { org: "finns-inte" }, 404);
  });

  it("pages the person list with working links", async () => {
    const first = (await getJson(bodyPersons, "/body/itsam/person?elementsPerPage=4", itsam)) as ListPage;
    const total = first.pagination.totalElements;
    expect(total).toBeGreaterThan(8);
    expect(first.pagination).toEqual({
      totalElements: total,
      elementsPerPage: 4,
      currentPage: 1,
      totalPages: Math.ceil(total / 4),
    });
    expect(first.links.prev).toBeUndefined();
    const seen: string[] = [];
    let page: ListPage = first;
    for (let n = 1; ; n++) {
      expectValidList("Person", page);
      expect(page.pagination.currentPage).toBe(n);
      seen.push(...page.data.map((p) => p.id as string));
      if (!page.links.next) break;
      expect(page.links.next).toContain("elementsPerPage=4");
      page = (await getJson(bodyPersons, page.links.next, itsam)) as ListPage;
      expect(page.links.prev).toBeDefined();
    }
    expect(page.links.self).toBe(first.links.last);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // Now the protocol is public, the secretary and the officials named in it are too.
    const names = await Promise.all(
      seen.map(async (id) => (await getJson(personItem, id, { id: id.split("/").at(-1)! })).name),
    );
    expect(names).toEqual(expect.arrayContaining(["Joakim Karlsson", "Henrik Remmerfelt", "Jacob Käll"]));
    // Never the person without a public role.
    expect(names).not.toContain("Sekreterare Annat Organ");
  });

  it("serves Person, Membership, Organization valid, with name, role and municipality only", async () => {
    const jacob = await db.person.findFirstOrThrow({ where: { name: "Jacob Käll" } });
    const person = await getJson(personItem, `/person/${jacob.id}`, { id: jacob.id });
    expectValid("Person", person);
    expect(Object.keys(person).sort()).toEqual(["body", "created", "id", "membership", "modified", "name", "type"]);
    expect(person.membership).toEqual([
      expect.objectContaining({
        role: "ordförande",
        "paragraf:represents": "Vimmerby kommun",
        organization: `${API}/organization/${direktionenId}`,
      }),
    ]);

    const memberships = (await getJson(bodyMemberships, "/body/itsam/membership", itsam)) as ListPage;
    expectValidList("Membership", memberships);
    expect(memberships.pagination.totalElements).toBe(7);
    const membershipId = (memberships.data[0]!.id as string).split("/").at(-1)!;
    expectValid("Membership", await getJson(membershipItem, `/membership/${membershipId}`, { id: membershipId }));
    await getJson(membershipItem, "/membership/finns-inte", { id: "finns-inte" }, 404);

    const organizations = (await getJson(bodyOrganizations, "/body/itsam/organization", itsam)) as ListPage;
    expectValidList("Organization", organizations);
    expect(organizations.data.map((o) => o.name)).toEqual(["Direktionen", "Kommunchefsberedningen"]);
    const direktionen = await getJson(organizationItem, `/organization/${direktionenId}`, { id: direktionenId });
    expectValid("Organization", direktionen);
    expect((direktionen.membership as string[]).length).toBe(7);
    await getJson(organizationItem, "/organization/finns-inte", { id: "finns-inte" }, 404);
  });

  it("makes one Paper per case number of the public §§, none for the confidential §", async () => {
    const caseNumbers = await db.paragraph.findMany({
      where: { meetingId },
      select: { number: true, caseNumber: true },
    });
    const secret = caseNumbers.find((p) => p.number === 61)!.caseNumber!;
    const papers = (await getJson(bodyPapers, "/body/itsam/paper?elementsPerPage=100", itsam)) as ListPage;
    expectValidList("Paper", papers);
    const references = papers.data.map((p) => p.reference);
    expect(references).toHaveLength(8);
    expect(references).not.toContain(secret);
    await getJson(paperItem, `/paper/itsam/${paperKey(secret)}`, { org: "itsam", key: paperKey(secret) }, 404);

    const key = paperKey("ITSAM 2021/8");
    const paper = await getJson(paperItem, `/paper/itsam/${key}`, { org: "itsam", key });
    expectValid("Paper", paper);
    expect(paper).toMatchObject({ reference: "ITSAM 2021/8", body: `${API}/body/itsam`, date: "2021-11-18" });
    expect(paper.consultation).toEqual([
      expect.objectContaining({
        agendaItem: `${API}/meeting/${SEED_SLUG}/agendaitem/59`,
        meeting: `${API}/meeting/${SEED_SLUG}`,
      }),
    ]);
    expect(papers.data).toContainEqual(paper);
  });

  it("serves the public copy as File: its download has no confidential text and no personnummer", async () => {
    const meeting = await getJson(meetingItem, `/meeting/${SEED_SLUG}`, seedMeeting);
    const fileUrl = (meeting.resultsProtocol as { id: string }).id;
    const id = fileUrl.split("/").at(-1)!;
    const file = await getJson(fileItem, `/file/${id}`, { id });
    expectValid("File", file);
    expect(file).toMatchObject({
      id: fileUrl,
      accessUrl: `${fileUrl}/download`,
      downloadUrl: `${fileUrl}/download`,
      meeting: [meeting.id],
    });
    expect(meeting.resultsProtocol).toEqual(file);

    const download = await get(fileDownload, `/file/${id}/download`, { id });
    expect(download.res.status).toBe(200);
    expect(download.res.headers.get("content-type")).toBe("application/pdf");
    expect(download.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Not the signed original (§ 61 confidential, a personnummer in § 64): the public copy.
    const sha = createHash("sha256").update(download.bytes).digest("hex");
    expect(sha).not.toBe(fileSha);
    expect(file["paragraf:sha256Checksum"]).toBe(sha);
    expect(download.bytes.length).toBe(file.size);
    const text = pdfToText(download.bytes);
    expect(text).toContain("§ 61");
    expect(text).toContain("113 083");
    for (const secret of CONFIDENTIAL) expect(text).not.toContain(secret);
    expect(containsPersonalNumber(text), "personnummer in the PDF text").toBe(false);
    expect(text).toContain("ÅÅMMDD-XXXX");
    expect(
      containsPersonalNumber(pdfInfo(download.bytes) + pdfInfo(download.bytes, ["-meta"])),
      "personnummer in the metadata",
    ).toBe(false);
    // The same file as the public protocol page links, with the same caching: a rättelse replaces it.
    const page = await publicPdf(new Request(`${BASE}/protokoll/${SEED_SLUG}/protokoll.pdf`), {
      params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
    });
    expect(
      createHash("sha256")
        .update(Buffer.from(await page.arrayBuffer()))
        .digest("hex"),
    ).toBe(sha);
    expect(download.res.headers.get("cache-control")).toBe(page.headers.get("cache-control"));
    expect(download.res.headers.get("etag")).toBe(`"${sha}"`);
    const fresh = await get(fileDownload, `/file/${id}/download`, { id }, { "if-none-match": `"${sha}"` });
    expect(fresh.res.status).toBe(304);
    await getJson(fileItem, "/file/finns-inte", { id: "finns-inte" }, 404);
  });

  it("lists the notice in a well-formed Atom feed", async () => {
    const feed = await get(feedAtom, `${BASE}/api/feeds/itsam/anslag.atom`, itsam);
    expect(xmlProblems(feed.text)).toEqual([]);
    expect(feed.text).toContain(`<link rel="alternate" href="${BASE}/itsam/anslagstavla" type="text/html"/>`);
    const entries = feed.text.split("<entry>").slice(1);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toContain('<title type="text">Anslag: Direktionen 18 november 2021</title>');
    expect(entry).toContain(`<link rel="alternate" href="${BASE}/itsam/protokoll/${SEED_SLUG}" type="text/html"/>`);
    expect(entry).toMatch(/Anslaget: \d{4}-\d{2}-\d{2}\.\nTas ned: \d{4}-\d{2}-\d{2}\.\nSista dag att överklaga/);
    expect(entry).toContain("Förvaringsplats för protokollet: Itsam.");
  });

  it("has a VEVENT for 2021-11-18 in the body's iCalendar feed, now with a link", async () => {
    const ics = await get(feedIcs, `${BASE}/api/feeds/itsam/direktionen/sammantraden.ics`, {
      org: "itsam",
      bodySlug: "direktionen",
    });
    expect(ics.res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(ics.text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const unfolded = ics.text.replace(/\r\n[ \t]/g, "");
    const event = unfolded.slice(unfolded.indexOf("BEGIN:VEVENT"), unfolded.indexOf("END:VEVENT"));
    expect(event).toContain("DTSTART;TZID=Europe/Stockholm:20211118T100000\r\n");
    expect(event).toContain("DTEND;TZID=Europe/Stockholm:20211118T120000\r\n");
    expect(event).toContain("SUMMARY:Sammanträde: Direktionen\r\n");
    expect(event).toContain("LOCATION:Zoom\r\n");
    expect(event).toContain(`URL:${BASE}/itsam/protokoll/${SEED_SLUG}\r\n`);
    expect(event).toMatch(/UID:[0-9a-f-]{36}\r\n/);
    const empty = await get(feedIcs, `${BASE}/api/feeds/itsam/kommunchefsberedningen/sammantraden.ics`, {
      org: "itsam",
      bodySlug: "kommunchefsberedningen",
    });
    expect(empty.text).not.toContain("BEGIN:VEVENT");
    for (const params of [
      { org: "itsam", bodySlug: "finns-inte" },
      { org: "finns-inte", bodySlug: "direktionen" },
    ]) {
      const missing = await get(feedIcs, `${BASE}/api/feeds/${params.org}/${params.bodySlug}/sammantraden.ics`, params);
      expect(missing.res.status).toBe(404);
    }
  });

  it("leads the old feed addresses of a one-organisation installation to its feeds, query and all", async () => {
    const atom = await getRoot(oldFeedAtom, `${BASE}/api/feeds/anslag.atom?x=1`);
    expect(atom.res.status).toBe(308);
    expect(atom.res.headers.get("location")).toBe(`${BASE}/api/feeds/itsam/anslag.atom?x=1`);
    const ics = await get(oldFeedIcs, `${BASE}/api/feeds/direktionen/sammantraden.ics`, { org: "direktionen" });
    expect(ics.res.status).toBe(308);
    expect(ics.res.headers.get("location")).toBe(`${BASE}/api/feeds/itsam/direktionen/sammantraden.ics`);
  });

  it("never served an e-mail address", () => {
    expect(served.length).toBeGreaterThan(30);
    const email = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;
    for (const { url, text } of served) {
      expect(text, url).not.toMatch(email);
      for (const address of Object.values(EMAILS)) expect(text, url).not.toContain(address);
    }
  });
});
