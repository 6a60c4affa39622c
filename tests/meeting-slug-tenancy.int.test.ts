// Meeting slugs across organisations. Two municipalities on one installation both have a
// kommunfullmäktige, and both meet on the same Monday: each must be able to create its meeting,
// and neither may learn from the address it gets that the other exists or meets that day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { runInScope } from "@/server/tenancy";
import { actorFor, contextFor, createSeededDatabase } from "./support/seeded-db";
import { createYdreWithDirektionen } from "./support/bodies";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let ydreBodyId: string;
let ydreId: string;

const PLAIN = { startTime: "", endTime: "", place: "Kommunhuset", attendanceFrom: "none" } as const;

beforeAll(async () => {
  seeded = await createSeededDatabase("meeting_slug_tenancy");
  db = seeded.db;
  // A second organisation whose body has the same slug as Itsam's Direktionen.
  ({ organisationId: ydreId, bodyId: ydreBodyId } = await createYdreWithDirektionen(db));
  await db.user.create({
    data: {
      email: "sekreterare@ydre.example",
      name: "Ydres sekreterare",
      organisations: { create: { organisationId: ydreId } },
      bodyRoles: { create: { bodyId: ydreBodyId, role: "SECRETARY" } },
    },
  });
}, 180_000);

afterAll(async () => seeded?.drop());

describe("createMeeting across organisations", () => {
  it("lets two organisations' same-named bodies meet on the same day", async () => {
    const itsamCtx = await contextFor(db, "secretary");
    const itsam = await runInScope(seeded.direktionen.organisationId, () =>
      createMeeting(itsamCtx, { ...PLAIN, bodyId: seeded.direktionen.id, date: "2027-03-15" }),
    );
    expect(itsam).toMatchObject({ ok: true, data: { slug: "direktionen-2027-03-15" } });
    const ydreCtx = { db, ip: "127.0.0.1", actor: await actorFor(db, "sekreterare@ydre.example") };
    const ydre = await runInScope(ydreId, () =>
      createMeeting(ydreCtx, { ...PLAIN, bodyId: ydreBodyId, date: "2027-03-15" }),
    );
    // Slugs are unique in the whole installation (OParl names a meeting by its slug alone), so the
    // second gets "-2" — the same address a second meeting of its own body that day would get.
    expect(ydre).toMatchObject({ ok: true, data: { slug: "direktionen-2027-03-15-2" } });
  });

  it("lists only slugs of the asked shape, and only of meetings and historical protocols", async () => {
    const taken = (table: string, base: string) =>
      runInScope(
        ydreId,
        () => db.$queryRaw<{ slug: string }[]>`SELECT t AS slug FROM paragraf_taken_slugs(${table}, ${base}) AS t`,
      );
    expect((await taken("Meeting", "direktionen-2027-03-15")).map((r) => r.slug).sort()).toEqual([
      "direktionen-2027-03-15",
      "direktionen-2027-03-15-2",
    ]);
    // Nothing but "<base>" and "<base>-<digits>": no prefix search over other organisations' slugs.
    expect(await taken("Meeting", "direktionen-2027")).toEqual([]);
    expect(await taken("Meeting", "")).toEqual([]);
    await expect(taken("User", "x")).rejects.toThrow(/unknown table/);
    await expect(taken('Meeting" WHERE true; --', "x")).rejects.toThrow(/unknown table/);
  });
});
