import { describe, expect, it } from "vitest";
import { renderNoticePdf } from "./render-notice";
import { edgeCaseProtocol, seedProtocol } from "./testing/fixtures";
import { pdfFonts, pdfInfo, pdfLayoutText, pdfToText } from "./testing/poppler";

describe("notice (anslag/bevis) PDF", () => {
  it("puts the notice on one A4 page with the fields of the seed", async () => {
    const pdf = await renderNoticePdf(seedProtocol());
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Anslag\/bevis Direktionen 2021-11-18/);
    const text = pdfLayoutText(pdf);
    for (const line of [
      "ANSLAG/BEVIS",
      "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
      "Organ Direktionen",
      "Sammanträdesdatum 2021-11-18",
      "Datum då anslaget sätts upp 2021-12-17 Datum då anslaget tas ned 2022-01-07",
      "Förvaringsplats för protokollet Itsam",
      "Underskrift",
      "Justerandes sign",
      "Utdragsbestyrkande",
      "Sida 1 av 1",
    ]) {
      expect(text).toContain(line);
    }
    for (const font of pdfFonts(pdf)) expect(font.embedded).toBe(true);
  });

  it("is byte-identical for the same input and dated by the input", async () => {
    const a = await renderNoticePdf(edgeCaseProtocol());
    const b = await renderNoticePdf(edgeCaseProtocol());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(pdfInfo(a)).toMatch(/CreationDate:\s+Mon Mar 18 13:47:00 2024 UTC/);
    expect(pdfToText(a)).toContain("Itsams kansli, Linköping");
  });

  it("leaves the fields blank and says nothing of justering before there is a notice", async () => {
    const protocol = seedProtocol();
    protocol.notice = null;
    const text = pdfToText(await renderNoticePdf(protocol));
    expect(text).not.toContain("Protokollet är justerat");
    expect(text).toContain("Datum då anslaget sätts upp");
    expect(text).not.toContain("2021-12-17");
  });
});
