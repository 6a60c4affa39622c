// The authorisation matrix: every protocol action × every kind of user × the protocol's states,
// through the real handlers on real PostgreSQL. Every cell asserts the exact outcome:
//   ok  the call succeeded AND its effect is in the database (then it is undone for the next cell)
//   F   forbidden by the permission table (nothing changed)
//   S   refused because of the protocol's state, with the table's Swedish sentence (nothing changed)
//   H   hidden: the user may not read the meeting and learns nothing about it (NOT_FOUND)
//   U   unauthenticated
//   Fp  forbidden after the table: an account without a person cannot sign a rättelse
//   D   refused because the notice has come down (by its dates: no status says so), with the
//       notice rules' sentence (nothing changed)
// A state refusal can therefore never pass for an allowed call, nor the other way round.
// The last block runs meetingWhereForActor on PostgreSQL, one OR clause at a time.
import { hash } from "@node-rs/argon2";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { addAttendancePerson, saveAttendance, saveMeetingHeader } from "@/modules/drafting/meeting.mutations";
import { uploadAttachment } from "@/modules/drafting/attachment.mutations";
import { moveParagraph, saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { addCorrection, returnProtocol, sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { editNotice } from "@/modules/notice/notice.mutations";
import type { ActionContext, ActionResult } from "@/server/action";
import { meetingWhereForActor, type Actor } from "@/server/authz";
import { actorFor, contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let drop: () => Promise<void>;
let dataDir: string;
let previousDataDir: string | undefined;
let meetingId: string;
let kcbId: string;

const ROLES = [
  "anonymous",
  "member",
  "adjusterOfAnotherMeeting",
  "secretaryOfAnotherBody",
  "chair",
  "chairWithoutBodyRole",
  "adjuster",
  "secretary",
  "admin",
] as const;
type Who = (typeof ROLES)[number];
const contexts = {} as Record<Who, ActionContext>;
const PASSWORD = "paragraf-demo";

beforeAll(async () => {
  previousDataDir = process.env.PARAGRAF_DATA_DIR;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "paragraf-matrix-"));
  process.env.PARAGRAF_DATA_DIR = dataDir; // the demo seal certificate is created here
  const seeded = await createSeededDatabase("matrix");
  ({ db, drop } = seeded);
  kcbId = seeded.kcb.id;
  // A justerare of a meeting of another body.
  const org = await db.organisation.findFirstOrThrow();
  const person = await db.person.create({ data: { organisationId: org.id, name: "Justerare Annat Möte" } });
  await db.user.create({
    data: {
      email: "annan-justerare@itsam.example",
      name: person.name,
      passwordHash: await hash("test-password"),
      personId: person.id,
    },
  });
  await db.meeting.create({
    data: {
      bodyId: kcbId,
      slug: "kommunchefsberedningen-2021-11-11",
      date: new Date("2021-11-11"),
      place: "Zoom",
      adjusters: { create: { personId: person.id, position: 0 } },
    },
  });
  for (const role of ROLES) {
    if (role === "chairWithoutBodyRole") continue;
    contexts[role] =
      role === "adjusterOfAnotherMeeting"
        ? { db, ip: null, actor: await actorFor(db, "annan-justerare@itsam.example") }
        : await contextFor(db, role === "secretaryOfAnotherBody" ? "otherSecretary" : role);
  }
  // The ordförande as they would be without any body role: only the attendance (role CHAIR)
  // connects them to the meeting. (User.personId is unique, so this is the same user with the
  // body role the session would not have.)
  contexts.chairWithoutBodyRole = { ...contexts.chair, actor: { ...contexts.chair.actor!, bodyRoles: [] } };

  // The three content defects the checker reports in the original seed, fixed (as in
  // prisma/seed/justera-demo.ts), so that sending for justering can really succeed.
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
  meetingId = meeting.id;
  await fixSeedDefects(db, meetingId);
});
afterAll(async () => {
  await drop?.();
  if (previousDataDir === undefined) delete process.env.PARAGRAF_DATA_DIR;
  else process.env.PARAGRAF_DATA_DIR = previousDataDir;
  rmSync(dataDir, { recursive: true, force: true });
});

type Kind = "ok" | "F" | "S" | "H" | "U" | "Fp" | "D";

// The Swedish sentence of each refusal, written out (src/server/authz.ts, src/server/action.ts).
const FORBIDDEN = "Du har inte behörighet till det här protokollet.";
const NOT_FOUND = "Sammanträdet eller paragrafen finns inte.";
const UNAUTHENTICATED = "Logga in igen för att spara.";
const NO_PERSON = "Ditt konto är inte kopplat till en person och kan inte signera en rättelse.";
// The notice of the last block: posted and taken down long ago (src/domain/rules/notice.rules.ts).
const NOTICE_DOWN = { postedOn: "2021-12-02", takeDownOn: "2021-12-23" };
const NOTICE_IS_DOWN = `Anslaget togs ned ${NOTICE_DOWN.takeDownOn} och kan inte längre ändras.`;
const STATE = {
  edit: "Protokollet kan inte ändras: det är skickat till justering eller justerat. Efter justering görs ändringar som rättelse.",
  send: "Protokollet kan bara skickas till justering när det är ett utkast.",
  sign: "Protokollet kan bara signeras när det väntar på justering.",
  return: "Protokollet kan bara skickas tillbaka när det väntar på justering.",
  correct: "Rättelse görs först när protokollet är justerat; ändra utkastet i stället.",
  notice: "Anslaget kan bara ändras när protokollet är justerat och anslaget inte tagits ned.",
};

const p59 = () => db.paragraph.findFirstOrThrow({ where: { meetingId, number: 59 } });
const meetingRow = () =>
  db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { adjusters: { orderBy: { position: "asc" } } } });
