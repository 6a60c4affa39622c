// The members' view and förhinder (issue 15, point 4) against real PostgreSQL and a real local
// SMTP server: a ledamot sees the upcoming meeting's ärendelista and handlingar (confidential ones
// only as one of the body's own, never as a member of another body), reports förhinder (Absence,
// audit, a mail to the secretary naming the ersättare to call in), withdraws it; the secretary
// pre-fills the attendance from it through the drafting module's save.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
import type { Actor } from "@/server/authz";
import { listMyUpcomingMeetings, findMeetingAbsences } from "@/modules/members";
import { findAgendaDocument } from "@/modules/agenda";
import {
  absenceActionsWith,
  prefillAttendanceFromAbsences,
  reportAbsence,
  withdrawAbsence,
} from "@/modules/members/members.mutations";
import { actorFor, createSeededDatabase } from "./support/seeded-db";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let smtp: SmtpCapture;
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };

// Ten days before the meeting (Tuesday 2030-03-12 at 18:00, Stockholm).
const NOW = new Date("2030-03-02T09:00:00Z");
const TODAY = "2030-03-02";
const ctx = (actor: Actor | null, now = NOW): ActionContext => ({ db, ip: "127.0.0.1", actor, now });

const ids = {} as Record<string, string>;
const actors = {} as Record<
  "ledamotS" | "ersattareS" | "secretary" | "otherBodyMember" | "meetingSecretary" | "seedMember",
  Actor
