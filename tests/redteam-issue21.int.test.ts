// Red team, issue 19/20 follow-up: attacks run the way production runs them, inside the request's
// organisation (row-level security on), with two organisations on one installation. Each finding
// is a test that failed before its fix; each "stays safe" test guards a hypothesis that held.
import { hash, verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
import { loadActor } from "@/server/actor";
import { runInScope } from "@/server/tenancy";
import { removeMembership, setUserPassword, updateUser } from "@/modules/administration/admin.mutations";
import { setCallOrder } from "@/modules/administration/bodies.mutations";
import { registerHistoricalProtocol } from "@/modules/historical/historical.mutations";
import { recordLiveEvent } from "@/modules/live/live.mutations";
import { LiveHub } from "@/modules/live/live.hub";
import { liveStreamResponse } from "@/modules/live/live.stream";
import { endAllSessions } from "@/server/session-version";
import { setTestClock } from "@/server/clock";
import { GET as bodyPapers } from "@/app/api/oparl/v1/body/[org]/paper/route";
import { GET as agendaItem } from "@/app/api/oparl/v1/meeting/[slug]/agendaitem/[number]/route";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, newDirektionenMeeting, SEED_SLUG } from "./support/seeded-db";
import { createYdreWithDirektionen } from "./support/bodies";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let itsamId: string;
let ydre: { id: string; bodyId: string };
/** An account of both organisations: a plain user of Itsam, the admin of Ydre. */
let sharedId: string;
/** Itsam's admin who is no platform admin and has no say in Ydre. */
let itsamAdminId: string;
/** The seed's admin: Itsam's admin and the platform's. */
let platformAdminId: string;
/** An account of Itsam only. */
let itsamOnlyId: string;
const PASSWORD = "ursprungligt lösenord";
const NOW = new Date("2026-12-05T10:00:00.000Z");

/** A context of `userId` working in `organisationId`, as the session builds it. */
async function as(userId: string, organisationId: string): Promise<ActionContext> {
  return { db, ip: "127.0.0.1", now: NOW, actor: await loadActor(db, userId, organisationId) };
}

beforeAll(async () => {
  seeded = await createSeededDatabase("redteam_issue21");
  db = seeded.db;
  itsamId = seeded.direktionen.organisationId;
  const passwordHash = await hash(PASSWORD);
  const { organisationId: ydreId, bodyId: ydreBodyId } = await createYdreWithDirektionen(db);
  ydre = { id: ydreId, bodyId: ydreBodyId };
  /** An account with a password, in these organisations (their admin where true), secretary of `secretaryOf`. */
  const account = async (email: string, name: string, organisations: [string, boolean][], secretaryOf?: string) =>
    (
      await db.user.create({
        data: {
          email,
          name,
          passwordHash,
          organisations: { create: organisations.map(([organisationId, isAdmin]) => ({ organisationId, isAdmin })) },
          ...(secretaryOf ? { bodyRoles: { create: { bodyId: secretaryOf, role: "SECRETARY" as const } } } : {}),
        },
      })
    ).id;
  // The platform made an existing Itsam account Ydre's first admin (createOrganisation allows it).
  sharedId = await account(
    "delad@itsam.example",
    "Delad Användare",
    [
      [itsamId, false],
      [ydreId, true],
    ],
    ydreBodyId,
  );
  itsamAdminId = await account("admin2@itsam.example", "Itsams andra administratör", [[itsamId, true]]);
  itsamOnlyId = await account("bara-itsam@itsam.example", "Bara Itsam", [[itsamId, false]]);
  platformAdminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@itsam.example" } })).id;
}, 180_000);

afterAll(async () => seeded?.drop());

const newPassword = { password: "angriparens lösenord", passwordConfirm: "angriparens lösenord" };

async function passwordStill(userId: string, password: string) {
  const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return verify(passwordHash!, password);
}