const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** One action: how to call it with input that succeeds when allowed, what its effect is, and how to undo it. */
interface Action {
  state: keyof typeof STATE;
  call: (ctx: ActionContext) => Promise<ActionResult<unknown>>;
  /** What the action changes; compared before and after every call. */
  probe: () => Promise<unknown>;
  undo: () => Promise<void>;
}

const ACTIONS: Record<string, Action> = {
  saveParagraph: {
    state: "edit",
    call: async (ctx) => {
      const p = (await findProtocolBySlug(db, SEED_SLUG))!.paragraphs.find((x) => x.number === 59)!;
      const { version } = await p59();
      return saveParagraph(ctx, {
        paragraphId: p.id,
        version,
        content: { ...toParagraphContent(p), title: `${p.title} (ändrad)` },
      });
    },
    probe: async () => (await p59()).title,
    undo: async () => {
      const p = await p59();
      await db.paragraph.update({ where: { id: p.id }, data: { title: p.title.replace(/ \(ändrad\)$/, "") } });
    },
  },
  moveParagraph: {
    state: "edit",
    call: async (ctx) => moveParagraph(ctx, { paragraphId: (await p59()).id, direction: "down" }),
    probe: async () => (await p59()).id,
    undo: async () => {
      const moved = await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 60 }, select: { id: true } });
      expect(await moveParagraph(contexts.secretary, { paragraphId: moved.id, direction: "up" })).toMatchObject({
        ok: true,
      });
    },
  },
  uploadAttachment: {
    state: "edit",
    call: async (ctx) =>
      uploadAttachment(ctx, {
        paragraphId: (await p59()).id,
        label: "Bilaga",
        file: new File(["%PDF-1.4\n%%EOF\n"], "bilaga.pdf"),
      }),
    probe: async () => db.attachment.count({ where: { paragraphId: (await p59()).id } }),
    undo: async () => {
      await db.attachment.deleteMany({
        where: { paragraphId: (await p59()).id, label: "Bilaga", fileName: "bilaga.pdf" },
      });
    },
  },
  saveMeetingHeader: {
    state: "edit",
    call: async (ctx) => {
      const m = await meetingRow();
      return saveMeetingHeader(ctx, {
        meetingId,
        version: m.version,
        date: isoDay(m.date),
        startTime: m.startTime ?? "",
        endTime: m.endTime ?? "",
        place: `${m.place} (ändrad)`,
        adjustmentPlace: m.adjustmentPlace ?? "",
        adjustmentDate: isoDay(m.adjustmentDate),
        secretaryPersonId: m.secretaryId,
        adjusterPersonIds: m.adjusters.map((a) => a.personId),
      });
    },
    probe: async () => (await meetingRow()).place,
    undo: async () => {
      const m = await meetingRow();
      await db.meeting.update({ where: { id: meetingId }, data: { place: m.place.replace(/ \(ändrad\)$/, "") } });
    },
  },
  saveAttendance: {
    state: "edit",
    call: async (ctx) => {
      const m = await meetingRow();
      const rows = (await findProtocolBySlug(db, SEED_SLUG))!.attendance.map((a) => ({
        personId: a.personId,
        name: a.name,
        role: a.role,
        represents: a.represents ?? "",
        title: a.title ?? "",
        ranges: a.ranges.map((r) => `${r.from}-${r.to}`).join(", "),
        replacesPersonId: a.replacesPersonId,
      }));
      rows.push({
        personId: null as unknown as string,
        name: "Franz Larsson",
        role: "OTHER",
        represents: "",
        title: "upphandlare",
        ranges: "",
        replacesPersonId: null,
      });
      return saveAttendance(ctx, { meetingId, version: m.attendanceVersion, rows });
    },
    probe: async () => db.attendance.count({ where: { meetingId } }),
    undo: async () => {
      await db.attendance.deleteMany({ where: { meetingId, person: { name: "Franz Larsson" } } });
    },
  },
  addAttendancePerson: {
    state: "edit",
    call: async (ctx) => addAttendancePerson(ctx, { meetingId, name: "Matrisgäst Närvaro" }),
    probe: async () => db.person.count({ where: { name: "Matrisgäst Närvaro" } }),
    undo: async () => {
      await db.person.deleteMany({ where: { name: "Matrisgäst Närvaro" } });
    },
  },
  sendForAdjustment: {
    state: "send",
    call: async (ctx) => sendForAdjustment(ctx, { meetingId }),
    probe: async () => (await meetingRow()).status,
    undo: async () => {
      // As returning it does: the document made for signing goes with the sending.
      await db.signingRevision.deleteMany({ where: { meetingId } });
      await db.meeting.update({ where: { id: meetingId }, data: { status: "DRAFT", contentHash: null } });
    },
  },
  signProtocol: {
    state: "sign",
    call: async (ctx) => signProtocol(ctx, { meetingId, password: PASSWORD }),
    probe: async () => db.signature.count({ where: { meetingId } }),
    undo: async () => {
      // The signature and the revision it made of the document to sign (the field filled).
      await db.signingRevision.deleteMany({ where: { meetingId, seq: { gt: 0 } } });
      await db.signature.deleteMany({ where: { meetingId } });
    },
  },
  returnProtocol: {
    state: "return",
    call: async (ctx) => returnProtocol(ctx, { meetingId, comment: "Fel i § 60." }),
    probe: async () => (await meetingRow()).status,
    undo: async () => {
      await db.meeting.update({
        where: { id: meetingId },
        data: { status: "READY_FOR_ADJUSTMENT", contentHash: readyHash },
      });
    },
  },
  addCorrection: {
    state: "correct",
    call: async (ctx) =>
      addCorrection(ctx, { meetingId, paragraphNumber: "", text: "Rättelse: fel datum i § 60.", password: PASSWORD }),
    probe: async () => db.correction.count({ where: { meetingId } }),
    undo: async () => {}, // a rättelse stays (append-only); the next cell compares counts
  },
  editNotice: {
    state: "notice",
    call: async (ctx) => {
      const n = await db.notice.findUniqueOrThrow({ where: { meetingId } });
      const later = new Date(n.takeDownOn.getTime() + 7 * 86_400_000);
      return editNotice(ctx, { meetingId, postedOn: isoDay(n.postedOn), takeDownOn: isoDay(later) });
    },
    probe: async () => isoDay((await db.notice.findUnique({ where: { meetingId } }))?.takeDownOn ?? null),
    undo: async () => {
      await db.notice.update({ where: { meetingId }, data: { takeDownOn: noticeTakeDownOn!, revisedAt: null } });
    },
  },
};
let readyHash: string | null = null;
let noticeTakeDownOn: Date | null = null;

