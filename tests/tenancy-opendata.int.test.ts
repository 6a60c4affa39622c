// Open data per organisation (issue 19.1) on real PostgreSQL, through the route handlers: two
// organisations — Itsam (the seed, its Direktionen meeting justerat) and Ydre kommun (made here,
// with a body also called Direktionen and a justerat meeting of its own) — and no feed or OParl
// answer of one names anything of the other. The System lists both Bodies; an object of Ydre asked
// for under Itsam's address is 404; the old feed addresses, now that there are two organisations,
// say where each organisation's feed is.
//
// Twice: at the platform's scope (as every test runs outside a request), which shows the first
// line — the queries' own filter on the organisation — since the platform could see both; and in
// a request's empty scope, as scripts/serve.mjs opens every HTTP request, which shows that each
// handler enters the organisation of what it serves (row-level security lets nothing else through).
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext, ActionResult } from "@/server/action";
import { addDays } from "@/lib/iso-date";
import { today } from "@/server/clock";
import { runInScope } from "@/server/tenancy";
import { loadActor } from "@/server/actor";
import { createBody } from "@/modules/administration/bodies.mutations";
import { createMeeting, saveAttendance, saveMeetingHeader } from "@/modules/drafting/meeting.mutations";
import { addParagraph, saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findParagraphForEditing } from "@/server/protocol.queries";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { paperKey } from "@/modules/publication/opendata/oparl";
import { GET as oldFeedAtom } from "@/app/api/feeds/anslag.atom/route";
import { GET as oldFeedIcs } from "@/app/api/feeds/[org]/sammantraden.ics/route";
import { GET as feedAtom } from "@/app/api/feeds/[org]/anslag.atom/route";
import { GET as feedIcs } from "@/app/api/feeds/[org]/[bodySlug]/sammantraden.ics/route";
import { GET as system } from "@/app/api/oparl/v1/system/route";
import { GET as bodyList } from "@/app/api/oparl/v1/body/route";
import { GET as bodyItem } from "@/app/api/oparl/v1/body/[org]/route";
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
import { useRouteDatabase } from "./support/route-db";
import { actorFor, contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

const BASE = "https://paragraf.example.se";
const API = `${BASE}/api/oparl/v1`;
const PASSWORD = "tva-organisationer";
const YDRE_CASE = "KS 2023/117";

let db: PrismaClient;
let drop: () => Promise<void>;
let restoreRouteDatabase: () => Promise<void>;

/** What each organisation has that the public may see, by the ids and slugs the API uses. */
interface Published {
  org: string;
  name: string;
  meetingSlug: string;
  bodyIds: string[];
  personIds: string[];
  membershipIds: string[];
  fileId: string;
  paperKeys: string[];
  /** Words of its protocol's title or place that only it has. */
  marker: string;
}
let itsam: Published;
let ydre: Published;

function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${JSON.stringify(result)}`);
  return result.data;
}

/** What the public may see of an organisation, read back from the database. */
async function published(org: string, name: string, meetingSlug: string, marker: string): Promise<Published> {
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { slug: meetingSlug },
    include: { files: true, paragraphs: true },
  });
  expect(meeting.status).toBe("ADJUSTED");
  const organisationId = (await db.organisation.findUniqueOrThrow({ where: { slug: org } })).id;
  return {
    org,
    name,
    meetingSlug,
    bodyIds: (await db.body.findMany({ where: { organisationId } })).map((b) => b.id),
    personIds: (await db.person.findMany({ where: { organisationId } })).map((p) => p.id),
    membershipIds: (await db.membership.findMany({ where: { body: { organisationId } } })).map((m) => m.id),
    fileId: meeting.files.find((f) => f.kind === "PROTOCOL")!.id,
    paperKeys: meeting.paragraphs.flatMap((p) => (p.caseNumber ? [paperKey(p.caseNumber)] : [])),
    marker,
  };
}

/** Ydre kommun: its own Direktionen (the slug Itsam's body has too), one member with a seat, one justerat §. */
async function makeYdre(): Promise<string> {
  const organisation = await db.organisation.create({
    data: {
      slug: "ydre",
      name: "Ydre kommun",
      kind: "KOMMUN",
      caseNumberPrefix: "KS",
      storagePlace: "Ydre kommunkansli",
    },
  });
  const organisationId = organisation.id;
  const passwordHash = await hash(PASSWORD);
  // Ydre's own administrator, and Ydre's people with their accounts in Ydre.
  const adminUser = await db.user.create({
    data: {
      email: "admin@ydre.example",
      name: "Ydre Administratör",
      passwordHash,
      organisations: { create: { organisationId, isAdmin: true } },
    },
  });
  let admin: ActionContext = { db, ip: "127.0.0.1", actor: await loadActor(db, adminUser.id, organisationId) };
  const body = unwrap(
    await createBody(admin, {
      organisationId,
      parentBodyId: "",
      name: "Direktionen",
      genitiveName: "Direktionens",
      kind: "DIREKTION",
      seatCount: "3",
    }),
  );
  expect(body.slug).toBe("direktionen");
  // A second body of Ydre's, whose slug Itsam has not.
  unwrap(
    await createBody(admin, {
      organisationId,
      parentBodyId: "",
      name: "Kommunfullmäktige",
      genitiveName: "Kommunfullmäktiges",
      kind: "FULLMAKTIGE",
      seatCount: "3",
    }),
  );
  const names = { chair: "Olle Österbymo", member: "Rut Ydremark", secretary: "Sven Sekreterare Ydre" };
  const ids: Record<keyof typeof names, string> = { chair: "", member: "", secretary: "" };
  for (const [who, name] of Object.entries(names) as [keyof typeof names, string][]) {
    const person = await db.person.create({ data: { organisationId, name } });
    ids[who] = person.id;
    await db.user.create({
      data: {
        email: `${who}@ydre.example`,
        name,
        passwordHash,
        // The linked person makes the user one of Ydre's (a trigger).
        personId: person.id,
      },
    });
  }
  await db.membership.create({
    data: {
      bodyId: body.id,
      personId: ids.chair,
      role: "MEMBER",
      position: "CHAIR",
      represents: "Ydre kommun",
      termStart: new Date("2023-01-01"),
      termEnd: new Date("2026-12-31"),
    },
  });

  // The administrator's actor knows the organisation's bodies as they are when it is loaded.
  admin = { ...admin, actor: await loadActor(db, adminUser.id, organisationId) };
  const date = addDays(today(), -3);
  const meeting = unwrap(
    await createMeeting(admin, {
      bodyId: body.id,
      date,
      startTime: "13:00",
      endTime: "15:00",
      place: "Ydre Sessionssal",
      attendanceFrom: "none",
      firstParagraphNumber: "",
    }),
  );
  const role = { chair: "CHAIR", member: "MEMBER", secretary: "OTHER" } as const;
  unwrap(
    await saveAttendance(admin, {
      meetingId: meeting.id,
      version: 1,
      rows: (Object.keys(names) as (keyof typeof names)[]).map((who) => ({
        personId: ids[who],
        name: names[who],
        role: role[who],
        represents: who === "secretary" ? "" : "Ydre kommun",
        title: who === "secretary" ? "kommunsekreterare" : "",
        ranges: "",
        replacesPersonId: null,
        arrivalTime: "",
        departureTime: "",
      })),
    }),
  );
  unwrap(
    await saveMeetingHeader(admin, {
      meetingId: meeting.id,
      version: 1,
      date,
      startTime: "13:00",
      endTime: "15:00",
      place: "Ydre Sessionssal",
      adjustmentPlace: "Kommunkansliet",
      adjustmentDate: addDays(date, 1),
      adjustmentTime: "",
      secretaryPersonId: ids.secretary,
      adjusterPersonIds: [ids.member],
    }),
  );
  const added = unwrap(await addParagraph(admin, { meetingId: meeting.id, title: "Val av revisorer i Ydre" }));
  const editing = (await findParagraphForEditing(db, added.id))!;
  const content = toParagraphContent(editing.paragraph);
  content.caseNumber = YDRE_CASE;
  content.decision = { intro: "Direktionen väljer revisorer enligt valberedningens förslag.", clauses: [] };
  unwrap(await saveParagraph(admin, { paragraphId: added.id, version: editing.version, content }));

  unwrap(await sendForAdjustment(admin, { meetingId: meeting.id }));
  for (const who of ["chair", "member", "secretary"] as const) {
    const ctx: ActionContext = { db, ip: "127.0.0.1", actor: await actorFor(db, `${who}@ydre.example`) };
    unwrap(await signProtocol(ctx, { meetingId: meeting.id, password: PASSWORD }));
  }
  return meeting.slug;
}

beforeAll(async () => {
  const seeded = await createSeededDatabase("tenancy-opendata");
  ({ db, drop } = seeded);
  // Itsam's seed meeting, justerat (as in opendata.int.test.ts).
  const meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  await fixSeedDefects(db, meetingId);
  unwrap(await sendForAdjustment(await contextFor(db, "secretary"), { meetingId }));
  for (const who of ["chair", "adjuster", "secretary"] as const)
    unwrap(await signProtocol(await contextFor(db, who), { meetingId, password: "paragraf-demo" }));
  const ydreSlug = await makeYdre();

  itsam = await published("itsam", "Itsam", SEED_SLUG, "Direktionen 18 november 2021");
  ydre = await published("ydre", "Ydre kommun", ydreSlug, "Ydre Sessionssal");
  expect(ydre.paperKeys).toEqual([paperKey(YDRE_CASE)]);
  expect(itsam.paperKeys).not.toContain(paperKey(YDRE_CASE));
  restoreRouteDatabase = useRouteDatabase(seeded.url, { APP_URL: BASE });
}, 240_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await drop?.();
});

// ---------------------------------------------------------------------------------------------
// Calling the handlers, in the platform's scope or in a request's
// ---------------------------------------------------------------------------------------------

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
type Scope = "platform" | "request";

async function call<P>(scope: Scope, handler: Handler<P>, url: string, params: P) {
  const run = () => handler(new Request(url), { params: Promise.resolve(params) });
  // scripts/serve.mjs opens every HTTP request with the empty scope: it sees nothing until it enters.
  const res = scope === "request" ? await runInScope("", run) : await run();
  return { status: res.status, location: res.headers.get("location"), text: await res.text() };
}

async function json<P>(scope: Scope, handler: Handler<P>, path: string, params: P, status = 200) {
  const r = await call(scope, handler, `${API}${path}`, params);
  expect(r.status, `${path}: ${r.text.slice(0, 300)}`).toBe(status);
  return JSON.parse(r.text) as Record<string, unknown>;
}

const ids = (page: Record<string, unknown>) => (page.data as { id: string }[]).map((o) => o.id);

/** Every id, slug and key of `o` that the API could put in an answer. */
const tracesOf = (o: Published) => [
  o.meetingSlug,
  o.fileId,
  ...o.bodyIds,
  ...o.personIds,
  ...o.membershipIds,
  ...o.paperKeys,
  o.marker,
  `/body/${o.org}`,
  `${BASE}/${o.org}/`,
];

function expectNoTraceOf(other: Published, text: string, where: string) {
  for (const trace of tracesOf(other)) expect(text, `${where} names ${trace}`).not.toContain(trace);
}

describe.each(["platform", "request"] as const)("in the %s scope", (scope) => {
  it("the System's list of Bodies has both organisations", async () => {
    const sys = await json(scope, system, "/system", {});
    expect(sys.body).toBe(`${API}/body`);
    const bodies = await json(scope, bodyList, "/body", {});
    expect(ids(bodies)).toEqual([`${API}/body/itsam`, `${API}/body/ydre`]);
    for (const o of [itsam, ydre]) {
      const body = await json(scope, bodyItem, `/body/${o.org}`, { org: o.org });
      expect(body).toMatchObject({ id: `${API}/body/${o.org}`, name: o.name, web: `${BASE}/${o.org}/anslagstavla` });
      expect(bodies.data).toContainEqual(body);
    }
  });

  describe.each([
    ["itsam", "ydre"],
    ["ydre", "itsam"],
  ])("%s's lists and feeds", (own, foreign) => {
    const mine = () => (own === "itsam" ? itsam : ydre);
    const theirs = () => (foreign === "itsam" ? itsam : ydre);

    it("list its own objects and nothing of the other's", async () => {
      const o = mine();
      const org = { org: o.org };
      const meetings = await json(scope, bodyMeetings, `/body/${o.org}/meeting`, org);
      expect(ids(meetings)).toEqual([`${API}/meeting/${o.meetingSlug}`]);
      const meeting = (meetings.data as Record<string, unknown>[])[0]!;
      expect(meeting.web).toBe(`${BASE}/${o.org}/protokoll/${o.meetingSlug}`);
      const organizations = await json(scope, bodyOrganizations, `/body/${o.org}/organization`, org);
      expect(ids(organizations).sort()).toEqual(o.bodyIds.map((id) => `${API}/organization/${id}`).sort());
      const persons = await json(scope, bodyPersons, `/body/${o.org}/person?elementsPerPage=100`, org);
      expect(ids(persons).length).toBeGreaterThan(0);
      for (const id of ids(persons)) expect(o.personIds.map((p) => `${API}/person/${p}`)).toContain(id);
      const memberships = await json(scope, bodyMemberships, `/body/${o.org}/membership?elementsPerPage=100`, org);
      expect(ids(memberships).sort()).toEqual(o.membershipIds.map((id) => `${API}/membership/${id}`).sort());
      const papers = await json(scope, bodyPapers, `/body/${o.org}/paper?elementsPerPage=100`, org);
      expect(ids(papers).sort()).toEqual(
        [...new Set(o.paperKeys)].map((key) => `${API}/paper/${o.org}/${encodeURIComponent(key)}`).sort(),
      );
      for (const [name, page] of Object.entries({ meetings, organizations, persons, memberships, papers }))
        expectNoTraceOf(theirs(), JSON.stringify(page), `${o.org}'s ${name}`);
    });

    it("answer 404 for the other's Paper and body calendar under its own address", async () => {
      const o = mine();
      const key = theirs().paperKeys[0]!;
      await json(scope, paperItem, `/paper/${o.org}/${key}`, { org: o.org, key }, 404);
      // The other's own address serves it.
      const paper = await json(scope, paperItem, `/paper/${theirs().org}/${key}`, { org: theirs().org, key });
      expect(paper.body).toBe(`${API}/body/${theirs().org}`);
      if (o.org === "itsam") {
        const ics = await call(scope, feedIcs, `${BASE}/api/feeds/itsam/kommunfullmaktige/sammantraden.ics`, {
          org: "itsam",
          bodySlug: "kommunfullmaktige",
        });
        expect(ics.status).toBe(404);
      }
    });

    it("have an Atom feed of its own anslag only, linking its own pages", async () => {
      const o = mine();
      const feed = await call(scope, feedAtom, `${BASE}/api/feeds/${o.org}/anslag.atom`, { org: o.org });
      expect(feed.status).toBe(200);
      const entries = feed.text.split("<entry>").slice(1);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toContain(
        `<link rel="alternate" href="${BASE}/${o.org}/protokoll/${o.meetingSlug}" type="text/html"/>`,
      );
      expect(feed.text).toContain(`<link rel="alternate" href="${BASE}/${o.org}/anslagstavla" type="text/html"/>`);
      expect(feed.text).toContain(`<link rel="self" href="${BASE}/api/feeds/${o.org}/anslag.atom"`);
      expectNoTraceOf(theirs(), feed.text, `${o.org}'s anslag feed`);
    });

    it("have a calendar of its own Direktionen only (both have one)", async () => {
      const o = mine();
      const params = { org: o.org, bodySlug: "direktionen" };
      const ics = await call(scope, feedIcs, `${BASE}/api/feeds/${o.org}/direktionen/sammantraden.ics`, params);
      expect(ics.status).toBe(200);
      const unfolded = ics.text.replace(/\r\n[ \t]/g, "");
      expect(unfolded).toContain(`URL:${BASE}/${o.org}/protokoll/${o.meetingSlug}\r\n`);
      expect(unfolded).toContain(`X-WR-CALNAME:Sammanträden: Direktionen (${o.name})\r\n`);
      expectNoTraceOf(theirs(), unfolded, `${o.org}'s calendar`);
      expect(unfolded).not.toContain(theirs().name);
    });
  });

  it("serves each organisation's objects by their global ids, entering the organisation they belong to", async () => {
    for (const o of [itsam, ydre]) {
      const meeting = await json(scope, meetingItem, `/meeting/${o.meetingSlug}`, { slug: o.meetingSlug });
      expect(meeting.web).toBe(`${BASE}/${o.org}/protokoll/${o.meetingSlug}`);
      const number = (meeting.agendaItem as { number: string }[])[0]!.number;
      await json(scope, agendaItem, `/meeting/${o.meetingSlug}/agendaitem/${number}`, {
        slug: o.meetingSlug,
        number,
      });
      const file = await json(scope, fileItem, `/file/${o.fileId}`, { id: o.fileId });
      expect(file.meeting).toEqual([`${API}/meeting/${o.meetingSlug}`]);
      const download = await call(scope, fileDownload, `${API}/file/${o.fileId}/download`, { id: o.fileId });
      expect(download.status).toBe(200);
      for (const id of o.bodyIds) {
        const organization = await json(scope, organizationItem, `/organization/${id}`, { id });
        expect(organization.body).toBe(`${API}/body/${o.org}`);
        const meetings = await json(scope, organizationMeetings, `/organization/${id}/meeting`, { id });
        for (const m of ids(meetings)) expect(m).toBe(`${API}/meeting/${o.meetingSlug}`);
      }
      for (const id of o.membershipIds) await json(scope, membershipItem, `/membership/${id}`, { id });
      // The chair of each organisation's meeting is a public person of that organisation.
      const chair = (meeting["paragraf:signatories"] as { person: string; role: string }[])[0]!;
      const personId = chair.person.split("/").at(-1)!;
      const person = await json(scope, personItem, `/person/${personId}`, { id: personId });
      expect(person.body).toBe(`${API}/body/${o.org}`);
    }
  });

  it("answers the old feed addresses with where each organisation's feed is, now that there are two", async () => {
    const atom = await call(scope, oldFeedAtom, `${BASE}/api/feeds/anslag.atom`, {});
    expect(atom.status).toBe(404);
    expect(atom.text.split("\n")).toEqual([
      "Anslagstavlans flöde finns per organisation. Använd adressen till organisationens flöde:",
      `Itsam: ${BASE}/api/feeds/itsam/anslag.atom`,
      `Ydre kommun: ${BASE}/api/feeds/ydre/anslag.atom`,
    ]);
    const both = await call(scope, oldFeedIcs, `${BASE}/api/feeds/direktionen/sammantraden.ics`, {
      org: "direktionen",
    });
    expect(both.status).toBe(404);
    expect(both.text).toContain(`Itsam: ${BASE}/api/feeds/itsam/direktionen/sammantraden.ics`);
    expect(both.text).toContain(`Ydre kommun: ${BASE}/api/feeds/ydre/direktionen/sammantraden.ics`);
    const one = await call(scope, oldFeedIcs, `${BASE}/api/feeds/kommunfullmaktige/sammantraden.ics`, {
      org: "kommunfullmaktige",
    });
    expect(one.text.split("\n").slice(1)).toEqual([
      `Ydre kommun: ${BASE}/api/feeds/ydre/kommunfullmaktige/sammantraden.ics`,
    ]);
    const none = await call(scope, oldFeedIcs, `${BASE}/api/feeds/finns-inte/sammantraden.ics`, { org: "finns-inte" });
    expect(none).toMatchObject({ status: 404, text: "Organets kalender finns inte." });
  });
});
