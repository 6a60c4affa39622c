// Pasted HTML → HTML that ProseMirror's parser turns into the nearest RichDoc structure.
// The rich text holds paragraphs, sub-headings, bullet lists, tables (with merged cells) and
// bold/italic; what word processors put on the clipboard is richer and shaped differently:
//
// - Microsoft Word writes lists as paragraphs (`<p class=MsoListParagraph style="mso-list:l0
//   level2 lfo1">`) whose bullet or number is text inside `<span style="mso-list:Ignore">`
//   between `<![if !supportLists]>` conditional comments. Runs of such paragraphs become nested
//   lists again, by their level.
// - LibreOffice writes a table's header rows as `<td>` in `<thead>`, and alignment as the old
//   `align` attribute; header rows become header cells and `align` becomes text-align.
// - Numbered lists have no numbered counterpart in the subset; rather than let the parser turn
//   them into bullets (the numbers gone, and with them every "se punkt 2"), each item keeps its
//   number as text: "1. …", "a) …" — at the top level as paragraphs, inside a bullet list as the
//   item's paragraphs.
// - Table cells hold only paragraphs, list items only paragraphs and lists: block elements inside
//   them become paragraphs and table/list wrappers are unwrapped (otherwise the parser moves such
//   content out of the cell), and a cell's alignment moves to its paragraphs.
//
// Works on an inert document (DOMParser: no scripts run, nothing loads); the result only goes to
// ProseMirror's parser, whose schema is the final filter. The clipboard samples it is tested
// with, and how they were made, are in e2e/fixtures/paste/README.md.

const ALIGNMENTS = new Set(["left", "center", "right"]);

export function fitPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  wordListsToLists(doc);
  headerRowsToHeaderCells(doc);
  alignAttributesToStyle(doc);
  numberedListsToNumberedText(doc);
  fitCellsAndItems(doc);
  return doc.body.innerHTML;
}

function paragraph(doc: Document, children: ChildNode[], align?: string): HTMLParagraphElement {
  const p = doc.createElement("p");
  if (align) p.style.textAlign = align;
  p.append(...children);
  return p;
}

// ---- Microsoft Word's list paragraphs ----------------------------------------------------------

interface WordListParagraph {
  p: HTMLElement;
  /** Word's list id (l0, l1 …): a new id starts a new list. */
  list: string;
  level: number;
  ordered: boolean;
  marker: string;
}

/** Word's list id and level of a paragraph, or null when it is not a list paragraph. */
function wordListPlace(p: Element): { list: string; level: number } | null {
  const place = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(p.getAttribute("style") ?? "");
  return place ? { list: place[1]!.toLowerCase(), level: Math.max(1, Math.min(9, Number(place[2]))) } : null;
}

/** Takes Word's marker (bullet glyph or number) out of a list paragraph. */
function takeWordMarker(p: HTMLElement, place: { list: string; level: number }): WordListParagraph {
  const ignored = Array.from(p.querySelectorAll<HTMLElement>("span")).filter((s) =>
    /mso-list:\s*Ignore/i.test(s.getAttribute("style") ?? ""),
  );
  const marker = (ignored[0]?.textContent ?? "").replace(/\s+/g, " ").trim();
  for (const span of ignored) span.remove();
  // The marker sits between <![if !supportLists]> … <![endif]>: comments in the parsed DOM.
  for (const node of Array.from(p.childNodes)) if (node.nodeType === Node.COMMENT_NODE) node.remove();
  return {
    p,
    ...place,
    // "1.", "1.2.", "a)", "iv." are numbers; "·", "o", "§", "–" are Word's bullet glyphs.
    ordered: /^\(?(\d{1,3}(\.\d{1,3})*[.)]?|[a-z]{1,2}[.)]|[ivxlc]{1,6}[.)])$/i.test(marker),
    marker,
  };
}

function wordListsToLists(doc: Document): void {
  const all = Array.from(doc.body.querySelectorAll<HTMLElement>("p[style*='mso-list'], p[class^='MsoList']"));
  const done = new Set<HTMLElement>();
  for (const first of all) {
    if (done.has(first)) continue;
    const run: WordListParagraph[] = [];
    for (let el: Element | null = first; el instanceof HTMLElement && el.tagName === "P";) {
      const place = wordListPlace(el);
      if (!place || (run.length > 0 && place.list !== run[0]!.list)) break;
      run.push(takeWordMarker(el, place));
      done.add(el);
      el = nextElement(el);
    }
    if (run.length === 0) continue;
    const anchor = doc.createElement("div");
    first.before(anchor);
    anchor.replaceWith(buildWordList(doc, run));
  }
}

function nextElement(el: Element): Element | null {
  // Word separates the paragraphs with whitespace text only.
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === Node.ELEMENT_NODE) return n as Element;
    if (n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "") return null;
  }
  return null;
}

