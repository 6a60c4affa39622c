// Justering with e-legitimation (issue 18) against a real OpenID Connect provider (oidc-provider,
// tests/support/oidc-broker.ts) and real PostgreSQL: the admin registers each signer's
// personnummer (kept as an HMAC), each signature starts a fresh legitimation bound to the
// content hash, and the callback writes the signature through the same core as the password —
// or refuses, audited, with nothing signed: another identity, level 2 when 3 is asked for, a
// replayed or someone else's request, an expired one, content changed since the request.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { setPersonIdentity } from "@/modules/administration/persons.mutations";
import { completeEidSigning, startEidCorrection, startEidSigning } from "@/modules/justering/signoff.eid";
import {
  addCorrection,
  correctionContentHash,
  returnProtocol,
  sendForAdjustment,
  signProtocol,
} from "@/modules/justering/signoff.mutations";
import { verifyCode } from "@/modules/publication/verify";
import { pdfSignatures, pdfToText } from "@/pdf/testing/poppler";
import { createPkcs12 } from "@/server/trust";
import { readSignatures } from "@/pdf/pades";
import { startTrustServers, type TrustServers } from "./support/trust-servers";
import type { ActionContext } from "@/server/action";
import { personnummerHmac } from "@/server/eid/identity";
import { eidRedirectUri } from "@/server/eid/relying-party";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { CLIENT, LOA3, TEST_IDENTITIES, startOidcBroker, type OidcBroker } from "./support/oidc-broker";
import { contextFor, createSeededDatabase, SEED_SLUG, type ActorName } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let broker: OidcBroker;
let trust: TrustServers;
let meetingId: string;
let tmp: string;
const saved = { ...process.env };
const IDP_NAME = "BankID via Itsams e-legitimationstjänst";
const pnr = (key: string) => TEST_IDENTITIES.find((i) => i.key === key)!.personnummer;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "paragraf-eid-"));
  process.env.PARAGRAF_DATA_DIR = tmp;
  broker = await startOidcBroker({ redirectUris: [eidRedirectUri()] });
  // The signing CA, its TSA and OCSP responder (OpenSSL), as an organisation would configure them.
  trust = await startTrustServers(new Date(), { registerOnRequest: true });
  const caFile = path.join(tmp, "signing-ca.p12");
  writeFileSync(caFile, createPkcs12(trust.ca.key, [trust.ca.certificate], "hemligt", "Signerings-CA"));
  Object.assign(process.env, {
    PARAGRAF_SIGNING_CA_P12: caFile,
    PARAGRAF_SIGNING_CA_PASSPHRASE: "hemligt",
    PARAGRAF_TSA_URL: trust.tsaUrl,
    PARAGRAF_OCSP_URL: trust.ocspUrl,
    PARAGRAF_EID_ISSUER: broker.issuer,
    PARAGRAF_EID_CLIENT_ID: CLIENT.id,
    PARAGRAF_EID_CLIENT_SECRET: CLIENT.secret,
    PARAGRAF_EID_NAME: IDP_NAME,
  });
  seeded = await createSeededDatabase("eid");
  db = seeded.db;
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
}, 120_000);

afterAll(async () => {
  await seeded?.drop();
  await broker?.stop();
  await trust?.close();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  rmSync(tmp, { recursive: true, force: true });
});

const as = (who: ActorName) => contextFor(db, who);
const personOf = async (who: ActorName) => (await as(who)).actor!.personId!;

/** Starts a signing as `who` and logs `identity` in at the broker: the callback URL. */
async function legitimate(who: ActorName, identity: string, ctx?: Partial<ActionContext>): Promise<URL> {
  const started = await startEidSigning({ ...(await as(who)), ...ctx }, { meetingId });
  if (!started.ok) throw new Error(JSON.stringify(started));
  expect(new URL(started.data.url).origin).toBe(broker.issuer);
  return broker.authenticate(started.data.url, identity);
}

