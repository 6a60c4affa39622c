// Property-based tests of the public route handlers (issue 8): the GET of every route.ts under
// src/app/(public) and src/app/api (except next-auth's), called with generated path parameters
// and query strings: slugs with ../ and %00, SQL, very long and unicode values, OParl `page` and
// date-filter garbage, mixed with real slugs and ids. Every answer is 200, 400 or 404, never 500,
// and no body shows a stack trace, a draft, confidential § text, an e-mail address or a
// personnummer. The public pages (React server components) are fuzzed in e2e/zz-crawl.spec.ts.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { addParagraph, saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { recordLiveEvent } from "@/modules/live/live.mutations";
import { readLiveFrame } from "@/modules/live/live.queries";
import type { LiveEventData } from "@/domain/rules/live.rules";
import { paperKey } from "@/modules/publication/opendata/oparl";
import { containsPersonalNumber } from "@/domain/publication/public.rules";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { findStackTrace, hostileString, longString, SQL_STRINGS, wellFormed } from "./support/fuzz-arbitraries";
import { pdfTextsToCheck } from "./support/pdf-leaks";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

import * as noticePdf from "@/app/(public)/[org]/protokoll/[slug]/anslag.pdf/route";
import * as protocolPdf from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import * as atomFeed from "@/app/api/feeds/[org]/anslag.atom/route";
import * as icsFeed from "@/app/api/feeds/[org]/[bodySlug]/sammantraden.ics/route";
import * as oparlBodies from "@/app/api/oparl/v1/body/route";
import * as oparlBody from "@/app/api/oparl/v1/body/[org]/route";
import * as oparlBodyMeetings from "@/app/api/oparl/v1/body/[org]/meeting/route";
import * as oparlBodyMemberships from "@/app/api/oparl/v1/body/[org]/membership/route";
import * as oparlBodyOrganizations from "@/app/api/oparl/v1/body/[org]/organization/route";
import * as oparlBodyPapers from "@/app/api/oparl/v1/body/[org]/paper/route";
import * as oparlBodyPersons from "@/app/api/oparl/v1/body/[org]/person/route";
import * as oparlFile from "@/app/api/oparl/v1/file/[id]/route";
import * as oparlFileDownload from "@/app/api/oparl/v1/file/[id]/download/route";
import * as oparlMeeting from "@/app/api/oparl/v1/meeting/[slug]/route";
import * as oparlAgendaItem from "@/app/api/oparl/v1/meeting/[slug]/agendaitem/[number]/route";
import * as oparlMembership from "@/app/api/oparl/v1/membership/[id]/route";
import * as oparlOrganization from "@/app/api/oparl/v1/organization/[id]/route";
import * as oparlOrganizationMeetings from "@/app/api/oparl/v1/organization/[id]/meeting/route";
import * as oparlPaper from "@/app/api/oparl/v1/paper/[org]/[key]/route";
import * as oparlPerson from "@/app/api/oparl/v1/person/[id]/route";
import * as oparlSystem from "@/app/api/oparl/v1/system/route";

const RUNS_PER_ROUTE = 600;
const BASE = "http://localhost:3000";
/** § 61 of the seed is made confidential before justering; none of its text may be published. */
const CONFIDENTIAL_TEXT = ["Status rekryteringar", "strategi- och projektchef", "skyddsronder"];
const DRAFT_TEXT = "Utkast som aldrig får synas";
/** § 60 of the seed gets a redacted name and a redacted passage before justering. */
const REDACTED_NAME = "Maja Privatsson";
const REDACTED_PASSAGE = "vård på grund av diagnosen kvistsjuka";
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
/**
 * Planted in tables no public route reads (attack review): the seed meeting's live log (a jäv
 * reason, a yrkande never written into the protocol) and a mail waiting in the outbox. The signing
 * revisions are covered by the redacted passage above: the document the signers signed (revision
 * 0 and each signature's revision) holds it unredacted.
 */
const PLANTED_TEXT = ["Livelogg-jävsskäl kvittrande", "Livelogg-yrkande kvittrande", "Utkorgshemlighet kvittrande"];