// Columns: anonymous, member, adjusterOfAnotherMeeting, secretaryOfAnotherBody, chair,
// chairWithoutBodyRole, adjuster, secretary (the body's and the meeting's), admin (no person).
const MATRIX = {
  DRAFT: `
    saveParagraph      U  F  H  H  F   F   F   ok  ok
    moveParagraph      U  F  H  H  F   F   F   ok  ok
    uploadAttachment   U  F  H  H  F   F   F   ok  ok
    saveMeetingHeader  U  F  H  H  F   F   F   ok  ok
    saveAttendance     U  F  H  H  F   F   F   ok  ok
    addAttendancePerson U  F  H  H  F   F   F   ok  ok
    sendForAdjustment  U  F  H  H  F   F   F   ok  ok
    signProtocol       U  F  H  H  S   S   S   S   F
    returnProtocol     U  F  H  H  S   S   S   F   F
    addCorrection      U  F  H  H  F   F   F   S   S
    editNotice         U  F  H  H  F   F   F   S   S`,
  READY_FOR_ADJUSTMENT: `
    saveParagraph      U  F  H  H  F   F   F   S   S
    moveParagraph      U  F  H  H  F   F   F   S   S
    uploadAttachment   U  F  H  H  F   F   F   S   S
    saveMeetingHeader  U  F  H  H  F   F   F   S   S
    saveAttendance     U  F  H  H  F   F   F   S   S
    addAttendancePerson U  F  H  H  F   F   F   S   S
    sendForAdjustment  U  F  H  H  F   F   F   S   S
    signProtocol       U  F  H  H  ok  ok  ok  ok  F
    returnProtocol     U  F  H  H  ok  ok  ok  F   F
    addCorrection      U  F  H  H  F   F   F   S   S
    editNotice         U  F  H  H  F   F   F   S   S`,
  ADJUSTED: `
    saveParagraph      U  F  H  H  F   F   F   S   S
    moveParagraph      U  F  H  H  F   F   F   S   S
    uploadAttachment   U  F  H  H  F   F   F   S   S
    saveMeetingHeader  U  F  H  H  F   F   F   S   S
    saveAttendance     U  F  H  H  F   F   F   S   S
    addAttendancePerson U  F  H  H  F   F   F   S   S
    sendForAdjustment  U  F  H  H  F   F   F   S   S
    signProtocol       U  F  H  H  S   S   S   S   F
    returnProtocol     U  F  H  H  S   S   S   F   F
    addCorrection      U  F  H  H  F   F   F   ok  Fp
    editNotice         U  F  H  H  F   F   F   ok  ok`,
  NOTICE_DOWN: `
    saveParagraph      U  F  H  H  F   F   F   S   S
    moveParagraph      U  F  H  H  F   F   F   S   S
    uploadAttachment   U  F  H  H  F   F   F   S   S
    saveMeetingHeader  U  F  H  H  F   F   F   S   S
    saveAttendance     U  F  H  H  F   F   F   S   S
    addAttendancePerson U  F  H  H  F   F   F   S   S
    sendForAdjustment  U  F  H  H  F   F   F   S   S
    signProtocol       U  F  H  H  S   S   S   S   F
    returnProtocol     U  F  H  H  S   S   S   F   F
    addCorrection      U  F  H  H  F   F   F   ok  Fp
    editNotice         U  F  H  H  F   F   F   D   D`,
} as const;

