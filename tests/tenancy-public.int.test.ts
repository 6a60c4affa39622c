// Tenancy of the public pages (issue 19.1) on real PostgreSQL: two organisations on one
// installation, each with the same demo protocol justerat by its own signers (so that the same
// words are in both). Organisation A's anslagstavla, archive, search, protocol pages, PDFs,
// utdrag and /verifiera never show B's protocol, and B's slug under A's address is not found —
// first through the queries' own organisation filter (run as the platform, where row-level
// security lets everything through), then through the routes as a request of the real server
// runs them: starting with an empty scope (scripts/serve.mjs), entering the organisation of the
// address. The old addresses lead to the one organisation of an installation, to a protocol's
// organisation only when the protocol is public there, and otherwise answer as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import {
  archiveFacets,
  findPublicProtocolWithCorrections,
  isPublicProtocolSlug,
  listArchive,
  listNoticesUp,
  searchArchive,
  verifyCode,
} from "@/modules/publication";
import { verifyPdf } from "@/modules/publication/verify";
import { verifyAction } from "@/modules/publication/verify.actions";
import { loadActorByEmail } from "@/server/actor";
import { today } from "@/server/clock";
import { NO_SCOPE, PLATFORM_SCOPE, runInScope } from "@/server/tenancy";
import OrgProtocolPage from "@/app/(public)/[org]/protokoll/[slug]/page";
import OrgNoticeBoardPage from "@/app/(public)/[org]/anslagstavla/[[...rest]]/page";
import { GET as orgProtocolPdf } from "@/app/(public)/[org]/protokoll/[slug]/protokoll.pdf/route";
import { GET as orgNoticePdf } from "@/app/(public)/[org]/protokoll/[slug]/anslag.pdf/route";
import { GET as orgExtract } from "@/app/(public)/[org]/protokoll/[slug]/utdrag/route";
import OldProtocolPage from "@/app/(public)/protokoll/[slug]/page";
import OldArchivePage from "@/app/(public)/protokoll/page";
import OldNoticeBoardPage from "@/app/(public)/anslagstavla/[[...rest]]/page";
import OldVerifyPage from "@/app/(public)/verifiera/page";
import { GET as oldProtocolPdf } from "@/app/(public)/protokoll/[slug]/protokoll.pdf/route";
import { GET as oldExtract } from "@/app/(public)/protokoll/[slug]/utdrag/route";
import { fixSeedDefects, justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { itsamSeed } from "../prisma/seed/itsam-direktionen-2021-11-18";
import { loadSeed } from "../prisma/seed/load-seed";
import type { SeedData } from "../prisma/seed/seed.types";
import { useRouteDatabase } from "./support/route-db";
import { createSeededDatabase, newDirektionenMeeting, SEED_SLUG } from "./support/seeded-db";

const BASE = "http://localhost:3000";
const A = "itsam";
const B = "ydre";
const SLUG_A = SEED_SLUG;
/** B's protocol: the seed's, in another organisation (meeting slugs are unique across organisations). */
const SLUG_B = "direktionen-2021-11-25";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let restoreRouteDatabase: () => Promise<void>;
let draftSlug: string;
const org = { a: { id: "", slug: A }, b: { id: "", slug: B } };
const code = { a: "", b: "" };

/** The demo data as another organisation's: its own slug, name, users and meeting slug. */
function ydreSeed(): SeedData {
  const json = JSON.stringify(itsamSeed)
    .replaceAll("@itsam.example", "@ydre.example")
    .replaceAll(`"${SEED_SLUG}"`, `"${SLUG_B}"`);
  const seed = JSON.parse(json) as SeedData;
  return { ...seed, organisation: { ...seed.organisation, slug: B, name: "Ydre kommun", caseNumberPrefix: "KS" } };
}

/** As scripts/serve.mjs runs every request: a scope of its own that starts empty (sees nothing). */
const asRequest = <T>(fn: () => Promise<T>): Promise<T> => runInScope(NO_SCOPE, fn);

const get = <P>(handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>, path: string, params: P) =>
  asRequest(() => handler(new Request(`${BASE}${path}`), { params: Promise.resolve(params) }));

/** What a page's redirect() or notFound() threw: "redirect <status> <url>", "404", or "rendered". */
async function outcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await asRequest(render);
    return "rendered";
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? String(e);
    const redirect = /^NEXT_REDIRECT;[a-z]+;([^;]+);(\d+);/.exec(digest);
    if (redirect) return `redirect ${redirect[2]} ${redirect[1]}`;
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw e;
  }
}

