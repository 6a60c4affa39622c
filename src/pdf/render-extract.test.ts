import { describe, expect, it } from "vitest";
import { renderExtractPdf } from "./render-extract";
import { edgeCaseProtocol, seedProtocol } from "./testing/fixtures";
import { pdfInfo, pdfLayoutText, pdfPageTexts } from "./testing/poppler";

describe("extract (utdrag ur protokoll) PDF", () => {
  it("holds the meeting header, the chosen § and the utdragsbestyrkande", async () => {
    const pdf = await renderExtractPdf(seedProtocol(), [62]);
    const text = pdfLayoutText(pdf);
    for (const line of [
      "UTDRAG UR PROTOKOLL",
      "Utdrag ur protokoll",
      "Organ Direktionen",
      "Sammanträdesdatum 2021-11-18",
      "Paragrafer § 62",
      "Dnr 2021/72",
      "Budget 2022 samt plan för 2022-2024",
      "Direktionens beslut",
      "Förlusttäckning 13 498 13 220 13 220",
      "Summa kostnader -113 083 -105 776 -102 564",
      "Utdragsbestyrkande",
      "Utdrag ur ej justerat protokoll (utkast).",
      "Joakim Karlsson, sekreterare",
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toMatch(/^\s*§ 6[013-9]\b/m);
    expect(pdfInfo(pdf)).toMatch(/Title:\s+Utdrag ur protokoll Direktionen 2021-11-18, § 62/);
  });

  it("takes several §§ in protocol order, each from a new page, and certifies a justerat protocol", async () => {
    const protocol = edgeCaseProtocol();
    const pdf = await renderExtractPdf(protocol, [4, 2]);
    const pages = pdfPageTexts(pdf, { layout: true });
    const first = pages.findIndex((t) => /^\s*§\s?2\s+Dnr/m.test(t));
    const second = pages.findIndex((t) => /^\s*§\s?4\s+Dnr/m.test(t));
    expect(first).toBe(0);
    expect(second).toBeGreaterThan(first);
    const text = pages.join("\n").replace(/[ \t]+/g, " ");
    expect(text).toContain("Paragrafer §§ 2, 4");
    expect(text).toContain("Utdraget överensstämmer med det justerade protokollet (justerat 2024-03-18).");
    expect(text).toContain(`Verifieringskod för det justerade protokollet: ${protocol.signatures[0]!.contentHash}`);
    expect(text).not.toContain("Sammanträdets öppnande");
    pages.forEach((t, i) => expect(t).toContain(`Sida ${i + 1} av ${pages.length}`));
  });

  it("refuses §§ that the protocol does not have, in Swedish", async () => {
    await expect(renderExtractPdf(seedProtocol(), [62, 99])).rejects.toThrow("Protokollet saknar paragraf 99.");
    await expect(renderExtractPdf(seedProtocol(), [])).rejects.toThrow("Välj minst en paragraf");
  });
});