describe("an organisation's admin and an account shared with another organisation", () => {
  it("cannot set the password of a user who is also another organisation's admin (account takeover)", async () => {
    const ctx = await as(itsamAdminId, itsamId);
    const result = await runInScope(itsamId, () => setUserPassword(ctx, { userId: sharedId, ...newPassword }));
    expect(result).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringMatching(/annan organisation/),
    });
    expect(await passwordStill(sharedId, PASSWORD)).toBe(true);
  });

  it("cannot move that user's e-mail (the login and the single sign-on key) to an address of its own", async () => {
    const ctx = await as(itsamAdminId, itsamId);
    const result = await runInScope(itsamId, () =>
      updateUser(ctx, { userId: sharedId, email: "angripare@itsam.example", name: "Delad Användare", isAdmin: false }),
    );
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: sharedId } })).email).toBe("delad@itsam.example");
  });

  it("still sets that user's admin flag in its own organisation (the name and address left as they are)", async () => {
    const ctx = await as(itsamAdminId, itsamId);
    const membership = async (organisationId: string) =>
      (await db.organisationUser.findFirstOrThrow({ where: { userId: sharedId, organisationId } })).isAdmin;
    const set = (isAdmin: boolean) =>
      runInScope(itsamId, () =>
        updateUser(ctx, { userId: sharedId, email: "delad@itsam.example", name: "Delad Användare", isAdmin }),
      );
    expect(await set(true)).toMatchObject({ ok: true });
    expect(await membership(itsamId)).toBe(true);
    expect(await membership(ydre.id)).toBe(true);
    expect(await set(false)).toMatchObject({ ok: true });
    expect(await membership(itsamId)).toBe(false);
    expect(await membership(ydre.id)).toBe(true);
    expect(await db.user.findUniqueOrThrow({ where: { id: sharedId } })).toMatchObject({
      name: "Delad Användare",
      email: "delad@itsam.example",
    });
  });

  it("cannot set the password of the platform's admin, who is also an admin of its organisation", async () => {
    const before = (await db.user.findUniqueOrThrow({ where: { id: platformAdminId } })).passwordHash;
    const ctx = await as(itsamAdminId, itsamId);
    const result = await runInScope(itsamId, () => setUserPassword(ctx, { userId: platformAdminId, ...newPassword }));
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: platformAdminId } })).passwordHash).toBe(before);
  });

  it("still sets the password of an account of its own organisation only", async () => {
    const ctx = await as(itsamAdminId, itsamId);
    const result = await runInScope(itsamId, () => setUserPassword(ctx, { userId: itsamOnlyId, ...newPassword }));
    expect(result).toEqual({ ok: true, data: { id: itsamOnlyId } });
    expect(await passwordStill(itsamOnlyId, newPassword.password)).toBe(true);
  });

  it("may set it when it administers every organisation of the account", async () => {
    const both = (
      await db.user.create({
        data: {
          email: "admin-bada@itsam.example",
          name: "Admin i båda",
          organisations: {
            create: [
              { organisationId: itsamId, isAdmin: true },
              { organisationId: ydre.id, isAdmin: true },
            ],
          },
        },
      })
    ).id;
    const ctx = await as(both, itsamId);
    const result = await runInScope(itsamId, () => setUserPassword(ctx, { userId: sharedId, ...newPassword }));
    expect(result).toEqual({ ok: true, data: { id: sharedId } });
  });
});

