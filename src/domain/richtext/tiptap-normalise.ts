// Converts between TipTap's editor JSON (`editor.getJSON()`) and our stored RichDoc (see
// richDocSchema). Pure: no React, no TipTap imports, so the server and tests can use it too.
//
// toRichDoc accepts anything and always returns a document that richDocSchema accepts (within its
// size limits): unknown marks and attributes are dropped, unknown nodes are unwrapped (their text
// is kept), unsupported blocks become the nearest supported ones, and every piece of text of the
// input survives in document order.
import type {
  BlockNode,
  BulletListNode,
  InlineNode,
  ListItemNode,
  Mark,
  ParagraphNode,
  RichDoc,
  TableCellNode,
  TableNode,
  TableRowNode,
  TextAlign,
  TextNode,
} from "@/domain/protocol/protocol.types";

type Obj = Record<string, unknown>;

const MAX_TEXT = 20_000;
const MAX_COLSPAN = 20;
const MAX_ROWSPAN = 500;

const isObj = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const typeOf = (node: Obj): string => (typeof node.type === "string" ? node.type : "");
const childrenOf = (node: Obj): unknown[] => (Array.isArray(node.content) ? node.content : []);
const attrsOf = (node: Obj): Obj => (isObj(node.attrs) ? node.attrs : {});

// ---------------------------------------------------------------------------------------------
// Inline content
// ---------------------------------------------------------------------------------------------

const MARK_ALIASES: Record<string, Mark["type"]> = {
  bold: "bold",
  strong: "bold",
  italic: "italic",
  em: "italic",
  redacted: "redacted",
};

function cleanMarks(raw: unknown): Mark[] {
  if (!Array.isArray(raw)) return [];
  const marks: Mark[] = [];
  for (const mark of raw) {
    const type = isObj(mark) ? MARK_ALIASES[typeOf(mark)] : undefined;
    if (type && !marks.some((m) => m.type === type)) marks.push({ type });
  }
  return marks;
}