type Params = Record<string, string>;
type Get = (req: Request, ctx: { params: Promise<Params> }) => Promise<Response>;

let db: PrismaClient;
let drop: () => Promise<void>;
let real: {
  organisations: string[];
  bodySlugs: string[];
  bodyIds: string[];
  people: string[];
  memberships: string[];
  meetingSlugs: string[];
  numbers: string[];
  paperKeys: string[];
  files: string[];
};
/** What must never appear in a public answer: the draft's slug and ids. */
let secrets: string[];
let restoreRouteDatabase: () => Promise<void>;

beforeAll(async () => {
  const seeded = await createSeededDatabase("fuzzpub");
  ({ db, drop } = seeded);
  const seedMeeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
  await db.paragraph.updateMany({ where: { meetingId: seedMeeting.id, number: 61 }, data: { isConfidential: true } });
  // § 60 at the level "redacted" (issue 17.2): a private person's name on its list and a passage
  // marked in its text; neither may reach a public byte, the ground does.
  const p60 = await db.paragraph.update({
    where: { bodyId_year_number: { bodyId: seedMeeting.bodyId, year: 2021, number: 60 } },
    data: { redactedNames: [REDACTED_NAME], withholdingGround: "OSL 26 kap. 1 §", title: `Ärende om ${REDACTED_NAME}` },
  });
  const section = await db.paragraphSection.findFirstOrThrow({
    where: { paragraphId: p60.id },
    orderBy: { position: "asc" },
  });
  const content = section.content as unknown as RichDoc;
  await db.paragraphSection.update({
    where: { id: section.id },
    data: {
      content: {
        ...content,
        content: [
          ...content.content,
          {
            type: "paragraph",
            content: [
              { type: "text", text: `${REDACTED_NAME}s ansökan gäller ` },
              { type: "text", text: REDACTED_PASSAGE, marks: [{ type: "redacted" }] },
            ],
          },
        ],
      } as object,
    },
  });
  await plantInUnpublishedTables(seedMeeting.id);
  await justeraDemoMeeting(db);

  // A draft with its own text: neither may leak.
  const secretary = await contextFor(db, "secretary");
  const draft = await createMeeting(secretary, {
    bodyId: seeded.direktionen.id,
    date: "2022-02-10",
    startTime: "10:00",
    endTime: "",
    place: "Zoom",
    attendanceFrom: "none",
  });
  if (!draft.ok) throw new Error(draft.message);
  const paragraph = await addParagraph(secretary, { meetingId: draft.data.id, title: DRAFT_TEXT });
  if (!paragraph.ok) throw new Error(paragraph.message);
  const saved = await saveParagraph(secretary, {
    paragraphId: paragraph.data.id,
    version: 1,
    content: {
      caseNumber: "DRAFT 2022/1",
      title: DRAFT_TEXT,
      decision: { intro: DRAFT_TEXT, clauses: [] },
      sections: [],
      basisDocuments: [],
      dispatch: [],
      motions: [],
      propositions: [],
      votes: [],
      reservations: [],
      notes: [],
      recusals: [],
      isConfidential: false,
      isImmediatelyAdjusted: false,
    },
  });
  if (!saved.ok) throw new Error(saved.message);
  secrets = [
    draft.data.slug,
    draft.data.id,
    paragraph.data.id,
    DRAFT_TEXT,
    "DRAFT 2022/1",
    ...CONFIDENTIAL_TEXT,
    "Privatsson",
    "kvistsjuka",
    ...PLANTED_TEXT,
  ];

  const paragraphs = await db.paragraph.findMany({ select: { number: true, caseNumber: true } });
  real = {
    organisations: (await db.organisation.findMany({ select: { slug: true } })).map((o) => o.slug),
    bodySlugs: (await db.body.findMany({ select: { slug: true } })).map((b) => b.slug),
    bodyIds: (await db.body.findMany({ select: { id: true } })).map((b) => b.id),
    people: (await db.person.findMany({ select: { id: true } })).map((p) => p.id),
    memberships: (await db.membership.findMany({ select: { id: true } })).map((m) => m.id),
    meetingSlugs: [SEED_SLUG, draft.data.slug],
    numbers: [...new Set(paragraphs.map((p) => String(p.number)))],
    paperKeys: [...new Set(paragraphs.flatMap((p) => (p.caseNumber ? [paperKey(p.caseNumber)] : [])))],
    files: (await db.protocolFile.findMany({ select: { id: true } })).map((f) => f.id),
  };
  expect(real.files.length).toBeGreaterThan(0);

  // The route handlers read the database through getDb().
  restoreRouteDatabase = useRouteDatabase(seeded.url, { APP_URL: BASE });
}, 180_000);

