// Fuller attendance (issue 14, point 4) against real PostgreSQL: an absent ledamot with the
// ersättare who served for them, arrival and departure times, the justering's time; what the
// public projection and the content hash make of them; and the database refusing to change them
// once the protocol is sent.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveAttendance, saveMeetingHeader } from "@/modules/drafting/meeting.mutations";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import { protocolContentHash } from "@/domain/protocol/content-hash";
import { checkAttendance } from "@/domain/rules/attendance.rules";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { PLATFORM_SCOPE_OPTION } from "./support/scope";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let app: pg.Client;

beforeAll(async () => {
  seeded = await createSeededDatabase("fullatt");
  db = seeded.db;
  app = new pg.Client({ connectionString: seeded.url, options: PLATFORM_SCOPE_OPTION });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await seeded?.drop();
});

const seedMeeting = () => db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG }, include: { adjusters: true } });
const protocol = async () => (await findProtocolBySlug(db, SEED_SLUG))!;

/** The stored list as the editor sends it. */
function editorRows(p: ProtocolDTO) {
  return p.attendance.map((a) => ({
    personId: a.personId as string | null,
    name: a.name,
    role: a.role as string,
    represents: a.represents ?? "",
    title: a.title ?? "",
    ranges: a.ranges.map((r) => `${r.from}-${r.to}`).join(", "),
    replacesPersonId: a.replacesPersonId,
    arrivalTime: a.arrivalTime ?? "",
    departureTime: a.departureTime ?? "",
  }));
}

