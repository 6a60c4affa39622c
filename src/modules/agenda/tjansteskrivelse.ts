// What a tjänsteskrivelse says, read from its text as rich text (pure: no mammoth, no database).
// The förslag till beslut is the section under a heading such as "Förslag till beslut",
// "Förvaltningens förslag till beslut" or "Beslutsförslag" (a Word heading, or a short paragraph
// of only that text, bold or not): its att-clauses are the lines starting with "att" and the items
// of a list in it; the text before the first clause is the intro ("Direktionen föreslås besluta").
// The section ends at the next heading (or a short all-bold line, as many templates write
// headings). Everything else of the document is the summary.
import type { BlockNode, InlineNode, RichDoc } from "@/domain/protocol/protocol.types";
import { toPlainText } from "@/domain/richtext/richtext.text";

export interface Proposal {
  intro: string;
  clauses: string[];
}

export interface Tjansteskrivelse {
  /** The document without the förslag till beslut. */
  summary: RichDoc;
  /** Null when the document has no such heading (then the item's proposal is left as it was). */
  proposal: Proposal | null;
}

const PROPOSAL_HEADING = /^(?:[\p{L}-]+s\s+)?(?:förslag\s+till\s+beslut|beslutsförslag)\s*:?$/iu;

const inlineText = (nodes: InlineNode[] | undefined) =>
  (nodes ?? []).map((n) => (n.type === "text" ? n.text : "\n")).join("");

const blockText = (node: BlockNode) => toPlainText({ type: "doc", content: [node] });

/** A short paragraph written entirely in bold: a heading in many Word templates. */
function isBoldLine(node: BlockNode): boolean {
  if (node.type !== "paragraph" || !node.content || node.content.length === 0) return false;
  const text = inlineText(node.content).trim();
  return (
    text.length > 0 &&
    text.length <= 80 &&
    !text.includes("\n") &&
    node.content.every((n) => n.type !== "text" || n.text.trim() === "" || n.marks?.some((m) => m.type === "bold"))
  );
}

const isHeadingLike = (node: BlockNode) =>
  node.type === "heading" ||
  (isBoldLine(node) && !isClause(cleanLine(inlineText((node as { content?: InlineNode[] }).content))));

/** True for the heading that opens the förslag till beslut. */
export function isProposalHeading(node: BlockNode): boolean {
  if (node.type !== "heading" && node.type !== "paragraph") return false;
  const text = inlineText(node.content).replace(/\s+/g, " ").trim();
  return text.length <= 80 && PROPOSAL_HEADING.test(text);
}

/** "1. att …", "– att …", "• att …" → "att …"; other text trimmed. */
function cleanLine(line: string): string {
  return line
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:[-–—•·*▪]|\d{1,2}[.)]|[a-z][.)])\s+(?=att\b)/iu, "");
}

const isClause = (line: string) => /^att\b/iu.test(line);

/** The lines of a block: paragraphs split at hard breaks, list items one line each. */
function linesOf(node: BlockNode): { line: string; listItem: boolean }[] {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return inlineText(node.content)
        .split("\n")
        .map((l) => ({ line: cleanLine(l), listItem: false }))
        .filter((l) => l.line !== "");
    case "bulletList":
      return node.content.flatMap((item) => {
        const text = item.content.map(blockText).join(" ");
        const line = cleanLine(text);
        return line === "" ? [] : [{ line, listItem: true }];
      });
    case "table":
      return blockText(node)
        .split("\n")
        .map((l) => ({ line: cleanLine(l.replace(/\t/g, " ")), listItem: false }))
        .filter((l) => l.line !== "");
  }
}

/** The intro and the att-clauses of the blocks under the heading. */
export function readProposal(section: BlockNode[]): Proposal {
  const intro: string[] = [];
  const clauses: string[] = [];
  for (const block of section) {
    for (const { line, listItem } of linesOf(block)) {
      if (isClause(line) || listItem) clauses.push(line);
      else if (clauses.length === 0) intro.push(line);
      // A line after the clauses that does not start with "att" continues the last clause.
      else clauses[clauses.length - 1] = `${clauses[clauses.length - 1]} ${line}`;
    }
  }
  return { intro: intro.join("\n"), clauses };
}

/** Splits a tjänsteskrivelse into its summary and its förslag till beslut. */
export function splitTjansteskrivelse(doc: RichDoc): Tjansteskrivelse {
  const blocks = doc.content;
  const start = blocks.findIndex(isProposalHeading);
  if (start < 0) return { summary: doc, proposal: null };
  let end = start + 1;
  while (end < blocks.length && !isHeadingLike(blocks[end]!)) end += 1;
  return {
    summary: { type: "doc", content: [...blocks.slice(0, start), ...blocks.slice(end)] },
    proposal: readProposal(blocks.slice(start + 1, end)),
  };
}
