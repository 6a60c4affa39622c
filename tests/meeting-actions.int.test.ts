// Meeting actions: create (with the attendance copied), header and attendance saves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  addAttendancePerson,
  createMeeting,
  saveAttendance,
  saveMeetingHeader,
} from "@/modules/drafting/meeting.mutations";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let bodyId: string;
let kcbId: string;

beforeAll(async () => {
  const seeded = await createSeededDatabase("meet");
  ({ db, drop } = seeded);
  bodyId = seeded.direktionen.id;
  kcbId = seeded.kcb.id;
});
afterAll(async () => drop?.());

describe("createMeeting", () => {
  it("creates a meeting with a readable slug and the members as attendance", async () => {
    const ctx = await contextFor(db, "secretary");
    const result = await createMeeting(ctx, {
      bodyId,
      date: "2022-02-10",
      startTime: "9.30",
      endTime: "12:00",
      place: "Rum Kinda",
      attendanceFrom: "members",
    });
    expect(result).toMatchObject({ ok: true, data: { slug: "direktionen-2022-02-10" } });
    const protocol = (await findProtocolBySlug(db, "direktionen-2022-02-10"))!;
    expect(protocol.meeting).toMatchObject({
      startTime: "09:30",
      endTime: "12:00",
      place: "Rum Kinda",
      status: "DRAFT",
    });
    expect(protocol.attendance.map((a) => [a.name, a.role, a.represents])).toEqual([
      ["Jacob Käll", "CHAIR", "Vimmerby kommun"],
      ["Annicki Oscarsson", "MEMBER", "Ödeshögs kommun"],
      ["Conny Forsberg", "MEMBER", "Kinda kommun"],
      ["Elisabet Hagström", "MEMBER", "Ydre kommun"],
      // The ersättare as the body lists them (issue 14, point 11), not in name order.
      ["Joakim Magnusson", "SUBSTITUTE", "Åtvidabergs kommun"],
      ["Gunnar Malgeryd", "SUBSTITUTE", "Boxholms kommun"],
      ["Christer Segerstéen", "SUBSTITUTE", "Kinda kommun"],
    ]);
    expect(protocol.secretary?.name).toBe("Joakim Karlsson");
    // A second meeting the same day gets its own slug.
    expect(
      await createMeeting(ctx, {
        bodyId,
        date: "2022-02-10",
        startTime: "",
        endTime: "",
        place: "Zoom",
        attendanceFrom: "none",
      }),
    ).toMatchObject({
      ok: true,
      data: { slug: "direktionen-2022-02-10-2" },
    });
  });

  it("copies the previous meeting's people without its § ranges or serving roles", async () => {
    const result = await createMeeting(await contextFor(db, "secretary"), {
      bodyId,
      date: "2021-12-09",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "previous",
    });
    expect(result.ok).toBe(true);
    const protocol = (await findProtocolBySlug(db, "direktionen-2021-12-09"))!;
    expect(protocol.attendance).toHaveLength(11);
    expect(protocol.attendance.every((a) => a.ranges.length === 0)).toBe(true);
    expect(protocol.attendance.find((a) => a.name === "Joakim Magnusson")?.role).toBe("SUBSTITUTE");
    expect(protocol.attendance.find((a) => a.name === "Malin Vikström")).toMatchObject({
      role: "OTHER",
      title: "ekonom",
    });
  });

  it("explains bad input in Swedish", async () => {
    const result = await createMeeting(await contextFor(db, "secretary"), {
      bodyId,
      date: "2022-02-30",
      startTime: "25:00",
      endTime: "",
      place: "x".repeat(201),
      attendanceFrom: "x",
    });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        date: ["Ange sammanträdets datum som ÅÅÅÅ-MM-DD, t.ex. 2021-11-18."],
        startTime: ["Ange tiden som TT:MM, t.ex. 10:00."],
        place: ["Platsen får vara högst 200 tecken."],
        attendanceFrom: ["Välj var närvarolistan ska hämtas från."],
      },
    });
  });

  it.each<[ActorName, string]>([
    ["anonymous", "UNAUTHENTICATED"],
    ["member", "FORBIDDEN"],
    ["chair", "FORBIDDEN"],
    ["otherSecretary", "FORBIDDEN"],
  ])("refuses %s", async (who, code) => {
    const result = await createMeeting(await contextFor(db, who), {
      bodyId,
      date: "2022-03-01",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "none",
    });
    expect(result).toMatchObject({ ok: false, code });
  });

  it("lets the other body's secretary create meetings for that body", async () => {
    const result = await createMeeting(await contextFor(db, "otherSecretary"), {
      bodyId: kcbId,
      date: "2022-03-01",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "none",
    });
    expect(result).toMatchObject({ ok: true, data: { slug: "kommunchefsberedningen-2022-03-01" } });
  });
});

async function seedMeeting() {
  return db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG }, include: { adjusters: true } });
}

