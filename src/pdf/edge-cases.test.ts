// Edge cases of the protocol PDF, read back with poppler-utils: a 200-§ protocol, a § of only a
// title, a 60-row table, a word longer than the line, names with å ä ö é ü.
import { beforeAll, describe, expect, it } from "vitest";
import type { BlockNode, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { fontMetrics } from "./draw-document";
import { formatPageRange, layoutProtocol } from "./protocol-model";
import { renderProtocolPdf } from "./render-protocol";
import { agendaRows } from "./testing/agenda";
import { edgeCaseProtocol, generatedProtocol, LONG_WORD } from "./testing/fixtures";
import { pdfFonts, pdfInfo, pdfLayoutText, pdfPageTexts, pdfToText } from "./testing/poppler";

/** Every heading the renderer may print for these protocols. */
function headingsOf(protocol: ProtocolDTO): Set<string> {
  const set = new Set([
    `${protocol.body.genitiveName} beslut`,
    "Beslutsunderlag",
    "Yrkanden",
    "Propositionsordning",
    "Omröstning",
    "Reservation",
    "Protokollsanteckning",
    "Beslutsexpediering",
    "Jäv",
  ]);
  const visit = (blocks: BlockNode[]) => {
    for (const b of blocks) {
      if (b.type === "heading") set.add((b.content ?? []).map((n) => (n.type === "text" ? n.text : "")).join(""));
    }
  };
  for (const p of protocol.paragraphs) {
    for (const s of p.sections) {
      set.add(s.heading);
      visit(s.content.content);
    }
  }
  return set;
}

/** The last line of body text on a page (above the footer). */
function lastBodyLine(pageText: string): string {
  const lines = pageText
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const footerStart = lines.findIndex((l) => l.startsWith("Justerandes sign") || l.startsWith("Justerat digitalt"));
  const body = lines.slice(0, footerStart < 0 ? lines.length : footerStart);
  return body[body.length - 1] ?? "";
}

describe("a 200-§ protocol", () => {
  let protocol: ProtocolDTO;
  let pdf: Uint8Array;
  let pages: string[];

  beforeAll(async () => {
    protocol = generatedProtocol(200);
    pdf = await renderProtocolPdf(protocol);
    pages = pdfPageTexts(pdf, { layout: true });
    // A tagged 322-page PDF, rendered and read back with pdftotext, on a shared machine.
  }, 30_000);

  it("is byte-identical when rendered again (pages are compressed on a worker thread)", async () => {
    expect(Buffer.from(await renderProtocolPdf(generatedProtocol(200))).equals(Buffer.from(pdf))).toBe(true);
  }, 20_000);

  it("renders every § on A4 pages with embedded fonts", () => {
    const pageCount = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf))![1]);
    expect(pageCount).toBe(pages.length);
    expect(pageCount).toBeGreaterThan(250);
    expect(pdfInfo(pdf)).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    for (const font of pdfFonts(pdf)) expect(font.embedded).toBe(true);
    pages.forEach((text, i) => expect(text).toContain(`Sida ${i + 1} av ${pageCount}`));
  });

  it("lists page ranges in the ärendelista that match where each § heading is found", () => {
    const headingPage = new Map<number, number>();
    pages.forEach((text, i) => {
      for (const m of text.matchAll(/^\s*§\s?(\d+)(?:\s{2,}Dnr \S+)?\s*$/gm)) headingPage.set(Number(m[1]), i + 1);
    });
    expect(headingPage.size).toBe(200);
    // The ärendelista runs over several pages and repeats its header row on each.
    const agendaPages = pages.filter((t) => /^\s*§\s+Ärende\s+Dnr\s+Sida\s*$/m.test(t));
    expect(agendaPages.length).toBeGreaterThan(1);
    const rows = agendaPages.flatMap(agendaRows);
    expect(rows.map((r) => r.number)).toEqual(protocol.paragraphs.map((p) => p.number));
    rows.forEach((row, i) => {
      expect(headingPage.get(row.number), `§ ${row.number}`).toBe(row.first);
      expect(row.last, `§ ${row.number}`).toBe((rows[i + 1]?.first ?? pages.length + 1) - 1);
    });
  });

  it("never leaves a heading alone at the bottom of a page", () => {
    const headings = headingsOf(protocol);
    pages.forEach((text, i) => {
      expect(headings.has(lastBodyLine(text)), `page ${i + 1} ends with "${lastBodyLine(text)}"`).toBe(false);
    });
  });

  it("repeats the budget table's header rows on a page where the table continues", () => {
    // Some copies of the § 62 table are split over two pages: the continuation starts with the header.
    const continued = pages.filter((t) => /Kostnader för arbetskraft/.test(t) && !/Förlusttäckning/.test(t));
    for (const text of continued) expect(text).toMatch(/Resultatbudget\s+Budget\s+Prognos\s+Budget/);
  });
});