/** Nested <ul>/<ol> from a run of Word list paragraphs; an <ol> item keeps Word's own number. */
function buildWordList(doc: Document, run: WordListParagraph[]): HTMLElement {
  const root = doc.createElement(run[0]!.ordered ? "ol" : "ul");
  const stack: { level: number; list: HTMLElement }[] = [{ level: run[0]!.level, list: root }];
  for (const item of run) {
    while (stack.length > 1 && item.level < stack[stack.length - 1]!.level) stack.pop();
    let top = stack[stack.length - 1]!;
    if (item.level > top.level) {
      const parentItem = top.list.lastElementChild ?? top.list.appendChild(doc.createElement("li"));
      const nested = doc.createElement(item.ordered ? "ol" : "ul");
      parentItem.append(nested);
      top = { level: item.level, list: nested };
      stack.push(top);
    }
    const li = doc.createElement("li");
    if (item.ordered) li.dataset.number = item.marker;
    li.append(paragraph(doc, Array.from(item.p.childNodes)));
    top.list.append(li);
    item.p.remove();
  }
  return root;
}

// ---- Tables and alignment ------------------------------------------------------------------------

function headerRowsToHeaderCells(doc: Document): void {
  for (const td of Array.from(doc.body.querySelectorAll<HTMLElement>("thead td"))) {
    const th = doc.createElement("th");
    for (const attr of Array.from(td.attributes)) th.setAttribute(attr.name, attr.value);
    th.append(...Array.from(td.childNodes));
    td.replaceWith(th);
  }
}

function alignAttributesToStyle(doc: Document): void {
  for (const el of Array.from(doc.body.querySelectorAll<HTMLElement>("[align]"))) {
    const align = (el.getAttribute("align") ?? "").toLowerCase();
    if (ALIGNMENTS.has(align) && !el.style.textAlign) el.style.textAlign = align;
    el.removeAttribute("align");
  }
}

// ---- Numbered lists ------------------------------------------------------------------------------

const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function roman(n: number): string {
  let out = "";
  for (const [value, digits] of ROMAN) for (; n >= value; n -= value) out += digits;
  return out;
}

function letters(n: number): string {
  let out = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/** The number an <ol> shows for its n-th item (1-based), as "1.", "b.", "iv." … */
export function listNumber(type: string, n: number): string {
  switch (type) {
    case "a":
      return `${letters(n)}.`;
    case "A":
      return `${letters(n).toUpperCase()}.`;
    case "i":
      return `${roman(n)}.`;
    case "I":
      return `${roman(n).toUpperCase()}.`;
    default:
      return `${n}.`;
  }
}

/**
 * Innermost first: each <ol> item's first paragraph starts with its number, and the <ol> is
 * replaced by its items' blocks (paragraphs and any lists inside them).
 */
function numberedListsToNumberedText(doc: Document): void {
  for (const ol of Array.from(doc.body.querySelectorAll<HTMLOListElement>("ol")).reverse()) {
    const type = ol.getAttribute("type") ?? "1";
    let n = Number.parseInt(ol.getAttribute("start") ?? "1", 10);
    if (!Number.isFinite(n)) n = 1;
    const blocks: Node[] = [];
    for (const li of Array.from(ol.children)) {
      if (li.tagName !== "LI") continue;
      const value = Number.parseInt(li.getAttribute("value") ?? "", 10);
      if (Number.isFinite(value)) n = value;
      const number = (li as HTMLElement).dataset.number ?? listNumber(type, n);
      n += 1;
      const inline: ChildNode[] = [];
      const rest: ChildNode[] = [];
      for (const child of Array.from(li.childNodes)) {
        const isBlock = child instanceof HTMLElement && /^(P|DIV|UL|OL|TABLE|H[1-6])$/.test(child.tagName);
        if (!isBlock && rest.length === 0) inline.push(child);
        else rest.push(child);
      }
      const first =
        inline.some((c) => (c.textContent ?? "").trim() !== "") || !(rest[0] instanceof HTMLParagraphElement)
          ? paragraph(doc, inline)
          : (rest.shift() as HTMLParagraphElement);
      first.prepend(doc.createTextNode(`${number} `));
      blocks.push(first, ...rest);
    }
    ol.replaceWith(...blocks);
  }
}

// ---- Cells and list items hold only paragraphs (and items nested lists) --------------------------

function fitCellsAndItems(doc: Document): void {
  const blocks = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "PRE", "BLOCKQUOTE", "DT", "DD", "CAPTION", "TD", "TH"]);
  const wrappers = new Set(["TABLE", "THEAD", "TBODY", "TFOOT", "TR", "COLGROUP", "COL", "DL"]);
  // Deepest first: an element is handled before its ancestors.
  for (const el of Array.from(doc.body.querySelectorAll<HTMLElement>("*")).reverse()) {
    const inCell = el.parentElement?.closest("td, th") != null;
    if (!inCell && el.parentElement?.closest("li") == null) continue;
    if (blocks.has(el.tagName) || (inCell && el.tagName === "LI"))
      el.replaceWith(paragraph(doc, Array.from(el.childNodes), el.style.textAlign));
    else if (wrappers.has(el.tagName) || (inCell && (el.tagName === "UL" || el.tagName === "OL")))
      el.replaceWith(...Array.from(el.childNodes));
  }
  for (const cell of Array.from(doc.body.querySelectorAll<HTMLElement>("td, th"))) {
    const align = (cell.style.textAlign || "").toLowerCase();
    if (!ALIGNMENTS.has(align)) continue;
    if (!cell.querySelector("p")) cell.append(paragraph(doc, Array.from(cell.childNodes)));
    for (const p of Array.from(cell.querySelectorAll("p"))) p.style.textAlign ||= align;
  }
}