type JsonObject = { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } };
/** Each signature widget's name and what its normal appearance (/AP /N) draws with (qpdf --json). */
function signatureWidgets(pdf: Uint8Array) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-ap-"));
  try {
    const file = path.join(dir, "p.pdf");
    writeFileSync(file, pdf);
    const json = JSON.parse(
      execFileSync("qpdf", ["--json=2", "--json-key=qpdf", file], { maxBuffer: 1 << 28 }).toString(),
    );
    const objects = json.qpdf[1] as Record<string, JsonObject>;
    const get = (ref: unknown) => {
      const o = objects[`obj:${String(ref)}`];
      return (o?.value ?? o?.stream?.dict ?? {}) as Record<string, unknown>;
    };
    return Object.values(objects)
      .map((o) => o.value)
      .filter((v): v is Record<string, unknown> => !!v && v["/FT"] === "/Sig" && "/V" in v)
      .map((widget) => {
        const apRef = (widget["/AP"] as Record<string, unknown>)["/N"];
        const ap = objects[`obj:${String(apRef)}`]!.stream!.dict;
        const fonts = ((ap["/Resources"] ?? {}) as Record<string, Record<string, unknown>>)["/Font"] ?? {};
        const type0 = get(Object.values(fonts)[0]);
        const cid = get((type0["/DescendantFonts"] as unknown[] | undefined)?.[0]);
        const descriptor = get(cid["/FontDescriptor"]);
        return {
          name: String(widget["/T"]).replace(/^u:/, ""),
          appearanceLength: Number(ap["/Length"] ?? 0),
          baseFont: String(type0["/BaseFont"] ?? "").replace(/^\//, ""),
          fontFile2: "/FontFile2" in descriptor,
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const audits = (action: string) => db.auditLog.findMany({ where: { meetingId, action }, orderBy: { at: "asc" } });

describe("the personnummer on the person form (admin)", () => {
  it("refuses a wrong number in Swedish, keeps only an HMAC, and refuses the same number twice", async () => {
    const admin = await as("admin");
    const secretary = await personOf("secretary");
    for (const [personnummer, message] of [
      ["8112189876", /12 siffror/],
      ["19811218-9875", /kontrollsiffran/],
      ["19811318-9876", /(giltigt datum|kontrollsiffran)/],
      ["abc", /siffror/],
    ] as const) {
      const r = await setPersonIdentity(admin, { personId: secretary, personnummer });
      expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
      if (!r.ok && r.code === "VALIDATION") expect(r.fieldErrors.personnummer?.[0]).toMatch(message);
    }
    expect(await setPersonIdentity(await as("secretary"), { personId: secretary, personnummer: pnr("anna") })).toEqual(
      expect.objectContaining({ ok: false, code: "FORBIDDEN" }),
    );

    expect(await setPersonIdentity(admin, { personId: secretary, personnummer: "19811218-9876" })).toEqual({
      ok: true,
      data: { id: secretary, registered: true },
    });
    const stored = await db.person.findUniqueOrThrow({ where: { id: secretary } });
    expect(stored.identityHmac).toBe(personnummerHmac(pnr("anna")));
    expect(stored.identityHmac).not.toContain("9876");
    const [row] = await db.auditLog.findMany({ where: { action: "admin.person.identity", entityId: secretary } });
    expect(JSON.stringify(row)).not.toMatch(/9876|19811218/);

    const chair = await personOf("chair");
    const twice = await setPersonIdentity(admin, { personId: chair, personnummer: pnr("anna") });
    expect(twice).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!twice.ok && twice.code === "VALIDATION") expect(twice.fieldErrors.personnummer?.[0]).toMatch(/redan/);

    // Empty removes it.
    expect(await setPersonIdentity(admin, { personId: secretary, personnummer: "" })).toMatchObject({
      ok: true,
      data: { registered: false },
    });
    expect((await db.person.findUniqueOrThrow({ where: { id: secretary } })).identityHmac).toBeNull();
  });
});

describe("signing with e-legitimation", () => {
  it("cannot start for a person with no personnummer registered", async () => {
    await fixSeedDefects(db, meetingId);
    expect((await sendForAdjustment(await as("secretary"), { meetingId })).ok).toBe(true);
    const r = await startEidSigning(await as("secretary"), { meetingId });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/personnummer/) });
    expect(await db.eidSigningRequest.count()).toBe(0);

    const admin = await as("admin");
    for (const [who, key] of [
      ["secretary", "anna"],
      ["chair", "bertil"],
      ["adjuster", "cecilia"],
    ] as const) {
      expect((await setPersonIdentity(admin, { personId: await personOf(who), personnummer: pnr(key) })).ok).toBe(true);
    }
  });

  it("sends the signer to the provider with prompt=login, max_age=0, acr_values, PKCE and a nonce bound to the hash", async () => {
    const r = await startEidSigning(await as("secretary"), { meetingId });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const url = new URL(r.data.url);
    const q = Object.fromEntries(url.searchParams);
    expect(q).toMatchObject({
      prompt: "login",
      max_age: "0",
      acr_values: LOA3,
      code_challenge_method: "S256",
      client_id: CLIENT.id,
      redirect_uri: eidRedirectUri(),
      response_type: "code",
    });
    const request = await db.eidSigningRequest.findUniqueOrThrow({ where: { state: q.state! } });
    const { contentHash } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(request).toMatchObject({ contentHash, nonce: q.nonce, purpose: "SIGN", usedAt: null });
    const { createHash } = await import("node:crypto");
    expect(q.nonce).toBe(createHash("sha256").update(`${contentHash}${request.nonceSalt}`).digest("base64url"));
    expect(request.expiresAt.getTime() - request.createdAt.getTime()).toBe(10 * 60_000);
    expect(url.href).not.toContain(request.codeVerifier);
    expect(url.href).not.toContain(request.nonceSalt);
  });

  it("refuses another person's e-legitimation: audited, nothing signed", async () => {
    const callback = await legitimate("secretary", "bertil");
    const outcome = await completeEidSigning(await as("secretary"), callback);
    expect(outcome).toEqual({ ok: false, reason: "mismatch", slug: SEED_SLUG });
    const [row] = await audits("protocol.sign.eid-mismatch");
    expect(row).toMatchObject({ data: expect.objectContaining({ reason: "mismatch", subject: "sub-bertil" }) });
    expect(JSON.stringify(row!.data)).not.toContain(pnr("bertil"));
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses assurance level 2 when level 3 is asked for", async () => {
    const outcome = await completeEidSigning(await as("secretary"), await legitimate("secretary", "david"));
    expect(outcome).toMatchObject({ ok: false, reason: "acr" });
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses a request older than ten minutes", async () => {
    const start = new Date();
    const callback = await legitimate("secretary", "anna", { now: start });
    const late = await completeEidSigning(
      { ...(await as("secretary")), now: new Date(start.getTime() + 11 * 60_000) },
      callback,
    );
    expect(late).toMatchObject({ ok: false, reason: "expired" });
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses when the protocol was returned, changed and sent again after the request", async () => {
    const callback = await legitimate("adjuster", "cecilia");
    const returned = await returnProtocol(await as("chair"), { meetingId, comment: "§ 66: rubriken." });
    expect(returned.ok).toBe(true);
    await db.paragraph.updateMany({ where: { meetingId, number: 66 }, data: { title: "Ny rubrik för § 66" } });
    expect((await sendForAdjustment(await as("secretary"), { meetingId })).ok).toBe(true);
    const outcome = await completeEidSigning(await as("adjuster"), callback);
    expect(outcome).toMatchObject({ ok: false, reason: "changed" });
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("keeps the method and the identity together in the database (CHECK)", async () => {
    const { contentHash } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const secretary = await personOf("secretary");
    await expect(
      db.$executeRaw`INSERT INTO "Signature" (id, "meetingId", "personId", role, "signedAt", "contentHash", method)
        VALUES ('sig-x', ${meetingId}, ${secretary}, 'SECRETARY', now(), ${contentHash}, 'EID')`,
    ).rejects.toThrow(/Signature_method_identity/);
    expect(await db.signature.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses the password when the organisation requires e-legitimation (PARAGRAF_EID_ONLY=1)", async () => {
    process.env.PARAGRAF_EID_ONLY = "1";
    try {
      const r = await signProtocol(await as("secretary"), { meetingId, password: "paragraf-demo" });
      expect(r).toMatchObject({ ok: false, code: "STATE", message: expect.stringMatching(/kräver e-legitimation/) });
    } finally {
      delete process.env.PARAGRAF_EID_ONLY;
    }
  });

  it("signs by all three with e-legitimation; refuses someone else's and a replayed request; justerat", async () => {
    const secretaryCallback = await legitimate("secretary", "anna");
    // The chair cannot finish the secretary's request, and does not use it up.
    expect(await completeEidSigning(await as("chair"), secretaryCallback)).toMatchObject({
      ok: false,
      reason: "other-user",
    });
    expect(await completeEidSigning(await as("anonymous"), secretaryCallback)).toMatchObject({
      ok: false,
      reason: "login",
    });
    expect(await completeEidSigning(await as("secretary"), secretaryCallback)).toEqual({
      ok: true,
      slug: SEED_SLUG,
      complete: false,
    });
    // Replayed: refused, nothing more written.
    expect(await completeEidSigning(await as("secretary"), secretaryCallback)).toMatchObject({
      ok: false,
      reason: "used",
    });
    // A state nobody issued.
    const forged = new URL(secretaryCallback);
    forged.searchParams.set("state", "forged-state");
    expect(await completeEidSigning(await as("secretary"), forged)).toMatchObject({ ok: false, reason: "unknown" });

    expect(await completeEidSigning(await as("chair"), await legitimate("chair", "bertil"))).toMatchObject({
      ok: true,
      complete: false,
    });
    expect(await completeEidSigning(await as("adjuster"), await legitimate("adjuster", "cecilia"))).toMatchObject({
      ok: true,
      complete: true,
    });

    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(meeting.status).toBe("ADJUSTED");
    const signatures = await db.signature.findMany({ where: { meetingId }, orderBy: { signedAt: "asc" } });
    expect(signatures).toHaveLength(3);
    const anna = signatures.find((s) => s.personId === (meeting.secretaryId ?? ""))!;
    expect(anna).toMatchObject({
      method: "EID",
      assuranceLevel: LOA3,
      idpIssuer: broker.issuer,
      idpName: IDP_NAME,
      identitySubject: "sub-anna",
      identityHmac: personnummerHmac(pnr("anna")),
      identityName: "Anna Andersson",
      contentHash: meeting.contentHash,
    });
    expect(anna.authTime).toBeInstanceOf(Date);
    for (const s of signatures) expect(JSON.stringify(s)).not.toContain(pnr("anna").slice(2));
    expect(await audits("protocol.sign")).toHaveLength(3);

    // Frozen with the rest of the signature: the app role may not update it, nor may the owner.
    await expect(
      db.$executeRaw`UPDATE "Signature" SET method = 'PASSWORD' WHERE "meetingId" = ${meetingId}`,
    ).rejects.toThrow(/permission denied/);
    const owner = new pg.Client({ connectionString: seeded.ownerUrl });
    await owner.connect();
    try {
      await expect(
        owner.query(`UPDATE "Signature" SET "identitySubject" = 'sub-annan' WHERE "meetingId" = $1`, [meetingId]),
      ).rejects.toThrow(/kan inte ändras/);
    } finally {
      await owner.end();
    }

    // /verifiera and the protocol DTO say how each signer was identified; the public gets no identity.
    const verified = await verifyCode(db, meeting.contentHash!);
    if (!verified.match) throw new Error(verified.message);
    expect(verified.signers.map((s) => s.method)).toEqual([
      `e-legitimation via ${IDP_NAME}, tillitsnivå 3`,
      `e-legitimation via ${IDP_NAME}, tillitsnivå 3`,
      `e-legitimation via ${IDP_NAME}, tillitsnivå 3`,
    ]);
    // Each signer's time from their signature's timestamp; the long-term validation data complete.
    expect(verified.signers.every((s) => s.timestampedAt && !Number.isNaN(Date.parse(s.timestampedAt)))).toBe(true);
    expect(verified.longTerm).toEqual({ complete: true, documentTimestamp: true });
    // The stored PDF: the document sent for justering with each signer's own PAdES signature in
    // their field, in the order they signed, then the seal, the DSS and the document timestamp.
    const file = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
    const revisions = await db.signingRevision.findMany({ where: { meetingId }, orderBy: { seq: "asc" } });
    expect(revisions.map((r) => r.kind)).toEqual([
      "TO_SIGN",
      "SIGNER",
      "SIGNER",
      "SIGNER",
      "SEAL",
      "DSS",
      "DOC_TIMESTAMP",
    ]);
    expect(Buffer.from(revisions.at(-1)!.bytes).equals(Buffer.from(file.bytes))).toBe(true);
    expect(revisions.filter((r) => r.kind === "SIGNER").every((r) => r.ocsp && r.ocsp.length > 0)).toBe(true);
    const sig = pdfSignatures(file.bytes);
    const blocks = sig.split(/^Signature #\d+:$/m).slice(1);
    expect(blocks).toHaveLength(5);
    const signerNames = await Promise.all(
      revisions
        .filter((r) => r.kind === "SIGNER")
        .map(async (r) => {
          const row = await db.signature.findUniqueOrThrow({
            where: { id: r.signatureId! },
            include: { person: true },
          });
          return (await findProtocolBySlug(db, SEED_SLUG))!.signatures.find((s) => s.personId === row.personId)!.name;
        }),
    );
    blocks.slice(0, 3).forEach((b, i) => {
      expect(b).toContain(`Signature Field Name: Signatur `);
      expect(b).toContain(`Signer Certificate Common Name: ${signerNames[i]}`);
    });
    expect(blocks[3]).toContain("Signature Field Name: Sigill");
    expect(blocks[4]).toContain("Signature Field Name: Dokumenttidsstämpel 1");
    for (const b of blocks.slice(0, 4)) expect(b).toContain("Signature Validation: Signature is Valid.");
    expect(blocks.slice(0, 4).every((b) => b.includes("Not total document signed"))).toBe(true);
    expect(blocks[4]).toContain("Total document signed");
    // Every signature and the seal carry a timestamp from the TSA (pdfsig: "Signing Time" from it).
    expect(trust.counts.tsa).toBeGreaterThanOrEqual(5);
    // The long-term validation data: /DSS with the certificates and the OCSP responses.
    const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-dss-"));
    try {
      const pdfFile = path.join(dir, "p.pdf");
      writeFileSync(pdfFile, file.bytes);
      const trailer = execFileSync("qpdf", ["--show-object=trailer", pdfFile]).toString();
      const root = /\/Root (\d+) 0 R/.exec(trailer)![1]!;
      const catalog = execFileSync("qpdf", [`--show-object=${root}`, pdfFile]).toString();
      const dssRef = /\/DSS (\d+) 0 R/.exec(catalog)![1]!;
      const dss = execFileSync("qpdf", [`--show-object=${dssRef}`, pdfFile]).toString();
      expect(dss).toMatch(/\/Certs \[/);
      expect(dss).toMatch(/\/OCSPs \[ \d+ 0 R \d+ 0 R \d+ 0 R/);
      // pdfsig cannot check a document timestamp (ETSI.RFC3161); OpenSSL can.
      const last = readSignatures(file.bytes).at(-1)!;
      expect(last.subFilter).toBe("ETSI.RFC3161");
      const [a, b, c, d] = last.byteRange;
      writeFileSync(
        path.join(dir, "data"),
        Buffer.concat([file.bytes.subarray(a, a + b), file.bytes.subarray(c, c + d)]),
      );
      writeFileSync(path.join(dir, "token"), last.der);
      const verified = execFileSync("openssl", [
        ...["ts", "-verify", "-data", path.join(dir, "data"), "-in", path.join(dir, "token"), "-token_in"],
        ...["-CAfile", trust.caFile],
      ]).toString();
      expect(verified).toContain("Verification: OK");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Each earlier revision's signatures stay valid as they were.
    const atSecond = pdfSignatures(revisions[2]!.bytes);
    expect(atSecond.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(atSecond).toContain("Total document signed");
    // A changed byte in the signed content breaks the signatures that cover it.
    const tampered = Buffer.from(file.bytes);
    const at = tampered.indexOf("Direktionen");
    tampered[at] = "d".charCodeAt(0);
    expect(pdfSignatures(tampered)).not.toContain("Signature is Valid.");
    const text = pdfToText(file.bytes, { first: 1, last: 1 }).replace(/\s+/g, " ");
    expect(text).toContain("Justeras elektroniskt");
    expect(text).toContain(`Verifieringskod: ${meeting.contentHash}`);
    const protocol = (await findProtocolBySlug(db, SEED_SLUG))!;
    expect(protocol.signatures.every((s) => s.method === "EID" && s.assuranceLevel === LOA3)).toBe(true);

    // Each signer's field shows who signed, when and how: drawn in the widget's appearance only.
    for (const s of protocol.signatures) {
      const role = { SECRETARY: "sekreterare", CHAIR: "ordförande", ADJUSTER: "justerare" }[s.role];
      expect(text).toContain(`Signerat digitalt av ${s.name}, ${role}`);
    }
    expect(text.match(/Identifierad med e-legitimation \(tillitsnivå 3\) via /g)).toHaveLength(3);
    expect(text.match(/Tid: \d{4}-\d\d-\d\d kl\. \d\d:\d\d/g)).toHaveLength(3);
    // Not in the document as sent (the page's content is unchanged).
    expect(pdfToText(revisions[0]!.bytes, { first: 1, last: 1 })).not.toContain("Signerat digitalt");
    const fields = signatureWidgets(file.bytes).filter((w) => w.name.startsWith("Signatur "));
    expect(fields).toHaveLength(3);
    for (const f of fields) {
      expect(f.appearanceLength).toBeGreaterThan(0);
      expect(f.fontFile2).toBe(true);
      expect(f.baseFont).toMatch(/^[A-Z]{6}\+NotoSans-Regular$/);
    }
    // The signers' and the seal's updates never redefine a page or the structure tree (the
    // document timestamp adds its invisible widget to page 1's /Annots).
    for (const [i, r] of revisions.entries()) {
      if (r.kind !== "SIGNER" && r.kind !== "SEAL") continue;
      const update = Buffer.from(r.bytes)
        .subarray(revisions[i - 1]!.bytes.length)
        .toString("latin1");
      expect(update).not.toMatch(/\/Type \/Page\b|\/Type \/StructTreeRoot|\/Type \/StructElem/);
    }
  });
});

describe("a rättelse with e-legitimation", () => {
  const TEXT = "§ 63: beslutet gäller från 2022-01-01, inte 2021-01-01.";
  async function legitimateCorrection(identity: string, input = { paragraphNumber: "63", text: TEXT }) {
    const started = await startEidCorrection(await as("secretary"), { meetingId, ...input });
    if (!started.ok) throw new Error(JSON.stringify(started));
    return { url: new URL(started.data.url), callback: await broker.authenticate(started.data.url, identity) };
  }

  it("starts a fresh legitimation bound to the rättelse's own hash; refuses a § the protocol lacks", async () => {
    const missing = await startEidCorrection(await as("secretary"), { meetingId, paragraphNumber: "12", text: TEXT });
    expect(missing).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!missing.ok && missing.code === "VALIDATION")
      expect(missing.fieldErrors.paragraphNumber?.[0]).toMatch(/§ 12 finns inte/);
    // Only who may make a rättelse (the chair may not).
    expect(await startEidCorrection(await as("chair"), { meetingId, paragraphNumber: "", text: TEXT })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });

    const started = await startEidCorrection(await as("secretary"), { meetingId, paragraphNumber: "63", text: TEXT });
    if (!started.ok) throw new Error(JSON.stringify(started));
    const q = Object.fromEntries(new URL(started.data.url).searchParams);
    expect(q).toMatchObject({ prompt: "login", max_age: "0", acr_values: LOA3, client_id: CLIENT.id });
    const request = await db.eidSigningRequest.findUniqueOrThrow({ where: { state: q.state! } });
    const { contentHash } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const expected = correctionContentHash({
      meetingId,
      protocolContentHash: contentHash,
      paragraphNumber: 63,
      text: TEXT,
    });
    expect(expected).not.toBe(contentHash);
    expect(request).toMatchObject({
      purpose: "CORRECTION",
      contentHash: expected,
      correctionParagraph: 63,
      correctionText: TEXT,
    });
    const { createHash } = await import("node:crypto");
    expect(q.nonce).toBe(createHash("sha256").update(`${expected}${request.nonceSalt}`).digest("base64url"));
    // A signing request carries no rättelse (CHECK).
    await expect(
      db.eidSigningRequest.update({ where: { id: request.id }, data: { correctionText: null } }),
    ).rejects.toThrow(/EidSigningRequest_correction/);
  });

  it("refuses someone else's e-legitimation and level 2: audited, no rättelse", async () => {
    const other = await legitimateCorrection("bertil");
    expect(await completeEidSigning(await as("secretary"), other.callback)).toEqual({
      ok: false,
      reason: "mismatch",
      slug: SEED_SLUG,
    });
    const [row] = (await audits("protocol.sign.eid-mismatch")).slice(-1);
    expect(row!.data).toMatchObject({ purpose: "CORRECTION", subject: "sub-bertil" });
    const low = await legitimateCorrection("david");
    expect(await completeEidSigning(await as("secretary"), low.callback)).toMatchObject({ ok: false, reason: "acr" });
    expect(await db.correction.count({ where: { meetingId } })).toBe(0);
  });

  it("adds the rättelse with the verified identity once; a replay is refused", async () => {
    const own = await legitimateCorrection("anna");
    // The chair cannot finish the secretary's request.
    expect(await completeEidSigning(await as("chair"), own.callback)).toMatchObject({
      ok: false,
      reason: "other-user",
    });
    expect(await completeEidSigning(await as("secretary"), own.callback)).toEqual({
      ok: true,
      slug: SEED_SLUG,
      complete: false,
      correction: true,
    });
    expect(await completeEidSigning(await as("secretary"), own.callback)).toMatchObject({ ok: false, reason: "used" });
    const corrections = await db.correction.findMany({ where: { meetingId } });
    expect(corrections).toHaveLength(1);
    const { contentHash } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(corrections[0]).toMatchObject({
      paragraphNumber: 63,
      text: TEXT,
      personId: await personOf("secretary"),
      method: "EID",
      contentHash: correctionContentHash({
        meetingId,
        protocolContentHash: contentHash,
        paragraphNumber: 63,
        text: TEXT,
      }),
      assuranceLevel: LOA3,
      idpIssuer: broker.issuer,
      idpName: IDP_NAME,
      identitySubject: "sub-anna",
      identityHmac: personnummerHmac(pnr("anna")),
      identityName: "Anna Andersson",
    });
    const [audit] = (await audits("protocol.correction")).slice(-1);
    expect(audit!.data).toMatchObject({ method: "EID", acr: LOA3, issuer: broker.issuer });
    // Frozen like a signature: an e-legitimation rättelse without its identity is refused (CHECK).
    await expect(
      db.$executeRaw`INSERT INTO "Correction" (id, "meetingId", "personId", text, method)
        VALUES ('c-x', ${meetingId}, ${await personOf("secretary")}, 'x', 'EID')`,
    ).rejects.toThrow(/Correction_method_identity/);
  });

  it("the password stays the fallback (method PASSWORD), and is refused when e-legitimation is required", async () => {
    const r = await addCorrection(await as("secretary"), {
      meetingId,
      paragraphNumber: "",
      text: "Närvarolistan: Malin Vikström var närvarande.",
      password: "paragraf-demo",
    });
    expect(r.ok).toBe(true);
    const last = await db.correction.findFirstOrThrow({ where: { meetingId }, orderBy: { signedAt: "desc" } });
    expect(last).toMatchObject({ method: "PASSWORD", contentHash: null, identitySubject: null });
    process.env.PARAGRAF_EID_ONLY = "1";
    try {
      const refused = await addCorrection(await as("secretary"), {
        meetingId,
        paragraphNumber: "",
        text: "En till.",
        password: "paragraf-demo",
      });
      expect(refused).toMatchObject({
        ok: false,
        code: "STATE",
        message: expect.stringMatching(/kräver e-legitimation/),
      });
    } finally {
      delete process.env.PARAGRAF_EID_ONLY;
    }
    expect(await db.correction.count({ where: { meetingId } })).toBe(2);
  });
});