beforeAll(async () => {
  seeded = await createSeededDatabase("tenancy-public");
  db = seeded.db;
  await justeraDemoMeeting(db);
  draftSlug = (await newDirektionenMeeting(seeded, "2022-03-01")).slug;
  org.a.id = (await db.organisation.findUniqueOrThrow({ where: { slug: A } })).id;
  code.a = (await db.meeting.findUniqueOrThrow({ where: { slug: SLUG_A } })).contentHash!;
  restoreRouteDatabase = useRouteDatabase(seeded.url, { APP_URL: BASE });
}, 180_000);

afterAll(async () => {
  await restoreRouteDatabase?.();
  await seeded?.drop();
});

describe("an installation of one organisation", () => {
  it("the old addresses lead to its own, the query string kept", async () => {
    expect(
      await outcome(() => OldNoticeBoardPage({ params: Promise.resolve({}), searchParams: Promise.resolve({}) })),
    ).toBe(`redirect 308 /${A}/anslagstavla`);
    expect(
      await outcome(() => OldArchivePage({ searchParams: Promise.resolve({ q: "Google Workspace", sida: "2" }) })),
    ).toBe(`redirect 308 /${A}/protokoll?q=Google+Workspace&sida=2`);
    expect(await outcome(() => OldVerifyPage({ searchParams: Promise.resolve({ kod: code.a.slice(0, 16) }) }))).toBe(
      `redirect 308 /${A}/verifiera?kod=${code.a.slice(0, 16)}`,
    );
  });
});

