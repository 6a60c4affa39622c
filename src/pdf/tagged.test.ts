/**
 * Tagged PDF (tagging.ts): the structure tree as a reader gets it from poppler
 * (`pdfinfo -struct-text`), the marked content in the page streams, and the PDF/A-2a and
 * PDF/UA-1 identification, for every published kind of PDF.
 */
import { PDFBool, PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import { summonsFixture } from "@/domain/summons/summons.fixture";
import { drawProtocolStream } from "./draw-document";
import { renderExtractPdf } from "./render-extract";
import { renderNoticePdf } from "./render-notice";
import { renderProtocolPdf } from "./render-protocol";
import { renderSummonsPdf } from "./render-summons";
import { edgeCaseProtocol, fullmaktigeProtocol, seedProtocol } from "./testing/fixtures";
import { checkMarkedContent } from "./testing/marked-content";
import { pdfInfo, pdfStructTree, pdfToText, type StructNode, structNodes, structText } from "./testing/poppler";
import { words } from "./testing/word-sequence";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const of = (nodes: StructNode[], type: string) => nodes.filter((n) => n.type === type);

/** Multiset difference: the words of `a` left when each word of `b` is taken once. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const w of b) count.set(w, (count.get(w) ?? 0) + 1);
  const left: string[] = [];
  for (const w of a) {
    const c = count.get(w) ?? 0;
    if (c > 0) count.set(w, c - 1);
    else left.push(w);
  }
  return left;
}

/**
 * No text outside the tree but page furniture: the words pdftotext finds, less the words of the
 * structure tree, are only words of the header, the footer and repeated table headers (`furniture`
 * plus the text of every TH); and the tree has no word that is not on the pages.
 */
function expectOnlyFurnitureOutsideTree(pdf: Uint8Array, furniture: string[], tree: StructNode): void {
  const inTree = words(structText(tree));
  const onPages = words(pdfToText(pdf));
  expect(minus(inTree, onPages)).toEqual([]);
  const allowed = new Set([
    ...words(furniture.join(" ")),
    ...of(structNodes(tree), "TH").flatMap((th) => words(structText(th))),
  ]);
  const outside = minus(onPages, inTree);
  expect(outside.filter((w) => !allowed.has(w) && !/^\d+$/.test(w))).toEqual([]);
}

const FOOTER = ["Justerandes sign", "Utdragsbestyrkande", "Sida av", "Justerat digitalt. Verifieringskod:"];

describe("the seed protocol as a tagged PDF", { timeout: 60_000 }, () => {
  let pdf: Uint8Array;
  let tree: StructNode;
  let nodes: StructNode[];

  beforeAll(async () => {
    pdf = await renderProtocolPdf(seedProtocol());
    tree = pdfStructTree(pdf);
    nodes = structNodes(tree);
  }, 120_000);

  it("is tagged, marked, in Swedish, shows its title, and claims PDF/A-2a and PDF/UA-1", () => {
    expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/);
    const xmp = pdfInfo(pdf, ["-meta"]);
    expect(xmp).toContain("<pdfaid:conformance>A</pdfaid:conformance>");
    expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
    // PDF/A wants the pdfuaid schema declared as an extension schema.
    expect(xmp).toContain("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>");
    expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Protokoll Direktionen 2021-11-18');
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).toMatch(/\/MarkInfo <<\n\/Marked true\n>>/);
    expect(raw).toMatch(/\/Lang \(sv-SE\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf))![1]);
    expect(raw.match(/\/StructParents \d+/g)).toHaveLength(pages);
    expect(raw.match(/\/Tabs \/S/g)).toHaveLength(pages);
  });

  it("has one Document with the H1 first, then the cover, ANSLAG/BEVIS, the ärendelista and a Sect per §", () => {
    expect(tree.kids.map((k) => k.type)).toEqual(["Document"]);
    const doc = tree.kids[0]!;
    expect(doc.kids.slice(0, 3).map((k) => k.type)).toEqual(["P", "H1", "P"]);
    expect(structText(doc.kids[1]!)).toBe("Direktionen PROTOKOLL");
    expect(of(nodes, "H1")).toHaveLength(1);
    const h2 = of(nodes, "H2").map(structText);
    expect(h2).toEqual([
      "ANSLAG/BEVIS",
      "Ärendelista",
      ...seedProtocol().paragraphs.map((p) => `§ ${p.number} ${p.title}`),
    ]);
    // Each § is a Sect of the Document whose first element is its H2, then its Dnr.
    const sections = of(doc.kids, "Sect").filter((s) => s.kids[0]?.type === "H2" && /^§/.test(structText(s.kids[0])));
    expect(sections).toHaveLength(seedProtocol().paragraphs.length);
    for (const [i, s] of sections.entries()) {
      const p = seedProtocol().paragraphs[i]!;
      expect(structText(s.kids[1]!)).toBe(`Dnr ${p.caseNumber!.replace(/^ITSAM /, "")}`);
      expect(of(s.kids, "H3").map(structText)).toContain("Direktionens beslut");
    }
  });

  it("reads a § split over pages as one Sect, in order", () => {
    // § 62 runs over pages 8-10: one Sect holds all of it, its text in the order of the pages.
    const sect = of(tree.kids[0]!.kids, "Sect").find((s) => structText(s.kids[0]!).startsWith("§ 62"))!;
    const text = structText(sect);
    const pageText = pdfToText(pdf, { first: 8, last: 10 });
    const order = ["Direktionens beslut", "Sammanfattning av ärendet", "Resultatbudget ordinarie verksamhet"];
    const at = order.map((t) => text.indexOf(t));
    for (const [i, t] of order.entries()) {
      expect(pageText).toContain(t);
      expect(at[i]).toBeGreaterThan(i === 0 ? -1 : at[i - 1]!);
    }
  });

  it("tags the cover as a table with row headers and the ärendelista with column headers", () => {
    const tables = of(nodes, "Table");
    const cover = tables[0]!;
    expect(cover.kids.every((tr) => tr.type === "TR" && tr.kids.map((c) => c.type).join() === "TH,TD")).toBe(true);
    expect(cover.kids.map((tr) => structText(tr.kids[0]!))).toEqual(
      expect.arrayContaining(["Plats och tid", "Beslutande", "Justerare", "Underskrifter"]),
    );
    expect(cover.kids[0]!.kids[0]!.attributes).toContain("/Scope /Row");
    expect(structText(cover.kids[1]!.kids[1]!)).toContain("Jacob Käll, ordförande");

    const agenda = tables[1]!;
    const [head, ...rows] = agenda.kids;
    expect(head!.kids.map((c) => [c.type, structText(c), c.attributes.join()])).toEqual(
      ["§", "Ärende", "Dnr", "Sida"].map((t) => ["TH", t, "/Scope /Column"]),
    );
    expect(rows).toHaveLength(seedProtocol().paragraphs.length);
    expect(rows[0]!.kids.map(structText)).toEqual(["§ 59", "Google Workspace", "ITSAM 2021/8", "3 - 4"]);
    // A rich-text table (the budget of § 62) keeps its header cells.
    expect(tables.slice(2).some((t) => t.kids[0]!.kids.every((c) => c.type === "TH"))).toBe(true);
  });

  it("tags lists as L → LI → Lbl + LBody, decision clauses included", () => {
    const lists = of(nodes, "L");
    expect(lists.length).toBeGreaterThan(3);
    for (const l of lists) {
      for (const li of l.kids) {
        expect(li.type).toBe("LI");
        expect(li.kids.map((k) => k.type)).toEqual(["Lbl", "LBody"]);
        expect(structText(li.kids[0]!)).toMatch(/^[•–◦]$/);
      }
    }
    const clauses = lists.flatMap((l) => l.kids.map((li) => structText(li.kids[1]!)));
    expect(clauses).toContain(
      "att anta budget för år 2022 jämte plan för 2022-2024 samt överlämnar budget 2022 till medlemskommunerna för yttrande,",
    );
  });

  it("keeps the words of a wrapped paragraph apart (a space where a line broke)", () => {
    const p = of(nodes, "P").map(structText);
    expect(p).toContain(
      "Kommunchefsberedningen och direktionen har under året beslutat att Google Workspace ska vara en stående punkt på dagordningarna.",
    );
  });

  it("puts every text and XObject in the tree or in an artifact, MCIDs unique per page", async () => {
    const report = await checkMarkedContent(pdf);
    expect(report.problems).toEqual([]);
    expect(report.tagged).toBeGreaterThan(300);
    expect(report.artifact).toBeGreaterThan(16 * 4);
  });

  it("has no text outside the tree but the page furniture", () => {
    expectOnlyFurnitureOutsideTree(
      pdf,
      ["Itsam Direktionen PROTOKOLL Sammanträdesdatum 2021-11-18 UTKAST – ej justerat", ...FOOTER],
      tree,
    );
  });
});