describe("edge cases", () => {
  let protocol: ProtocolDTO;
  let pdf: Uint8Array;
  let pages: string[];

  beforeAll(async () => {
    protocol = edgeCaseProtocol();
    pdf = await renderProtocolPdf(protocol);
    pages = pdfPageTexts(pdf, { layout: true });
  });

  it("renders a § of only a title with no empty headings", () => {
    const model = layoutProtocol(protocol, fontMetrics());
    const range = model.paragraphPages.get(1)!;
    expect(range.first).toBe(range.last);
    const page = pages[range.first - 1]!;
    expect(page).toMatch(/^\s*§\s?1\s*$/m);
    expect(page).toContain("Sammanträdets öppnande");
    for (const heading of [
      "Direktionens beslut",
      "Beslutsunderlag",
      "Beslutsexpediering",
      "Sammanfattning av ärendet",
    ]) {
      expect(page).not.toContain(heading);
    }
  });

  it("breaks a word longer than the line between characters, losing none", () => {
    const text = pdfToText(pdf, { layout: false }).replace(/\s+/g, "");
    expect(text).toContain(LONG_WORD);
  });

  it("splits a 60-row table between rows and repeats its header row", () => {
    const model = layoutProtocol(protocol, fontMetrics());
    const range = model.paragraphPages.get(3)!;
    expect(range.last).toBeGreaterThan(range.first);
    const tablePages = pages.slice(range.first - 1, range.last);
    const seen: number[] = [];
    for (const page of tablePages) {
      const rows = [...page.matchAll(/^\s*Tabellrad (\d+) Åtvidaberg\s+(\d+)\s+(\d+ \d+)\s*$/gm)].map((m) =>
        Number(m[1]),
      );
      if (rows.length > 0)
        expect(page, "header row on every page of the table").toMatch(/Kommun\s+Antal konton\s+Kostnad \(tkr\)/);
      seen.push(...rows);
    }
    // Each row whole (label and both figures on one line) and exactly once, in order.
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("keeps names with å ä ö é ü intact in the text layer", () => {
    const text = pdfToText(pdf);
    for (const name of [
      "Åsa Öberg-Müller",
      "Zoë Ångström",
      "René Ärlebäck",
      "Jürgen Östlund",
      "Élise Üstün",
      "Öjvind Ärlig",
    ]) {
      expect(text).toContain(name);
    }
    // Beyond Latin-1 too; a character the font lacks becomes "?", never an invisible .notdef.
    expect(text).toContain("Łukasz Dvořák-Şahin, gäst ? § 4");
  });

  it("records votes, motions, reservations, notes and jäv", () => {
    const text = pdfLayoutText(pdf);
    expect(text).toContain("Åsa Öberg-Müller yrkar bifall till förslaget.");
    expect(text).toContain("Zoë Ångström yrkar avslag på förslaget.");
    expect(text).toMatch(/Ledamot Ja Nej Avstår/);
    expect(text).toMatch(/Åsa Öberg-Müller X/);
    expect(text).toMatch(/Summa 2 1 1/);
    expect(text).toContain("Zoë Ångström reserverar sig mot beslutet.");
    expect(text).toContain("René Ärlebäck lämnar följande protokollsanteckning:");
    expect(text).toContain("Öjvind Ärlig anmäler jäv och deltar inte i handläggningen av ärendet");
    expect(formatPageRange(layoutProtocol(protocol, fontMetrics()).paragraphPages.get(4))).toMatch(/^\d+( - \d+)?$/);
  });
});
