// HTML (as mammoth writes it from a DOCX: p, h1–h6, ul/ol/li, table/tr/td/th, strong/em, br, a,
// img, sup/sub …) → the stored rich-text subset. Pure and small: a tolerant tokenizer builds an
// element tree, the tree becomes TipTap-shaped JSON, and toRichDoc (tiptap-normalise.ts) fits it
// to the subset richDocSchema accepts: headings to levels 3/4, numbered lists to lists, links and
// images unwrapped (their text kept, nothing that could run), unknown marks dropped.
// It is not a general HTML parser and need not be: its input is the converter's own output, and
// whatever it makes is validated by the domain schema before it is stored.
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { toRichDoc } from "./tiptap-normalise";

export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(["br", "img", "hr", "col", "input", "meta", "link", "wbr"]);
// Elements whose content is never text of the document.
const DROPPED = new Set(["script", "style", "head", "title", "template"]);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : "";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Parses HTML into a tree under a synthetic root; unclosed tags are closed, stray end tags ignored. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  const tagRe =
    /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tagRe.exec(html); m; m = tagRe.exec(html)) {
    if (m.index > last) top().children.push(decodeEntities(html.slice(last, m.index)));
    last = tagRe.lastIndex;
    if (m[0].startsWith("<!--")) continue;
    const tag = m[1]!.toLowerCase();
    if (m[0][1] === "/") {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? "").matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? "");
    }
    const element: HtmlElement = { tag, attrs, children: [] };
    top().children.push(element);
    if (!VOID.has(tag) && m[3] !== "/") stack.push(element);
  }
  if (last < html.length) top().children.push(decodeEntities(html.slice(last)));
  return root;
}

type Json = Record<string, unknown>;
type Mark = { type: "bold" | "italic" };

const MARK_TAGS: Record<string, Mark["type"]> = { strong: "bold", b: "bold", em: "italic", i: "italic" };

/** Inline content of an element as TipTap inline nodes (text with marks, hard breaks). */
function inline(nodes: HtmlNode[], marks: Mark[] = []): Json[] {
  const out: Json[] = [];
  for (const node of nodes) {
    if (typeof node === "string") {
      const text = node.replace(/[\t\n\r ]+/g, " ");
      if (text !== "") out.push(marks.length > 0 ? { type: "text", text, marks } : { type: "text", text });
      continue;
    }
    if (DROPPED.has(node.tag)) continue;
    if (node.tag === "br") {
      out.push({ type: "hardBreak" });
      continue;
    }
    if (node.tag === "img") {
      // An image has no place in the subset; its alternative text, if any, is kept.
      if (node.attrs.alt) out.push({ type: "text", text: `[Bild: ${node.attrs.alt}]` });
      continue;
    }
    const mark = MARK_TAGS[node.tag];
    const next = mark && !marks.some((m) => m.type === mark) ? [...marks, { type: mark }] : marks;
    out.push(...inline(node.children, next));
  }
  return trimInline(out);
}

/** Leading and trailing spaces of a block dropped, as a browser renders them. */
function trimInline(nodes: Json[]): Json[] {
  const texts = nodes.filter((n) => n.type === "text");
  const first = texts[0];
  const last = texts[texts.length - 1];
  if (first) first.text = String(first.text).replace(/^ +/, "");
  if (last) last.text = String(last.text).replace(/ +$/, "");
  return nodes.filter((n) => n.type !== "text" || n.text !== "");
}

const BLOCK_TAGS = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "div",
  "blockquote",
  "section",
  "article",
  "body",
  "html",
  "#root",
]);

const isBlockElement = (node: HtmlNode) => typeof node !== "string" && BLOCK_TAGS.has(node.tag);

/** Block content: elements become blocks, runs of loose inline content become paragraphs. */
function blocks(nodes: HtmlNode[]): Json[] {
  const out: Json[] = [];
  let run: HtmlNode[] = [];
  const flush = () => {
    const content = inline(run);
    if (content.length > 0) out.push({ type: "paragraph", content });
    run = [];
  };
  for (const node of nodes) {
    if (!isBlockElement(node)) {
      run.push(node);
      continue;
    }
    flush();
    out.push(...block(node as HtmlElement));
  }
  flush();
  return out;
}

function block(el: HtmlElement): Json[] {
  switch (el.tag) {
    case "p": {
      const content = inline(el.children);
      return [content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" }];
    }
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6": {
      const content = inline(el.children);
      // The subset has two levels: a document's title and sections (h1, h2) and its subsections.
      const level = Number(el.tag[1]) <= 2 ? 3 : 4;
      return content.length > 0 ? [{ type: "heading", attrs: { level }, content }] : [];
    }
    case "ul":
    case "ol": {
      const items = el.children
        .filter((c): c is HtmlElement => typeof c !== "string" && c.tag === "li")
        .map((li) => ({ type: "listItem", content: listItemBlocks(li) }));
      return items.length > 0 ? [{ type: el.tag === "ol" ? "orderedList" : "bulletList", content: items }] : [];
    }
    case "table": {
      const rows = tableRows(el).map((tr) => ({
        type: "tableRow",
        content: tr.children
          .filter((c): c is HtmlElement => typeof c !== "string" && (c.tag === "td" || c.tag === "th"))
          .map((cell) => {
            const attrs: Json = {};
            const colspan = Number(cell.attrs.colspan);
            const rowspan = Number(cell.attrs.rowspan);
            if (Number.isInteger(colspan) && colspan > 1) attrs.colspan = colspan;
            if (Number.isInteger(rowspan) && rowspan > 1) attrs.rowspan = rowspan;
            const content = blocks(cell.children);
            return {
              type: cell.tag === "th" ? "tableHeader" : "tableCell",
              ...(Object.keys(attrs).length > 0 ? { attrs } : {}),
              content: content.length > 0 ? content : [{ type: "paragraph" }],
            };
          }),
      }));
      const filled = rows.filter((r) => r.content.length > 0);
      return filled.length > 0 ? [{ type: "table", content: filled }] : [];
    }
    default:
      return blocks(el.children);
  }
}

function listItemBlocks(li: HtmlElement): Json[] {
  const content = blocks(li.children);
  return content.length > 0 ? content : [{ type: "paragraph" }];
}

function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (typeof child === "string") continue;
    if (child.tag === "tr") rows.push(child);
    else if (child.tag === "thead" || child.tag === "tbody" || child.tag === "tfoot") rows.push(...tableRows(child));
  }
  return rows;
}

/** HTML → TipTap-shaped JSON (before it is fitted to the stored subset). */
export function htmlToTiptap(html: string): { type: "doc"; content: Json[] } {
  return { type: "doc", content: blocks(parseHtml(html).children) };
}

/** HTML → the stored subset: whatever richDocSchema accepts, every piece of text kept. */
export function htmlToRichDoc(html: string): RichDoc {
  return toRichDoc(htmlToTiptap(html));
}