/** The live log's and the outbox's planted texts (PLANTED_TEXT), through the app's own writes. */
async function plantInUnpublishedTables(meetingId: string) {
  const secretary = await contextFor(db, "secretary");
  const frame = await readLiveFrame(db, meetingId);
  const [first, second] = frame.seats.filter((s) => s.role === "MEMBER");
  const paragraph = frame.paragraphs[0];
  if (!first || !second || !paragraph) throw new Error("the seed has no seats or §§");
  const tap = async (event: LiveEventData) => {
    const r = await recordLiveEvent(secretary, { meetingId, clientEventId: randomUUID(), event });
    if (!r.ok) throw new Error(r.message);
  };
  await tap({ type: "current", paragraphId: paragraph.id });
  for (const seat of [first, second]) await tap({ type: "roll", personId: seat.personId, present: true });
  await tap({
    type: "recuse",
    personId: first.personId,
    paragraphId: paragraph.id,
    recused: true,
    reason: PLANTED_TEXT[0]!,
  });
  await tap({
    type: "motion",
    motionId: randomUUID(),
    paragraphId: paragraph.id,
    personId: second.personId,
    kind: "ANDRING",
    text: PLANTED_TEXT[1]!,
  });
  await db.mailOutbox.create({
    data: { kind: "test.planted", to: ["mottagare@itsam.example"], subject: PLANTED_TEXT[2]!, text: PLANTED_TEXT[2]! },
  });
  expect(await db.liveEvent.count({ where: { meetingId } })).toBe(5);
}

afterAll(async () => {
  await restoreRouteDatabase?.();
  const total = [...stats.values()].reduce((n, s) => n + s.runs, 0);
  console.log(
    `Fuzzed public routes (${total} requests):\n${[...stats].map(([route, s]) => `${route.padEnd(44)} ${String(s.runs).padStart(4)} runs ${(s.ms / 1000).toFixed(1).padStart(5)} s  ${JSON.stringify(s.statuses)}`).join("\n")}`,
  );
  await drop?.();
});

// ---------------------------------------------------------------------------------------------
// Generated parameters
// ---------------------------------------------------------------------------------------------

const PATH_STRINGS = [
  "..",
  "../",
  "../../etc/passwd",
  "..%2F..%2F",
  "%2e%2e%2f",
  "%00",
  "a%00b",
  ".",
  "/",
  "//",
  "\\",
  "?",
  "#",
  "%",
  "%zz",
  "*",
  "~",
  "NaN",
];

const hostileParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...PATH_STRINGS, ...SQL_STRINGS) },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: fc.webSegment() },
);

/** A real value (the lists are read in beforeAll), a mangled one, or a hostile one. */
const param = (values: () => readonly string[]) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constant(null).chain(() => (values().length ? fc.constantFrom(...values()) : hostileParam)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constant(null).chain(() => (values().length ? fc.constantFrom(...values()) : hostileParam)),
          fc.constantFrom("/..", "%00", "\u0000", "'", " ", "-2", "X", "\u00e5"),
        )
        .map(([v, suffix]) => v + suffix),
    },
    { weight: 4, arbitrary: hostileParam },
  );