>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "http://paragraf.test";
  seeded = await createSeededDatabase("members");
  db = seeded.db;
  const org = await db.organisation.findFirstOrThrow();
  const person = (name: string, email: string | null = null) =>
    db.person.create({ data: { organisationId: org.id, name, email } });
  const body = await db.body.create({
    data: {
      organisationId: org.id,
      slug: "fullmaktige",
      name: "Kommunfullmäktige",
      genitiveName: "Kommunfullmäktiges",
      kind: "FULLMAKTIGE",
      seatCount: 3,
    },
  });
  const other = await db.body.create({
    data: {
      organisationId: org.id,
      slug: "bygg",
      name: "Byggnämnden",
      genitiveName: "Byggnämndens",
      kind: "NAMND",
      seatCount: 3,
    },
  });
  const term = { termStart: new Date("2027-01-01"), termEnd: new Date("2030-12-31") };
  const seat = (
    bodyId: string,
    personId: string,
    role: "MEMBER" | "SUBSTITUTE",
    represents: string,
    callOrder: number | null = null,
  ) => db.membership.create({ data: { bodyId, personId, role, represents, callOrder, ...term } });
  // Ledamöter: Sara (S), Magnus (M), Carl (C). Ersättare: Stina (S, 2), Sven (S, 1), Maja (M, 3).
  const sara = await person("Sara Ledamot", "sara@kommun.example");
  const magnus = await person("Magnus Ledamot");
  const carl = await person("Carl Ledamot");
  const stina = await person("Stina Ersättare", "stina@kommun.example");
  const sven = await person("Sven Ersättare");
  const maja = await person("Maja Ersättare");
  await seat(body.id, sara.id, "MEMBER", "S");
  await seat(body.id, magnus.id, "MEMBER", "M");
  await seat(body.id, carl.id, "MEMBER", "C");
  await seat(body.id, stina.id, "SUBSTITUTE", "S", 2);
  await seat(body.id, sven.id, "SUBSTITUTE", "S", 1);
  await seat(body.id, maja.id, "SUBSTITUTE", "M", 3);
  const olle = await person("Olle Annan Nämnd");
  await seat(other.id, olle.id, "MEMBER", "S");
  const sekr = await person("Siv Sekreterare", "siv@kommun.example");
  const protokollforare = await person("Pia Protokollförare");

  const user = (email: string, personId: string, roles: { bodyId: string; role: "SECRETARY" | "MEMBER" }[] = []) =>
    db.user.create({ data: { email, name: email, personId, bodyRoles: { create: roles } } });
  await user("sara@kommun.example", sara.id);
  await user("stina@kommun.example", stina.id);
  await user("olle@kommun.example", olle.id);
  await user("sven@kommun.example", sven.id);
  await user("siv@kommun.example", sekr.id, [{ bodyId: body.id, role: "SECRETARY" }]);
  await user("pia@kommun.example", protokollforare.id);
  actors.ledamotS = await actorFor(db, "sara@kommun.example");
  actors.ersattareS = await actorFor(db, "stina@kommun.example");
  actors.secretary = await actorFor(db, "siv@kommun.example");
  actors.otherBodyMember = await actorFor(db, "olle@kommun.example");
  actors.meetingSecretary = await actorFor(db, "pia@kommun.example");
  actors.seedMember = await actorFor(db, "ledamot@itsam.example"); // a member of Direktionen

  const meeting = await db.meeting.create({
    data: {
      bodyId: body.id,
      slug: "fullmaktige-2030-03-12",
      date: new Date("2030-03-12"),
      startTime: "18:00",
      place: "Stadshuset",
      secretaryId: protokollforare.id,
      attendances: {
        create: [sara, magnus, carl].map((p, position) => ({
          personId: p.id,
          role: "MEMBER" as const,
          represents: ["S", "M", "C"][position]!,
          position,
        })),
      },
    },
  });
  // The ersättare as present, not serving (as "Hämta från ledamöterna" creates them).
  for (const [i, p] of [stina, sven, maja].entries()) {
    await db.attendance.create({
      data: {
        meetingId: meeting.id,
        personId: p.id,
        role: "SUBSTITUTE",
        represents: ["S", "S", "M"][i]!,
        position: 3 + i,
      },
    });
  }
  const item = (position: number, title: string, extra: object = {}) =>
    db.agendaItem.create({ data: { bodyId: body.id, meetingId: meeting.id, position, title, ...extra } });
  const budget = await item(2, "Budget 2031", {
    caseNumber: "KS 2030/12",
    proposalIntro: "Kommunstyrelsen föreslår fullmäktige besluta",
    proposalClauses: ["fastställa budgeten", "uppdra åt nämnderna att följa den"],
  });
  const secret = await item(1, "Förvärv av fastighet", { isConfidential: true });
  await item(3, "Extra ärende vid sammanträdet", { isExtra: true });
  await db.agendaItem.create({ data: { bodyId: body.id, title: "I poolen, på ingen kallelse" } });
  const doc = (agendaItemId: string, title: string, isConfidential: boolean, position: number) =>
    db.agendaDocument.create({
      data: {
        agendaItemId,
        title,
        fileName: `${title}.pdf`,
        mimeType: "application/pdf",
        bytes: Buffer.from(`%PDF-1.7 ${title}`),
        sha256: "0".repeat(64),
        isConfidential,
        position,
      },
    });
  ids.publicDoc = (await doc(budget.id, "Budgetförslag", false, 1)).id;
  ids.confidentialDoc = (await doc(budget.id, "Bilaga med sekretess", true, 2)).id;
  ids.secretItemDoc = (await doc(secret.id, "Värdering", false, 1)).id;
  ids.meeting = meeting.id;
  ids.body = body.id;
  Object.assign(ids, {
    sara: sara.id,
    magnus: magnus.id,
    carl: carl.id,
    stina: stina.id,
    sven: sven.id,
    maja: maja.id,
  });
}, 120_000);

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await smtp?.stop();
  await seeded?.drop();
});

