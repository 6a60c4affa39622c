// The first § number of a meeting (issue 14, point 2): numbering continues the body's year, but a
// secretary can set where a meeting starts (on the new-meeting form or the meeting page while it
// is a draft); the draft's §§ are renumbered, and a number another meeting of the body's year
// already has is refused in Swedish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { setFirstParagraphNumber } from "@/modules/drafting/meeting-settings.mutations";
import { findMeetingSettings } from "@/modules/drafting/meeting-settings.queries";
import { addParagraph, deleteParagraph } from "@/modules/drafting/paragraph.mutations";
import { contextFor, createSeededDatabase, type ActorName, newDirektionenMeeting } from "./support/seeded-db";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;

beforeAll(async () => {
  seeded = await createSeededDatabase("first_number");
  db = seeded.db;
}, 120_000);
afterAll(async () => seeded?.drop());

const as = (who: ActorName) => contextFor(db, who);

const newMeeting = (date: string, firstParagraphNumber = "") =>
  newDirektionenMeeting(seeded, date, { firstParagraphNumber });

async function add(meetingId: string, title: string) {
  const result = await addParagraph(await as("secretary"), { meetingId, title });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

const numbers = async (meetingId: string) =>
  (await db.paragraph.findMany({ where: { meetingId }, orderBy: { number: "asc" } })).map((p) => p.number);

describe("the first § number", () => {
  it("continues the body's year by default (the seed's §§ 59–67 of 2021)", async () => {
    const m = await newMeeting("2021-12-09");
    expect((await add(m.id, "Ett")).number).toBe(68);
    await deleteParagraph(await as("secretary"), {
      paragraphId: (await db.paragraph.findFirstOrThrow({ where: { meetingId: m.id } })).id,
    });
  });

  it("starts where the new-meeting form says, and the next meeting continues after it", async () => {
    const m = await newMeeting("2022-03-10", "101");
    expect(m.firstParagraphNumber).toBe(101);
    expect((await add(m.id, "Ett")).number).toBe(101);
    expect((await add(m.id, "Två")).number).toBe(102);
    const next = await newMeeting("2022-04-07");
    expect((await add(next.id, "Tre")).number).toBe(103);
  });

  it("refuses on the new-meeting form a number the body's year already has", async () => {
    const result = await createMeeting(await as("secretary"), {
      bodyId: seeded.direktionen.id,
      date: "2021-12-16",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "none",
      firstParagraphNumber: "62",
    });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors.firstParagraphNumber?.[0]).toMatch(
      /^§ 62 finns redan i ett annat sammanträde samma år \(direktionen-2021-11-18\)\./,
    );
    const bad = await createMeeting(await as("secretary"), {
      bodyId: seeded.direktionen.id,
      date: "2021-12-16",
      startTime: "",
      endTime: "",
      place: "Zoom",
      attendanceFrom: "none",
      firstParagraphNumber: "tio",
    });
    expect(bad).toMatchObject({
      fieldErrors: {
        firstParagraphNumber: ["Ange första paragrafnumret som ett heltal mellan 1 och 9999, t.ex. 101."],
      },
    });
  });

  it("renumbers a draft's §§ from the number set on the meeting page, audited", async () => {
    const m = await newMeeting("2023-02-02");
    await add(m.id, "Ett");
    await add(m.id, "Två");
    await add(m.id, "Tre");
    expect(await numbers(m.id)).toEqual([1, 2, 3]);
    const result = await setFirstParagraphNumber(await as("secretary"), { meetingId: m.id, firstNumber: "31" });
    expect(result).toMatchObject({ ok: true, data: { first: 31 } });
    expect(await numbers(m.id)).toEqual([31, 32, 33]);
    const titles = (await db.paragraph.findMany({ where: { meetingId: m.id }, orderBy: { number: "asc" } })).map(
      (p) => p.title,
    );
    expect(titles).toEqual(["Ett", "Två", "Tre"]);
    const [row] = await db.auditLog.findMany({ where: { action: "meeting.firstParagraphNumber", meetingId: m.id } });
    expect(row?.data).toMatchObject({ from: null, to: 31, renumbered: 3 });
    // A later meeting of the year continues after it; back to "continue" renumbers from the year's end.
    const later = await newMeeting("2023-03-02");
    await add(later.id, "Fyra");
    expect(await numbers(later.id)).toEqual([34]);
    expect(
      await setFirstParagraphNumber(await as("secretary"), { meetingId: later.id, firstNumber: "" }),
    ).toMatchObject({ ok: true, data: { first: 34 } });
    expect(await findMeetingSettings(db, later.slug)).toMatchObject({ firstParagraphNumber: null, continuesAt: 34 });
  });

  it("never collides with another meeting's § of the body's year: refused in Swedish, nothing changed", async () => {
    const a = await newMeeting("2024-01-11", "10");
    await add(a.id, "A1");
    await add(a.id, "A2");
    const b = await newMeeting("2024-02-08");
    await add(b.id, "B1");
    await add(b.id, "B2");
    expect(await numbers(b.id)).toEqual([12, 13]);
    const result = await setFirstParagraphNumber(await as("secretary"), { meetingId: b.id, firstNumber: "9" });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors.firstNumber?.[0]).toBe(
      "§ 10 finns redan i ett annat sammanträde samma år (direktionen-2024-01-11). Välj ett nummer så att sammanträdets 2 paragrafer inte krockar, t.ex. 12.",
    );
    expect(await numbers(b.id)).toEqual([12, 13]);
    expect(await setFirstParagraphNumber(await as("secretary"), { meetingId: b.id, firstNumber: "0" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
  });

  it("is the secretary's or an admin's, and only while the protocol is a draft", async () => {
    const m = await newMeeting("2025-05-05");
    expect(await setFirstParagraphNumber(await as("member"), { meetingId: m.id, firstNumber: "5" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(
      await setFirstParagraphNumber(await as("otherSecretary"), { meetingId: m.id, firstNumber: "5" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setFirstParagraphNumber(await as("admin"), { meetingId: m.id, firstNumber: "5" })).toMatchObject({
      ok: true,
    });
    const seed = await db.meeting.findUniqueOrThrow({ where: { slug: "direktionen-2021-11-18" } });
    await db.meeting.update({
      where: { id: seed.id },
      data: { status: "READY_FOR_ADJUSTMENT", contentHash: "a".repeat(64) },
    });
    expect(
      await setFirstParagraphNumber(await as("secretary"), { meetingId: seed.id, firstNumber: "1" }),
    ).toMatchObject({
      ok: false,
      code: "STATE",
    });
  });
});