const filterValue = fc.oneof(
  fc.constantFrom(
    "2021-11-18T00:00:00+01:00",
    "2021-11-17T23:00:00Z",
    "2021-11-18T00:00:00 01:00",
    "2021-02-30T00:00:00Z",
    "2021-11-18",
    "2021-11-18T25:00:00Z",
    "yesterday",
    "0",
    "-1",
    "9999-12-31T23:59:59Z",
    "",
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  hostileParam,
);
const pageValue = fc.oneof(
  fc.constantFrom("1", "2", "0", "-1", "1.5", "999999999", "1000000000", "1e3", " 2 ", "abc", "", "NaN", "0x10"),
  fc.integer().map(String),
  hostileParam,
);
const QUERY_KEYS = [
  "page",
  "elementsPerPage",
  "created_since",
  "created_until",
  "modified_since",
  "modified_until",
] as const;

/** A query string: OParl's paging and filters (with garbage), unknown keys, broken encoding. */
const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.tuple(fc.constantFrom<string>("page", "elementsPerPage"), pageValue),
          fc.tuple(fc.constantFrom<string>(...QUERY_KEYS.slice(2)), filterValue),
          fc.tuple(
            fc.oneof(fc.constantFrom("q", "sida", "<script>", "__proto__", "page[]"), hostileParam),
            hostileParam,
          ),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "page=%",
      "page=%00",
      "page=1&page=2",
      "modified_since=%E0%A4%A",
      "&&&",
      "=",
      "page",
      "%ZZ=1",
    ),
  },
);

interface Route {
  name: string;
  get: Get;
  /** The path (for the Request's URL) and the params the handler receives. */
  params: fc.Arbitrary<Params>;
  path: (p: Params) => string;
}

const none = fc.constant<Params>({});
const seg = encodeURIComponent;

