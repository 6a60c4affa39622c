// Issue 14's "done when": a protocol of each of the five kinds the issue was tried with (a nämnd, a
// kommunstyrelsens arbetsutskott, a kommunstyrelse, two kommunfullmäktige) is typed in as its own
// body, justerat by its own signers and posted — through the same server mutations the forms call,
// on real PostgreSQL — and the sealed PDF says what was typed, with each kind's representation:
// a mid-year first § and totals-only votes with the decision last (nämnd), signers per § (utskott),
// an absent ledamot with the ersättare serving for them and clock times (styrelse), the appended
// närvaro- och omröstningslista with two votes in one § (fullmäktige), and two ordförande who both
// sign in another organisation whose notice settings are its own (the second fullmäktige).
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
import { loadActor } from "@/server/actor";
import type { ActionResult } from "@/server/action";
import { createBody, updateBody } from "@/modules/administration/bodies.mutations";
import { createMeeting, saveAttendance, saveMeetingHeader } from "@/modules/drafting/meeting.mutations";
import { addParagraph, saveParagraph } from "@/modules/drafting/paragraph.mutations";
import { saveSigners } from "@/modules/drafting/signers.mutations";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { today } from "@/server/clock";
import { addDays } from "@/lib/iso-date";
import { pdfToText } from "@/pdf/testing/poppler";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { actorFor, createSeededDatabase } from "./support/seeded-db";

const PASSWORD = "fem-slags-organ";
/** Meetings a few days back: within the two weeks of justering, so nothing is backdated. */
const MEETING_DATE = addDays(today(), -3);

let db: PrismaClient;
let drop: () => Promise<void>;
let admin: ActionContext;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("five-kinds"));
});

/**
 * The demo admin as an admin of `organisationId` (made one there if it is another organisation),
 * as the next request loads the actor: with the organisation's bodies as they are now.
 */
async function adminOf(organisationId: string): Promise<ActionContext> {
  const { id: userId } = await db.user.findUniqueOrThrow({ where: { email: "admin@itsam.example" } });
  const key = { userId, organisationId };
  await db.organisationUser.upsert({
    where: { userId_organisationId: key },
    create: { ...key, isAdmin: true },
    update: { isAdmin: true },
  });
  return { db, ip: "127.0.0.1", actor: await loadActor(db, userId, organisationId) };
}
afterAll(async () => drop?.());

