import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { deleteAttachment, uploadAttachment } from "@/modules/drafting/attachment.mutations";
import { contextFor, createSeededDatabase } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let paragraphId: string;

beforeAll(async () => {
  ({ db, drop } = await createSeededDatabase("att"));
  paragraphId = (await db.paragraph.findFirstOrThrow({ where: { number: 62 } })).id;
});
afterAll(async () => drop?.());

const pdf = (text: string) => new File([`%PDF-1.7\n${text}\n%%EOF`], "intäktsbudget.pdf", { type: "application/pdf" });

describe("attachments", () => {
  it("stores a PDF with its hash and deletes it again", async () => {
    const ctx = await contextFor(db, "secretary");
    const result = await uploadAttachment(ctx, {
      paragraphId,
      label: "Bilaga 1 – detaljerad intäktsbudget",
      file: pdf("x"),
    });
    expect(result.ok).toBe(true);
    const stored = await db.attachment.findUniqueOrThrow({ where: { id: result.ok ? result.data.id : "" } });
    expect(stored).toMatchObject({
      label: "Bilaga 1 – detaljerad intäktsbudget",
      fileName: "intäktsbudget.pdf",
      mimeType: "application/pdf",
    });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(stored.bytes!).toString("latin1")).toBe("%PDF-1.7\nx\n%%EOF");
    expect((await deleteAttachment(ctx, { attachmentId: stored.id })).ok).toBe(true);
    expect(await db.attachment.count({ where: { id: stored.id } })).toBe(0);
  });

  it.each([
    [
      "a file that is not a PDF",
      { label: "Bilaga", file: new File(["<html>"], "x.pdf", { type: "application/pdf" }) },
      "file",
      /inte en PDF/,
    ],
    ["an empty file", { label: "Bilaga", file: new File([], "x.pdf") }, "file", /tom/],
    ["no file", { label: "Bilaga", file: "x" }, "file", /Välj en PDF-fil/],
    ["no label", { label: " ", file: pdf("y") }, "label", /rubrik för bilagan/],
  ])("refuses %s in Swedish", async (_name, input, field, message) => {
    const result = await uploadAttachment(await contextFor(db, "secretary"), { paragraphId, ...input });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
    if (!result.ok && result.code === "VALIDATION") expect(result.fieldErrors[field]?.join(" ")).toMatch(message);
    expect(await db.attachment.count({ where: { paragraphId } })).toBe(0);
  });

  it.each([
    ["anonymous", "UNAUTHENTICATED"],
    ["chair", "FORBIDDEN"],
    ["otherSecretary", "NOT_FOUND"],
  ] as const)("refuses %s", async (who, code) => {
    const result = await uploadAttachment(await contextFor(db, who), { paragraphId, label: "Bilaga", file: pdf("z") });
    expect(result).toMatchObject({ ok: false, code });
  });
});