describe("the members' view", () => {
  it("shows a ledamot the upcoming meeting with the kallelse's ärendelista in order and its handlingar", async () => {
    const meetings = await listMyUpcomingMeetings(db, actors.ledamotS, NOW, TODAY);
    expect(meetings.map((m) => [m.slug, m.place, m.startTime, m.seatRole])).toEqual([
      ["fullmaktige-2030-03-12", "Stadshuset", "18:00", "MEMBER"],
    ]);
    const [m] = meetings;
    // The extra ärende is not in the kallelse; the pool's ärende is on no meeting.
    expect(m!.items.map((i) => [i.number, i.title, i.isConfidential])).toEqual([
      [1, "Förvärv av fastighet", true],
      [2, "Budget 2031", false],
    ]);
    expect(m!.items[1]!.proposalClauses).toEqual(["fastställa budgeten", "uppdra åt nämnderna att följa den"]);
    expect(m!.items[1]!.documents.map((d) => [d.title, d.isConfidential])).toEqual([
      ["Budgetförslag", false],
      ["Bilaga med sekretess", true],
    ]);
    expect(m!.withheldItems).toBe(0);
    expect(m!.absenceOpen).toBe(true);
    expect(m!.canReport).toBe(true);
  });

  it("shows an ersättare the same meeting, and nothing once the meeting day has passed", async () => {
    const [m] = await listMyUpcomingMeetings(db, actors.ersattareS, NOW, TODAY);
    expect(m!.seatRole).toBe("SUBSTITUTE");
    expect(await listMyUpcomingMeetings(db, actors.ersattareS, new Date("2030-03-13T09:00:00Z"), "2030-03-13")).toEqual(
      [],
    );
  });

  it("shows a member of another body, and a member of Direktionen, none of this body's meetings", async () => {
    expect(await listMyUpcomingMeetings(db, actors.otherBodyMember, NOW, TODAY)).toEqual([]);
    expect(await listMyUpcomingMeetings(db, actors.seedMember, NOW, TODAY)).toEqual([]);
    expect(await listMyUpcomingMeetings(db, actors.secretary, NOW, TODAY)).toEqual([]); // no seat
  });

  it("hands out handlingar by the permission table: confidential ones only to the body's own", async () => {
    const got = async (who: Actor | null, id: string) =>
      (await findAgendaDocument(db, who, null, id))?.fileName ?? null;
    // The ledamot and the body's secretary: everything.
    for (const who of [actors.ledamotS, actors.ersattareS, actors.secretary]) {
      expect(await got(who, ids.publicDoc!)).toBe("Budgetförslag.pdf");
      expect(await got(who, ids.confidentialDoc!)).toBe("Bilaga med sekretess.pdf");
      expect(await got(who, ids.secretItemDoc!)).toBe("Värdering.pdf");
    }
    // The meeting's protocol secretary without a body role: the public ones only; a confidential
    // handling, or any handling of a confidential ärende, is not found.
    expect(await got(actors.meetingSecretary, ids.publicDoc!)).toBe("Budgetförslag.pdf");
    expect(await got(actors.meetingSecretary, ids.confidentialDoc!)).toBeNull();
    expect(await got(actors.meetingSecretary, ids.secretItemDoc!)).toBeNull();
    // Members of other bodies and the signed-out: nothing, not even the public handling.
    for (const who of [actors.otherBodyMember, actors.seedMember, null]) {
      expect(await got(who, ids.publicDoc!)).toBeNull();
      expect(await got(who, ids.confidentialDoc!)).toBeNull();
    }
    expect(await got(actors.ledamotS, "finns-inte")).toBeNull();
  });
});

