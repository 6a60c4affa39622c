// The authorisation matrix: every protocol action × every kind of user, through the real
// handlers on real PostgreSQL. A call is "allowed" when it gets past the permission table (it may
// still fail later for another reason: a stale version, a wrong state, invalid content), and
// "refused" when the answer is UNAUTHENTICATED, FORBIDDEN or NOT_FOUND. Inputs are chosen so that
// allowed calls change nothing (stale versions, a protocol with errors, a non-PDF file).
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveAttendance, saveMeetingHeader } from "@/modules/meeting/meeting.mutations";
import { uploadAttachment } from "@/modules/paragraph/attachment.mutations";
import { moveParagraph, saveParagraph } from "@/modules/paragraph/paragraph.mutations";
import { toParagraphContent } from "@/modules/paragraph/paragraph.content";
import { findProtocolBySlug } from "@/modules/protocol/protocol.queries";
import { addCorrection, editNotice, returnProtocol, sendForAdjustment, signProtocol } from "@/modules/signoff/signoff.mutations";
import type { ActionContext, ActionResult } from "@/server/action";
import { actorFor, contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;

const ROLES = ["anonymous", "member", "adjusterOfAnotherMeeting", "secretaryOfAnotherBody", "chair", "adjuster", "secretary", "admin"] as const;
type Role = (typeof ROLES)[number];
const contexts = {} as Record<Role, ActionContext>;

beforeAll(async () => {
  const seeded = await createSeededDatabase("matrix");
  ({ db, drop } = seeded);
  // A justerare of a meeting of another body.
  const org = await db.organisation.findFirstOrThrow();
  const person = await db.person.create({ data: { organisationId: org.id, name: "Justerare Annat Möte" } });
  await db.user.create({ data: { email: "annan-justerare@itsam.example", name: person.name, passwordHash: await hash("test-password"), personId: person.id } });
  await db.meeting.create({ data: { bodyId: seeded.kcb.id, slug: "kommunchefsberedningen-2021-11-11", date: new Date("2021-11-11"), place: "Zoom", adjusters: { create: { personId: person.id, position: 0 } } } });
  for (const role of ROLES) {
    contexts[role] =
      role === "adjusterOfAnotherMeeting"
        ? { db, ip: null, actor: await actorFor(db, "annan-justerare@itsam.example") }
        : await contextFor(db, role === "secretaryOfAnotherBody" ? "otherSecretary" : role);
  }
});
afterAll(async () => drop?.());

type Outcome = "allowed" | "refused";
const outcome = (r: ActionResult<unknown>): Outcome => (!r.ok && ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"].includes(r.code) ? "refused" : "allowed");

async function inputs() {
  const p = (await findProtocolBySlug(db, SEED_SLUG))!;
  const meetingId = p.meeting.id;
  const p59 = p.paragraphs[0]!;
  return { meetingId, p59, content: toParagraphContent(p59) };
}

const E = { a: "allowed", r: "refused" } as const;
// Expected outcome per action, in the order of ROLES (the protocol is a draft).
const MATRIX: Record<string, { expect: Outcome[]; call: (ctx: ActionContext) => Promise<ActionResult<unknown>> }> = {
  saveParagraph: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => { const i = await inputs(); return saveParagraph(ctx, { paragraphId: i.p59.id, version: 999_999, content: i.content }); } },
  moveParagraph: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => moveParagraph(ctx, { paragraphId: (await inputs()).p59.id, direction: "up" }) },
  uploadAttachment: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => uploadAttachment(ctx, { paragraphId: (await inputs()).p59.id, label: "Bilaga", file: new File(["inte pdf"], "x.pdf") }) },
  saveMeetingHeader: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => saveMeetingHeader(ctx, { meetingId: (await inputs()).meetingId, version: 999_999, date: "2021-11-18", startTime: "", endTime: "", place: "Zoom", adjustmentPlace: "", adjustmentDate: "", secretaryPersonId: null, adjusterPersonIds: [] }) },
  saveAttendance: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => saveAttendance(ctx, { meetingId: (await inputs()).meetingId, version: 999_999, rows: [] }) },
  sendForAdjustment: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => sendForAdjustment(ctx, { meetingId: (await inputs()).meetingId }) },
  signProtocol: { expect: [E.r, E.r, E.r, E.r, E.a, E.a, E.a, E.r], call: async (ctx) => signProtocol(ctx, { meetingId: (await inputs()).meetingId, password: "paragraf-demo" }) },
  returnProtocol: { expect: [E.r, E.r, E.r, E.r, E.a, E.a, E.r, E.r], call: async (ctx) => returnProtocol(ctx, { meetingId: (await inputs()).meetingId, comment: "x" }) },
  addCorrection: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => addCorrection(ctx, { meetingId: (await inputs()).meetingId, paragraphNumber: "", text: "x", password: "paragraf-demo" }) },
  editNotice: { expect: [E.r, E.r, E.r, E.r, E.r, E.r, E.a, E.a], call: async (ctx) => editNotice(ctx, { meetingId: (await inputs()).meetingId, postedOn: "2021-11-18", takeDownOn: "" }) },
};

describe("authorisation matrix (draft protocol)", () => {
  it("matches the permission table for every action and role, and changes nothing", async () => {
    const before = JSON.stringify(await findProtocolBySlug(db, SEED_SLUG));
    const rows: string[] = [];
    const mismatches: string[] = [];
    for (const [action, { expect: expected, call }] of Object.entries(MATRIX)) {
      const cells: string[] = [];
      for (const [i, role] of ROLES.entries()) {
        const result = await call(contexts[role]);
        const got = outcome(result);
        cells.push(got === "allowed" ? "ja " : "nej");
        if (got !== expected[i]) mismatches.push(`${action} × ${role}: ${got} (${result.ok ? "ok" : result.code})`);
      }
      rows.push(`${action.padEnd(18)} ${cells.join("  ")}`);
    }
    console.log(`\n${"".padEnd(18)} ${ROLES.map((r) => r.slice(0, 3)).join("  ")}\n${rows.join("\n")}`);
    expect(mismatches).toEqual([]);
    expect(JSON.stringify(await findProtocolBySlug(db, SEED_SLUG))).toBe(before);
  });
});
