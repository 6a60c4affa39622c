// The password fallback of issue 18 when NO e-legitimation provider is configured (no
// PARAGRAF_EID_*): the three signers justera the seed protocol with the password re-entry, and each
// signature is recorded, drawn in the PDF and shown on /verifiera as the weaker level.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { eidConfig } from "@/server/eid/config";
import { sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { verifyCode } from "@/modules/publication/verify";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let drop: () => Promise<void>;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const key of Object.keys(process.env).filter((k) => k.startsWith("PARAGRAF_EID_"))) {
    saved[key] = process.env[key];
    delete process.env[key];
  }
  ({ db, drop } = await createSeededDatabase("pwfallback"));
});
afterAll(async () => {
  Object.assign(process.env, saved);
  await drop?.();
});

it("signs with the password when no provider is configured, labelled as the weaker level", async () => {
  expect(eidConfig()).toBeNull();
  const meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  await fixSeedDefects(db, meetingId);
  expect((await sendForAdjustment(await contextFor(db, "secretary"), { meetingId })).ok).toBe(true);
  for (const who of ["adjuster", "chair"] as const)
    expect(await signProtocol(await contextFor(db, who), { meetingId, password: "paragraf-demo" })).toEqual({
      ok: true,
      data: { complete: false },
    });
  expect(await signProtocol(await contextFor(db, "secretary"), { meetingId, password: "paragraf-demo" })).toEqual({
    ok: true,
    data: { complete: true },
  });

  // The records: the password method, no level, no identity.
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { signatures: true } });
  expect(m.status).toBe("ADJUSTED");
  expect(m.signatures).toHaveLength(3);
  for (const s of m.signatures)
    expect(s).toMatchObject({ method: "PASSWORD", assuranceLevel: null, idpIssuer: null, identitySubject: null });

  // /verifiera names the weaker level for each signer.
  const verified = await verifyCode(db, m.contentHash!);
  if (!verified.match) throw new Error(verified.message);
  expect(verified.signers.map((s) => s.method)).toEqual(
    Array(3).fill("lösenord (lägre säkerhetsnivå än e-legitimation)"),
  );

  // The stored PDF: each signer's field says "password, the weaker level"; pdfsig validates the signatures.
  const file = await db.protocolFile.findFirstOrThrow({ where: { meetingId, kind: "PROTOCOL" } });
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-pwfallback-"));
  try {
    const pdf = path.join(dir, "p.pdf");
    writeFileSync(pdf, file.bytes);
    const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
    expect(text.match(/Identifierad med lösenord – svagare nivå/g)).toHaveLength(3);
    expect(text).not.toContain("Identifierad med e-legitimation");
    let sig = "";
    try {
      sig = execFileSync("pdfsig", [pdf], { encoding: "utf8" });
    } catch (error) {
      // pdfsig exits non-zero when the demo CA is not trusted; its report is on stdout.
      sig = String((error as { stdout?: string }).stdout ?? "");
    }
    expect(sig).toContain("Signature Validation: Signature is Valid.");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
