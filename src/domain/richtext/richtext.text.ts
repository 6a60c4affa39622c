import type { BlockNode, InlineNode, RichDoc } from "@/domain/protocol/protocol.types";

// Plain text to and from the stored rich-text format (richtext.schema.ts validates it). Apart from
// the schema so that client code (the editor's outline, the checker) reads a document's text
// without bringing zod into the browser's bundle.

/** Plain text of a document: blocks separated by newlines, table cells by tabs. */
export function toPlainText(doc: RichDoc): string {
  const inline = (nodes: InlineNode[] | undefined) =>
    (nodes ?? []).map((n) => (n.type === "text" ? n.text : "\n")).join("");
  const block = (node: BlockNode): string => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        return inline(node.content);
      case "bulletList":
        return node.content.map((item) => item.content.map((child) => block(child)).join("\n")).join("\n");
      case "table":
        return node.content
          .map((row) => row.content.map((cell) => cell.content.map(block).join(" ")).join("\t"))
          .join("\n");
    }
  };
  return doc.content.map(block).join("\n");
}

/** True when the document holds no visible text. */
export function isEmptyDoc(doc: RichDoc): boolean {
  return toPlainText(doc).trim() === "";
}

/**
 * Plain text as a document (a form without JavaScript, where the rich-text editor cannot run): a
 * blank line starts a new paragraph, a single line break stays a line break. "" → an empty doc.
 */
export function fromPlainText(text: string): RichDoc {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n(?:[ \t]*\n)+/)
    .map((p) => p.replace(/^\n+|\s+$/g, ""))
    .filter((p) => p.trim() !== "");
  return {
    type: "doc",
    content: paragraphs.map((p) => ({
      type: "paragraph",
      content: p
        .split("\n")
        .flatMap((line, i): InlineNode[] => [
          ...(i > 0 ? [{ type: "hardBreak" as const }] : []),
          ...(line === "" ? [] : [{ type: "text" as const, text: line }]),
        ]),
    })),
  };
}