describe("förhinder", () => {
  it("refuses those who are not a ledamot or ersättare of the body, and after the meeting has started", async () => {
    const other = await reportAbsence(ctx(actors.otherBodyMember), { meetingId: ids.meeting });
    expect(other).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const secretary = await reportAbsence(ctx(actors.secretary), { meetingId: ids.meeting });
    expect(secretary).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const late = await reportAbsence(ctx(actors.ledamotS, new Date("2030-03-12T17:00:00Z")), {
      meetingId: ids.meeting,
    });
    expect(late).toEqual({
      ok: false,
      code: "STATE",
      message: "Sammanträdet har redan börjat eller är över. Hör av dig direkt till sekreteraren om förhinder.",
    });
    const tooLong = await reportAbsence(ctx(actors.ledamotS), { meetingId: ids.meeting, note: "x".repeat(501) });
    expect(tooLong).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { note: ["Meddelandet får vara högst 500 tecken."] },
    });
    expect(await db.absence.count()).toBe(0);
  });

  it("records a ledamot's förhinder with an audit row and mails the secretary the ersättare to call", async () => {
    const before = smtp.messages.length;
    const result = await reportAbsence(ctx(actors.ledamotS), { meetingId: ids.meeting, note: "Sjuk" });
    expect(result).toEqual({ ok: true, data: { reported: true } });
    const absence = await db.absence.findUniqueOrThrow({
      where: { meetingId_personId: { meetingId: ids.meeting!, personId: ids.sara! } },
    });
    expect(absence).toMatchObject({ note: "Sjuk", reportedAt: NOW, reportedByUserId: actors.ledamotS.userId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "absence.report", entityId: absence.id } });
    expect(audit).toMatchObject({ userId: actors.ledamotS.userId, meetingId: ids.meeting });

    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    // The meeting's secretary has no e-mail; the body's secretary (her account) gets it.
    expect(mail!.envelopeTo).toEqual(["siv@kommun.example"]);
    expect(mail!.parsed.subject).toBe("Förhinder: Sara Ledamot, Kommunfullmäktige 12 mars 2030");
    const text = mail!.parsed.text ?? "";
    expect(text).toContain(
      "Sara Ledamot (ledamot, S) har anmält förhinder till Kommunfullmäktiges sammanträde 12 mars 2030.",
    );
    expect(text).toContain("Meddelande: Sjuk");
    // Sven is the S ersättare with the lowest order (1), before Stina (2).
    expect(text).toContain("Kalla in Sven Ersättare (S, nr 1 i ersättarordningen) för Sara Ledamot.");
    expect(text).toContain("http://paragraf.test/moten/fullmaktige-2030-03-12/forhinder");

    const [m] = await listMyUpcomingMeetings(db, actors.ledamotS, NOW, TODAY);
    expect(m!.absence).toEqual({ note: "Sjuk", reportedAt: NOW });
  });

  it("lists the förhinder and the suggestions for the body's secretary only", async () => {
    const view = await findMeetingAbsences(db, actors.secretary, "fullmaktige-2030-03-12");
    expect(view!.absences.map((a) => [a.name, a.role, a.represents, a.note])).toEqual([
      ["Sara Ledamot", "MEMBER", "S", "Sjuk"],
    ]);
    expect(view!.suggestions.map((s) => [s.absent.name, s.substitute?.name, s.basis])).toEqual([
      ["Sara Ledamot", "Sven Ersättare", "SAME_REPRESENTS"],
    ]);
    expect(view!.canPrefill).toBe(true);
    for (const who of [actors.ledamotS, actors.meetingSecretary, actors.otherBodyMember, null]) {
      expect(await findMeetingAbsences(db, who, "fullmaktige-2030-03-12")).toBeNull();
    }
  });

  it("an ersättare's förhinder moves the suggestion on, and its mail suggests nobody", async () => {
    const events: { personId: string; withdrawn: boolean }[] = [];
    const { reportAbsence: report } = absenceActionsWith({
      async changed(_m, personId, change) {
        events.push({ personId, withdrawn: change.withdrawn });
      },
    });
    // Sven (S, 1) cannot come either: Stina (S, 2) is next for Sara.
    const sven = await actorFor(db, "sven@kommun.example");
    expect(await report(ctx(sven), { meetingId: ids.meeting })).toMatchObject({ ok: true });
    expect(events).toEqual([{ personId: ids.sven, withdrawn: false }]);
    const view = await findMeetingAbsences(db, actors.secretary, "fullmaktige-2030-03-12");
    expect(view!.suggestions.map((s) => [s.absent.name, s.substitute?.name])).toEqual([
      ["Sara Ledamot", "Stina Ersättare"],
    ]);
  });

  it("withdraws a förhinder before the meeting, with an audit row and a mail", async () => {
    const before = smtp.messages.length;
    // Stina reports and withdraws.
    expect(await reportAbsence(ctx(actors.ersattareS), { meetingId: ids.meeting })).toMatchObject({ ok: true });
    await smtp.waitFor(before + 1);
    const ersattareMail = smtp.messages[before]!;
    expect(ersattareMail.parsed.text).toContain("Ersättare behöver inte kallas in för en ersättare.");
    const withdrawn = await withdrawAbsence(ctx(actors.ersattareS), { meetingId: ids.meeting });
    expect(withdrawn).toEqual({ ok: true, data: { withdrawn: true } });
    expect(await db.absence.count({ where: { personId: ids.stina } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "absence.withdraw", userId: actors.ersattareS.userId } })).toBe(
      1,
    );
    const [mail] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(mail!.parsed.subject).toBe("Förhinder återkallat: Stina Ersättare, Kommunfullmäktige 12 mars 2030");
    // A second withdrawal changes nothing and sends nothing.
    expect(await withdrawAbsence(ctx(actors.ersattareS), { meetingId: ids.meeting })).toEqual({
      ok: true,
      data: { withdrawn: false },
    });
  });
});