describe("a scanned protocol that another organisation has registered too", () => {
  /** The same scanned PDF, byte for byte (a joint body's protocol both keep, say). */
  const scan = () =>
    new File(["%PDF-1.4\n% samma skanning\n1 0 obj << >> endobj\n%%EOF\n"], "protokoll.pdf", {
      type: "application/pdf",
    });
  const form = (bodyId: string, paragraphs = "1; Val av justerare") => ({
    bodyId,
    meetingDate: "2019-03-14",
    title: "",
    description: "",
    firstNumber: "",
    lastNumber: "",
    adjustedOn: "2019-03-20",
    postedOn: "2019-03-21",
    takeDownOn: "2019-04-12",
    paragraphs,
    isPublic: false,
    file: scan(),
  });

  it("is registered in each, without learning of the other's (under row-level security)", async () => {
    const secretary = await db.user.findUniqueOrThrow({ where: { email: "sekreterare@itsam.example" } });
    const itsamCtx = await as(secretary.id, itsamId);
    const first = await runInScope(itsamId, () => registerHistoricalProtocol(itsamCtx, form(seeded.direktionen.id)));
    expect(first).toMatchObject({ ok: true });
    const ydreCtx = await as(sharedId, ydre.id);
    const second = await runInScope(ydre.id, () => registerHistoricalProtocol(ydreCtx, form(ydre.bodyId)));
    // Before the fix: "Något gick fel på servern" (the insert hit the installation-wide unique index).
    expect(second).toMatchObject({ ok: true });
    // Within one organisation the same file is still refused, in Swedish.
    const again = await runInScope(ydre.id, () => registerHistoricalProtocol(ydreCtx, form(ydre.bodyId, "2; Övrigt")));
    expect(again).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { file: [expect.stringMatching(/redan registrerad/)] },
    });
  });
});

describe("the live log stream after the right to follow it is gone", () => {
  let hub: LiveHub;
  let meetingId: string;
  let slug: string;
  let personId: string;
  let tapCount = 0;

  beforeAll(async () => {
    hub = new LiveHub(seeded.url);
    ({ id: meetingId, slug } = await newDirektionenMeeting(seeded, "2022-05-19"));
    personId = (await db.person.findFirstOrThrow({ where: { name: "Annicki Oscarsson" } })).id;
  });
  afterAll(async () => hub?.close());

  const tap = async (present: boolean) => {
    const result = await recordLiveEvent(await contextFor(db, "secretary"), {
      meetingId,
      clientEventId: `redteam-${++tapCount}`,
      event: { type: "roll", personId, present },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
  };

  /** A yes to "may follow" holds for a second (a burst of taps costs one check). */
  const pastTheLastCheck = () => new Promise((resolve) => setTimeout(resolve, 1_100));

  /** The next event of the stream within `ms`, or "end" (the server said end or closed it), or "nothing". */
  async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, ms = 3_000): Promise<string> {
    const decoder = new TextDecoder();
    let buffer = "";
    const deadline = performance.now() + ms;
    while (performance.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - performance.now()))),
      ]);
      if (!chunk) break;
      if (chunk.done) return "end";
      buffer += decoder.decode(chunk.value, { stream: true });
      if (/^event: end$/m.test(buffer)) return "end";
      const id = /^id: (\d+)$/m.exec(buffer)?.[1];
      if (id) return `event ${id}`;
    }
    return "nothing";
  }

  it("ends when the secretary's body role is taken away", async () => {
    const user = await db.user.create({
      data: {
        email: "vikarie@itsam.example",
        name: "Vikarierande sekreterare",
        organisations: { create: { organisationId: itsamId } },
        bodyRoles: { create: { bodyId: seeded.direktionen.id, role: "SECRETARY" } },
      },
    });
    const actor = await loadActor(db, user.id, itsamId);
    const abort = new AbortController();
    const response = await runInScope(itsamId, () =>
      liveStreamResponse(db, actor, slug, 0, { hub, heartbeatMs: 200, signal: abort.signal }),
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await tap(true);
    expect(await nextEvent(reader)).toMatch(/^event \d+$/);
    await db.bodyRole.deleteMany({ where: { userId: user.id } });
    await pastTheLastCheck();
    await tap(false);
    // Before the fix the next roll call (and every ballot and jäv after it) still arrived.
    expect(await nextEvent(reader)).toBe("end");
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });

  it("ends when the user's sessions are ended (a new password, logout elsewhere)", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "sekreterare@itsam.example" } });
    const actor = await loadActor(db, user.id, itsamId);
    const abort = new AbortController();
    const { _max } = await db.liveEvent.aggregate({ where: { meetingId }, _max: { seq: true } });
    const response = await runInScope(itsamId, () =>
      liveStreamResponse(db, actor, slug, _max.seq ?? 0, {
        hub,
        heartbeatMs: 200,
        signal: abort.signal,
        sessionVersion: user.sessionVersion,
      }),
    );
    const reader = response.body!.getReader();
    await tap(true);
    expect(await nextEvent(reader)).toMatch(/^event \d+$/);
    await endAllSessions(db, user.id);
    await pastTheLastCheck();
    await tap(false);
    expect(await nextEvent(reader)).toBe("end");
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });
});

