// Publication levels and redaction (issue 17.2): passages marked "redacted" in the rich text and a
// §'s redacted names become "[utelämnat]" in the public copy; the original keeps them.
import { describe, expect, it } from "vitest";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { InlineNode, RichDoc } from "@/domain/protocol/protocol.types";
import { richDocSchema } from "@/domain/richtext/richtext.schema";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { publicationLevel, redactNames, toPublicParagraph } from "./public.rules";

const R = { type: "redacted" } as const;
const doc = (...content: InlineNode[]): RichDoc => ({ type: "doc", content: [{ type: "paragraph", content }] });
const withDoc = (content: RichDoc, fields = {}) =>
  blankParagraph(5, {
    title: "Ansökan om bidrag",
    sections: [{ kind: "CASE", heading: "Ärendet", content }],
    ...fields,
  });

describe("a passage marked for redaction", () => {
  const marked = doc(
    { type: "text", text: "Sökanden " },
    { type: "text", text: "Anna", marks: [R] },
    { type: "text", text: " Berg", marks: [{ type: "bold" }, R] },
    { type: "text", text: " ansöker om " },
    { type: "text", text: "förtur", marks: [{ type: "italic" }] },
    { type: "text", text: " på grund av sjukdom.", marks: [R] },
  );

  it("is stored as a mark in the rich text (the schema takes it)", () => {
    expect(richDocSchema.safeParse(marked).success).toBe(true);
  });

  it("is one [utelämnat] per run in the public copy, other marks and text kept", () => {
    const pub = toPublicParagraph(withDoc(marked));
    expect(toPlainText(pub.sections[0]!.content)).toBe("Sökanden [utelämnat] ansöker om förtur [utelämnat]");
    expect(JSON.stringify(pub)).not.toMatch(/Anna|Berg|sjukdom/);
    expect(pub.sections[0]!.content.content[0]).toMatchObject({
      content: [
        { text: "Sökanden " },
        { text: "[utelämnat]", marks: [R] },
        { text: " ansöker om " },
        { text: "förtur", marks: [{ type: "italic" }] },
        { text: " " },
        { text: "[utelämnat]", marks: [R] },
      ],
    });
  });

  it("is withheld in tables and lists too", () => {
    const table: RichDoc = {
      type: "doc",
      content: [
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                {
                  type: "tableCell",
                  content: [{ type: "paragraph", content: [{ type: "text", text: "Kalle Anka", marks: [R] }] }],
                },
                { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "1 200 kr" }] }] },
              ],
            },
          ],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Musse", marks: [R] }] }],
            },
          ],
        },
      ],
    };
    const text = toPlainText(toPublicParagraph(withDoc(table)).sections[0]!.content);
    expect(text).toContain("[utelämnat]\t1 200 kr");
    expect(text).not.toMatch(/Kalle|Musse/);
  });
});

describe("redactNames", () => {
  it.each([
    ["Anna Berg har ansökt.", "[utelämnat] har ansökt."],
    ["Anna Bergs ansökan", "[utelämnat] ansökan"],
    ["ANNA BERG", "[utelämnat]"],
    ["Anna\u00a0Berg och Anna  Berg", "[utelämnat] och [utelämnat]"],
    ["Anna Bergström är en annan person", "Anna Bergström är en annan person"],
    ["Johanna Berg är också en annan", "Johanna Berg är också en annan"],
  ])("%s", (input, expected) => {
    expect(redactNames(input, ["Anna Berg"])).toBe(expected);
  });

  it("takes the longest name first and ignores blanks and single letters", () => {
    expect(redactNames("Anna Berg och Anna", ["Anna", "Anna Berg", " ", "A"])).toBe("[utelämnat] och [utelämnat]");
  });

  it("treats the names as text, not as patterns", () => {
    expect(redactNames("a.b (c) och axb c", ["a.b (c)"])).toBe("[utelämnat] och axb c");
  });
});

describe("publicationLevel", () => {
  it("title only for a confidential §, redacted with a marked passage or a name, else full", () => {
    expect(publicationLevel(withDoc(doc({ type: "text", text: "x" }), { isConfidential: true }))).toBe("TITLE_ONLY");
    expect(publicationLevel(withDoc(doc({ type: "text", text: "x", marks: [R] })))).toBe("REDACTED");
    expect(publicationLevel(withDoc(doc({ type: "text", text: "x" }), { redactedNames: ["Anna Berg"] }))).toBe(
      "REDACTED",
    );
    expect(publicationLevel(withDoc(doc({ type: "text", text: "redacted" })))).toBe("FULL");
  });
});

describe("the names of a § are withheld everywhere in that § but never listed", () => {
  it("title, decision, sections; redactedNames empty; the ground published", () => {
    const p = blankParagraph(7, {
      title: "Bidrag till Anna Berg",
      decision: { intro: "Direktionen beslutar:", clauses: ["att bevilja Anna Berg bidrag"] },
      sections: [{ kind: "CASE", heading: "Ärendet", content: doc({ type: "text", text: "Anna Berg ansöker." }) }],
      redactedNames: ["Anna Berg"],
      withholdingGround: "OSL 26 kap. 1 §",
    });
    const pub = toPublicParagraph(p);
    expect(pub.title).toBe("Bidrag till [utelämnat]");
    expect(pub.decision.clauses).toEqual(["att bevilja [utelämnat] bidrag"]);
    expect(pub.redactedNames).toEqual([]);
    expect(pub.withholdingGround).toBe("OSL 26 kap. 1 §");
    expect(JSON.stringify(pub)).not.toContain("Anna");
  });
});
