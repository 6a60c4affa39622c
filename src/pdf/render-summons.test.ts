import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { summonsFixture } from "@/domain/summons/summons.fixture";
import { renderSummonsPdf } from "./render-summons";
import { bundlePlan, bundleSummons } from "./summons-bundle";
import { pdfFonts, pdfInfo, pdfToText } from "./testing/poppler";

const SECRET = ["Kalle Hemlig", "2021/44", "Personalchef", "anställning", "Referenser", "Lönebilaga"];

const flat = (pdf: Uint8Array) => pdfToText(pdf).replace(/\s+/g, " ");

async function handlingPdf(label: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++)
    doc.addPage([595, 842]).drawText(`${label} sida ${i + 1}`, { x: 50, y: 780, font, size: 14 });
  return doc.save();
}

/** The outline's titles, depth-first, indented by level. */
function outlineTitles(doc: PDFDocument): string[] {
  const out: string[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const walk = (ref: unknown, depth: number) => {
    let node = ref instanceof PDFRef ? doc.context.lookup(ref, PDFDict) : undefined;
    while (node) {
      const title = node.lookup(PDFName.of("Title"));
      out.push(
        `${"  ".repeat(depth)}${title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : "?"}`,
      );
      walk(node.get(PDFName.of("First")), depth + 1);
      const next = node.get(PDFName.of("Next"));
      node = next instanceof PDFRef ? doc.context.lookup(next, PDFDict) : undefined;
    }
  };
  walk(outlines?.get(PDFName.of("First")), 0);
  return out;
}

describe("kallelse PDF", () => {
  it("prints tid, plats and the numbered ärendelista with Dnr, förslag till beslut and handlingar", async () => {
    const pdf = await renderSummonsPdf(summonsFixture(), "members");
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Title:\s+Kallelse Direktionen 2021-11-18/);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    const text = flat(pdf);
    for (const s of [
      "IT-kommunalförbundet Itsam",
      "KALLELSE",
      "Sammanträdesdatum 2021-11-18",
      "Ledamöter och ersättare i direktionen kallas till sammanträde.",
      "Tid torsdag 18 november 2021 kl. 10:00 – 12:00",
      "Plats Itsams kontor, Kaserngatan 2, Vimmerby",
      "Ärenden",
      "1. Budget 2022 med plan för 2023–2024",
      "Dnr 2021/12",
      "Ansvarig: Ann Svensson, förbundsdirektör",
      "Förslag till beslut Direktionen föreslås besluta",
      "– att fastställa budget 2022 – att lägga planen för 2023–2024 till handlingarna",
      "Handlingar • Tjänsteskrivelse budget 2022 (PDF) • Budgetunderlag (Word) • Lönebilaga per person (PDF)",
      "2. Rekrytering av strategichef Kalle Hemlig",
      "Sekretess: lämnas inte ut Dnr 2021/44",
      "3. Informationsärenden",
      "Ledamot som inte kan delta meddelar sekreteraren",
      "Sida 1 av 1",
    ]) {
      expect(text).toContain(s);
    }
    for (const font of pdfFonts(pdf)) expect(font.embedded).toBe(true);
    // PDF/A-2b: the XMP claims it, the language is set, like the protocol.
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("/Lang (sv-SE)");
  });

  it("public version: a confidential ärende is its number and 'Sekretessbelagt ärende', a confidential handling is not listed", async () => {
    const pdf = await renderSummonsPdf(summonsFixture(), "public");
    const text = flat(pdf);
    expect(text).toContain("Offentlig version");
    expect(text).toContain("1. Budget 2022 med plan för 2023–2024");
    expect(text).toContain("2. Sekretessbelagt ärende 3. Informationsärenden");
    expect(text).toContain("Tjänsteskrivelse budget 2022 (PDF)");
    for (const s of SECRET) expect(text).not.toContain(s);
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).not.toContain("Hemlig");
  });

  it("is byte-identical for the same input and dated by the sending", async () => {
    const a = await renderSummonsPdf(summonsFixture(), "members");
    const b = await renderSummonsPdf(summonsFixture(), "members");
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(pdfInfo(a)).toMatch(/CreationDate:\s+Mon Nov\s+8 09:00:00 2021 UTC/);
  });

  it("runs onto more pages with a long ärendelista, numbering every page", async () => {
    const s = summonsFixture();
    s.items = Array.from({ length: 40 }, (_, i) => ({ ...s.items[0]!, id: `x${i}`, number: i + 1 }));
    const pdf = await renderSummonsPdf(s, "members");
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf))![1]);
    expect(pages).toBeGreaterThan(4);
    expect(flat(pdf)).toContain(`Sida ${pages} av ${pages}`);
    expect(flat(pdf)).toContain("40. Budget 2022");
  });
});

