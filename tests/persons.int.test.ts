// Person administration (issue 14, point 10's missing page): an administrator renames a person
// (protocols sent for justering keep the frozen name), merges a duplicate into the person who stays
// (draft protocols, memberships, the user account; refused when the two clash in one draft or the
// duplicate is in a locked protocol) and removes a person nobody refers to.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { mergePersons, removePerson, renamePerson } from "@/modules/administration/persons.mutations";
import { listPeople } from "@/modules/administration/persons.queries";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { justeraDemoMeeting } from "../prisma/seed/justera-demo";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let organisationId: string;
let tmp: string;
let previousDataDir: string | undefined;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-persons-"));
  previousDataDir = process.env.PARAGRAF_DATA_DIR;
  process.env.PARAGRAF_DATA_DIR = tmp;
  seeded = await createSeededDatabase("persons");
  db = seeded.db;
  organisationId = seeded.direktionen.organisationId;
}, 120_000);

afterAll(async () => {
  await seeded?.drop();
  if (previousDataDir === undefined) delete process.env.PARAGRAF_DATA_DIR;
  else process.env.PARAGRAF_DATA_DIR = previousDataDir;
  rmSync(tmp, { recursive: true, force: true });
});

const as = (who: ActorName) => contextFor(db, who);
const person = (name: string, org = organisationId) => db.person.create({ data: { organisationId: org, name } });

/** A draft meeting of Direktionen with these people in its attendance list. */
async function draftWith(date: string, people: { id: string }[]) {
  const result = await createMeeting(await as("secretary"), {
    bodyId: seeded.direktionen.id,
    date,
    startTime: "",
    endTime: "",
    place: "Zoom",
    attendanceFrom: "none",
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: result.data.slug } });
  for (const [position, p] of people.entries()) {
    await db.attendance.create({ data: { meetingId: meeting.id, personId: p.id, role: "MEMBER", position } });
  }
  return meeting;
}

