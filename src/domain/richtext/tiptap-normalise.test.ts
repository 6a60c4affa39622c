import { describe, expect, it } from "vitest";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { richDocSchema } from "./richtext.schema";
import { fromRichDoc, richDocKey, toRichDoc } from "./tiptap-normalise";

const t = (text: string, ...marks: string[]) =>
  marks.length > 0 ? { type: "text", text, marks: marks.map((type) => ({ type })) } : { type: "text", text };
const para = (...content: unknown[]) => (content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const table = (...content: unknown[]) => ({ type: "table", content });
const row = (...content: unknown[]) => ({ type: "tableRow", content });

const cases: { name: string; input: unknown; expected: RichDoc }[] = [
  {
    name: "drops TipTap's default attributes",
    input: doc({ type: "paragraph", attrs: { textAlign: null }, content: [t("Hej")] }),
    expected: doc(para(t("Hej"))) as RichDoc,
  },
  {
    name: "keeps supported alignments, drops others",
    input: doc(
      { type: "paragraph", attrs: { textAlign: "right", dir: "rtl" }, content: [t("1 000")] },
      { type: "paragraph", attrs: { textAlign: "justify" }, content: [t("x")] },
    ),
    expected: doc({ type: "paragraph", attrs: { textAlign: "right" }, content: [t("1 000")] }, para(t("x"))) as RichDoc,
  },
  {
    name: "keeps bold and italic, drops other marks and mark attributes",
    input: doc(
      para(
        {
          type: "text",
          text: "länk",
          marks: [
            { type: "link", attrs: { href: "javascript:alert(1)" } },
            { type: "bold", attrs: { x: 1 } },
          ],
        },
        {
          type: "text",
          text: "kod",
          marks: [{ type: "code" }, { type: "strike" }, { type: "underline" }, { type: "italic" }, { type: "italic" }],
        },
        { type: "text", text: "stark", marks: [{ type: "strong" }, { type: "em" }] },
      ),
    ),
    expected: doc(para(t("länk", "bold"), t("kod", "italic"), t("stark", "bold", "italic"))) as RichDoc,
  },
  {
    name: "drops empty and non-string text, merges no adjacent text",
    input: doc(
      para(t(""), { type: "text" }, { type: "text", text: 42 }, t("a"), t("b"), { type: "hardBreak", attrs: {} }),
    ),
    expected: doc(para(t("a"), t("b"), { type: "hardBreak" })) as RichDoc,
  },
  {
    name: "maps heading levels 1–2 to 3 and 5–6 to 4",
    input: doc(
      ...[1, 2, 3, 4, 5, 6, undefined].map((level) => ({
        type: "heading",
        attrs: { level, textAlign: null },
        content: [t(`h${level}`)],
      })),
      { type: "heading", content: [] },
    ),
    expected: doc(
      ...["h1", "h2", "h3"].map((text) => ({ type: "heading", attrs: { level: 3 }, content: [t(text)] })),
      ...["h4", "h5", "h6"].map((text) => ({ type: "heading", attrs: { level: 4 }, content: [t(text)] })),
      { type: "heading", attrs: { level: 3 }, content: [t("hundefined")] },
      { type: "heading", attrs: { level: 3 } },
    ) as RichDoc,
  },
  {
    name: "turns ordered lists into bullet lists and keeps nesting",
    input: doc({
      type: "orderedList",
      attrs: { start: 3, type: null },
      content: [
        {
          type: "listItem",
          content: [
            para(t("ett")),
            { type: "orderedList", content: [{ type: "listItem", content: [para(t("ett.ett"))] }] },
          ],
        },
        { type: "listItem", content: [] },
      ],
    }),
    expected: doc({
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            para(t("ett")),
            { type: "bulletList", content: [{ type: "listItem", content: [para(t("ett.ett"))] }] },
          ],
        },
        { type: "listItem", content: [para()] },
      ],
    }) as RichDoc,
  },
  {
    name: "a list directly inside a list joins the previous item",
    input: doc({
      type: "bulletList",
      content: [
        { type: "listItem", content: [para(t("a"))] },
        { type: "bulletList", content: [{ type: "listItem", content: [para(t("b"))] }] },
        t("c"),
      ],
    }),
    expected: doc({
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [para(t("a")), { type: "bulletList", content: [{ type: "listItem", content: [para(t("b"))] }] }],
        },
        { type: "listItem", content: [para(t("c"))] },
      ],
    }) as RichDoc,
  },
  {
    name: "drops empty lists and tables",
    input: doc({ type: "bulletList", content: [] }, table(row()), para(t("kvar"))),
    expected: doc(para(t("kvar"))) as RichDoc,
  },
  {
    name: "unwraps blockquotes, turns code blocks into paragraphs, drops rules and images",
    input: doc(
      { type: "blockquote", content: [para(t("citat")), para(t("två"))] },
      { type: "codeBlock", attrs: { language: "js" }, content: [t("rad 1\nrad 2")] },
      { type: "horizontalRule" },
      { type: "image", attrs: { src: "http://example.com/x.png" } },
    ),
    expected: doc(para(t("citat")), para(t("två")), para(t("rad 1"), { type: "hardBreak" }, t("rad 2"))) as RichDoc,
  },
  {
    name: "unwraps unknown nodes, keeping their text in place",
    input: doc(
      para(t("Hej "), { type: "mention", attrs: { id: "x" }, content: [t("@Anna", "bold")] }, t("!")),
      { type: "details", content: [{ type: "detailsSummary", content: [t("Sammanfattning")] }, para(t("Innehåll"))] },
      t("lös text"),
    ),
    expected: doc(
      para(t("Hej "), t("@Anna", "bold"), t("!")),
      para(t("Sammanfattning")),
      para(t("Innehåll")),
      para(t("lös text")),
    ) as RichDoc,
  },
  {
    name: "table cells: default attrs dropped, spans kept and clamped, colwidth dropped",
    input: doc({
      type: "table",
      attrs: { style: "width: 100%" },
      content: [
        row(
          { type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(t("A"))] },
          { type: "tableCell", attrs: { colspan: 2, rowspan: 1, colwidth: [100, 200] }, content: [para(t("B"))] },
          { type: "tableCell", attrs: { colspan: 99, rowspan: 2.5, background: "red" }, content: [] },
        ),
      ],
    }),
    expected: doc(
      table(
        row(
          { type: "tableHeader", content: [para(t("A"))] },
          { type: "tableCell", attrs: { colspan: 2 }, content: [para(t("B"))] },
          { type: "tableCell", attrs: { colspan: 20, rowspan: 2 }, content: [para()] },
        ),
      ),
    ) as RichDoc,
  },
  {
    name: "a cell's own alignment goes to its paragraphs that have none",
    input: doc(
      table(
        row(
          {
            type: "tableCell",
            attrs: { align: "right" },
            content: [para(t("1")), { type: "paragraph", attrs: { textAlign: "left" }, content: [t("2")] }],
          },
          { type: "tableCell", attrs: { align: "justify" }, content: [para(t("3"))] },
        ),
      ),
    ),
    expected: doc(
      table(
        row(
          {
            type: "tableCell",
            content: [
              { type: "paragraph", attrs: { textAlign: "right" }, content: [t("1")] },
              { type: "paragraph", attrs: { textAlign: "left" }, content: [t("2")] },
            ],
          },
          { type: "tableCell", content: [para(t("3"))] },
        ),
      ),
    ) as RichDoc,
  },
  {
    name: "cells hold only paragraphs: headings, lists and nested tables are flattened",
    input: doc(
      table(
        row({
          type: "tableCell",
          content: [
            { type: "heading", attrs: { level: 2 }, content: [t("Rubrik")] },
            { type: "bulletList", content: [{ type: "listItem", content: [para(t("punkt"))] }] },
            table(row({ type: "tableCell", content: [para(t("inre"))] })),
          ],
        }),
      ),
    ),
    expected: doc(
      table(row({ type: "tableCell", content: [para(t("Rubrik")), para(t("punkt")), para(t("inre"))] })),
    ) as RichDoc,
  },
  {
    name: "stray cells and thead/tbody wrappers become rows",
    input: doc(
      table(
        { type: "tableHeader", content: [para(t("h1"))] },
        { type: "tableHeader", content: [para(t("h2"))] },
        {
          type: "tbody",
          content: [row({ type: "tableCell", content: [para(t("c"))] }, t("lös"))],
        },
      ),
    ),
    expected: doc(
      table(
        row({ type: "tableHeader", content: [para(t("h1"))] }, { type: "tableHeader", content: [para(t("h2"))] }),
        row({ type: "tableCell", content: [para(t("c"))] }, { type: "tableCell", content: [para(t("lös"))] }),
      ),
    ) as RichDoc,
  },
  {
    name: "list items hold paragraphs and lists: headings and tables are flattened",
    input: doc({
      type: "bulletList",
      content: [
        {
          type: "listItem",
          content: [
            { type: "heading", attrs: { level: 3 }, content: [t("Rubrik")] },
            table(row({ type: "tableCell", content: [para(t("cell"))] })),
          ],
        },
      ],
    }),
    expected: doc({
      type: "bulletList",
      content: [{ type: "listItem", content: [para(t("Rubrik")), para(t("cell"))] }],
    }) as RichDoc,
  },
  {
    name: "inline content holding blocks flattens them with hard breaks",
    input: doc(para(t("a"), para(t("b")), t("c"))),
    expected: doc(para(t("a"), { type: "hardBreak" }, t("b"), { type: "hardBreak" }, t("c"))) as RichDoc,
  },
  { name: "not a document at all", input: "<p>html</p>", expected: doc() as RichDoc },
  { name: "null", input: null, expected: doc() as RichDoc },
  { name: "a bare node", input: para(t("ensam")), expected: doc(para(t("ensam"))) as RichDoc },
];