describe("saving fuller attendance", () => {
  it("stores an absent ledamot, the ersättare serving for them and clock times", async () => {
    const m = await seedMeeting();
    const before = await protocol();
    const anna = await db.person.create({
      data: { organisationId: (await db.organisation.findFirstOrThrow()).id, name: "Anna Ek" },
    });
    const rows = editorRows(before).map((r) =>
      r.name === "Joakim Magnusson"
        ? { ...r, replacesPersonId: anna.id }
        : r.name === "Conny Forsberg"
          ? { ...r, departureTime: "11.15" }
          : r.name === "Malin Vikström"
            ? { ...r, arrivalTime: "1040", departureTime: "11:05" }
            : r,
    );
    rows.splice(4, 0, {
      personId: anna.id,
      name: "Anna Ek",
      role: "ABSENT",
      represents: "Åtvidabergs kommun",
      title: "",
      ranges: "",
      replacesPersonId: null,
      arrivalTime: "",
      departureTime: "",
    });
    const ctx = await contextFor(db, "secretary");
    const result = await saveAttendance(ctx, {
      meetingId: m.id,
      version: m.attendanceVersion,
      rows: rows,
    });
    expect(result).toMatchObject({ ok: true, data: { version: m.attendanceVersion + 1 } });

    const after = await protocol();
    const byName = (name: string) => after.attendance.find((a) => a.name === name)!;
    expect(byName("Anna Ek")).toMatchObject({
      role: "ABSENT",
      represents: "Åtvidabergs kommun",
      ranges: [],
      arrivalTime: null,
      departureTime: null,
    });
    expect(byName("Joakim Magnusson")).toMatchObject({ role: "SERVING_SUBSTITUTE", replacesPersonId: anna.id });
    // Times are stored in one spelling, HH:MM.
    expect(byName("Conny Forsberg")).toMatchObject({ arrivalTime: null, departureTime: "11:15" });
    expect(byName("Malin Vikström")).toMatchObject({ arrivalTime: "10:40", departureTime: "11:05" });
    // The same list sent again is no conflict (the times take part in the comparison).
    expect(
      await saveAttendance(ctx, {
        meetingId: m.id,
        version: m.attendanceVersion,
        rows: editorRows(after),
      }),
    ).toMatchObject({ ok: true });
    // The absent ledamot takes no seat and the ersättare serving for them overlaps no one.
    const codes = checkAttendance({ ...after }).map((f) => f.code);
    expect(codes).not.toContain("ABSENT_WITH_PRESENCE");
    expect(codes).not.toContain("ABSENT_AND_PRESENT");
  });

  it("explains bad times and an absent ledamot with §§ in Swedish, and stores nothing", async () => {
    const m = await seedMeeting();
    const before = await protocol();
    const row = {
      personId: before.attendance[1]!.personId,
      name: "",
      role: "MEMBER" as const,
      represents: "",
      title: "",
      ranges: "",
      replacesPersonId: null,
    };
    const ctx = await contextFor(db, "secretary");
    const save = (rows: unknown[]) => saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows });
    expect(await save([{ ...row, arrivalTime: "25:00" }])).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { "rows.0.arrivalTime": ["Ange tiden som TT:MM, t.ex. 10:00."] },
    });
    expect(await save([{ ...row, arrivalTime: "14:10", departureTime: "13:00" }])).toMatchObject({
      ok: false,
      fieldErrors: { "rows.0.departureTime": ["Tiden personen gick kan inte vara före tiden personen kom."] },
    });
    expect(await save([{ ...row, role: "ABSENT", ranges: "59-60", arrivalTime: "10:00" }])).toMatchObject({
      ok: false,
      fieldErrors: {
        "rows.0.ranges": [expect.stringContaining("En frånvarande ledamot var inte med på sammanträdet.")],
        "rows.0.arrivalTime": [expect.stringContaining("välj rollen Ledamot")],
      },
    });
    expect((await protocol()).attendance).toEqual(before.attendance);
  });

  it("stores the justering's time with its place and date", async () => {
    const m = await seedMeeting();
    const ctx = await contextFor(db, "secretary");
    const input = {
      meetingId: m.id,
      version: m.version,
      date: "2021-11-18",
      startTime: "10:00",
      endTime: "12:00",
      place: "Zoom",
      adjustmentPlace: "Stadshuset",
      adjustmentDate: "2021-11-25",
      adjustmentTime: "10.00",
      secretaryPersonId: m.secretaryId,
      adjusterPersonIds: m.adjusters.map((a) => a.personId),
    };
    expect(await saveMeetingHeader(ctx, { ...input, adjustmentDate: "" })).toMatchObject({
      ok: false,
      fieldErrors: { adjustmentDate: ["Ange justeringsdatum till tiden, eller ta bort tiden."] },
    });
    expect(await saveMeetingHeader(ctx, { ...input, adjustmentTime: "kl tio" })).toMatchObject({
      ok: false,
      fieldErrors: { adjustmentTime: ["Ange tiden som TT:MM, t.ex. 10:00."] },
    });
    expect(await saveMeetingHeader(ctx, input)).toEqual({ ok: true, data: { version: m.version + 1 } });
    expect((await protocol()).meeting).toMatchObject({
      adjustmentPlace: "Stadshuset",
      adjustmentDate: "2021-11-25",
      adjustmentTime: "10:00",
    });
    // A form that does not send the time (an older page) clears it rather than failing.
    const older: Partial<typeof input> = { ...input };
    delete older.adjustmentTime;
    expect(await saveMeetingHeader(ctx, { ...older, version: m.version + 1 })).toMatchObject({ ok: true });
    expect((await protocol()).meeting.adjustmentTime).toBeNull();
    expect(await saveMeetingHeader(ctx, { ...input, version: m.version + 2 })).toMatchObject({ ok: true });
  });
});