function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message} ${JSON.stringify(result)}`);
  return result.data;
}

const doc = (text: string): RichDoc => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

interface PersonSpec {
  name: string;
  role: "CHAIR" | "VICE_CHAIR" | "MEMBER" | "SERVING_SUBSTITUTE" | "ABSENT" | "OTHER";
  represents?: string;
  title?: string;
  ranges?: string;
  replaces?: string;
  arrivalTime?: string;
  departureTime?: string;
}

interface KindSpec {
  organisationId?: string;
  body: { name: string; genitiveName: string; kind: string; seatCount: string };
  layout?: { appendedAttendanceList?: boolean; decisionPlacement?: "BEFORE_SECTIONS" | "AFTER_SECTIONS" };
  firstParagraphNumber?: string;
  people: PersonSpec[];
  secretary: string;
  adjusters: string[];
  adjustmentTime?: string;
  /** Signers per §; when given, these sign instead of the header's secretary, chair and justerare. */
  signers?: { name: string; role: "SECRETARY" | "CHAIR" | "ADJUSTER"; ranges: string }[];
  paragraphs: { title: string; edit: (c: ParagraphContentInput, id: (name: string) => string) => void }[];
}

interface Walked {
  slug: string;
  text: string;
  signedBy: string[];
  notice: { storagePlace: string; noticeBoard: string; certifiedBy: string };
  numbers: number[];
}

/** Everything a secretary types for one protocol, then justering by its signers; returns the sealed PDF's text. */
async function walk(spec: KindSpec): Promise<Walked> {
  const organisationId =
    spec.organisationId ?? (await db.organisation.findFirstOrThrow({ where: { slug: "itsam" } })).id;
  admin = await adminOf(organisationId);
  const body = unwrap(await createBody(admin, { organisationId, parentBodyId: "", ...spec.body }));
  // The next request's actor has the new body among the organisation's.
  admin = await adminOf(organisationId);
  // The layout as the body form saves it ("Protokollets uppställning").
  if (spec.layout) unwrap(await updateBody(admin, { bodyId: body.id, parentBodyId: "", ...spec.body, ...spec.layout }));

  const ids = new Map<string, string>();
  for (const p of spec.people) {
    const person = await db.person.create({ data: { organisationId, name: p.name } });
    ids.set(p.name, person.id);
  }
  const id = (name: string) =>
    ids.get(name) ??
    (() => {
      throw new Error(`no person ${name}`);
    })();
  const signerNames = new Set([spec.secretary, ...spec.adjusters, ...(spec.signers ?? []).map((s) => s.name)]);
  for (const p of spec.people) if (p.role === "CHAIR" && !spec.signers) signerNames.add(p.name);
  const passwordHash = await hash(PASSWORD);
  const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${body.slug}.example`;
  for (const name of signerNames) {
    await db.user.create({ data: { email: emailOf(name), name, passwordHash, personId: id(name) } });
  }

  const meeting = unwrap(
    await createMeeting(admin, {
      bodyId: body.id,
      date: MEETING_DATE,
      startTime: "13:00",
      endTime: "16:30",
      place: "Sessionssalen, Stadshuset",
      attendanceFrom: "none",
      firstParagraphNumber: spec.firstParagraphNumber ?? "",
    }),
  );
  unwrap(
    await saveAttendance(admin, {
      meetingId: meeting.id,
      version: 1,
      rows: spec.people.map((p) => ({
        personId: id(p.name),
        name: p.name,
        role: p.role,
        represents: p.represents ?? "",
        title: p.title ?? "",
        ranges: p.ranges ?? "",
        replacesPersonId: p.replaces ? id(p.replaces) : null,
        arrivalTime: p.arrivalTime ?? "",
        departureTime: p.departureTime ?? "",
      })),
    }),
  );
  unwrap(
    await saveMeetingHeader(admin, {
      meetingId: meeting.id,
      version: 1,
      date: MEETING_DATE,
      startTime: "13:00",
      endTime: "16:30",
      place: "Sessionssalen, Stadshuset",
      adjustmentPlace: "Kommunkansliet",
      adjustmentDate: addDays(MEETING_DATE, 1),
      adjustmentTime: spec.adjustmentTime ?? "",
      secretaryPersonId: id(spec.secretary),
      adjusterPersonIds: spec.adjusters.map(id),
    }),
  );
  for (const p of spec.paragraphs) {
    const added = unwrap(await addParagraph(admin, { meetingId: meeting.id, title: p.title }));
    const editing = (await findParagraphForEditing(db, added.id))!;
    const content = toParagraphContent(editing.paragraph);
    p.edit(content, id);
    unwrap(await saveParagraph(admin, { paragraphId: added.id, version: editing.version, content }));
  }
  if (spec.signers) {
    unwrap(
      await saveSigners(admin, {
        meetingId: meeting.id,
        version: 1,
        signers: spec.signers.map((s) => ({ role: s.role, personId: id(s.name), ranges: s.ranges })),
      }),
    );
  }

  const draft = (await findProtocolBySlug(db, meeting.slug))!;
  const errors = checkProtocol(draft, { now: today() }).filter((f) => f.severity === "error");
  expect(errors, JSON.stringify(errors, null, 2)).toEqual([]);

  unwrap(await sendForAdjustment(admin, { meetingId: meeting.id }));
  for (const name of signerNames) {
    const ctx: ActionContext = { db, ip: "127.0.0.1", actor: await actorFor(db, emailOf(name)) };
    unwrap(await signProtocol(ctx, { meetingId: meeting.id, password: PASSWORD }));
  }
  const done = await db.meeting.findUniqueOrThrow({
    where: { id: meeting.id },
    include: { notice: true, files: true, signatures: { include: { person: true } }, paragraphs: true },
  });
  expect(done.status).toBe("ADJUSTED");
  // Posted the day of the justering, as the anslagstavla shows it.
  expect(done.notice?.postedOn.toISOString().slice(0, 10)).toBe(today());
  const file = done.files.find((f) => f.kind === "PROTOCOL")!;
  return {
    slug: meeting.slug,
    text: await pdfToText(file.bytes),
    signedBy: done.signatures.map((s) => s.person.name),
    notice: done.notice!,
    numbers: done.paragraphs.map((p) => p.number).sort((a, b) => a - b),
  };
}

