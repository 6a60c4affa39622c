// A minimal XML writer for the package's METS, PREMIS and descriptive record: elements with
// attributes in the order given, text escaped, two-space indentation. Deterministic output.

export type XmlNode = XmlElement | string;
export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | null | undefined>;
  children?: readonly (XmlNode | null | false | undefined)[];
}

/** Element shorthand: el("mets:file", { ID: "f1" }, child, …); null/false children are left out. */
export function el(
  name: string,
  attrs: XmlElement["attrs"] = {},
  ...children: (XmlNode | null | false | undefined)[]
): XmlElement {
  return { name, attrs, children };
}

// XML 1.0 cannot carry most C0 controls at all, even escaped: drop them (the protocol's text never has them).
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text safe in element content and in attribute values (always quoted with "). */
export function escapeXml(text: string): string {
  return text.replace(INVALID, "").replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}

function render(node: XmlNode, indent: string, out: string[]): void {
  if (typeof node === "string") {
    out.push(indent + escapeXml(node));
    return;
  }
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join("");
  const children = (node.children ?? []).filter((c): c is XmlNode => c !== null && c !== false && c !== undefined);
  if (children.length === 0) {
    out.push(`${indent}<${node.name}${attrs}/>`);
  } else if (children.length === 1 && typeof children[0] === "string") {
    out.push(`${indent}<${node.name}${attrs}>${escapeXml(children[0])}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attrs}>`);
    for (const c of children) render(c, indent + "  ", out);
    out.push(`${indent}</${node.name}>`);
  }
}

/** The document as UTF-8 bytes, with the XML declaration. */
export function xmlDocument(root: XmlElement): Uint8Array {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, "", out);
  return new TextEncoder().encode(out.join("\n") + "\n");
}
