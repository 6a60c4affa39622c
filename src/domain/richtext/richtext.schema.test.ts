import { describe, expect, it } from "vitest";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { richDocSchema } from "./richtext.schema";
import { fromPlainText, isEmptyDoc, toPlainText } from "./richtext.text";

describe("toPlainText", () => {
  it("reads paragraphs, headings, nested lists and tables", () => {
    const rich: RichDoc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Status" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "Rad" }, { type: "hardBreak" }, { type: "text", text: "två" }],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "Punkt" }] },
                {
                  type: "bulletList",
                  content: [
                    { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Under" }] }] },
                  ],
                },
              ],
            },
          ],
        },
        {
          type: "table",
          content: [
            {
              type: "tableRow",
              content: [
                { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "A" }] }] },
                { type: "tableCell", content: [{ type: "paragraph" }] },
              ],
            },
          ],
        },
      ],
    };
    expect(toPlainText(rich)).toBe("Status\nRad\ntvå\nPunkt\nUnder\nA\t");
  });
});

describe("richDocSchema", () => {
  const ok: RichDoc = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "Hej", marks: [{ type: "bold" }] }] }],
  };
  it("accepts the stored subset", () => {
    expect(richDocSchema.safeParse(ok).success).toBe(true);
  });
  it.each([
    ["html string", "<p>hej</p>"],
    ["unknown node", { type: "doc", content: [{ type: "image", attrs: { src: "x" } }] }],
    ["script-like node", { type: "doc", content: [{ type: "html", content: "<script>alert(1)</script>" }] }],
    [
      "link mark",
      {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
          },
        ],
      },
    ],
    ["extra attribute", { type: "doc", content: [{ type: "paragraph", attrs: { onclick: "x" } }] }],
    ["empty text node", { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "" }] }] }],
    ["heading level 1", { type: "doc", content: [{ type: "heading", attrs: { level: 1 } }] }],
  ])("rejects %s", (_name, doc) => {
    expect(richDocSchema.safeParse(doc).success).toBe(false);
  });
  it("treats a document without text as empty", () => {
    expect(isEmptyDoc({ type: "doc", content: [{ type: "paragraph" }] })).toBe(true);
    expect(isEmptyDoc(ok)).toBe(false);
  });
});

describe("fromPlainText", () => {
  it("makes a paragraph of each block between blank lines, a line break of each single newline", () => {
    const doc = fromPlainText("Till justerare utses\r\nAnna Berg.\n\n  \nJusteringen sker 2026-12-10.\n");
    expect(doc).toEqual({
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Till justerare utses" },
            { type: "hardBreak" },
            { type: "text", text: "Anna Berg." },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: "Justeringen sker 2026-12-10." }] },
      ],
    });
    expect(richDocSchema.safeParse(doc).success).toBe(true);
    expect(toPlainText(doc)).toBe("Till justerare utses\nAnna Berg.\nJusteringen sker 2026-12-10.");
  });

  it("gives an empty document for empty or blank text", () => {
    expect(fromPlainText("")).toEqual({ type: "doc", content: [] });
    expect(isEmptyDoc(fromPlainText(" \n\n "))).toBe(true);
  });
});