/** The seed as justerat: what the public copy is made from. */
function adjustedSeed() {
  const p = seedProtocol();
  p.meeting.status = "ADJUSTED";
  p.meeting.adjustedOn = "2021-12-16";
  return p;
}

interface Kind {
  name: string;
  render: () => Promise<Uint8Array>;
  /**
   * The header of the pages after the first (with the footer, the only text outside the tree),
   * for the word check; null: no word check (poppler's -struct-text takes seconds per document,
   * so the larger fixtures are checked with -struct and the marked content only).
   */
  furniture: string[] | null;
}

describe("every published PDF kind is tagged", { timeout: 120_000 }, () => {
  const summons = summonsFixture();
  const kallelse = `${summons.organisation.name} ${summons.body.name} KALLELSE Sammanträdesdatum ${summons.meeting.date}`;
  const kinds: Kind[] = [
    {
      name: "the public copy",
      render: () => renderProtocolPdf(toPublicProtocol(adjustedSeed(), TODAY)),
      furniture: null,
    },
    {
      name: "an extract",
      render: () => renderExtractPdf(seedProtocol(), [62, 63]),
      furniture: ["Itsam Direktionen UTDRAG UR PROTOKOLL Sammanträdesdatum 2021-11-18 UTKAST – ej justerat"],
    },
    {
      name: "the notice",
      render: () => renderNoticePdf(adjustedSeed()),
      furniture: ["Itsam Direktionen ANSLAG/BEVIS Sammanträdesdatum 2021-11-18 Justerat 2021-12-16"],
    },
    { name: "the kallelse (members)", render: () => renderSummonsPdf(summons, "members"), furniture: [kallelse] },
    { name: "the kallelse (public)", render: () => renderSummonsPdf(summons, "public"), furniture: null },
    {
      name: "a fullmäktige protocol with its närvaro- och omröstningslista",
      render: () => renderProtocolPdf(fullmaktigeProtocol()),
      furniture: null,
    },
    { name: "the edge-case protocol", render: () => renderProtocolPdf(edgeCaseProtocol()), furniture: null },
  ];
  const pdfs = new Map<string, Uint8Array>();
  const trees = new Map<string, StructNode>();

  beforeAll(async () => {
    for (const kind of kinds) {
      const pdf = await kind.render();
      pdfs.set(kind.name, pdf);
      trees.set(kind.name, pdfStructTree(pdf, { text: kind.furniture !== null }));
    }
  }, 300_000);

  for (const kind of kinds) {
    it(`${kind.name}: tagged, PDF/UA, a Document with an H1, every text marked${kind.furniture ? ", none outside the tree but furniture" : ""}`, async () => {
      const pdf = pdfs.get(kind.name)!;
      expect(pdfInfo(pdf)).toMatch(/Tagged:\s+yes/);
      expect(pdfInfo(pdf, ["-meta"])).toContain("<pdfuaid:part>1</pdfuaid:part>");
      const tree = trees.get(kind.name)!;
      expect(tree.kids.map((k) => k.type)).toEqual(["Document"]);
      expect(of(structNodes(tree), "H1")).toHaveLength(1);
      const report = await checkMarkedContent(pdf);
      expect(report.problems).toEqual([]);
      expect(report.tagged).toBeGreaterThan(5);
      if (kind.furniture) expectOnlyFurnitureOutsideTree(pdf, [...kind.furniture, ...FOOTER], tree);
    });
  }

  it("every kind, the protocol too: /Lang sv-SE, /MarkInfo /Marked true, /DisplayDocTitle true and a dc:title in the XMP that is the /Title", async () => {
    const all = new Map(pdfs);
    all.set("the protocol", await renderProtocolPdf(seedProtocol()));
    for (const [name, pdf] of all) {
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      const catalog = doc.catalog;
      expect(catalog.lookup(PDFName.of("Lang"), PDFString).decodeText(), name).toBe("sv-SE");
      expect(catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked")), name).toBe(PDFBool.True);
      const prefs = catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
      expect(prefs.get(PDFName.of("DisplayDocTitle")), name).toBe(PDFBool.True);
      const title = doc.getTitle();
      expect(title, name).toBeTruthy();
      const xmp = pdfInfo(pdf, ["-meta"]);
      const dcTitle = /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]+)<\/rdf:li>/.exec(xmp)?.[1];
      expect(dcTitle, name).toBe(title!.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
    }
  });

  it("the kallelse: ärenden as Sect with an H3, Tid and Plats as a table, lists as L", () => {
    const nodes = structNodes(trees.get("the kallelse (members)")!);
    expect(of(nodes, "H2").map(structText)).toEqual(["Kallelse", "Ärenden"]);
    expect(of(nodes, "H3").map(structText)).toEqual(summons.items.map((i) => `${i.number}. ${i.title}`));
    expect(of(nodes, "TH").map(structText)).toEqual(["Tid", "Plats"]);
    expect(of(nodes, "LI").length).toBeGreaterThan(0);
  });

  it("an extract: the chosen §§ as Sect with their H2, then the utdragsbestyrkande", () => {
    const nodes = structNodes(trees.get("an extract")!);
    expect(of(nodes, "H2").map(structText)).toEqual([
      "Utdrag ur protokoll",
      "§ 62 Budget 2022 samt plan för 2022-2024",
      "§ 63 Prislista 2022",
      "Utdragsbestyrkande",
    ]);
  });

  it("the fullmäktige närvaro- och omröstningslista is a table with column headers", () => {
    const tables = of(
      structNodes(trees.get("a fullmäktige protocol with its närvaro- och omröstningslista")!),
      "Table",
    );
    // The cover (row headers), the ärendelista, the votes, and the list: header cells, Scope Column.
    const withColumnHeads = tables.filter((t) =>
      t.kids[0]!.kids.every((c) => c.type === "TH" && c.attributes.includes("/Scope /Column")),
    );
    expect(withColumnHeads.length).toBeGreaterThanOrEqual(2);
  });

  it("a repeated table header is an artifact: each table has one header row in the tree", () => {
    const nodes = structNodes(trees.get("the edge-case protocol")!);
    for (const table of of(nodes, "Table")) {
      const headerRows = table.kids.filter((tr) => tr.kids.length > 0 && tr.kids.every((c) => c.type === "TH"));
      expect(headerRows.length).toBeLessThanOrEqual(1);
    }
    // The 60-row table runs over pages with its header repeated, and still has one header row.
    const long = of(nodes, "Table").find((t) => t.kids.length > 50);
    expect(long).toBeDefined();
  });
});

describe("tagging off (the benchmark's measure of its cost)", { timeout: 60_000 }, () => {
  it("gives an untagged PDF/A-2b with the same text", async () => {
    const untagged = await drawProtocolStream(seedProtocol(), undefined, { tagged: false });
    expect(pdfInfo(untagged)).toMatch(/Tagged:\s+no/);
    expect(pdfInfo(untagged, ["-meta"])).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(words(pdfToText(untagged))).toEqual(words(pdfToText(await renderProtocolPdf(seedProtocol()))));
  });
});