describe("toRichDoc", () => {
  it.each(cases)("$name", ({ input, expected }) => {
    const out = toRichDoc(input);
    expect(out).toEqual(expected);
    expect(richDocSchema.safeParse(out).success).toBe(true);
  });

  it("splits text longer than the schema allows, never inside a surrogate pair", () => {
    const long = "a".repeat(19_999) + "😀" + "b".repeat(25_000);
    const out = toRichDoc(doc(para(t(long, "bold"))));
    expect(richDocSchema.safeParse(out).success).toBe(true);
    const texts = (out.content[0] as { content: { text: string }[] }).content.map((n) => n.text);
    expect(texts.join("")).toBe(long);
    expect(texts[0]).toBe("a".repeat(19_999));
  });
});

// ---------------------------------------------------------------------------------------------
// The seed's § 62 (nested bullet list, budget table with italic cells and right-aligned numbers)
// ---------------------------------------------------------------------------------------------

const meeting = itsamSeed.meetings[0];
const p62 = meeting?.paragraphs.find((p) => p.number === 62);

/** What TipTap's getJSON() adds to a stored document: every default attribute, spelled out. */
function asTipTapJson(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asTipTapJson);
  if (typeof node !== "object" || node === null) return node;
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = { ...n };
  if (n.content) out.content = asTipTapJson(n.content);
  const attrs = (n.attrs ?? {}) as Record<string, unknown>;
  if (n.type === "paragraph") out.attrs = { textAlign: null, ...attrs };
  if (n.type === "tableCell" || n.type === "tableHeader")
    out.attrs = { colspan: 1, rowspan: 1, colwidth: null, ...attrs };
  if (n.type === "table" || n.type === "bulletList") out.attrs = {};
  return out;
}