describe("saveMeetingHeader", () => {
  it("saves the header and the justerare, and refuses a stale version", async () => {
    const m = await seedMeeting();
    const annicki = m.adjusters[0]!.personId;
    const elisabet = (await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } })).id;
    const ctx = await contextFor(db, "secretary");
    const input = {
      meetingId: m.id,
      version: m.version,
      date: "2021-11-18",
      startTime: "10:00",
      endTime: "12.00",
      place: "Zoom",
      adjustmentPlace: "Digitalt",
      adjustmentDate: "2021-11-25",
      secretaryPersonId: m.secretaryId,
      adjusterPersonIds: [annicki, elisabet],
    };
    expect(await saveMeetingHeader(ctx, input)).toEqual({ ok: true, data: { version: m.version + 1 } });
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    expect(protocol.meeting).toMatchObject({ adjustmentPlace: "Digitalt", adjustmentDate: "2021-11-25" });
    expect(protocol.adjusters.map((a) => a.name)).toEqual(["Annicki Oscarsson", "Elisabet Hagström"]);
    expect(await saveMeetingHeader(ctx, { ...input, place: "Annat" })).toMatchObject({ ok: false, code: "CONFLICT" });
    // Restore for other tests.
    expect(
      (
        await saveMeetingHeader(ctx, {
          ...input,
          version: m.version + 1,
          adjustmentPlace: "",
          adjustmentDate: "",
          adjusterPersonIds: [annicki],
        })
      ).ok,
    ).toBe(true);
  });

  it("explains bad input and refuses moving the meeting to another year", async () => {
    const m = await seedMeeting();
    const ctx = await contextFor(db, "secretary");
    const base = {
      meetingId: m.id,
      version: m.version,
      date: "2021-11-18",
      startTime: "10:00",
      endTime: "12:00",
      place: "Zoom",
      adjustmentPlace: "",
      adjustmentDate: "",
      secretaryPersonId: m.secretaryId,
      adjusterPersonIds: [],
    };
    expect(await saveMeetingHeader(ctx, { ...base, endTime: "09:00" })).toMatchObject({
      fieldErrors: { endTime: ["Sluttiden kan inte vara före starttiden."] },
    });
    expect(await saveMeetingHeader(ctx, { ...base, adjustmentDate: "25/11" })).toMatchObject({
      fieldErrors: { adjustmentDate: ["Ange justeringsdatum som ÅÅÅÅ-MM-DD."] },
    });
    expect(await saveMeetingHeader(ctx, { ...base, date: "2022-01-13" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { date: [expect.stringMatching(/samma år/)] },
    });
  });

  it.each<[ActorName, string]>([
    ["anonymous", "UNAUTHENTICATED"],
    ["adjuster", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
  ])("refuses %s", async (who, code) => {
    const m = await seedMeeting();
    const result = await saveMeetingHeader(await contextFor(db, who), {
      meetingId: m.id,
      version: m.version,
      date: "2021-11-18",
      startTime: "",
      endTime: "",
      place: "Kapat",
      adjustmentPlace: "",
      adjustmentDate: "",
      secretaryPersonId: null,
      adjusterPersonIds: [],
    });
    expect(result).toMatchObject({ ok: false, code });
    expect((await seedMeeting()).place).toBe("Zoom");
  });
});

describe("saveAttendance", () => {
  it("saves rows with § ranges, adds new people, and refuses a stale version", async () => {
    const m = await seedMeeting();
    const before = (await findProtocolBySlug(db, SEED_SLUG))!.attendance;
    const rows = before.map((a) => ({
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
      ranges: "§ 60",
      replacesPersonId: null,
    });
    const ctx = await contextFor(db, "secretary");
    const result = await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows });
    expect(result).toMatchObject({ ok: true, data: { version: m.attendanceVersion + 1 } });
    const after = (await findProtocolBySlug(db, SEED_SLUG))!.attendance;
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      name: "Franz Larsson",
      role: "OTHER",
      title: "upphandlare",
      ranges: [{ from: 60, to: 60 }],
    });
    expect(await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("explains a bad § range in Swedish", async () => {
    const m = await seedMeeting();
    const result = await saveAttendance(await contextFor(db, "secretary"), {
      meetingId: m.id,
      version: m.attendanceVersion,
      rows: [
        {
          personId: null,
          name: "",
          role: "MEMBER",
          represents: "",
          title: "",
          ranges: "62-59",
          replacesPersonId: null,
        },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        "rows.0.ranges": ["Intervallet 62-59 går baklänges. Skriv det lägsta numret först, t.ex. 59-62."],
      },
    });
    const unnamed = await saveAttendance(await contextFor(db, "secretary"), {
      meetingId: m.id,
      version: m.attendanceVersion,
      rows: [
        { personId: null, name: " ", role: "MEMBER", represents: "", title: "", ranges: "", replacesPersonId: null },
      ],
    });
    expect(unnamed).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { "rows.0.name": ["Skriv namnet eller välj en person."] },
    });
  });

  it.each<[ActorName, string]>([
    ["anonymous", "UNAUTHENTICATED"],
    ["chair", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
  ])("refuses %s", async (who, code) => {
    const m = await seedMeeting();
    const result = await saveAttendance(await contextFor(db, who), {
      meetingId: m.id,
      version: m.attendanceVersion,
      rows: [],
    });
    expect(result).toMatchObject({ ok: false, code });
    expect(await db.attendance.count({ where: { meetingId: m.id } })).toBeGreaterThan(0);
  });
});

