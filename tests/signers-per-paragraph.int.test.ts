// Signers per § (issue 14 point 3), through the real server actions on real PostgreSQL, on the
// seed protocol (§§ 59-67): a second secretary for §§ 65-66, the vice chair chairing § 67 (the
// chair left), per-§ justerare, two chairs who both sign; the independence rules per §; justering
// only when every assigned signer has signed, one signature each; the database refusing
// ADJUSTED without them; the PDF's signature block with each signer's §§.
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { saveSigners } from "@/modules/drafting/signers.mutations";
import { findProtocolBySlug } from "@/server/protocol.queries";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { findToAdjust } from "@/modules/justering/signoff.queries";
import { renderProtocolPdf } from "@/pdf/render-protocol";
import { pdfToText } from "@/pdf/testing/poppler";
import { actorFor, contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

const SEED_PASSWORD = "paragraf-demo";
const TEST_PASSWORD = "test-password";
const HENRIK_EMAIL = "henrik@itsam.example";

const protocol = async (db: PrismaClient): Promise<ProtocolDTO> => (await findProtocolBySlug(db, SEED_SLUG))!;

describe("a protocol with signers per §", () => {
  let db: PrismaClient;
  let drop: () => Promise<void>;
  let meetingId: string;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    ({ db, drop } = await createSeededDatabase("signers"));
    meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
    // The seed's real content defects (§ 62 seat overlap, § 67), so that only the signers matter.
    await fixSeedDefects(db, meetingId);
    for (const name of [
      "Joakim Karlsson",
      "Henrik Remmerfelt",
      "Jacob Käll",
      "Elisabet Hagström",
      "Annicki Oscarsson",
    ]) {
      id[name] = (await db.person.findFirstOrThrow({ where: { name } })).id;
    }
    // The förbundsdirektör keeps the protocol of §§ 65-66: a second secretary, with a login.
    await db.user.create({
      data: {
        email: HENRIK_EMAIL,
        name: "Henrik Remmerfelt",
        passwordHash: await hash(TEST_PASSWORD),
        personId: id["Henrik Remmerfelt"]!,
      },
    });
  });
  afterAll(async () => drop?.());

  const signersVersion = async () => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).signersVersion;
  const row = (name: string, role: "SECRETARY" | "CHAIR" | "ADJUSTER", ranges = "") => ({
    personId: id[name]!,
    role,
    ranges,
  });
  /** Jacob chairs §§ 59-66 and leaves; Elisabet (vice) chairs § 67 and justerar §§ 59-66. */
  const REAL = () => [
    row("Joakim Karlsson", "SECRETARY", "59-64, 67"),
    row("Henrik Remmerfelt", "SECRETARY", "65-66"),
    row("Jacob Käll", "CHAIR", "59-66"),
    row("Elisabet Hagström", "CHAIR", "67"),
    row("Annicki Oscarsson", "ADJUSTER"),
    row("Elisabet Hagström", "ADJUSTER", "59-66"),
  ];

  it("refuses a bad range and a person twice in one role, in Swedish, and keeps nothing", async () => {
    const secretary = await contextFor(db, "secretary");
    const save = async (signers: ReturnType<typeof row>[]) => {
      const result = await saveSigners(secretary, { meetingId, version: await signersVersion(), signers });
      expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
      return result.ok || result.code !== "VALIDATION" ? {} : result.fieldErrors;
    };
    expect((await save([row("Jacob Käll", "CHAIR", "66-59")]))["signers.0.ranges"]).toEqual([
      "Intervallet 66-59 går baklänges. Skriv det lägsta numret först, t.ex. 59-66.",
    ]);
    expect(
      (await save([row("Jacob Käll", "CHAIR", "59-60"), row("Jacob Käll", "CHAIR", "62")]))["signers.1.personId"],
    ).toEqual(["Personen står redan i samma roll: ange alla paragrafer på den första raden, t.ex. 1-4, 7."]);
    expect(await db.meetingSigner.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses sending while the second secretary also justerar a § they kept, naming the §", async () => {
    const secretary = await contextFor(db, "secretary");
    const saved = await saveSigners(secretary, {
      meetingId,
      version: await signersVersion(),
      signers: [...REAL(), row("Henrik Remmerfelt", "ADJUSTER", "66")],
    });
    expect(saved).toMatchObject({ ok: true });
    const result = await sendForAdjustment(secretary, { meetingId });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors._).toEqual([
      "§ 66: Henrik Remmerfelt står som sekreterare och justerare för § 66. Den som har fört protokollet för en paragraf får inte också justera den eller vara dess ordförande. Ändra paragraferna under Undertecknare så att Henrik Remmerfelt bara har en roll i varje paragraf, eller välj en annan person.",
      "§ 66: Justeraren Henrik Remmerfelt tjänstgjorde inte som ledamot eller tjänstgörande ersättare i § 66 (närvarande bara som övrig närvarande). Den som justerar en paragraf ska ha deltagit i beslutet. Ändra paragraferna under Undertecknare, eller rätta närvaron eller jävet om de är fel.",
    ]);
  });

  it("refuses sending while a § has no justerare", async () => {
    const secretary = await contextFor(db, "secretary");
    const signers = REAL().map((s) => (s.personId === id["Annicki Oscarsson"] ? { ...s, ranges: "59-66" } : s));
    expect(await saveSigners(secretary, { meetingId, version: await signersVersion(), signers })).toMatchObject({
      ok: true,
    });
    const result = await sendForAdjustment(secretary, { meetingId });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (result.ok || result.code !== "VALIDATION") return;
    expect(result.fieldErrors._).toEqual([
      "§ 67: Det saknas justerare för § 67. Varje paragraf ska ha en sekreterare, en ordförande och minst en justerare som undertecknar den. Ange under Undertecknare vem som undertecknar § 67.",
    ]);
  });

  it("shows each signer's §§ in the signature block, one line per person and role", async () => {
    const secretary = await contextFor(db, "secretary");
    expect(await saveSigners(secretary, { meetingId, version: await signersVersion(), signers: REAL() })).toMatchObject(
      { ok: true },
    );
    const p = await protocol(db);
    expect(p.signatures.map((s) => [s.role, s.name, s.ranges])).toEqual([
      [
        "SECRETARY",
        "Joakim Karlsson",
        [
          { from: 59, to: 64 },
          { from: 67, to: 67 },
        ],
      ],
      ["SECRETARY", "Henrik Remmerfelt", [{ from: 65, to: 66 }]],
      ["CHAIR", "Jacob Käll", [{ from: 59, to: 66 }]],
      ["CHAIR", "Elisabet Hagström", [{ from: 67, to: 67 }]],
      ["ADJUSTER", "Annicki Oscarsson", []],
      ["ADJUSTER", "Elisabet Hagström", [{ from: 59, to: 66 }]],
    ]);
  });

  it("sends it; the justering list tells each signer their §§", async () => {
    expect(await sendForAdjustment(await contextFor(db, "secretary"), { meetingId })).toMatchObject({ ok: true });
    const { toSign } = await findToAdjust(db, await actorFor(db, "ledamot@itsam.example"));
    expect(toSign.map((m) => m.duties)).toEqual(["ordförande, Paragraf 67; justerare, Paragrafer 59-66"]);
    const henrik = await findToAdjust(db, await actorFor(db, HENRIK_EMAIL));
    expect(henrik.toSign.map((m) => m.duties)).toEqual(["sekreterare, Paragrafer 65-66"]);
  });

  it("stays unjusterat until every assigned signer has signed, and the database refuses ADJUSTED", async () => {
    for (const who of ["chair", "adjuster", "secretary"] as const) {
      const result = await signProtocol(await contextFor(db, who), { meetingId, password: SEED_PASSWORD });
      expect(result).toMatchObject({ ok: true, data: { complete: false } });
    }
    await expect(
      db.meeting.update({ where: { id: meetingId }, data: { status: "ADJUSTED", adjustedOn: new Date("2021-11-20") } }),
    ).rejects.toThrow(/Underskrift saknas från: 2 av 5 undertecknare/);
    // Elisabet signs once for both her lines (chair of § 67, justerare of §§ 59-66).
    const elisabet = { db, ip: "127.0.0.1", actor: await actorFor(db, "ledamot@itsam.example") };
    expect(await signProtocol(elisabet, { meetingId, password: TEST_PASSWORD })).toMatchObject({
      ok: true,
      data: { complete: false },
    });
    expect(await signProtocol(elisabet, { meetingId, password: TEST_PASSWORD })).toMatchObject({
      ok: false,
      code: "STATE",
    });
    await expect(
      db.meeting.update({ where: { id: meetingId }, data: { status: "ADJUSTED", adjustedOn: new Date("2021-11-20") } }),
    ).rejects.toThrow(/Underskrift saknas från: 1 av 5 undertecknare/);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("READY_FOR_ADJUSTMENT");

    const henrik = { db, ip: "127.0.0.1", actor: await actorFor(db, HENRIK_EMAIL) };
    expect(await signProtocol(henrik, { meetingId, password: TEST_PASSWORD })).toMatchObject({
      ok: true,
      data: { complete: true },
    });
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { signatures: true } });
    expect(m.status).toBe("ADJUSTED");
    expect(m.signatures.map((s) => [s.personId, s.role]).sort(([a], [b]) => a!.localeCompare(b!))).toEqual(
      [
        [id["Joakim Karlsson"], "SECRETARY"],
        [id["Henrik Remmerfelt"], "SECRETARY"],
        [id["Jacob Käll"], "CHAIR"],
        [id["Elisabet Hagström"], "CHAIR"],
        [id["Annicki Oscarsson"], "ADJUSTER"],
      ].sort(([a], [b]) => a!.localeCompare(b!)),
    );
  });

  it("prints every signer with their §§ in the PDF's signature block", async () => {
    const text = await pdfToText(await renderProtocolPdf(await protocol(db)));
    const block = text.slice(text.indexOf("Underskrifter"), text.indexOf("ANSLAG/BEVIS"));
    for (const line of [
      /Sekreterare\s+Joakim Karlsson[\s\S]*?Paragrafer 59-64, 67/,
      /Sekreterare\s+Henrik Remmerfelt[\s\S]*?Paragrafer 65-66/,
      /Ordförande\s+Jacob Käll[\s\S]*?Paragrafer 59-66/,
      /Ordförande\s+Elisabet Hagström[\s\S]*?Paragraf 67/,
      /Justerare\s+Annicki Oscarsson[\s\S]*?Paragrafer 59-67/,
      /Justerare\s+Elisabet Hagström[\s\S]*?Paragrafer 59-66/,
    ]) {
      expect(block).toMatch(line);
    }
  });

  it("keeps the signers frozen once justerat", async () => {
    await expect(db.meetingSigner.deleteMany({ where: { meetingId } })).rejects.toThrow(/Protokollet är låst/);
    const secretary = await contextFor(db, "secretary");
    expect(await saveSigners(secretary, { meetingId, version: await signersVersion(), signers: [] })).toMatchObject({
      ok: false,
    });
  });
});