describe("handlingar bundle", () => {
  it("puts the PDF handlingar after the kallelse with a bookmark each, under their ärende", async () => {
    const s = summonsFixture();
    const kallelse = await renderSummonsPdf(s, "members");
    const bytes: Record<string, Uint8Array> = {
      d1: await handlingPdf("Tjanstesskrivelse", 2),
      d3: await handlingPdf("Lonebilaga"),
      d4: await handlingPdf("Referenser"),
    };
    const plan = bundlePlan(s);
    expect(plan.map((p) => p.documentId)).toEqual(["d1", "d3", "d4"]); // the DOCX is not in the bundle
    const bundle = await bundleSummons(
      kallelse,
      plan.map((p) => ({ ...p, bytes: bytes[p.documentId]! })),
    );
    expect(bundle.pageCount).toBe(5);
    expect(bundle.skipped).toEqual([]);
    const doc = await PDFDocument.load(bundle.bytes);
    expect(outlineTitles(doc)).toEqual([
      "Kallelse",
      "1. Budget 2022 med plan för 2023–2024",
      "  Tjänsteskrivelse budget 2022",
      "  Lönebilaga per person",
      "2. Rekrytering av strategichef Kalle Hemlig",
      "  Referenser Kalle Hemlig",
    ]);
    expect(pdfToText(bundle.bytes, { first: 2, last: 3 })).toContain("Tjanstesskrivelse sida 2");
    // Every bookmark points at a page of the document.
    const pageRefs = new Set(doc.getPages().map((p) => p.ref.toString()));
    const first = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict).lookup(PDFName.of("First"), PDFDict);
    expect(pageRefs.has(first.lookup(PDFName.of("Dest"), PDFArray).get(0).toString())).toBe(true);
  });

  it("public bundle: no confidential ärende or handling, not even in a bookmark", async () => {
    const pub = toPublicSummons(summonsFixture());
    const kallelse = await renderSummonsPdf(summonsFixture(), "public");
    const plan = bundlePlan(pub);
    expect(plan.map((p) => p.documentId)).toEqual(["d1"]);
    const bundle = await bundleSummons(
      kallelse,
      plan.map((p) => ({ ...p, bytes: new Uint8Array(0) })),
    );
    // Empty bytes cannot be read: left out and reported, nothing half copied.
    expect(bundle.skipped).toEqual(["Tjänsteskrivelse budget 2022"]);
    const ok = await bundleSummons(kallelse, [{ ...plan[0]!, bytes: await handlingPdf("Offentlig") }]);
    const doc = await PDFDocument.load(ok.bytes);
    expect(outlineTitles(doc)).toEqual([
      "Kallelse",
      "1. Budget 2022 med plan för 2023–2024",
      "  Tjänsteskrivelse budget 2022",
    ]);
    const raw = Buffer.from(ok.bytes).toString("latin1");
    for (const s of ["Hemlig", "Lönebilaga", "Referenser"]) expect(raw).not.toContain(s);
    expect(flat(ok.bytes)).not.toContain("Hemlig");
  });
});