/** Text nodes for `text`, split into chunks the schema accepts (never inside a surrogate pair). */
function textNodes(text: string, marks: Mark[]): TextNode[] {
  const nodes: TextNode[] = [];
  let rest = text;
  while (rest.length > 0) {
    let cut = Math.min(rest.length, MAX_TEXT);
    if (cut < rest.length && /[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    const chunk = rest.slice(0, cut);
    nodes.push(
      marks.length > 0
        ? { type: "text", text: chunk, marks: marks.map((m) => ({ ...m })) }
        : { type: "text", text: chunk },
    );
    rest = rest.slice(cut);
  }
  return nodes;
}

// ---------------------------------------------------------------------------------------------
// A node sequence becomes "items": inline nodes and supported blocks, in document order. Unknown
// nodes are transparent (their children are spliced in place).
// ---------------------------------------------------------------------------------------------

type Item = InlineNode | BlockNode;

const isInline = (item: Item): item is InlineNode => item.type === "text" || item.type === "hardBreak";

function items(nodes: unknown[]): Item[] {
  const out: Item[] = [];
  for (const node of nodes) {
    if (!isObj(node)) continue;
    switch (typeOf(node)) {
      case "text":
        if (typeof node.text === "string") out.push(...textNodes(node.text, cleanMarks(node.marks)));
        break;
      case "hardBreak":
        out.push({ type: "hardBreak" });
        break;
      case "paragraph":
        out.push(paragraph(inlines(items(childrenOf(node))), alignOf(node)));
        break;
      case "heading":
        out.push(heading(node));
        break;
      case "codeBlock":
        out.push(paragraph(splitLines(inlines(items(childrenOf(node))))));
        break;
      case "bulletList":
      case "orderedList":
      case "taskList":
        pushIfAny(out, bulletList(childrenOf(node)));
        break;
      case "table":
        pushIfAny(out, table(childrenOf(node)));
        break;
      default:
        // doc, blockquote, listItem or table parts out of place, and anything unknown.
        out.push(...items(childrenOf(node)));
    }
  }
  return out;
}

function pushIfAny(out: Item[], node: BulletListNode | TableNode | null) {
  if (node) out.push(node);
}

/** Items as inline content: blocks are flattened to their text, separated by hard breaks. */
function inlines(list: Item[]): InlineNode[] {
  const out: InlineNode[] = [];
  let afterBlock = false;
  for (const item of list) {
    if (isInline(item)) {
      if (afterBlock && out.length > 0) out.push({ type: "hardBreak" });
      out.push(item);
      afterBlock = false;
      continue;
    }
    for (const para of asParagraphs([item])) {
      const content = para.content ?? [];
      if (content.length === 0) continue;
      if (out.length > 0) out.push({ type: "hardBreak" });
      out.push(...content);
    }
    afterBlock = true;
  }
  return out;
}

/** Items as blocks: runs of inline nodes become paragraphs. */
function blocks(list: Item[]): BlockNode[] {
  const out: BlockNode[] = [];
  let run: InlineNode[] = [];
  const flush = () => {
    if (run.length > 0) out.push(paragraph(run));
    run = [];
  };
  for (const item of list) {
    if (isInline(item)) run.push(item);
    else {
      flush();
      out.push(item);
    }
  }
  flush();
  return out;
}

/** Text nodes split at line breaks (code blocks keep their lines as hard breaks). */
function splitLines(nodes: InlineNode[]): InlineNode[] {
  return nodes.flatMap((node): InlineNode[] => {
    if (node.type !== "text" || !node.text.includes("\n")) return [node];
    const marks = node.marks ?? [];
    return node.text
      .split("\n")
      .flatMap((line, i): InlineNode[] => [
        ...(i > 0 ? [{ type: "hardBreak" } as const] : []),
        ...textNodes(line, marks),
      ]);
  });
}

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

const ALIGNMENTS: readonly TextAlign[] = ["left", "center", "right"];

function alignOf(node: Obj): TextAlign | undefined {
  const align = attrsOf(node).textAlign;
  return ALIGNMENTS.find((a) => a === align);
}

function paragraph(content: InlineNode[], align?: TextAlign): ParagraphNode {
  const node: ParagraphNode = { type: "paragraph" };
  if (align) node.attrs = { textAlign: align };
  if (content.length > 0) node.content = content;
  return node;
}

function heading(node: Obj): BlockNode {
  const raw = attrsOf(node).level;
  const level = typeof raw === "number" && raw >= 4 ? 4 : 3;
  const content = inlines(items(childrenOf(node)));
  return content.length > 0 ? { type: "heading", attrs: { level }, content } : { type: "heading", attrs: { level } };
}

/** Blocks as the paragraphs a table cell can hold (headings, lists and tables flattened). */
function asParagraphs(list: BlockNode[]): ParagraphNode[] {
  return list.flatMap((block): ParagraphNode[] => {
    switch (block.type) {
      case "paragraph":
        return [block];
      case "heading":
        return [block.content ? { type: "paragraph", content: block.content } : { type: "paragraph" }];
      case "bulletList":
        return block.content.flatMap((item) => asParagraphs(item.content));
      case "table":
        return block.content.flatMap((row) => row.content.flatMap((cell) => cell.content));
    }
  });
}

/** Blocks as list-item content: paragraphs and nested bullet lists. */
function asListContent(list: BlockNode[]): ListItemNode["content"] {
  return list.flatMap((block): ListItemNode["content"] =>
    block.type === "bulletList" ? [block] : asParagraphs([block]),
  );
}

const isListType = (type: string) => type === "bulletList" || type === "orderedList" || type === "taskList";

function bulletList(children: unknown[]): BulletListNode | null {
  const out: ListItemNode[] = [];
  for (const child of children) {
    if (!isObj(child)) continue;
    const type = typeOf(child);
    if (type === "listItem" || type === "taskItem") {
      const content = asListContent(blocks(items(childrenOf(child))));
      out.push({ type: "listItem", content: content.length > 0 ? content : [{ type: "paragraph" }] });
      continue;
    }
    // Anything else directly in a list: a nested list joins the previous item, the rest
    // becomes an item of its own.
    const content = asListContent(blocks(items([child])));
    if (content.length === 0) continue;
    const previous = out[out.length - 1];
    if (isListType(type) && previous) previous.content.push(...content);
    else out.push({ type: "listItem", content });
  }
  return out.length > 0 ? { type: "bulletList", content: out } : null;
}

function cell(node: Obj, type: TableCellNode["type"]): TableCellNode {
  // A cell-level alignment (TipTap's `align` cell attribute) goes to paragraphs without their own.
  const cellAlign = ALIGNMENTS.find((a) => a === attrsOf(node).align);
  const content = asParagraphs(blocks(items(childrenOf(node)))).map((p) =>
    cellAlign && !p.attrs?.textAlign ? { ...p, attrs: { textAlign: cellAlign } } : p,
  );
  if (content.length === 0)
    content.push(cellAlign ? { type: "paragraph", attrs: { textAlign: cellAlign } } : { type: "paragraph" });
  const result: TableCellNode = { type, content };
  const span = (value: unknown, max: number) =>
    typeof value === "number" && Number.isFinite(value) && value >= 2 ? Math.min(Math.floor(value), max) : undefined;
  const colspan = span(attrsOf(node).colspan, MAX_COLSPAN);
  const rowspan = span(attrsOf(node).rowspan, MAX_ROWSPAN);
  if (colspan || rowspan) result.attrs = { ...(colspan ? { colspan } : {}), ...(rowspan ? { rowspan } : {}) };
  return result;
}

const isCellType = (type: string) => type === "tableCell" || type === "tableHeader";

function row(children: unknown[]): TableRowNode | null {
  const cells: TableCellNode[] = [];
  for (const child of children) {
    if (!isObj(child)) continue;
    const type = typeOf(child);
    if (isCellType(type)) cells.push(cell(child, type as TableCellNode["type"]));
    else {
      // Content outside a cell gets a cell of its own.
      const content = asParagraphs(blocks(items([child])));
      if (content.length > 0) cells.push({ type: "tableCell", content });
    }
  }
  return cells.length > 0 ? { type: "tableRow", content: cells } : null;
}

function table(children: unknown[]): TableNode | null {
  const rows: TableRowNode[] = [];
  const push = (r: TableRowNode | null) => {
    if (r) rows.push(r);
  };
  let strayCells: unknown[] = [];
  const flushCells = () => {
    push(row(strayCells));
    strayCells = [];
  };
  const walk = (nodes: unknown[]) => {
    for (const child of nodes) {
      if (!isObj(child)) continue;
      const type = typeOf(child);
      if (isCellType(type)) {
        strayCells.push(child);
        continue;
      }
      flushCells();
      if (type === "tableRow") push(row(childrenOf(child)));
      else if (isUnknownWrapper(type))
        walk(childrenOf(child)); // e.g. thead/tbody
      else push(row([child]));
    }
  };
  walk(children);
  flushCells();
  return rows.length > 0 ? { type: "table", content: rows } : null;
}

const KNOWN = new Set([
  "doc",
  "text",
  "hardBreak",
  "paragraph",
  "heading",
  "codeBlock",
  "blockquote",
  "bulletList",
  "orderedList",
  "taskList",
  "listItem",
  "taskItem",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
]);
const isUnknownWrapper = (type: string) => !KNOWN.has(type);

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** TipTap JSON (or anything) → a RichDoc that passes richDocSchema. */
export function toRichDoc(json: unknown): RichDoc {
  const nodes = isObj(json) ? (typeOf(json) === "doc" ? childrenOf(json) : [json]) : Array.isArray(json) ? json : [];
  return { type: "doc", content: blocks(items(nodes)) };
}

/**
 * RichDoc → content TipTap can load. TipTap needs at least one block, and a list item that
 * starts with a paragraph; everything else is loaded as is.
 */
export function fromRichDoc(doc: RichDoc): RichDoc {
  const fixList = (list: BulletListNode): BulletListNode => ({
    type: "bulletList",
    content: list.content.map((item): ListItemNode => {
      const content = item.content.map((child) => (child.type === "bulletList" ? fixList(child) : child));
      return {
        type: "listItem",
        content: content[0]?.type === "paragraph" ? content : [{ type: "paragraph" }, ...content],
      };
    }),
  });
  const content = doc.content.map((block) => (block.type === "bulletList" ? fixList(block) : block));
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

/** Canonical string form, for comparing documents regardless of key order or TipTap defaults. */
export function richDocKey(json: unknown): string {
  return JSON.stringify(toRichDoc(json));
}
