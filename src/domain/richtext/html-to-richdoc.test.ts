import { describe, expect, it } from "vitest";
import { htmlToRichDoc, parseHtml } from "./html-to-richdoc";
import { richDocSchema } from "./richtext.schema";
import { toPlainText } from "./richtext.text";

const text = (t: string, marks?: { type: "bold" | "italic" }[]) =>
  marks ? { type: "text", text: t, marks } : { type: "text", text: t };

describe("htmlToRichDoc (mammoth's HTML → the stored subset)", () => {
  it.each([
    ["a paragraph", "<p>Hej</p>", [{ type: "paragraph", content: [text("Hej")] }]],
    [
      "bold and italic",
      "<p><strong>Fet</strong> och <em>kursiv</em></p>",
      [
        {
          type: "paragraph",
          content: [text("Fet", [{ type: "bold" }]), text(" och "), text("kursiv", [{ type: "italic" }])],
        },
      ],
    ],
    ["h1 as level 3", "<h1>Ärendet</h1>", [{ type: "heading", attrs: { level: 3 }, content: [text("Ärendet")] }]],
    ["h2 as level 3", "<h2>Bakgrund</h2>", [{ type: "heading", attrs: { level: 3 }, content: [text("Bakgrund")] }]],
    ["h3 as level 4", "<h3>Del</h3>", [{ type: "heading", attrs: { level: 4 }, content: [text("Del")] }]],
    [
      "entities decoded",
      "<p>A &amp; B &lt;3 &#246;&#x e4;</p>",
      [{ type: "paragraph", content: [text("A & B <3 ö&#x e4;")] }],
    ],
    [
      "a line break",
      "<p>Rad 1<br />Rad 2</p>",
      [{ type: "paragraph", content: [text("Rad 1"), { type: "hardBreak" }, text("Rad 2")] }],
    ],
    [
      "a link unwrapped, its text kept",
      '<p>Se <a href="javascript:alert(1)">länken</a></p>',
      [{ type: "paragraph", content: [text("Se "), text("länken")] }],
    ],
    ["an image dropped", '<p>Före<img src="data:x" /></p>', [{ type: "paragraph", content: [text("Före")] }]],
    ["a script's text dropped", "<p>A<script>alert(1)</script></p>", [{ type: "paragraph", content: [text("A")] }]],
  ])("%s", (_name, html, content) => {
    const doc = htmlToRichDoc(html);
    expect(doc.content).toEqual(content);
    expect(richDocSchema.safeParse(doc).success).toBe(true);
  });

  it("makes a numbered list a list of the subset, items kept in order", () => {
    const doc = htmlToRichDoc("<ol><li>Ett</li><li>Två<ol><li>Två a</li></ol></li></ol>");
    expect(doc.content[0]).toMatchObject({ type: "bulletList" });
    expect(toPlainText(doc)).toBe("Ett\nTvå\nTvå a");
    expect(richDocSchema.safeParse(doc).success).toBe(true);
  });

  it("keeps a table with header cells and spans", () => {
    const doc = htmlToRichDoc(
      '<table><thead><tr><th>Post</th><th>Belopp</th></tr></thead><tbody><tr><td colspan="2"><p>Summa</p></td></tr><tr><td></td><td>5</td></tr></tbody></table>',
    );
    const table = doc.content[0];
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    expect(table.content).toHaveLength(3);
    expect(table.content[0]!.content.map((c) => c.type)).toEqual(["tableHeader", "tableHeader"]);
    expect(table.content[1]!.content[0]!.attrs).toEqual({ colspan: 2 });
    expect(richDocSchema.safeParse(doc).success).toBe(true);
  });

  it("closes unclosed tags and ignores stray end tags", () => {
    const root = parseHtml("<p>a<strong>b</p></em><p>c");
    expect(root.children).toHaveLength(2);
    expect(toPlainText(htmlToRichDoc("<p>a<strong>b</p></em><p>c"))).toBe("ab\nc");
  });

  it("gives an empty document for empty input", () => {
    expect(htmlToRichDoc("").content).toEqual([]);
  });
});