/** The stored status in each block: the notice being down is no status of its own. */
const STORED = {
  DRAFT: "DRAFT",
  READY_FOR_ADJUSTMENT: "READY_FOR_ADJUSTMENT",
  ADJUSTED: "ADJUSTED",
  NOTICE_DOWN: "ADJUSTED",
} as const;

function parse(table: string): [string, Kind[]][] {
  return table
    .trim()
    .split("\n")
    .map((line) => {
      const [action, ...cells] = line.trim().split(/\s+/);
      return [action!, cells as Kind[]];
    });
}

/** The exact outcome of one call, or a description of what went wrong. */
function kindOf(action: Action, r: ActionResult<unknown>): string {
  if (r.ok) return "ok";
  if (r.code === "UNAUTHENTICATED" && r.message === UNAUTHENTICATED) return "U";
  if (r.code === "NOT_FOUND" && r.message === NOT_FOUND) return "H";
  if (r.code === "FORBIDDEN" && r.message === FORBIDDEN) return "F";
  if (r.code === "FORBIDDEN" && r.message === NO_PERSON) return "Fp";
  if (r.code === "STATE" && r.message === STATE[action.state]) return "S";
  if (r.code === "STATE" && r.message === NOTICE_IS_DOWN) return "D";
  return `${r.code}: ${r.message}${"fieldErrors" in r ? ` ${JSON.stringify(r.fieldErrors)}` : ""}`;
}