describe("seed § 62", () => {
  it("is in the seed with a nested list and a table", () => {
    expect(p62).toBeDefined();
    const types = JSON.stringify(p62?.sections);
    expect(types).toContain('"type":"table"');
    expect(types).toMatch(/"bulletList".*"bulletList"/);
  });

  it("round-trips: toRichDoc(fromRichDoc(d)) equals d", () => {
    for (const section of p62?.sections ?? []) {
      expect(toRichDoc(fromRichDoc(section.content))).toEqual(section.content);
    }
  });

  it("comes back unchanged from TipTap's JSON with all its default attributes", () => {
    for (const section of p62?.sections ?? []) {
      expect(toRichDoc(asTipTapJson(fromRichDoc(section.content)))).toEqual(section.content);
    }
  });

  it("every seeded section is valid and normalising it is idempotent", () => {
    for (const p of meeting?.paragraphs ?? []) {
      for (const section of p.sections) {
        const once = toRichDoc(section.content);
        expect(richDocSchema.safeParse(once).success).toBe(true);
        expect(toRichDoc(once)).toEqual(once);
        expect(richDocKey(section.content)).toBe(JSON.stringify(once));
      }
    }
  });
});

describe("fromRichDoc", () => {
  it("gives an empty document one paragraph (TipTap needs a block)", () => {
    expect(fromRichDoc({ type: "doc", content: [] })).toEqual(doc(para()));
  });

  it("gives a list item that starts with a list a leading paragraph", () => {
    const inner = { type: "bulletList", content: [{ type: "listItem", content: [para(t("x"))] }] };
    expect(
      fromRichDoc(doc({ type: "bulletList", content: [{ type: "listItem", content: [inner] }] }) as RichDoc),
    ).toEqual(doc({ type: "bulletList", content: [{ type: "listItem", content: [para(), inner] }] }));
  });
});

