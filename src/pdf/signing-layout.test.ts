// The protocol as sent for justering (issue 18): no draft mark, an empty signature field per
// signer on their line and the seal's, each tagged as a Form element.
import { beforeAll, describe, expect, it } from "vitest";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from "pdf-lib";
import { renderProtocolPdf } from "./render-protocol";
import { signatureFields, SEAL_FIELD_NAME } from "./protocol-model";
import { seedProtocol } from "./testing/fixtures";
import { pdfStructTree, pdfToText, structNodes } from "./testing/poppler";

const HASH = "ab".repeat(32);
let pdf: Uint8Array;
const sent = () => {
  const p = seedProtocol();
  return { ...p, meeting: { ...p.meeting, status: "READY_FOR_ADJUSTMENT" as const } };
};

beforeAll(async () => {
  pdf = await renderProtocolPdf(sent(), { contentHash: HASH });
});

describe("the protocol rendered for signing", () => {
  it("says it is justeras elektroniskt, carries the code, and has no draft mark", () => {
    const text = pdfToText(pdf, { first: 1, last: 1 }).replace(/\s+/g, " ");
    expect(text).toContain("Justeras elektroniskt");
    expect(text).toContain(`Justeras digitalt. Verifieringskod: ${HASH}`);
    expect(text).not.toContain("UTKAST");
    expect(text).not.toContain("Signerat digitalt");
  });

  it("has one empty signature field per signer on page 1, then the invisible seal, all tagged", async () => {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const acroForm = doc.catalog.lookup(PDFName.of("AcroForm"), PDFDict);
    const fields = acroForm
      .lookup(PDFName.of("Fields"), PDFArray)
      .asArray()
      .map((r) => doc.context.lookup(r, PDFDict));
    const name = (d: PDFDict, key: string) => (d.get(PDFName.of(key)) as PDFString | PDFHexString).decodeText();
    const expected = signatureFields(sent());
    expect(expected.map((f) => f.description)).toEqual([
      "Signatur: Sekreterare Joakim Karlsson",
      "Signatur: Ordförande Jacob Käll",
      "Signatur: Justerare Annicki Oscarsson",
    ]);
    expect(fields.map((f) => name(f, "T"))).toEqual([...expected.map((f) => f.fieldName), SEAL_FIELD_NAME]);
    for (const f of fields) {
      expect(f.get(PDFName.of("FT"))).toBe(PDFName.of("Sig"));
      expect(f.has(PDFName.of("V"))).toBe(false);
      expect(f.has(PDFName.of("StructParent"))).toBe(true);
    }
    const rects = fields.map((f) => f.lookup(PDFName.of("Rect"), PDFArray).asArray().map(String).map(Number));
    for (const r of rects.slice(0, 3)) expect(r[2]! - r[0]!).toBeGreaterThan(100);
    // The seal's widget has no area.
    expect([rects[3]![2]! - rects[3]![0]!, rects[3]![3]! - rects[3]![1]!]).toEqual([0, 0]);
    const forms = structNodes(pdfStructTree(pdf, { text: false })).filter((n) => n.type === "Form");
    expect(forms).toHaveLength(4);
  });
});