async function runState(status: keyof typeof MATRIX) {
  const rows = parse(MATRIX[status]);
  expect(rows.map(([a]) => a).sort()).toEqual(Object.keys(ACTIONS).sort());
  const mismatches: string[] = [];
  const printed: string[] = [];
  for (const [name, expected] of rows) {
    const action = ACTIONS[name]!;
    expect(expected, name).toHaveLength(ROLES.length);
    const cells: string[] = [];
    for (const [i, who] of ROLES.entries()) {
      expect((await meetingRow()).status).toBe(STORED[status]);
      const before = await action.probe();
      const result = await action.call(contexts[who]);
      const after = await action.probe();
      const got = kindOf(action, result);
      cells.push(got.length <= 3 ? got.padEnd(3) : "?? ");
      if (got !== expected[i]) mismatches.push(`${status} ${name} × ${who}: expected ${expected[i]}, got ${got}`);
      // An allowed call has its effect; every refusal leaves the database as it was.
      if (got === "ok") {
        if (JSON.stringify(after) === JSON.stringify(before)) {
          mismatches.push(`${status} ${name} × ${who}: allowed but nothing changed`);
          continue;
        }
        await action.undo();
        if (name !== "addCorrection")
          expect(JSON.stringify(await action.probe()), `${name} undone`).toBe(JSON.stringify(before));
      } else if (JSON.stringify(after) !== JSON.stringify(before)) {
        mismatches.push(
          `${status} ${name} × ${who}: refused (${got}) but changed ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
        );
        await action.undo();
      }
    }
    printed.push(`${name.padEnd(18)} ${cells.join(" ")}`);
  }
  console.log(`\n${status}\n${"".padEnd(18)} ${ROLES.map((r) => r.slice(0, 3)).join(" ")}\n${printed.join("\n")}`);
  expect(mismatches).toEqual([]);
}

describe("authorisation matrix", () => {
  it("a draft: the secretary and the admin edit and send; signing and returning are refused for the state", async () => {
    await runState("DRAFT");
  });

  it("waiting for justering: content is locked for the state; the three signers sign, chair and justerare return", async () => {
    const sent = await sendForAdjustment(contexts.secretary, { meetingId });
    expect(sent).toMatchObject({ ok: true });
    readyHash = (await meetingRow()).contentHash;
    expect(readyHash).toMatch(/^[0-9a-f]{64}$/);
    await runState("READY_FOR_ADJUSTMENT");
  });

  it("justerat: only rättelse (by a person) and the notice remain", async () => {
    for (const who of ["chairWithoutBodyRole", "adjuster", "secretary"] as const) {
      expect(await signProtocol(contexts[who], { meetingId, password: PASSWORD }), who).toMatchObject({ ok: true });
    }
    noticeTakeDownOn = (await db.notice.findUniqueOrThrow({ where: { meetingId } })).takeDownOn;
    await runState("ADJUSTED");
  });

  it("taken down: rättelse still; the notice can no longer be changed", async () => {
    const { postedOn, takeDownOn } = NOTICE_DOWN;
    const dates = { postedOn: new Date(postedOn), takeDownOn: new Date(takeDownOn) };
    await db.notice.update({ where: { meetingId }, data: dates });
    await runState("NOTICE_DOWN");
  });
});

describe("meetingWhereForActor on PostgreSQL: each way into the list of meetings", () => {
  it("shows body members their bodies' meetings, and secretaries, justerare and chairs without a body role their own", async () => {
    const org = await db.organisation.findFirstOrThrow();
    const person = async (name: string, email: string) => {
      const p = await db.person.create({ data: { organisationId: org.id, name } });
      await db.user.create({ data: { email, name, passwordHash: "x", personId: p.id } });
      return p.id;
    };
    const secretaryOnly = await person("Sekreterare Utan Organ", "sekr-utan-organ@itsam.example");
    const chairOnly = await person("Ordförande Utan Organ", "ordf-utan-organ@itsam.example");
    const presentOnly = await person("Närvarande Utan Organ", "narv-utan-organ@itsam.example");
    await db.meeting.create({
      data: {
        bodyId: kcbId,
        slug: "kommunchefsberedningen-2021-12-01",
        date: new Date("2021-12-01"),
        place: "Zoom",
        secretaryId: secretaryOnly,
      },
    });
    await db.meeting.create({
      data: {
        bodyId: kcbId,
        slug: "kommunchefsberedningen-2021-12-08",
        date: new Date("2021-12-08"),
        place: "Zoom",
        attendances: {
          create: [
            { personId: chairOnly, role: "CHAIR", position: 0 },
            { personId: presentOnly, role: "MEMBER", position: 1 },
          ],
        },
      },
    });
    const visible = async (actor: Actor) =>
      (
        await db.meeting.findMany({
          where: meetingWhereForActor(actor),
          select: { slug: true },
          orderBy: { slug: "asc" },
        })
      ).map((m) => m.slug);
    const all = (await db.meeting.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((m) => m.slug);
    const direktionen = (
      await db.meeting.findMany({
        where: { body: { slug: "direktionen" } },
        select: { slug: true },
        orderBy: { slug: "asc" },
      })
    ).map((m) => m.slug);
    const kcb = (
      await db.meeting.findMany({ where: { bodyId: kcbId }, select: { slug: true }, orderBy: { slug: "asc" } })
    ).map((m) => m.slug);
    expect(direktionen).toContain(SEED_SLUG);

    expect(await visible(contexts.admin.actor!)).toEqual(all);
    // Body role (clause 1): the member sees Direktionen's meetings, the other body's secretary theirs.
    expect(await visible(contexts.member.actor!)).toEqual(direktionen);
    expect(await visible(contexts.secretaryOfAnotherBody.actor!)).toEqual(kcb);
    // Secretary of a meeting (clause 2), justerare (clause 3), ordförande in the attendance (clause 4).
    expect(await visible(await actorFor(db, "sekr-utan-organ@itsam.example"))).toEqual([
      "kommunchefsberedningen-2021-12-01",
    ]);
    expect(await visible(contexts.adjusterOfAnotherMeeting.actor!)).toEqual(["kommunchefsberedningen-2021-11-11"]);
    expect(await visible(await actorFor(db, "ordf-utan-organ@itsam.example"))).toEqual([
      "kommunchefsberedningen-2021-12-08",
    ]);
    expect(await visible(contexts.chairWithoutBodyRole.actor!)).toEqual([SEED_SLUG]);
    // Being present is not enough: only the ordförande's attendance opens the meeting.
    expect(await visible(await actorFor(db, "narv-utan-organ@itsam.example"))).toEqual([]);
  });
});