const ROUTES: Route[] = [
  { name: "GET /api/oparl/v1/system", get: oparlSystem.GET as Get, params: none, path: () => "/api/oparl/v1/system" },
  { name: "GET /api/oparl/v1/body", get: oparlBodies.GET as Get, params: none, path: () => "/api/oparl/v1/body" },
  ...(
    [
      ["", oparlBody.GET],
      ["/organization", oparlBodyOrganizations.GET],
      ["/person", oparlBodyPersons.GET],
      ["/membership", oparlBodyMemberships.GET],
      ["/meeting", oparlBodyMeetings.GET],
      ["/paper", oparlBodyPapers.GET],
    ] as const
  ).map(([suffix, get]) => ({
    name: `GET /api/oparl/v1/body/[org]${suffix}`,
    get: get as Get,
    params: fc.record({ org: param(() => real.organisations) }),
    path: (p: Params) => `/api/oparl/v1/body/${seg(p.org!)}${suffix}`,
  })),
  {
    name: "GET /api/oparl/v1/organization/[id]",
    get: oparlOrganization.GET as Get,
    params: fc.record({ id: param(() => real.bodyIds) }),
    path: (p) => `/api/oparl/v1/organization/${seg(p.id!)}`,
  },
  {
    name: "GET /api/oparl/v1/organization/[id]/meeting",
    get: oparlOrganizationMeetings.GET as Get,
    params: fc.record({ id: param(() => real.bodyIds) }),
    path: (p) => `/api/oparl/v1/organization/${seg(p.id!)}/meeting`,
  },
  {
    name: "GET /api/oparl/v1/person/[id]",
    get: oparlPerson.GET as Get,
    params: fc.record({ id: param(() => real.people) }),
    path: (p) => `/api/oparl/v1/person/${seg(p.id!)}`,
  },
  {
    name: "GET /api/oparl/v1/membership/[id]",
    get: oparlMembership.GET as Get,
    params: fc.record({ id: param(() => real.memberships) }),
    path: (p) => `/api/oparl/v1/membership/${seg(p.id!)}`,
  },
  {
    name: "GET /api/oparl/v1/meeting/[slug]",
    get: oparlMeeting.GET as Get,
    params: fc.record({ slug: param(() => real.meetingSlugs) }),
    path: (p) => `/api/oparl/v1/meeting/${seg(p.slug!)}`,
  },
  {
    name: "GET /api/oparl/v1/meeting/[slug]/agendaitem/[number]",
    get: oparlAgendaItem.GET as Get,
    params: fc.record({ slug: param(() => real.meetingSlugs), number: param(() => real.numbers) }),
    path: (p) => `/api/oparl/v1/meeting/${seg(p.slug!)}/agendaitem/${seg(p.number!)}`,
  },
  {
    name: "GET /api/oparl/v1/paper/[org]/[key]",
    get: oparlPaper.GET as Get,
    params: fc.record({ org: param(() => real.organisations), key: param(() => real.paperKeys) }),
    path: (p) => `/api/oparl/v1/paper/${seg(p.org!)}/${seg(p.key!)}`,
  },
  {
    name: "GET /api/oparl/v1/file/[id]",
    get: oparlFile.GET as Get,
    params: fc.record({ id: param(() => real.files) }),
    path: (p) => `/api/oparl/v1/file/${seg(p.id!)}`,
  },
  {
    name: "GET /api/oparl/v1/file/[id]/download",
    get: oparlFileDownload.GET as Get,
    params: fc.record({ id: param(() => real.files) }),
    path: (p) => `/api/oparl/v1/file/${seg(p.id!)}/download`,
  },
  {
    name: "GET /api/feeds/[org]/anslag.atom",
    get: atomFeed.GET as Get,
    params: fc.record({ org: param(() => real.organisations) }),
    path: (p) => `/api/feeds/${seg(p.org!)}/anslag.atom`,
  },
  {
    name: "GET /api/feeds/[org]/[bodySlug]/sammantraden.ics",
    get: icsFeed.GET as Get,
    params: fc.record({ org: param(() => real.organisations), bodySlug: param(() => real.bodySlugs) }),
    path: (p) => `/api/feeds/${seg(p.org!)}/${seg(p.bodySlug!)}/sammantraden.ics`,
  },
  {
    name: "GET /[org]/protokoll/[slug]/anslag.pdf",
    get: noticePdf.GET as Get,
    params: fc.record({ org: param(() => real.organisations), slug: param(() => real.meetingSlugs) }),
    path: (p) => `/${seg(p.org!)}/protokoll/${seg(p.slug!)}/anslag.pdf`,
  },
  {
    // The public copy of a protocol with a confidential § is rendered on every request (about a
    // second): fewer runs here, and the rest of the budget goes to the cheap routes.
    name: "GET /[org]/protokoll/[slug]/protokoll.pdf",
    get: protocolPdf.GET as Get,
    params: fc.record({
      org: fc.oneof(
        { weight: 4, arbitrary: fc.constant("itsam") },
        { weight: 1, arbitrary: param(() => real.organisations) },
      ),
      slug: fc.oneof(
        { weight: 1, arbitrary: fc.constant(SEED_SLUG) },
        { weight: 60, arbitrary: param(() => real.meetingSlugs.filter((s) => s !== SEED_SLUG)) },
      ),
    }),
    path: (p) => `/${seg(p.org!)}/protokoll/${seg(p.slug!)}/protokoll.pdf`,
  },
];

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

const stats = new Map<string, { runs: number; ms: number; statuses: Record<string, number> }>();

const isText = (contentType: string | null) => !contentType || /json|text|xml|calendar/.test(contentType);

/** What is wrong with an answer, or null. */
async function problemWith(res: Response | Error): Promise<string | null> {
  if (res instanceof Error) return `threw ${String(res).slice(0, 200)} (Next answers 500)`;
  if (![200, 400, 404].includes(res.status)) return `status ${res.status}`;
  if (!isText(res.headers.get("content-type"))) return null;
  const body = await res.text();
  const trace = findStackTrace(body);
  if (trace) return `stack trace in body: ${trace}`;
  const leaked = secrets.find((s) => body.includes(s));
  if (leaked) return `leaks ${JSON.stringify(leaked)}`;
  // A 400 or 404 may quote the parameter it refuses ("page" -1109013927 looks like a personnummer).
  if (res.status !== 200) return null;
  const email = EMAIL.exec(body);
  if (email) return `e-mail address ${email[0]}`;
  if (containsPersonalNumber(body)) return "personnummer";
  if (res.status === 200 && /json/.test(res.headers.get("content-type") ?? "")) {
    try {
      JSON.parse(body);
    } catch {
      return "invalid JSON";
    }
  }
  return null;
}