describe("two organisations", () => {
  beforeAll(async () => {
    await loadSeed(db, ydreSeed());
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SLUG_B } });
    await fixSeedDefects(db, meeting.id);
    const as = async (email: string) => ({ db, ip: null, actor: await loadActorByEmail(db, email) });
    const sent = await sendForAdjustment(await as("sekreterare@ydre.example"), { meetingId: meeting.id });
    if (!sent.ok) throw new Error(sent.message);
    for (const email of ["ordforande@ydre.example", "justerare@ydre.example", "sekreterare@ydre.example"]) {
      const signed = await signProtocol(await as(email), { meetingId: meeting.id, password: "paragraf-demo" });
      if (!signed.ok) throw new Error(`${email}: ${signed.message}`);
    }
    org.b.id = (await db.organisation.findUniqueOrThrow({ where: { slug: B } })).id;
    code.b = (await db.meeting.findUniqueOrThrow({ where: { slug: SLUG_B } })).contentHash!;
  }, 180_000);

  it("both protocols are justerat and public, with different verification codes", async () => {
    expect(await isPublicProtocolSlug(db, SLUG_A)).toBe(true);
    expect(await isPublicProtocolSlug(db, SLUG_B)).toBe(true);
    expect(code.a).not.toBe(code.b);
  });

  // The first line: the queries themselves, as the platform (row-level security lets all through).
  it("the anslagstavla, archive, facets and protocol lookups of A show A's only", async () => {
    const day = today();
    expect((await listNoticesUp(db, day)).map((n) => n.slug).sort()).toEqual([SLUG_A, SLUG_B]);
    expect((await listNoticesUp(db, day, org.a.id)).map((n) => n.slug)).toEqual([SLUG_A]);
    expect((await listNoticesUp(db, day, org.b.id)).map((n) => n.slug)).toEqual([SLUG_B]);

    expect((await listArchive(db, {})).entries.map((e) => e.slug)).toEqual(expect.arrayContaining([SLUG_A, SLUG_B]));
    const archiveA = await listArchive(db, { organisationId: org.a.id });
    expect(archiveA.entries.map((e) => e.slug)).toEqual([SLUG_A]);
    expect(archiveA.entries[0]!.href).toBe(`/${A}/protokoll/${SLUG_A}`);
    expect((await listArchive(db, { organisationId: org.b.id })).entries.map((e) => e.href)).toEqual([
      `/${B}/protokoll/${SLUG_B}`,
    ]);
    expect((await archiveFacets(db, org.a.id)).bodies.map((b) => b.slug)).toEqual(["direktionen"]);

    expect(await isPublicProtocolSlug(db, SLUG_B, org.a.id)).toBe(false);
    expect(await findPublicProtocolWithCorrections(db, SLUG_B, day, org.a.id)).toBeNull();
    expect((await findPublicProtocolWithCorrections(db, SLUG_B, day, org.b.id))?.organisation.name).toBe("Ydre kommun");
  });

  it("search under A finds A's §§ only, with A's addresses, though B's say the same", async () => {
    const all = await searchArchive(db, { q: "Google Workspace" });
    expect(new Set(all.hits.map((h) => h.organisationSlug))).toEqual(new Set([A, B]));
    for (const [slug, other] of [
      [A, B],
      [B, A],
    ] as const) {
      const result = await searchArchive(db, { q: "Google Workspace", organisationSlug: slug });
      expect(result.total).toBe(all.total / 2);
      for (const hit of result.hits) {
        expect(hit.organisationSlug).toBe(slug);
        expect(hit.href).toMatch(new RegExp(`^/${slug}/protokoll/`));
        expect(hit.href).not.toContain(`/${other}/`);
      }
    }
  });

  it("/verifiera of A matches A's code and original only", async () => {
    expect(await verifyCode(db, code.a, org.a)).toMatchObject({ match: true, organisationName: "Itsam" });
    expect(await verifyCode(db, code.b, org.a)).toMatchObject({ match: false });
    expect(await verifyCode(db, code.b, org.b)).toMatchObject({ match: true, organisationName: "Ydre kommun" });
    const originalB = await db.protocolFile.findFirstOrThrow({
      where: { meeting: { slug: SLUG_B }, kind: "PROTOCOL" },
      select: { bytes: true },
    });
    expect(await verifyPdf(db, originalB.bytes, org.a)).toMatchObject({ match: false });
    expect(await verifyPdf(db, originalB.bytes, org.b)).toMatchObject({ match: true, by: "pdf" });
  });

  // Both lines: the routes as the server runs them (an empty scope, the address's organisation entered).
  it("A's protocol routes answer A's protocol and 404 for B's slug, B's for B's", async () => {
    const pdf = (o: string, slug: string) =>
      get(orgProtocolPdf, `/${o}/protokoll/${slug}/protokoll.pdf`, { org: o, slug });
    const ok = await pdf(A, SLUG_A);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect((await pdf(A, SLUG_B)).status).toBe(404);
    expect((await pdf(B, SLUG_A)).status).toBe(404);
    expect((await pdf(B, SLUG_B)).status).toBe(200);
    expect((await pdf("finns-inte", SLUG_A)).status).toBe(404);

    const notice = (o: string, slug: string) =>
      get(orgNoticePdf, `/${o}/protokoll/${slug}/anslag.pdf`, { org: o, slug });
    expect((await notice(B, SLUG_B)).status).toBe(200);
    expect((await notice(A, SLUG_B)).status).toBe(404);

    const extract = (o: string, slug: string) =>
      get(orgExtract, `/${o}/protokoll/${slug}/utdrag?paragraf=59`, { org: o, slug });
    expect((await extract(A, SLUG_A)).status).toBe(200);
    expect((await extract(A, SLUG_B)).status).toBe(404);
  });

  // (Rendering a page needs Next.js's data cache; the 404 comes before it is asked.)
  it("A's protocol page is a 404 for B's slug, and an unknown organisation's pages are a 404", async () => {
    const page = (o: string, slug: string) => () => OrgProtocolPage({ params: Promise.resolve({ org: o, slug }) });
    expect(await outcome(page(A, SLUG_B))).toBe("404");
    expect(await outcome(page(B, SLUG_A))).toBe("404");
    expect(await outcome(page(A, draftSlug))).toBe("404");
    expect(await outcome(page("finns-inte", SLUG_A))).toBe("404");
    expect(await outcome(() => OrgNoticeBoardPage({ params: Promise.resolve({ org: "finns-inte" }) }))).toBe("404");
  });

  it("in a request that entered A, even an unfiltered query sees A's rows only (row-level security)", async () => {
    const slugs = await asRequest(async () => {
      const res = await orgProtocolPdf(new Request(`${BASE}/${A}/protokoll/${SLUG_A}/protokoll.pdf`), {
        params: Promise.resolve({ org: A, slug: SLUG_A }),
      });
      expect(res.status).toBe(200);
      // The route entered A for the rest of the request: the same client, no filter, sees A's only.
      const { getDb } = await import("@/server/db");
      return (await listNoticesUp(getDb(), today())).map((n) => n.slug);
    });
    expect(slugs).toEqual([SLUG_A]);
    // A request that entered no organisation sees nothing at all.
    const { getDb } = await import("@/server/db");
    expect(await asRequest(async () => (await listNoticesUp(getDb(), today())).length)).toBe(0);
    expect(await runInScope(PLATFORM_SCOPE, async () => (await listNoticesUp(getDb(), today())).length)).toBe(2);
  });

  it("the verification form posted to A's page checks A's protocols only", async () => {
    const form = (organisation: string, c: string) => {
      const data = new FormData();
      data.set("organisation", organisation);
      data.set("code", c);
      return data;
    };
    expect(await asRequest(() => verifyAction(null, form(A, code.a)))).toMatchObject({ match: true });
    expect(await asRequest(() => verifyAction(null, form(A, code.b)))).toMatchObject({ match: false });
    expect(await asRequest(() => verifyAction(null, form(B, code.b)))).toMatchObject({ match: true });
    expect(await asRequest(() => verifyAction(null, form("finns-inte", code.a)))).toMatchObject({ match: false });
  });

  it("the old addresses list the organisations, and /verifiera?kod= leads to the code's", async () => {
    expect(
      await outcome(() => OldNoticeBoardPage({ params: Promise.resolve({}), searchParams: Promise.resolve({}) })),
    ).toBe("rendered");
    expect(
      await outcome(() =>
        OldNoticeBoardPage({ params: Promise.resolve({ rest: ["x"] }), searchParams: Promise.resolve({}) }),
      ),
    ).toBe("404");
    expect(await outcome(() => OldArchivePage({ searchParams: Promise.resolve({ q: "Google" }) }))).toBe("rendered");
    expect(await outcome(() => OldVerifyPage({ searchParams: Promise.resolve({ kod: code.b }) }))).toBe(
      `redirect 308 /${B}/verifiera?kod=${code.b}`,
    );
    expect(await outcome(() => OldVerifyPage({ searchParams: Promise.resolve({ kod: "0".repeat(64) }) }))).toBe(
      "rendered",
    );
  });

  it("the old protocol addresses redirect to the owning organisation only for a public protocol", async () => {
    expect(await outcome(() => OldProtocolPage({ params: Promise.resolve({ slug: SLUG_B }) }))).toBe(
      `redirect 308 /${B}/protokoll/${SLUG_B}`,
    );
    expect(await outcome(() => OldProtocolPage({ params: Promise.resolve({ slug: SLUG_A }) }))).toBe(
      `redirect 308 /${A}/protokoll/${SLUG_A}`,
    );
    // A draft and a made-up slug: the same 404, no redirect that would tell the draft exists.
    expect(await outcome(() => OldProtocolPage({ params: Promise.resolve({ slug: draftSlug }) }))).toBe("404");
    expect(await outcome(() => OldProtocolPage({ params: Promise.resolve({ slug: "finns-inte-2021-01-01" }) }))).toBe(
      "404",
    );

    const pdfB = await get(oldProtocolPdf, `/protokoll/${SLUG_B}/protokoll.pdf`, { slug: SLUG_B });
    expect(pdfB.status).toBe(308);
    expect(pdfB.headers.get("location")).toBe(`/${B}/protokoll/${SLUG_B}/protokoll.pdf`);
    const draftPdf = await get(oldProtocolPdf, `/protokoll/${draftSlug}/protokoll.pdf`, { slug: draftSlug });
    expect(draftPdf.status).toBe(404);
    expect(await draftPdf.text()).toBe("Protokollet finns inte.");
    const extract = await get(oldExtract, `/protokoll/${SLUG_A}/utdrag?paragraf=59&paragraf=60`, { slug: SLUG_A });
    expect(extract.status).toBe(308);
    expect(extract.headers.get("location")).toBe(`/${A}/protokoll/${SLUG_A}/utdrag?paragraf=59&paragraf=60`);
  });
});
