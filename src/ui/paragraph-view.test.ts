// ParagraphView is the one rendering of a §: the protocol pages print each § through it, and the
// editor's preview shows it nested (headings one level down) under ids of its own.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { ParagraphView } from "./paragraph-view";
import { ProtocolView } from "./protocol-view";

const seedProtocol = (): ProtocolDTO => structuredClone(itsamSeed.meetings[0]!);

/** The seed with a § holding what the seed has not: a vote by name and one by totals, jäv, notes, flags. */
function variantsProtocol(): ProtocolDTO {
  const base = seedProtocol();
  const [a, b] = base.attendance;
  const contested = blankParagraph(99, {
    title: "Ändrad prislista",
    caseNumber: "ITSAM 2024/3",
    isConfidential: true,
    isImmediatelyAdjusted: true,
    decision: { intro: "", clauses: ["att anta den ändrade prislistan."] },
    sections: [
      {
        kind: "OTHER",
        heading: "",
        content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Löptext." }] }] },
      },
    ],
    motions: [{ personId: a!.personId, name: a!.name, kind: "AVSLAG", text: "", amendsIndex: null, withdrawn: true }],
    propositions: ["Ordföranden ställer proposition och finner att direktionen bifaller förslaget."],
    votes: [
      {
        question: "Ja för förslaget, nej för avslag.",
        ballots: [
          { personId: a!.personId, name: a!.name, choice: "JA" },
          { personId: b!.personId, name: b!.name, choice: "FRANVARANDE" },
        ],
        result: "Direktionen bifaller förslaget.",
        outcome: "JA",
        counts: null,
      },
      {
        question: "Om återremiss.",
        ballots: [],
        result: "Avslag.",
        outcome: "NEJ",
        counts: { ja: 1, nej: 5, avstar: 0 },
      },
    ],
    reservations: [{ personId: b!.personId, name: b!.name, reasons: "Skälen." }],
    notes: [{ personId: null, name: null, text: "Anteckning av organet." }],
    recusals: [{ personId: "p-y", name: "Öjvind Ärlig", reason: "styrelseledamot i bolaget" }],
  });
  return { ...base, paragraphs: [...base.paragraphs, contested] };
}

const protocols: [string, ProtocolDTO][] = [
  ["the seed", seedProtocol()],
  ["the seed with a vote, jäv and notes", variantsProtocol()],
  [
    "a body printing the decision last",
    { ...seedProtocol(), body: { ...seedProtocol().body, decisionPlacement: "AFTER_SECTIONS" } },
  ],
];

const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);

describe("ParagraphView", () => {
  it.each(protocols)("prints every § of %s on the protocol page, in order", (_, protocol) => {
    const page = renderToStaticMarkup(createElement(ProtocolView, { protocol }));
    let from = 0;
    for (const paragraph of protocol.paragraphs) {
      const html = renderToStaticMarkup(createElement(ParagraphView, { protocol, paragraph }));
      const at = page.indexOf(html, from);
      expect(at, `§ ${paragraph.number}`).toBeGreaterThan(-1);
      from = at + html.length;
    }
  });

  it("nested under a prefix: the same text, headings one level down, no id of the page's", () => {
    const protocol = variantsProtocol();
    for (const paragraph of protocol.paragraphs) {
      const plain = renderToStaticMarkup(createElement(ParagraphView, { protocol, paragraph }));
      const nested = renderToStaticMarkup(
        createElement(ParagraphView, { protocol, paragraph, idPrefix: "forhandsvisning-", nested: true }),
      );
      const text = (html: string) => html.replace(/<[^>]+>/g, "|");
      expect(text(nested)).toBe(text(plain));
      expect(nested).toMatch(/^<article id="forhandsvisning-paragraf-\d+"[^>]*><h3 /);
      expect(nested).not.toMatch(/<h2/);
      if (plain.includes("<h3")) expect(nested).toMatch(/<h4/);
      for (const id of ids(nested)) expect(id).toMatch(/^forhandsvisning-/);
      expect(ids(nested).length).toBe(ids(plain).length);
    }
  });

  it("puts the headings in the order of the PDF: §, jäv, decision, sections, … reservations, expediering", () => {
    const protocol = variantsProtocol();
    const html = renderToStaticMarkup(
      createElement(ParagraphView, { protocol, paragraph: protocol.paragraphs.at(-1)! }),
    );
    const headings = [...html.matchAll(/<h[2-6][^>]*>(.*?)<\/h[2-6]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    expect(headings).toEqual([
      "§ 99 Ändrad prislista",
      "Jäv",
      "Direktionens beslut",
      "Yrkanden",
      "Propositionsordning",
      "Omröstning 1",
      "Omröstning 2",
      "Reservationer och protokollsanteckningar",
    ]);
  });

  it("says the decision in the body's genitive, before or after the sections as the body prints it", () => {
    const protocol = seedProtocol();
    const paragraph = protocol.paragraphs.find(
      (p) => p.decision.clauses.length > 0 && p.sections.some((s) => s.heading.trim()),
    )!;
    const render = (decisionPlacement: "BEFORE_SECTIONS" | "AFTER_SECTIONS") =>
      renderToStaticMarkup(
        createElement(ParagraphView, {
          protocol: { ...protocol, body: { ...protocol.body, decisionPlacement } },
          paragraph,
        }),
      );
    const heading = `${protocol.body.genitiveName} beslut`;
    const section = paragraph.sections.find((s) => s.heading.trim())!.heading;
    const before = render("BEFORE_SECTIONS");
    const after = render("AFTER_SECTIONS");
    expect(before.indexOf(heading)).toBeGreaterThan(-1);
    expect(before.indexOf(heading)).toBeLessThan(before.indexOf(section));
    expect(after.indexOf(heading)).toBeGreaterThan(after.indexOf(section));
  });
});
