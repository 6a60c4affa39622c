// The crawler's PDF reader finds what a reader would: page text, metadata and embedded files.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { containsPersonalNumber, toPublicProtocol } from "@/domain/publication/public.rules";
import { renderProtocolPdf } from "@/pdf";
import { seedProtocol } from "@/pdf/testing/fixtures";
import { pdfTextsToCheck, readPdf } from "../support/pdf-leaks";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const SECRET = "Status rekryteringar";

describe("pdfTextsToCheck", () => {
  const protocol = seedProtocol();
  protocol.meeting.status = "ADJUSTED";
  protocol.paragraphs.find((p) => p.number === 61)!.isConfidential = true;
  protocol.paragraphs.find((p) => p.number === 60)!.decision.intro =
    "Direktionen beslutar bevilja sökande 850709-9805 ledighet.";

  it("finds a confidential § and a personnummer in the signed original, neither in the public copy", async () => {
    const original = pdfTextsToCheck(await renderProtocolPdf(protocol));
    expect(original.some((t) => t.includes(SECRET))).toBe(true);
    expect(original.some(containsPersonalNumber)).toBe(true);
    const copy = pdfTextsToCheck(await renderProtocolPdf(toPublicProtocol(protocol, TODAY)));
    expect(copy.some((t) => t.includes("§ 61"))).toBe(true);
    expect(copy.some((t) => t.includes(SECRET))).toBe(false);
    expect(copy.some(containsPersonalNumber)).toBe(false);
  }, 30_000);

  it("reads the metadata (info and XMP) and embedded files", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setTitle("Protokoll 19850709-9805");
    await doc.attach(new TextEncoder().encode(`Bilaga: ${SECRET}`), "bilaga-850709-9805.txt", {
      mimeType: "text/plain",
    });
    const read = readPdf(await doc.save());
    expect(read.metadata).toContain("Protokoll 19850709-9805");
    expect(read.attachments).toEqual([{ name: "bilaga-850709-9805.txt", content: `Bilaga: ${SECRET}` }]);
    expect(pdfTextsToCheck(await doc.save()).some((t) => t.includes(SECRET))).toBe(true);
  });
});