describe("attendance conflicts (issue 14, point 8)", () => {
  async function storedRows(meetingId: string) {
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { slug: true } });
    return (await findProtocolBySlug(db, m.slug))!.attendance.map((a) => ({
      personId: a.personId,
      name: a.name,
      role: a.role,
      represents: a.represents ?? "",
      title: a.title ?? "",
      ranges: a.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(", "),
      replacesPersonId: a.replacesPersonId,
    }));
  }

  it("takes the same list sent again at the old version (its first answer was lost) without a conflict", async () => {
    const m = await seedMeeting();
    const ctx = await contextFor(db, "secretary");
    const rows = await storedRows(m.id);
    rows[0] = { ...rows[0]!, title: "ordförande", ranges: "59 -60,  61" };
    const audit = { where: { meetingId: m.id, action: "meeting.attendance" } };
    const auditsBefore = await db.auditLog.count(audit);
    const first = await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows });
    expect(first).toMatchObject({ ok: true, data: { version: m.attendanceVersion + 1 } });
    // The page was reloaded before the answer came: the same list, the same (now old) version.
    const again = await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows });
    expect(again).toMatchObject({ ok: true, data: { version: m.attendanceVersion + 1 } });
    expect(await db.auditLog.count(audit)).toBe(auditsBefore + 1);
    // A different list at the old version is still a conflict.
    rows[0] = { ...rows[0]!, title: "något annat" };
    expect(await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
  });

  it("answers a real conflict with the stored list, so the editor can offer keep-mine / take-theirs", async () => {
    const m = await seedMeeting();
    const ctx = await contextFor(db, "secretary");
    const theirs = await storedRows(m.id);
    theirs[1] = { ...theirs[1]!, ranges: "60" };
    expect(await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows: theirs })).toMatchObject({
      ok: true,
    });
    const mine = (await storedRows(m.id)).map((r, i) => (i === 0 ? { ...r, title: "min ändring" } : r));
    mine[1] = { ...mine[1]!, ranges: "" };
    const refused = await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows: mine });
    expect(refused).toMatchObject({ ok: false, code: "CONFLICT" });
    const current = (refused as { current: { version: number; rows: { personId: string; ranges: string }[] } }).current;
    expect(current.version).toBe(m.attendanceVersion + 1);
    expect(current.rows.map((r) => r.personId)).toEqual(theirs.map((r) => r.personId));
    expect(current.rows[1]).toMatchObject({ ranges: "60", name: theirs[1]!.name });
    // Keep mine: saved over theirs at their version, knowingly.
    expect(await saveAttendance(ctx, { meetingId: m.id, version: current.version, rows: mine })).toMatchObject({
      ok: true,
      data: { version: current.version + 1 },
    });
    expect((await storedRows(m.id))[0]!.title).toBe("min ändring");
  });

  it("adds a new person only when asked, once, with an audit row; the list then refers to them by id", async () => {
    const m = await seedMeeting();
    const ctx = await contextFor(db, "secretary");
    const org = (await db.meeting.findUniqueOrThrow({ where: { id: m.id }, include: { body: true } })).body
      .organisationId;
    const before = await db.person.count({ where: { organisationId: org } });
    const added = await addAttendancePerson(ctx, { meetingId: m.id, name: "  Anna Berg " });
    expect(added).toMatchObject({ ok: true, data: { name: "Anna Berg" } });
    const personId = (added as { data: { personId: string } }).data.personId;
    expect(await db.person.count({ where: { organisationId: org } })).toBe(before + 1);
    expect(await db.auditLog.count({ where: { entityId: personId, action: "person.create" } })).toBe(1);
    const rows = [
      ...(await storedRows(m.id)),
      {
        personId,
        name: "Anna Berg",
        role: "OTHER" as const,
        represents: "",
        title: "nämndsekreterare",
        ranges: "",
        replacesPersonId: null,
      },
    ];
    expect(await saveAttendance(ctx, { meetingId: m.id, version: m.attendanceVersion, rows })).toMatchObject({
      ok: true,
    });
    expect(await db.person.count({ where: { organisationId: org } })).toBe(before + 1);
    expect((await storedRows(m.id)).at(-1)).toMatchObject({ personId, name: "Anna Berg" });
    expect(await addAttendancePerson(ctx, { meetingId: m.id, name: "  " })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: ["Skriv den nya personens namn."] },
    });
    expect(await addAttendancePerson(await contextFor(db, "chair"), { meetingId: m.id, name: "X" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});