describe("the public projection and the content hash", () => {
  it("publishes the absence, the times and the justering's time", async () => {
    const p = await protocol();
    const pub = toPublicProtocol({ ...p, meeting: { ...p.meeting, status: "ADJUSTED" } }, TODAY);
    expect(pub.meeting.adjustmentTime).toBe("10:00");
    expect(pub.attendance.find((a) => a.name === "Anna Ek")).toMatchObject({ role: "ABSENT" });
    expect(pub.attendance.find((a) => a.name === "Malin Vikström")).toMatchObject({
      arrivalTime: "10:40",
      departureTime: "11:05",
    });
  });

  it("covers the new fields in the hash, and leaves a protocol without them as it was", async () => {
    const p = await protocol();
    const hash = protocolContentHash(p);
    const malin = p.attendance.findIndex((a) => a.name === "Malin Vikström");
    const moved = structuredClone(p);
    moved.attendance[malin]!.arrivalTime = "10:41";
    expect(protocolContentHash(moved)).not.toBe(hash);
    const later = structuredClone(p);
    later.meeting.adjustmentTime = "11:00";
    expect(protocolContentHash(later)).not.toBe(hash);
    // Unset (null, as read from the database) and absent hash alike.
    const unset = structuredClone(p);
    const absent = structuredClone(p);
    unset.meeting.adjustmentTime = null;
    delete absent.meeting.adjustmentTime;
    for (const a of unset.attendance) a.arrivalTime = a.departureTime = null;
    for (const a of absent.attendance) {
      delete a.arrivalTime;
      delete a.departureTime;
    }
    expect(protocolContentHash(unset)).toBe(protocolContentHash(absent));
  });
});

describe("a protocol sent for justering", () => {
  /** `fn` as the app role in a transaction that is always rolled back. */
  async function rolledBack(fn: () => Promise<void>) {
    await app.query("BEGIN");
    try {
      await fn();
    } finally {
      await app.query("ROLLBACK");
    }
  }
  async function attempt(sql: string, params: unknown[]) {
    await app.query("SAVEPOINT attempt");
    try {
      const result = await app.query(sql, params);
      await app.query("RELEASE SAVEPOINT attempt");
      return result;
    } catch (e) {
      await app.query("ROLLBACK TO SAVEPOINT attempt");
      throw e;
    }
  }
  const frozen = { hint: "paragraf_frozen", message: expect.stringContaining("Protokollet är låst") };

  it("refuses changes to the absence, the times and the justering's time", async () => {
    const m = await seedMeeting();
    await rolledBack(async () => {
      // As a draft the app role may change them.
      expect((await attempt(`UPDATE "Meeting" SET "adjustmentTime" = '10:30' WHERE id = $1`, [m.id])).rowCount).toBe(1);
      await attempt(`UPDATE "Meeting" SET status = 'READY_FOR_ADJUSTMENT', "contentHash" = $2 WHERE id = $1`, [
        m.id,
        "f".repeat(64),
      ]);
      await expect(
        attempt(`UPDATE "Meeting" SET "adjustmentTime" = '11:00' WHERE id = $1`, [m.id]),
      ).rejects.toMatchObject(frozen);
      await expect(attempt(`UPDATE "Meeting" SET "adjustmentTime" = NULL WHERE id = $1`, [m.id])).rejects.toMatchObject(
        frozen,
      );
      await expect(
        attempt(`UPDATE "Attendance" SET "arrivalTime" = '09:00' WHERE "meetingId" = $1`, [m.id]),
      ).rejects.toMatchObject(frozen);
      await expect(
        attempt(`UPDATE "Attendance" SET "departureTime" = '12:00' WHERE "meetingId" = $1`, [m.id]),
      ).rejects.toMatchObject(frozen);
      await expect(
        attempt(`UPDATE "Attendance" SET role = 'MEMBER' WHERE "meetingId" = $1 AND role = 'ABSENT'`, [m.id]),
      ).rejects.toMatchObject(frozen);
      await expect(
        attempt(`UPDATE "Attendance" SET role = 'ABSENT' WHERE "meetingId" = $1 AND role = 'MEMBER'`, [m.id]),
      ).rejects.toMatchObject(frozen);
    });
    expect((await seedMeeting()).status).toBe("DRAFT");
    expect((await protocol()).meeting.adjustmentTime).toBe("10:00");
  });
});