// ---------------------------------------------------------------------------------------------
// Property check: many messy generated inputs (seeded, reproducible)
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NODE_TYPES = [
  "paragraph",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
  "blockquote",
  "codeBlock",
  "horizontalRule",
  "hardBreak",
  "text",
  "text",
  "text",
  "doc",
  "image",
  "mention",
  "taskList",
  "taskItem",
  "details",
  "tbody",
  "",
];
const MARK_TYPES = ["bold", "italic", "link", "code", "strike", "underline", "highlight", "strong", "em", 7];
const ATTR_VALUES: unknown[] = [
  null,
  undefined,
  0,
  1,
  2,
  3,
  5,
  7,
  25,
  -1,
  1.5,
  "left",
  "right",
  "center",
  "justify",
  "x",
  [100],
  {},
  true,
];
const ATTR_KEYS = [
  "textAlign",
  "align",
  "level",
  "colspan",
  "rowspan",
  "colwidth",
  "href",
  "class",
  "style",
  "start",
  "id",
];
const TEXTS = ["", "a", "Budget", "13 498", "åäö ÅÄÖ", "😀", " ", "<script>alert(1)</script>", "x".repeat(30)];

function generate(rand: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const node = (depth: number): unknown => {
    const roll = rand();
    if (roll < 0.03) return pick([null, 5, "text", [], undefined]);
    const type = depth > 4 ? "text" : pick(NODE_TYPES);
    const n: Record<string, unknown> = { type };
    if (type === "text" || rand() < 0.05) n.text = rand() < 0.05 ? 12 : pick(TEXTS);
    if (rand() < 0.5)
      n.marks = Array.from({ length: Math.floor(rand() * 4) }, () =>
        rand() < 0.9 ? { type: pick(MARK_TYPES) } : "bold",
      );
    if (rand() < 0.6)
      n.attrs = Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, () => [pick(ATTR_KEYS), pick(ATTR_VALUES)]),
      );
    if (type !== "text" ? rand() < 0.85 : rand() < 0.05) {
      n.content =
        rand() < 0.05 ? "not an array" : Array.from({ length: Math.floor(rand() * 5) }, () => node(depth + 1));
    }
    return n;
  };
  return { type: "doc", content: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => node(0)) };
}

/** All text of the input in document order (the content of text and hard-break nodes is not read). */
function allText(node: unknown): string {
  if (Array.isArray(node)) return node.map(allText).join("");
  if (typeof node !== "object" || node === null) return "";
  const n = node as Record<string, unknown>;
  if (n.type === "text") return typeof n.text === "string" ? n.text : "";
  if (n.type === "hardBreak") return "";
  return Array.isArray(n.content) ? allText(n.content) : "";
}

describe("toRichDoc on generated messy input", () => {
  it("always passes richDocSchema, keeps all text in order and is idempotent", () => {
    const rand = prng(62);
    let nonTrivial = 0;
    for (let i = 0; i < 3_000; i++) {
      const input = generate(rand);
      const out = toRichDoc(input);
      const parsed = richDocSchema.safeParse(out);
      if (!parsed.success)
        throw new Error(`case ${i} fails the schema: ${JSON.stringify(input)}\n${parsed.error.message}`);
      expect(allText(out), `case ${i}: ${JSON.stringify(input)}`).toBe(allText(input));
      expect(toRichDoc(out)).toEqual(out);
      const reloaded = toRichDoc(fromRichDoc(out));
      expect(richDocSchema.safeParse(reloaded).success).toBe(true);
      expect(allText(reloaded)).toBe(allText(out));
      if (out.content.length > 1) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(1_000);
  });
});
