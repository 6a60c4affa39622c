// Votes as recorded and the närvaro- och omröstningslista (issue 14 points 4 and 5), read back
// from the rendered PDF with poppler.
import { beforeAll, describe, expect, it } from "vitest";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { renderProtocolPdf } from "./render-protocol";
import { fullmaktigeProtocol, seedProtocol } from "./testing/fixtures";
import { pdfPageTexts, pdfToText } from "./testing/poppler";

const squash = (text: string) => text.replace(/\s+/g, " ");
let text: string;
let pages: string[];

beforeAll(async () => {
  const pdf = await renderProtocolPdf(fullmaktigeProtocol());
  text = squash(pdfToText(pdf));
  pages = pdfPageTexts(pdf, { layout: true });
});

describe("a kommunfullmäktige protocol with the appended närvaro- och omröstningslista", () => {
  it("is a protocol the checker lets through (no errors)", () => {
    const errors = checkProtocol(fullmaktigeProtocol(), { now: "2026-06-16" }).filter((f) => f.severity === "error");
    expect(errors.map((f) => f.message)).toEqual([]);
  });

  it("refers to the list on the cover instead of naming the beslutande", () => {
    expect(text).toContain("Beslutande Enligt bifogad närvaro- och omröstningslista");
    expect(pages[0]).not.toContain("Cecilia Carlsson");
  });

  it("prints the mover's party with the yrkande", () => {
    expect(text).toContain("Anna Andersson (S) yrkar bifall till förslaget.");
    expect(text).toContain("David Dahl (SD) yrkar på att skattesatsen för 2027 sänks med 10 öre till 22,09 kr.");
    expect(text).toContain("Gunilla Gran (V) yrkar att ärendet återremitteras.");
  });

  it("prints two votes of one § in order, with frånvarande/deltar ej columns where used", () => {
    const first = text.indexOf("Omröstning 1 avgörande i dag (ja) mot återremiss (nej)");
    const second = text.indexOf(
      "Omröstning 2 Anna Anderssons bifallsyrkande (ja) mot David Dahls ändringsyrkande (nej)",
    );
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    const layout = squash(pages.join("\n"));
    const one = layout.indexOf("Ledamot Ja Nej Avstår Lars");
    const two = layout.indexOf("Ledamot Ja Nej Avstår Deltar ej Anna Andersson X");
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    expect(layout.slice(one, two)).toContain("Summa 8 2 1");
    expect(layout.slice(two)).toMatch(/Ingrid Ivarsson X Jonas/);
    expect(layout.slice(two)).toContain("Summa 6 4 0 1");
  });

  it("prints a totals-only vote as its totals", () => {
    expect(text).toContain("Omröstning avslag (ja) mot bifall (nej) Omröstningsresultat: 7 ja, 3 nej, 1 avstår.");
  });

  it("appends the list: a row per seat, närvaro, tjänstgörande ersättare, a column per vote by name", () => {
    const list = pages.find((p) => p.includes("Närvaro- och omröstningslista"))!;
    expect(list).toBeDefined();
    const lines = list.split("\n").map((l) => squash(l).trim());
    expect(lines.find((l) => l.startsWith("Ledamot"))).toBe("Ledamot Närvaro Tjänstgörande ersättare § 12:1 § 12:2");
    expect(lines).toContain("Anna Andersson, S närvarande J J");
    expect(lines).toContain("Eva Ek, C §§ 10-12 Maria Mörk §§ 13-14 J J");
    expect(lines).toContain("Ingrid Ivarsson, L närvarande A –");
    // The absent ledamot keeps her seat's row by name, with the ersättare who voted there.
    expect(lines).toContain("Karin Kvist, MP frånvarande Lars Lind N J");
    expect(lines).toContain("Summa ja 8 6");
    expect(lines).toContain("Summa nej 2 4");
  });
});

describe("the seed protocol keeps its layout", () => {
  it("names the beslutande on the cover and the mover without a municipality", async () => {
    const seed = squash(pdfToText(await renderProtocolPdf(seedProtocol())));
    expect(seed).toContain("Beslutande Ledamöter Jacob Käll, ordförande, Vimmerby kommun");
    expect(seed).toContain("Joakim Magnusson yrkar på följande:");
    expect(seed).not.toContain("Närvaro- och omröstningslista");
  });
});