describe("public route handlers", () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))(
    "%s: generated parameters and query strings",
    async (name, route) => {
      const s = { runs: 0, ms: 0, statuses: {} as Record<string, number> };
      stats.set(name, s);
      const problems = new Map<string, string>();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(route.params, queryString, async (generated, query) => {
          // Next decodes path segments to well-formed strings (a lone surrogate cannot arrive).
          const params = Object.fromEntries(Object.entries(generated).map(([k, v]) => [k, wellFormed(v)]));
          s.runs++;
          const url = `${BASE}${route.path(params)}${query ? `?${query}` : ""}`;
          let res: Response | Error;
          try {
            res = await route.get(new Request(url), { params: Promise.resolve(params) });
          } catch (e) {
            res = e instanceof Error ? e : new Error(String(e));
          }
          const status = res instanceof Error ? "threw" : String(res.status);
          s.statuses[status] = (s.statuses[status] ?? 0) + 1;
          const problem = await problemWith(res);
          if (!problem) return;
          const kind = problem.replace(/\d+/g, "N").slice(0, 60);
          if (!problems.has(kind))
            problems.set(
              kind,
              `${problem}\n    url: ${url.slice(0, 300)}\n    params: ${fc.stringify(params).slice(0, 300)}`,
            );
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      s.ms = performance.now() - started;
      expect([...problems.values()], [...problems.values()].join("\n")).toEqual([]);
      // Real parameters came through too.
      expect(s.statuses["200"] ?? 0, "answers with 200").toBeGreaterThan(0);
    },
    120_000,
  );

  // Issue 17.2: the public copy of § 60 shows "[utelämnat]" and the ground; the name and the marked
  // passage are in no page of the PDF, its metadata or attachments (the OParl meeting and paper
  // answers are checked for them by the generated runs above).
  it("the public PDF withholds the redacted name and passage of § 60 and names the ground", async () => {
    const res = await protocolPdf.GET(new Request(`${BASE}/protokoll/${SEED_SLUG}/protokoll.pdf`), {
      params: Promise.resolve({ org: "itsam", slug: SEED_SLUG }),
    });
    expect(res.status).toBe(200);
    const texts = pdfTextsToCheck(new Uint8Array(await res.arrayBuffer()));
    const all = texts.join("\n");
    expect(all).toContain("[utelämnat]");
    expect(all.replace(/\s+/g, " ")).toContain("lämnas inte ut enligt OSL 26 kap. 1 §");
    for (const secret of ["Privatsson", "kvistsjuka", ...PLANTED_TEXT]) expect(all).not.toContain(secret);
    // The signed original keeps them (the workspace's copy): the check above can find them.
    const original = await db.protocolFile.findFirstOrThrow({
      where: { meeting: { slug: SEED_SLUG }, kind: "PROTOCOL" },
      select: { bytes: true },
    });
    expect(pdfTextsToCheck(original.bytes).join("\n")).toContain("Privatsson");
  }, 60_000);

  // Found by this test and fixed: a NUL in a path parameter is 404 (serveOpenData,
  // findPublicProtocol), also when the URL's path no longer shows it ("2021-11-18%00/.."
  // normalises away), since serveOpenData checks the parameters themselves.
  it("a NUL in a path parameter is answered 404, not 500", async () => {
    const params = { slug: "a\u0000b" };
    const res = await oparlMeeting.GET(new Request(`${BASE}/api/oparl/v1/meeting/a%00b`), {
      params: Promise.resolve(params),
    });
    expect(res.status).toBe(404);
    const paper = await oparlPaper.GET(new Request(`${BASE}/api/oparl/v1/paper/2021-11-18%00/..`), {
      params: Promise.resolve({ org: "2021-11-18\u0000", key: ".." }),
    });
    expect(paper.status).toBe(404);
  });
});