describe("Förifyll närvaron", () => {
  it("marks the absent ledamot frånvarande and the suggested ersättare serving in the seat, once", async () => {
    const m = await db.meeting.findUniqueOrThrow({ where: { id: ids.meeting } });
    // Only the body's secretary (meeting.edit); a ledamot does not even see the meeting here.
    expect(
      await prefillAttendanceFromAbsences(ctx(actors.ledamotS), {
        meetingId: ids.meeting,
        version: m.attendanceVersion,
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // A stale version is refused and changes nothing.
    expect(
      await prefillAttendanceFromAbsences(ctx(actors.secretary), {
        meetingId: ids.meeting,
        version: m.attendanceVersion + 5,
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });

    const result = await prefillAttendanceFromAbsences(ctx(actors.secretary), {
      meetingId: ids.meeting,
      version: String(m.attendanceVersion),
    });
    // Sara absent, Stina serving for her, Sven (förhinder, ersättare) left out.
    expect(result).toEqual({ ok: true, data: { changed: 3, version: m.attendanceVersion + 1 } });
    const rows = await db.attendance.findMany({
      where: { meetingId: ids.meeting },
      orderBy: { position: "asc" },
      include: { person: { select: { name: true } } },
    });
    expect(rows.map((r) => [r.person.name, r.role, r.replacesPersonId])).toEqual([
      ["Sara Ledamot", "ABSENT", null],
      ["Magnus Ledamot", "MEMBER", null],
      ["Carl Ledamot", "MEMBER", null],
      ["Stina Ersättare", "SERVING_SUBSTITUTE", ids.sara],
      ["Maja Ersättare", "SUBSTITUTE", null],
    ]);
    expect(await db.auditLog.count({ where: { action: "meeting.attendance", meetingId: ids.meeting } })).toBe(1);

    // The second time: Stina is already serving in Sara's seat; nothing changes.
    const again = await prefillAttendanceFromAbsences(ctx(actors.secretary), {
      meetingId: ids.meeting,
      version: m.attendanceVersion + 1,
    });
    expect(again).toEqual({ ok: true, data: { changed: 0, version: m.attendanceVersion + 1 } });
    const view = await findMeetingAbsences(db, actors.secretary, "fullmaktige-2030-03-12");
    expect(view!.suggestions.map((s) => [s.absent.name, s.substitute?.name, s.basis])).toEqual([
      ["Sara Ledamot", "Stina Ersättare", "ALREADY_CALLED"],
    ]);
  });

  it("is refused once the protocol is no longer a draft, and so is förhinder", async () => {
    await db.meeting.update({
      where: { id: ids.meeting },
      data: { status: "READY_FOR_ADJUSTMENT", contentHash: "a".repeat(64) },
    });
    {
      const m = await db.meeting.findUniqueOrThrow({ where: { id: ids.meeting } });
      expect(
        await prefillAttendanceFromAbsences(ctx(actors.secretary), {
          meetingId: ids.meeting,
          version: m.attendanceVersion,
        }),
      ).toMatchObject({ ok: false, code: "STATE" });
      expect(await reportAbsence(ctx(actors.ledamotS), { meetingId: ids.meeting })).toMatchObject({
        ok: false,
        code: "STATE",
        message: "Förhinder kan bara anmälas före sammanträdet, medan protokollet är ett utkast.",
      });
    }
  });
});