/** The text with the PDF's line breaks (and no-break spaces) folded to single spaces. */
const flat = (text: string) => text.replace(/\s+/g, " ");

describe("five kinds of body, each typed in as its own body, justerat and posted", () => {
  it("a nämnd that starts mid-year at § 101, records a vote as totals and prints the decision last", async () => {
    const walked = await walk({
      body: { name: "Miljö- och byggnämnden", genitiveName: "Miljö- och byggnämndens", kind: "NAMND", seatCount: "3" },
      layout: { decisionPlacement: "AFTER_SECTIONS" },
      firstParagraphNumber: "101",
      people: [
        { name: "Maria Lind", role: "CHAIR", represents: "S" },
        { name: "Olof Berg", role: "MEMBER", represents: "M" },
        { name: "Sara Holm", role: "MEMBER", represents: "C" },
        { name: "Per Nämndsekreterare", role: "OTHER", title: "nämndsekreterare" },
      ],
      secretary: "Per Nämndsekreterare",
      adjusters: ["Olof Berg"],
      paragraphs: [
        {
          title: "Bygglov för nybyggnad av enbostadshus, Berga 3:14",
          edit: (c) => {
            c.caseNumber = "MBN 2019.0412";
            c.sections = [{ kind: "CASE", heading: "Ärendet", content: doc("Sökanden vill bygga ett enbostadshus.") }];
            c.decision = { intro: "Miljö- och byggnämnden beviljar bygglov.", clauses: [] };
            c.votes = [
              {
                question: "bifall (ja) mot avslag (nej)",
                result: "Med 2 ja-röster mot 1 nej-röst beslutar nämnden att bevilja bygglov.",
                outcome: "JA",
                counts: { ja: 2, nej: 1, avstar: 0 },
                ballots: [],
              },
            ];
          },
        },
      ],
    });
    expect(walked.numbers).toEqual([101]);
    const text = flat(walked.text);
    expect(text).toContain("MBN 2019.0412");
    expect(text).toContain("Med 2 ja-röster mot 1 nej-röst beslutar nämnden att bevilja bygglov.");
    // Beslut last: the ärendebeskrivning comes before "Miljö- och byggnämndens beslut".
    const caseAt = text.indexOf("Sökanden vill bygga ett enbostadshus.");
    expect(caseAt).toBeGreaterThan(-1);
    expect(text.indexOf("Miljö- och byggnämndens beslut")).toBeGreaterThan(caseAt);
    expect(walked.signedBy.sort()).toEqual(["Maria Lind", "Olof Berg", "Per Nämndsekreterare"]);
  });

  it("an arbetsutskott whose vice chair chairs the § the chair left, with a second secretary and justerare per §", async () => {
    const walked = await walk({
      body: {
        name: "Kommunstyrelsens arbetsutskott",
        genitiveName: "Arbetsutskottets",
        kind: "UTSKOTT",
        seatCount: "3",
      },
      people: [
        { name: "Karin Ek", role: "CHAIR", represents: "S", ranges: "1-2" },
        { name: "Lars Ås", role: "VICE_CHAIR", represents: "M" },
        { name: "Nils Sten", role: "MEMBER", represents: "KD" },
        { name: "Eva Sekreterare", role: "OTHER", title: "kommunsekreterare" },
        { name: "Jonas Kanslichef", role: "OTHER", title: "kanslichef" },
      ],
      secretary: "Eva Sekreterare",
      adjusters: ["Nils Sten"],
      signers: [
        { name: "Eva Sekreterare", role: "SECRETARY", ranges: "1-2" },
        { name: "Jonas Kanslichef", role: "SECRETARY", ranges: "3" },
        { name: "Karin Ek", role: "CHAIR", ranges: "1-2" },
        { name: "Lars Ås", role: "CHAIR", ranges: "3" },
        { name: "Nils Sten", role: "ADJUSTER", ranges: "" },
      ],
      paragraphs: ["Val av justerare", "Budgetuppföljning", "Markanvisning, Ekbacken"].map((title) => ({
        title,
        edit: (c) => {
          c.decision = { intro: `Arbetsutskottet beslutar om ${title.toLowerCase()}.`, clauses: [] };
        },
      })),
    });
    const text = flat(walked.text);
    expect(text).toContain("Paragrafer 1-2");
    expect(text).toContain("Paragraf 3");
    expect(text).toContain("Arbetsutskottets beslut");
    expect(walked.signedBy.sort()).toEqual(["Eva Sekreterare", "Jonas Kanslichef", "Karin Ek", "Lars Ås", "Nils Sten"]);
  });

  it("a kommunstyrelse with an absent ledamot, the ersättare serving for them, clock times and the justering's time", async () => {
    const walked = await walk({
      body: { name: "Kommunstyrelsen", genitiveName: "Kommunstyrelsens", kind: "STYRELSE", seatCount: "3" },
      adjustmentTime: "09:00",
      people: [
        { name: "Anders Holm", role: "CHAIR", represents: "S" },
        { name: "Britt Ahl", role: "MEMBER", represents: "M", arrivalTime: "14:10", ranges: "2" },
        { name: "Cecilia Dahl", role: "ABSENT", represents: "SD" },
        { name: "David Eng", role: "SERVING_SUBSTITUTE", represents: "SD", replaces: "Cecilia Dahl" },
        { name: "Frida Kommunsekreterare", role: "OTHER", title: "kommunsekreterare" },
      ],
      secretary: "Frida Kommunsekreterare",
      adjusters: ["David Eng"],
      paragraphs: ["Årsredovisning", "Taxor och avgifter"].map((title) => ({
        title,
        edit: (c) => {
          c.decision = {
            intro: "Kommunstyrelsen föreslår kommunfullmäktige besluta",
            clauses: [`att fastställa ${title}`],
          };
        },
      })),
    });
    const text = flat(walked.text);
    expect(text).toContain("David Eng, tjänstgörande ersättare för Cecilia Dahl");
    expect(text).toContain("Britt Ahl, M från kl. 14:10, § 2");
    expect(text).toContain("Frånvarande Cecilia Dahl, SD, ersatt av David Eng");
    expect(text).toMatch(/Justeringens plats och tid Kommunkansliet, \d{4}-\d{2}-\d{2} kl\. 09:00/);
  });

  it("a kommunfullmäktige with the appended närvaro- och omröstningslista and two votes in one §", async () => {
    const members = ["Gun Alm", "Hans Björk", "Ida Cedar", "Jan Dal", "Kim Ek"];
    const walked = await walk({
      body: { name: "Kommunfullmäktige", genitiveName: "Kommunfullmäktiges", kind: "FULLMAKTIGE", seatCount: "5" },
      layout: { appendedAttendanceList: true },
      people: [
        { name: "Gun Alm", role: "CHAIR", represents: "S" },
        { name: "Hans Björk", role: "MEMBER", represents: "M" },
        { name: "Ida Cedar", role: "MEMBER", represents: "V" },
        { name: "Jan Dal", role: "ABSENT", represents: "C" },
        { name: "Kim Ek", role: "MEMBER", represents: "SD" },
        { name: "Lena Fors", role: "SERVING_SUBSTITUTE", represents: "C", replaces: "Jan Dal" },
        { name: "Mats Fullmäktigesekreterare", role: "OTHER", title: "sekreterare" },
      ],
      secretary: "Mats Fullmäktigesekreterare",
      adjusters: ["Hans Björk", "Ida Cedar"],
      paragraphs: [
        {
          title: "Motion om fler cykelbanor",
          edit: (c, id) => {
            c.decision = { intro: "Kommunfullmäktige beslutar att avslå motionen.", clauses: [] };
            const voters = ["Gun Alm", "Hans Björk", "Ida Cedar", "Kim Ek", "Lena Fors"];
            c.votes = [
              {
                question: "propositionsordningen: ja för kommunstyrelsens förslag som huvudförslag",
                result: "Propositionsordningen godkänns.",
                outcome: "JA",
                counts: null,
                ballots: voters.map((n) => ({ personId: id(n), choice: "JA" as const })),
              },
              {
                question: "avslag (ja) mot bifall (nej)",
                result: "Med 3 ja-röster mot 2 nej-röster avslår fullmäktige motionen.",
                outcome: "JA",
                counts: null,
                ballots: voters.map((n, i) => ({
                  personId: id(n),
                  choice: i < 3 ? ("JA" as const) : ("NEJ" as const),
                })),
              },
            ];
          },
        },
      ],
    });
    const text = flat(walked.text);
    expect(text).toContain("Enligt bifogad närvaro- och omröstningslista");
    expect(text).toContain("Närvaro- och omröstningslista");
    // (flat() folds the no-break space after § to a space.)
    expect(text).toContain("§ 1:1 § 1:2");
    // Every seat by its ledamot's name, the absent one too, with who served for them.
    for (const name of members) expect(text).toContain(name);
    expect(text).toContain("Med 3 ja-röster mot 2 nej-röster avslår fullmäktige motionen.");
  });

  it("a kommunfullmäktige of another municipality, with two ordförande who both sign and its own anslag", async () => {
    const ydre = await db.organisation.create({
      data: {
        slug: "ydre",
        name: "Ydre kommun",
        kind: "KOMMUN",
        caseNumberPrefix: "KS",
        storagePlace: "Kommunkansliet, Österbymo",
        noticeBoard: "https://www.ydre.se/anslagstavla",
        noticeCertifier: "Ulla Registrator, registrator",
      },
    });
    const walked = await walk({
      organisationId: ydre.id,
      body: { name: "Kommunfullmäktige", genitiveName: "Kommunfullmäktiges", kind: "FULLMAKTIGE", seatCount: "3" },
      people: [
        { name: "Olle Ordförande", role: "CHAIR", represents: "C" },
        { name: "Pia Vice", role: "VICE_CHAIR", represents: "S" },
        { name: "Rut Ledamot", role: "MEMBER", represents: "M" },
        { name: "Sven Sekreterare", role: "OTHER", title: "kommunsekreterare" },
      ],
      secretary: "Sven Sekreterare",
      adjusters: ["Rut Ledamot"],
      signers: [
        { name: "Sven Sekreterare", role: "SECRETARY", ranges: "" },
        { name: "Olle Ordförande", role: "CHAIR", ranges: "" },
        { name: "Pia Vice", role: "CHAIR", ranges: "" },
        { name: "Rut Ledamot", role: "ADJUSTER", ranges: "" },
      ],
      paragraphs: [
        {
          title: "Val av revisorer",
          edit: (c) => {
            c.caseNumber = "KS 2023/117";
            c.decision = { intro: "Kommunfullmäktige väljer revisorer enligt valberedningens förslag.", clauses: [] };
          },
        },
      ],
    });
    expect(walked.signedBy.sort()).toEqual(["Olle Ordförande", "Pia Vice", "Rut Ledamot", "Sven Sekreterare"]);
    expect(walked.notice).toMatchObject({
      storagePlace: "Kommunkansliet, Österbymo",
      noticeBoard: "https://www.ydre.se/anslagstavla",
      certifiedBy: "Ulla Registrator, registrator",
    });
    const text = flat(walked.text);
    expect(text).toContain("Ydre kommun");
    expect(text).toContain("Kommunkansliet, Österbymo");
    expect(text).toContain("KS 2023/117");
    expect(text).toContain("Kommunfullmäktiges beslut");
  });
});
