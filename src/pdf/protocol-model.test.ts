// The pure protocol model (DTO → pages) with fake metrics: no fonts, no PDF.
import { describe, expect, it } from "vitest";
import type { TextMetrics } from "./layout";
import {
  documentDate,
  formatPageRange,
  formatSigningTime,
  type LaidOutDocument,
  layoutExtract,
  layoutNotice,
  layoutProtocol,
} from "./protocol-model";
import { edgeCaseProtocol, emptyParagraph, seedProtocol } from "./testing/fixtures";

const metrics: TextMetrics = { measure: (_font, text) => [...text].length * 520 };

function pageTexts(doc: LaidOutDocument): string[] {
  return doc.pages.map((page) =>
    [...page.layers, ...page.late]
      .flatMap((layer) => layer.ops)
      .flatMap((op) => (op.op === "text" ? [op.runs.map((r) => r.text).join("")] : []))
      .join("\n"),
  );
}

describe("layoutProtocol", () => {
  it("puts the cover first, the ärendelista next and each § on a new page", () => {
    const doc = layoutProtocol(seedProtocol(), metrics);
    const texts = pageTexts(doc);
    expect(texts[0]).toContain("Plats och tid");
    expect(texts[0]).toContain("ANSLAG/BEVIS");
    expect(texts[1]).toContain("Ärendelista");
    let previous = 2;
    for (const n of [59, 60, 61, 62, 63, 64, 65, 66, 67]) {
      const range = doc.paragraphPages.get(n)!;
      expect(range.first).toBe(previous + 1);
      expect(texts[range.first - 1]).toContain(`§ ${n}`);
      previous = range.last;
    }
    expect(previous).toBe(doc.pages.length);
  });

  it("fills the ärendelista with the page ranges the §§ landed on, in the late pass", () => {
    const protocol = seedProtocol();
    const doc = layoutProtocol(protocol, metrics);
    const agenda = doc.pages[1]!;
    const lateTexts = agenda.late
      .flatMap((l) => l.ops)
      .flatMap((op) => (op.op === "text" ? [op.runs.map((r) => r.text).join("")] : []));
    const expected = protocol.paragraphs.map((p) => formatPageRange(doc.paragraphPages.get(p.number)));
    expect(lateTexts.slice(0, expected.length)).toEqual(expected);
    expect(expected[0]).toBe(
      `${doc.paragraphPages.get(59)!.first}${doc.paragraphPages.get(59)!.last > doc.paragraphPages.get(59)!.first ? ` - ${doc.paragraphPages.get(59)!.last}` : ""}`,
    );
    // Each range sits on its row: same baseline as the row's "§ n".
    const rowOps = agenda.layers.flatMap((l) => l.ops.map((op) => ({ op, dy: l.dy })));
    for (const [i, p] of protocol.paragraphs.entries()) {
      const row = rowOps.find(({ op }) => op.op === "text" && op.runs[0]?.text === `§ ${p.number}`)!;
      const late = agenda.late.find((l) => l.ops.some((op) => op.op === "text" && op.runs[0]?.text === expected[i]))!;
      expect(late.dy + (late.ops[0] as { y: number }).y).toBeCloseTo(row.dy + (row.op as { y: number }).y, 5);
    }
  });

  it("leaves out headings that have no content", () => {
    const protocol = seedProtocol();
    const texts = pageTexts(layoutProtocol(protocol, metrics)).join("\n");
    // § 67's template sections "Yrkanden", "Propositionsordningar", "Protokollsanteckning/reservation" are empty.
    expect(texts).not.toContain("Propositionsordningar");
    expect(texts).not.toContain("Protokollsanteckning/reservation");
    const lone = { ...seedProtocol(), paragraphs: [emptyParagraph(1, "Sammanträdets öppnande")] };
    const page = pageTexts(layoutProtocol(lone, metrics)).at(-1)!;
    expect(page).toContain("Sammanträdets öppnande");
    expect(page).not.toContain("beslut");
    expect(page).not.toContain("Beslutsexpediering");
  });

  it("writes the decision heading with the body's genitive and Dnr without the prefix", () => {
    const texts = pageTexts(layoutProtocol(seedProtocol(), metrics)).join("\n");
    expect(texts).toContain("Direktionens beslut");
    expect(texts).toContain("Dnr 2021/72");
    expect(texts).not.toContain("Dnr ITSAM");
  });

  it("introduces a member's own motions once and reads an att-motion as one sentence", () => {
    const texts = pageTexts(layoutProtocol(seedProtocol(), metrics)).join("\n").replace(/\n/g, " ");
    expect(texts.match(/Joakim Magnusson yrkar på följande:/g)).toHaveLength(1);
    expect(texts).toContain("Jacob Käll yrkar på att Joakim Magnussons första yrkande ska kompletteras med ”inklusive");
  });

  it("marks a draft UTKAST and shows signatures of a justerat protocol", () => {
    const draft = layoutProtocol(seedProtocol(), metrics);
    const outlined = draft.pages.every((p) =>
      p.layers.some((l) => l.ops.some((op) => op.op === "outlinedText" && op.text === "UTKAST")),
    );
    expect(outlined).toBe(true);
    expect(pageTexts(draft)[0]).toContain("Paragrafer 59-67");

    const adjusted = layoutProtocol(edgeCaseProtocol(), metrics);
    expect(adjusted.pages.some((p) => p.layers.some((l) => l.ops.some((op) => op.op === "outlinedText")))).toBe(false);
    const cover = pageTexts(adjusted)[0]!;
    expect(cover).not.toContain("UTKAST");
    expect(cover).toContain("Signerat digitalt 2024-03-18 kl. 10:02");
    expect(cover).toContain("Verifieringskod: 3f9a1c0e");
  });

  it("dates the document from the input, never from the clock", () => {
    expect(documentDate(seedProtocol())).toBe("2021-11-18");
    expect(documentDate(edgeCaseProtocol())).toBe("2024-03-18T13:47:00Z");
    expect(layoutProtocol(seedProtocol(), metrics).metadata).toMatchObject({
      title: "Protokoll Direktionen 2021-11-18",
      author: "Itsam",
      language: "sv-SE",
      date: "2021-11-18",
    });
  });
});

