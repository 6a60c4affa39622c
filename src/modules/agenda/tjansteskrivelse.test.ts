import { describe, expect, it } from "vitest";
import { htmlToRichDoc } from "@/domain/richtext/html-to-richdoc";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { splitTjansteskrivelse } from "./tjansteskrivelse";

const split = (html: string) => splitTjansteskrivelse(htmlToRichDoc(html));

describe("splitTjansteskrivelse: the förslag till beslut", () => {
  it.each([
    ["a Word heading", "<h2>Förslag till beslut</h2>"],
    ["the förvaltning's heading", "<h2>Förvaltningens förslag till beslut</h2>"],
    ["Beslutsförslag with a colon", "<h3>Beslutsförslag:</h3>"],
    ["a bold paragraph", "<p><strong>Förslag till beslut</strong></p>"],
    ["a plain paragraph in lower case", "<p>förslag till beslut</p>"],
  ])("is found under %s", (_name, heading) => {
    const { proposal } = split(
      `<h1>Budget 2026</h1><p>Bakgrund.</p>${heading}<p>Direktionen föreslås besluta</p><p>att godkänna budgeten,</p><p>att uppdra åt förbundsdirektören att verkställa.</p><h2>Ärendet</h2><p>Text.</p>`,
    );
    expect(proposal).toEqual({
      intro: "Direktionen föreslås besluta",
      clauses: ["att godkänna budgeten,", "att uppdra åt förbundsdirektören att verkställa."],
    });
  });

  it.each([
    [
      "list items",
      "<ul><li>att godkänna budgeten</li><li>fastställa avgifterna</li></ul>",
      ["att godkänna budgeten", "fastställa avgifterna"],
    ],
    ["a numbered list", "<ol><li>att godkänna</li><li>att fastställa</li></ol>", ["att godkänna", "att fastställa"]],
    ["lines in one paragraph", "<p>att ett<br />att två</p>", ["att ett", "att två"]],
    ["dashes and numbers before att", "<p>– att ett</p><p>2. att två</p>", ["att ett", "att två"]],
    ["a clause over two paragraphs", "<p>att godkänna</p><p>budgeten för 2026</p>", ["att godkänna budgeten för 2026"]],
    ["a bold clause", "<p><strong>att godkänna</strong></p>", ["att godkänna"]],
  ])("reads the att-clauses from %s", (_name, body, clauses) => {
    expect(split(`<h2>Förslag till beslut</h2>${body}`).proposal?.clauses).toEqual(clauses);
  });

  it("takes everything before the first clause as the intro", () => {
    expect(
      split("<h2>Förslag till beslut</h2><p>Direktionen föreslås</p><p>besluta</p><p>att ett</p>").proposal,
    ).toEqual({
      intro: "Direktionen föreslås\nbesluta",
      clauses: ["att ett"],
    });
  });

  it("gives the whole sentence as intro when there are no clauses", () => {
    expect(split("<h2>Beslutsförslag</h2><p>Direktionen godkänner budgeten.</p>").proposal).toEqual({
      intro: "Direktionen godkänner budgeten.",
      clauses: [],
    });
  });

  it("ends the section at the next heading or bold line, which stay in the summary", () => {
    const { summary, proposal } = split(
      "<p>Inledning.</p><h2>Förslag till beslut</h2><p>att ett</p><p><strong>Ärendet</strong></p><p>Brödtext.</p>",
    );
    expect(proposal?.clauses).toEqual(["att ett"]);
    expect(toPlainText(summary)).toBe("Inledning.\nÄrendet\nBrödtext.");
  });

  it("is null without such a heading, and a sentence mentioning it is no heading", () => {
    const { summary, proposal } = split(
      "<p>Här följer förvaltningens förslag till beslut om budgeten.</p><p>att ett</p>",
    );
    expect(proposal).toBeNull();
    expect(toPlainText(summary)).toContain("att ett");
  });
});
