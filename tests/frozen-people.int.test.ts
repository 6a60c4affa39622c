// What a signed protocol shows about people is frozen with it (issue 12, point 3): renaming a
// person after the protocol was sent for justering changes neither the protocol, its public
// copy, its verification result nor its open data, and its content hash still verifies.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { GET as meetingItem } from "@/app/api/oparl/v1/meeting/[slug]/route";
import { GET as agendaItem } from "@/app/api/oparl/v1/meeting/[slug]/agendaitem/[number]/route";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { findPublicProtocol } from "@/modules/publication/public.queries";
import { protocolContentHash } from "@/domain/protocol/content-hash";
import { sendForAdjustment } from "@/modules/justering/signoff.mutations";
import { verifyCode } from "@/modules/publication/verify";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { useRouteDatabase } from "./support/route-db";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";

const BASE = "https://paragraf.example.se";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let tmp: string;
let previousDataDir: string | undefined;
let restoreRouteDatabase: () => Promise<void>;

async function oparl(): Promise<unknown[]> {
  const get = async <P>(
    handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
    url: string,
    params: P,
  ) => {
    const res = await handler(new Request(`${BASE}/api/oparl/v1${url}`), { params: Promise.resolve(params) });
    expect(res.status, url).toBe(200);
    return res.json();
  };
  return [
    await get(meetingItem, `/meeting/${SEED_SLUG}`, { slug: SEED_SLUG }),
    await get(agendaItem, `/meeting/${SEED_SLUG}/agendaitem/62`, { slug: SEED_SLUG, number: "62" }),
  ];
}

/** Everyone the protocol names gets a new name, as an admin renaming people would do. */
async function renameEveryone() {
  const people = await db.person.findMany();
  for (const p of people) await db.person.update({ where: { id: p.id }, data: { name: `${p.name} (nytt namn)` } });
  return people.length;
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-frozen-people-"));
  previousDataDir = process.env.PARAGRAF_DATA_DIR;
  process.env.PARAGRAF_DATA_DIR = tmp;
  seeded = await createSeededDatabase("people");
  db = seeded.db;
  restoreRouteDatabase = useRouteDatabase(seeded.url, { APP_URL: BASE, SMTP_URL: undefined });
});

afterAll(async () => {
  await restoreRouteDatabase?.();
  await seeded?.drop();
  if (previousDataDir === undefined) delete process.env.PARAGRAF_DATA_DIR;
  else process.env.PARAGRAF_DATA_DIR = previousDataDir;
  rmSync(tmp, { recursive: true, force: true });
});

describe("a person renamed after justering", () => {
  it("leaves the protocol, its public copy, /verifiera and its open data as signed", async () => {
    await justeraDemoMeeting(db);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } });
    expect(meeting.status).toBe("ADJUSTED");
    const before = {
      protocol: await findProtocolBySlug(db, SEED_SLUG),
      public: await findPublicProtocol(db, SEED_SLUG),
      verified: await verifyCode(db, meeting.contentHash!),
      oparl: await oparl(),
    };
    expect(JSON.stringify(before)).toContain("Elisabet Hagström");

    expect(await renameEveryone()).toBeGreaterThan(10);

    const after = {
      protocol: await findProtocolBySlug(db, SEED_SLUG),
      public: await findPublicProtocol(db, SEED_SLUG),
      verified: await verifyCode(db, meeting.contentHash!),
      oparl: await oparl(),
    };
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain("(nytt namn)");
    expect(protocolContentHash(after.protocol!, meeting.hashSalt)).toBe(meeting.contentHash);
  });
});

describe("a person renamed while the protocol waits for justering", () => {
  it("does not change what the signers see, and a draft shows the new name", async () => {
    const other = await createSeededDatabase("people2");
    try {
      const slug = SEED_SLUG;
      const meeting = await other.db.meeting.findUniqueOrThrow({ where: { slug } });
      const draft = await findProtocolBySlug(other.db, slug);
      const chair = draft!.attendance.find((a) => a.role === "CHAIR")!;
      await other.db.person.update({ where: { id: chair.personId }, data: { name: "Ordförande Före" } });
      expect((await findProtocolBySlug(other.db, slug))!.attendance.find((a) => a.role === "CHAIR")!.name).toBe(
        "Ordförande Före",
      );

      // The seed's three content defects block sending; fix them as prisma/seed/justera-demo.ts does.
      const conny = await other.db.attendance.findFirstOrThrow({
        where: { meetingId: meeting.id, person: { name: "Conny Forsberg" } },
        include: { ranges: true },
      });
      await other.db.attendanceRange.update({ where: { id: conny.ranges[0]!.id }, data: { toNumber: 61 } });
      const p67 = await other.db.paragraph.findFirstOrThrow({ where: { meetingId: meeting.id, number: 67 } });
      await other.db.paragraph.update({
        where: { id: p67.id },
        data: { decisionIntro: "Direktionen beslutar att notera informationen till protokollet." },
      });
      await other.db.paragraphSection.deleteMany({ where: { paragraphId: p67.id, kind: { not: "SUMMARY" } } });
      const sent = await sendForAdjustment(await contextFor(other.db, "secretary"), { meetingId: meeting.id });
      expect(sent.ok).toBe(true);
      const sentProtocol = await findProtocolBySlug(other.db, slug);

      await other.db.person.update({ where: { id: chair.personId }, data: { name: "Ordförande Efter" } });
      const waiting = await findProtocolBySlug(other.db, slug);
      expect(waiting).toEqual(sentProtocol);
      expect(waiting!.signatures.find((s) => s.role === "CHAIR")!.name).toBe("Ordförande Före");
      const stored = await other.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
      expect(protocolContentHash(waiting!, stored.hashSalt)).toBe(stored.contentHash);
      // The frozen names are as frozen as the rest of the content.
      await expect(
        other.db.$executeRaw`UPDATE "ProtocolPerson" SET name = 'Någon annan' WHERE "meetingId" = ${meeting.id}`,
      ).rejects.toThrow(/låst/);
    } finally {
      await other.drop();
    }
  });
});