describe("layoutNotice and layoutExtract", () => {
  it("puts the notice on one page", () => {
    const doc = layoutNotice(seedProtocol(), metrics);
    expect(doc.pages).toHaveLength(1);
    expect(pageTexts(doc)[0]).toContain("Förvaringsplats för protokollet");
    expect(pageTexts(doc)[0]).not.toContain("ändrades efter justeringen");
  });

  it("says so in the ANSLAG/BEVIS block when the dates were changed after justering", () => {
    const p = seedProtocol();
    const revised = { ...p, notice: { ...p.notice!, postedOn: "2021-12-20", revisedAt: "2021-12-16T13:03:00Z" } };
    const cover = pageTexts(layoutProtocol(revised, metrics))[0]!;
    expect(cover).toContain("2021-12-20");
    expect(cover).toContain("Anslagets datum ändrades efter justeringen, 2021-12-16 kl. 14:03.");
  });

  it("extracts only the chosen §§", () => {
    const texts = pageTexts(layoutExtract(seedProtocol(), [60, 59], metrics)).join("\n");
    expect(texts).toContain("§ 59");
    expect(texts).toContain("§ 60");
    expect(texts).not.toContain("§ 61");
    expect(texts).toContain("§§\u00a059-60");
    expect(texts).toContain("Utdragsbestyrkande");
  });
});

describe("formatSigningTime", () => {
  it("shows the signing instant in Swedish time", () => {
    expect(formatSigningTime("2021-12-16T13:03:00Z")).toBe("2021-12-16 kl. 14:03");
    expect(formatSigningTime("2021-06-30T22:30:00Z")).toBe("2021-07-01 kl. 00:30");
  });
});

describe("§ and its number at a line break (issue 14, point 11)", () => {
  /** The seed with one attendance row padded so that its "§§ 59-62" falls at every point of a line. */
  function padded(k: number) {
    const protocol = seedProtocol();
    const row = protocol.attendance.find((a) => a.ranges.length > 0)!;
    row.represents = `Kinda kommun ${"x".repeat(k)}`;
    return { protocol, name: row.name };
  }

  it("never ends a line with § or §§: they are joined to the number by a no-break space", () => {
    let sawTheRangeWrapped = false;
    for (let k = 0; k < 60; k++) {
      const { protocol } = padded(k);
      const lines = pageTexts(layoutProtocol(protocol, metrics)).join("\n").split("\n");
      // (The ärendelista's column heading "§" stands alone by design.)
      for (const line of lines) if (line !== "§") expect(line.trimEnd(), `padding ${k}`).not.toMatch(/§$/);
      for (const line of lines) if (/^§§?\u00a0\d/.test(line)) sawTheRangeWrapped = true;
    }
    // Some padding pushes the whole "§§ 59-62" to the next line, sign and number together.
    expect(sawTheRangeWrapped).toBe(true);
  });
});