describe("renamePerson", () => {
  it("renames in the organisation's list and in drafts, with an audit row", async () => {
    const p = await person("Ana Berg");
    const draft = await draftWith("2022-01-13", [p]);
    const result = await renamePerson(await as("admin"), { personId: p.id, name: "  Anna Berg " });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    const protocol = await findProtocolBySlug(db, draft.slug);
    expect(protocol!.attendance.map((a) => a.name)).toEqual(["Anna Berg"]);
    const [row] = await db.auditLog.findMany({ where: { action: "admin.person.rename", entityId: p.id } });
    expect(row?.data).toEqual({ from: "Ana Berg", to: "Anna Berg" });
    const list = (await listPeople(db)).find((o) => o.id === organisationId)!;
    expect(list.people.find((x) => x.id === p.id)).toMatchObject({ name: "Anna Berg", draftMeetings: 1 });
  });

  it("refuses an empty name in Swedish, a person that does not exist, and non-admins", async () => {
    const p = await person("Bo Ek");
    expect(await renamePerson(await as("admin"), { personId: p.id, name: " " })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { name: ["Ange namnet."] },
    });
    expect(await renamePerson(await as("admin"), { personId: "finns-inte", name: "X" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    for (const [who, code] of [
      ["anonymous", "UNAUTHENTICATED"],
      ["secretary", "FORBIDDEN"],
      ["member", "FORBIDDEN"],
    ] as const) {
      expect(await renamePerson(await as(who), { personId: p.id, name: "Kapad" })).toMatchObject({ ok: false, code });
    }
    expect((await db.person.findUniqueOrThrow({ where: { id: p.id } })).name).toBe("Bo Ek");
  });
});

describe("mergePersons", () => {
  it("moves the duplicate's draft references, memberships and user account, then removes it", async () => {
    const keep = await person("Cecilia Dahl");
    const dup = await person("Cecila Dahl");
    const draft = await draftWith("2022-02-10", [dup]);
    await db.meetingAdjuster.create({ data: { meetingId: draft.id, personId: keep.id, position: 0 } });
    await db.membership.create({
      data: {
        bodyId: seeded.kcb.id,
        personId: dup.id,
        role: "SUBSTITUTE",
        represents: "Vimmerby kommun",
        termStart: new Date("2023-01-01"),
        termEnd: new Date("2026-12-31"),
      },
    });
    const user = await db.user.create({
      data: { email: "cecilia@itsam.example", name: "Cecilia Dahl", personId: dup.id },
    });
    const result = await mergePersons(await as("admin"), { personId: keep.id, duplicateId: dup.id });
    expect(result).toMatchObject({ ok: true, data: { id: keep.id, drafts: 1 } });
    expect(await db.person.findUnique({ where: { id: dup.id } })).toBeNull();
    expect(await db.attendance.findMany({ where: { meetingId: draft.id } })).toMatchObject([{ personId: keep.id }]);
    expect(await db.membership.count({ where: { personId: keep.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).personId).toBe(keep.id);
    const [row] = await db.auditLog.findMany({ where: { action: "admin.person.merge", entityId: keep.id } });
    expect(row?.data).toMatchObject({ merged: { id: dup.id, name: "Cecila Dahl" }, userMoved: true, memberships: 1 });
  });

  it("refuses when both are in one draft's attendance list or one is secretary and the other justerare", async () => {
    const keep = await person("David Eriksson");
    const dup = await person("Dawid Eriksson");
    const draft = await draftWith("2022-03-10", [keep, dup]);
    const result = await mergePersons(await as("admin"), { personId: keep.id, duplicateId: dup.id });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors.duplicateId).toEqual([
      "David Eriksson och Dawid Eriksson finns båda med i samma utkast på ett sätt som inte går att slå ihop. Ta bort den ena ur utkastet först.",
      `${draft.slug}: båda finns i närvarolistan`,
    ]);
    expect(await db.person.findUnique({ where: { id: dup.id } })).not.toBeNull();

    const other = await draftWith("2022-03-24", []);
    await db.meeting.update({ where: { id: other.id }, data: { secretaryId: keep.id } });
    await db.meetingAdjuster.create({ data: { meetingId: other.id, personId: dup.id, position: 0 } });
    await db.attendance.deleteMany({ where: { meetingId: draft.id, personId: dup.id } });
    const again = await mergePersons(await as("admin"), { personId: keep.id, duplicateId: dup.id });
    expect(again).toMatchObject({ ok: false, code: "VALIDATION" });
    if (again.ok || again.code !== "VALIDATION") return;
    expect(again.fieldErrors.duplicateId).toContain(`${other.slug}: båda finns i sekreterare och justerare`);
  });

  it("refuses two user accounts, overlapping memberships, itself, and another organisation's person", async () => {
    const keep = await person("Eva Falk");
    const dup = await person("Eva Falck");
    await db.user.create({ data: { email: "eva1@itsam.example", name: "Eva Falk", personId: keep.id } });
    await db.user.create({ data: { email: "eva2@itsam.example", name: "Eva Falck", personId: dup.id } });
    expect(await mergePersons(await as("admin"), { personId: keep.id, duplicateId: dup.id })).toMatchObject({
      ok: false,
      fieldErrors: {
        duplicateId: [
          "Båda personerna har användarkonton (Eva Falk och Eva Falck). Koppla bort eller ta bort det ena kontot först.",
        ],
      },
    });
    const seat = (personId: string) =>
      db.membership.create({
        data: {
          bodyId: seeded.kcb.id,
          personId,
          role: "MEMBER",
          represents: "Kinda kommun",
          termStart: new Date("2023-01-01"),
          termEnd: new Date("2026-12-31"),
        },
      });
    const f1 = await person("Fredrik Gran");
    const f2 = await person("Fredrik Grahn");
    await seat(f1.id);
    await seat(f2.id);
    expect(await mergePersons(await as("admin"), { personId: f1.id, duplicateId: f2.id })).toMatchObject({
      fieldErrors: {
        duplicateId: [`Båda har uppdrag i ${seeded.kcb.name} under samma period. Ta bort det ena uppdraget först.`],
      },
    });
    expect(await mergePersons(await as("admin"), { personId: f1.id, duplicateId: f1.id })).toMatchObject({
      fieldErrors: { duplicateId: ["Välj en annan person: en person kan inte slås ihop med sig själv."] },
    });
    const org = await db.organisation.create({
      data: { slug: "annan-p", name: "Annan kommun", kind: "KOMMUN", caseNumberPrefix: "AK" },
    });
    const foreign = await person("Fredrik Grahn", org.id);
    expect(await mergePersons(await as("admin"), { personId: f1.id, duplicateId: foreign.id })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await db.person.findUnique({ where: { id: foreign.id } })).not.toBeNull();
    expect(await mergePersons(await as("secretary"), { personId: f1.id, duplicateId: f2.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});

describe("removePerson", () => {
  it("removes a person nobody refers to, and refuses one with references in Swedish", async () => {
    const lone = await person("Gustav Holm");
    expect(await removePerson(await as("admin"), { personId: lone.id })).toMatchObject({ ok: true });
    expect(await db.person.findUnique({ where: { id: lone.id } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "admin.person.remove", entityId: lone.id } })).toBe(1);

    const used = await person("Helena Ivarsson");
    const draft = await draftWith("2022-05-12", [used]);
    const result = await removePerson(await as("admin"), { personId: used.id });
    expect(result).toMatchObject({
      ok: false,
      code: "STATE",
      message: `Helena Ivarsson kan inte tas bort: personen finns i protokoll (${draft.slug}). Slå ihop personen med en annan i stället om det är en dubblett.`,
    });
    expect(await removePerson(await as("member"), { personId: used.id })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });
});

describe("a protocol sent for justering or justerat", () => {
  it("keeps its frozen names after a rename, and refuses merging a person it names", { timeout: 180_000 }, async () => {
    await justeraDemoMeeting(db);
    const elisabet = await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } });
    expect(
      await renamePerson(await as("admin"), { personId: elisabet.id, name: "Elisabet Hagström Ny" }),
    ).toMatchObject({
      ok: true,
    });
    const protocol = await findProtocolBySlug(db, SEED_SLUG);
    expect(protocol!.attendance.map((a) => a.name)).toContain("Elisabet Hagström");
    expect(protocol!.attendance.map((a) => a.name)).not.toContain("Elisabet Hagström Ny");

    const keep = await person("Elisabet Hagström (ny)");
    const result = await mergePersons(await as("admin"), { personId: keep.id, duplicateId: elisabet.id });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors.duplicateId?.[0]).toBe(
      `Elisabet Hagström Ny finns i protokoll som skickats till justering eller justerats (${SEED_SLUG}). ` +
        "De protokollen är låsta och ska visa personen som de signerades, så personerna kan inte slås ihop. " +
        "Byt namn på personen i stället om namnet är fel.",
    );
    expect(await db.person.findUnique({ where: { id: elisabet.id } })).not.toBeNull();
    const list = (await listPeople(db)).find((o) => o.id === organisationId)!;
    expect(list.people.find((p) => p.id === elisabet.id)!.lockedMeetings).toBe(1);
  });
});
