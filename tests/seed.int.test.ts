// The demo data goes into PostgreSQL as structured rows and comes back out unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { findProtocolBySlug, listBodiesWithMeetings } from "@/server/protocol.queries";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../prisma/seed/itsam-direktionen-2021-11-18";
import { hasData, loadSeed } from "../prisma/seed/load-seed";
import { createMigratedDatabase } from "./support/migrated-db";

let db: PrismaClient;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createMigratedDatabase("seed"));
  expect(await hasData(db)).toBe(false);
  await loadSeed(db, itsamSeed);
});
afterAll(async () => drop?.());

/** Replace database ids and seed keys by names so both sides compare. */
function withoutIds(p: ProtocolDTO) {
  const names = new Map(p.attendance.map((a) => [a.personId, a.name]));
  const json = JSON.stringify(p, (key, value) => {
    if (key === "personId" || key === "replacesPersonId") return value === null ? null : (names.get(value) ?? "?");
    if (key === "id") return undefined;
    return value;
  });
  return JSON.parse(json) as unknown;
}

describe("seed round trip", () => {
  it("stores the meeting and reads back exactly the fixture's protocol", async () => {
    const fixture = itsamSeed.meetings[0]!;
    const stored = await findProtocolBySlug(db, "direktionen-2021-11-18");
    expect(stored).not.toBeNull();
    const expected = {
      ...fixture,
      // Fields that came after the fixture was written read back as their stored "none".
      organisation: {
        caseNumberExample: null,
        publicRetention: { namesYears: null, noindexAfterAppeal: false },
        ...fixture.organisation,
      },
      signers: fixture.signers ?? [],
      body: { decisionPlacement: "BEFORE_SECTIONS", ...fixture.body },
      meeting: { adjustmentTime: null, ...fixture.meeting },
      attendance: fixture.attendance.map((a) => ({ arrivalTime: null, departureTime: null, ...a })),
      // The signature block lists who must sign; the fixture has no signatures yet.
      signatures: [
        {
          role: "SECRETARY",
          personId: fixture.secretary!.personId,
          name: fixture.secretary!.name,
          ranges: [],
          signedAt: null,
          contentHash: null,
        },
        { role: "CHAIR", personId: "jacob-kall", name: "Jacob Käll", ranges: [], signedAt: null, contentHash: null },
        ...fixture.adjusters.map((a) => ({
          role: "ADJUSTER",
          personId: a.personId,
          name: a.name,
          ranges: [],
          signedAt: null,
          contentHash: null,
        })),
      ],
    } as ProtocolDTO;
    const fixtureNames = new Map(itsamSeed.people.map((p) => [p.key, p.name]));
    const normalise = (p: ProtocolDTO) =>
      JSON.parse(
        JSON.stringify(withoutIds(p), (key, value) =>
          (key === "personId" || key === "replacesPersonId") && typeof value === "string" && fixtureNames.has(value)
            ? fixtureNames.get(value)
            : value,
        ),
      ) as unknown;
    expect(normalise(stored!)).toEqual(normalise(expected));
  });

  it("keeps § 62's budget table, motions and amendment link as rows", async () => {
    const p62 = await db.paragraph.findFirstOrThrow({
      where: { number: 62 },
      include: {
        motions: { orderBy: { position: "asc" }, include: { person: true, amends: true } },
        sections: true,
        propositions: true,
      },
    });
    expect(p62.caseNumber).toBe("ITSAM 2021/72");
    expect(p62.decisionClauses).toHaveLength(3);
    expect(p62.motions.map((m) => [m.person.name, m.kind])).toEqual([
      ["Joakim Magnusson", "TILLAGG"],
      ["Joakim Magnusson", "TILLAGG"],
      ["Jacob Käll", "ANDRING"],
    ]);
    expect(p62.motions[2]!.amends?.id).toBe(p62.motions[0]!.id);
    expect(p62.sections[0]!.plainText).toContain("Supportintäkter\t19 263\t19 032\t14 727");
    expect(p62.propositions).toHaveLength(1);
  });

  it("makes § numbers unique per body and year", async () => {
    const p59 = await db.paragraph.findFirstOrThrow({ where: { number: 59 } });
    await expect(
      db.paragraph.create({
        data: {
          meetingId: p59.meetingId,
          bodyId: p59.bodyId,
          year: 2021,
          number: 59,
          title: "Dubblett",
          decisionIntro: "x",
        },
      }),
    ).rejects.toThrow();
  });

  it("lists the bodies with their meetings for the home page", async () => {
    const bodies = await listBodiesWithMeetings(db);
    const direktionen = bodies.find((b) => b.slug === "direktionen");
    expect(direktionen?.meetings).toEqual([
      {
        slug: "direktionen-2021-11-18",
        date: "2021-11-18",
        place: "Zoom",
        status: "DRAFT",
        paragraphCount: 9,
        firstNumber: 59,
        lastNumber: 67,
      },
    ]);
    expect(bodies.map((b) => b.name)).toContain("Kommunchefsberedningen");
  });

  it("stores demo users with argon2id hashes, never the password", async () => {
    const users = await db.user.findMany({ include: { bodyRoles: true } });
    expect(users.map((u) => u.email).sort()).toEqual([
      "admin@itsam.example",
      "justerare@itsam.example",
      "ordforande@itsam.example",
      "sekreterare@itsam.example",
    ]);
    for (const u of users) expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    expect(users.find((u) => u.email === "sekreterare@itsam.example")?.bodyRoles.map((r) => r.role)).toEqual([
      "SECRETARY",
    ]);
  });

  it("does not load the demo data twice", async () => {
    expect(await hasData(db)).toBe(true);
  });
});