describe("another organisation's admin and Itsam's seats, by the queries' own scoping alone", () => {
  // Row-level security is the second line; these run without a request scope (as the development
  // server and the scripts do), so only the mutation's own scoping stands between Ydre's admin
  // and Itsam's ersättarordning and seats.
  it("cannot reorder or remove a seat of Itsam's body", async () => {
    const seat = await db.membership.findFirstOrThrow({
      where: { bodyId: seeded.direktionen.id, role: "SUBSTITUTE" },
      select: { id: true, callOrder: true },
    });
    const ydreAdmin = await as(sharedId, ydre.id);
    expect(await setCallOrder(ydreAdmin, { membershipId: seat.id, callOrder: "9" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await removeMembership(ydreAdmin, { membershipId: seat.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db.membership.findUnique({ where: { id: seat.id }, select: { callOrder: true } })).toEqual({
      callOrder: seat.callOrder,
    });
  });
});

describe("open data's Papers once the organisation's names rule applies", () => {
  // The rule (retention.ts): N years after justering every person the protocol records is
  // "[utelämnat]" on every public surface. A § title naming such a person (an appointment, a
  // resignation) is common; here § 61 names the förbundsdirektör, who is in the attendance list.
  const NAME = "Henrik Remmerfelt";
  const API = "http://localhost/api/oparl/v1";
  let restoreRouteDatabase: () => Promise<void>;
  const previousClock = process.env.PARAGRAF_TEST_CLOCK;

  beforeAll(async () => {
    restoreRouteDatabase = useRouteDatabase(seeded.url, { SMTP_URL: undefined });
    process.env.PARAGRAF_TEST_CLOCK = "1";
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    await db.paragraph.updateMany({
      where: { meetingId: meeting.id, number: 61 },
      data: { title: `Personal: förordnande av förbundsdirektör ${NAME}` },
    });
    await justeraDemoMeeting(db);
  }, 120_000);
  afterAll(async () => {
    setTestClock(null);
    await db.organisation.updateMany({ data: { publicNamesYears: null } });
    if (previousClock === undefined) delete process.env.PARAGRAF_TEST_CLOCK;
    else process.env.PARAGRAF_TEST_CLOCK = previousClock;
    await restoreRouteDatabase?.();
  });

  /** The route's answer as an HTTP request gets it (scripts/serve.mjs opens it with the empty scope). */
  const get = async <P>(
    handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
    path: string,
    params: P,
  ) => {
    const res = await runInScope("", () => handler(new Request(`${API}${path}`), { params: Promise.resolve(params) }));
    expect(res.status).toBe(200);
    return res.text();
  };
  const papers = () => get(bodyPapers, "/body/itsam/paper?elementsPerPage=100", { org: "itsam" });
  const item61 = () => get(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/61`, { slug: SEED_SLUG, number: "61" });

  it("name the person before the day, as the protocol page does", async () => {
    expect(await papers()).toContain(NAME);
    expect(await item61()).toContain(NAME);
  });

  it("withhold the name from the day on, like the AgendaItem and the page", async () => {
    await db.organisation.updateMany({ where: { id: itsamId }, data: { publicNamesYears: 1 } });
    setTestClock(new Date(Date.now() + 2 * 366 * 24 * 3600 * 1000));
    expect(await item61()).not.toContain(NAME);
    const body = await papers();
    expect(body).toContain("ITSAM 2021/6");
    // Before the fix the Paper's consultation still carried the title with the name.
    expect(body).not.toContain(NAME);
    expect(body).not.toContain("Remmerfelt");
  });
});
