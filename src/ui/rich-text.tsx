// Renders stored rich text (ProseMirror JSON subset) as semantic HTML through React elements,
// never through innerHTML: text is always escaped.
import type { BlockNode, InlineNode, ParagraphNode, RichDoc, TableNode } from "@/domain/protocol/protocol.types";
import { Fragment, type ReactNode } from "react";

function Inline({ nodes }: { nodes: InlineNode[] | undefined }) {
  return (
    <>
      {(nodes ?? []).map((node, i) => {
        if (node.type === "hardBreak") return <br key={i} />;
        let el: ReactNode = node.text;
        for (const mark of node.marks ?? []) {
          if (mark.type === "bold") el = <strong>{el}</strong>;
          else if (mark.type === "italic") el = <em>{el}</em>;
          // A redacted passage: in the original (workspace) its text, shaded as withheld from the
          // public; in a public copy the projection has already made it "[utelämnat]".
          else el = <span className="redacted rounded-sm bg-slate-200 px-0.5">{el}</span>;
        }
        return <Fragment key={i}>{el}</Fragment>;
      })}
    </>
  );
}

/** A figure ("-113 083", "4,4 %", "1 280 tkr"): its cell never wraps, the table scrolls instead. */
export function isFigure(text: string): boolean {
  return (
    /\d/.test(text) &&
    /^[\s\u00a0\u2009\u202f]*[-+−–]?[\d\s\u00a0\u2009\u202f.,:%−–-]*(?:\s?(?:kr|tkr|mkr|%))?\s*$/i.test(text)
  );
}

function cellText(cell: TableNode["content"][number]["content"][number]): string {
  return cell.content
    .flatMap((p) => p.content ?? [])
    .map((n) => (n.type === "text" ? n.text : " "))
    .join("");
}

const alignClass = { left: "text-left", center: "text-center", right: "text-right" } as const;

function Paragraph({ node }: { node: ParagraphNode }) {
  const align = node.attrs?.textAlign;
  return (
    <p className={align ? alignClass[align] : undefined}>
      <Inline nodes={node.content} />
    </p>
  );
}

function Table({ node, editorLayout }: { node: TableNode; editorLayout: boolean }) {
  // Leading rows made only of header cells form the table head.
  const headCount = node.content.findIndex((row) => row.content.some((c) => c.type !== "tableHeader"));
  const split = headCount === -1 ? node.content.length : headCount;
  const renderRow = (row: TableNode["content"][number], key: number, inHead: boolean) => (
    <tr key={key}>
      {row.content.map((cell, i) => {
        const align = cell.content[0]?.attrs?.textAlign;
        const className = [align ? alignClass[align] : "", isFigure(cellText(cell)) ? "whitespace-nowrap" : ""]
          .filter(Boolean)
          .join(" ");
        const props = {
          colSpan: cell.attrs?.colspan,
          rowSpan: cell.attrs?.rowspan,
          className: className || undefined,
        };
        const inner = cell.content.map((p, j) =>
          cell.content.length === 1 && !editorLayout ? (
            <Inline key={j} nodes={p.content} />
          ) : (
            <Paragraph key={j} node={p} />
          ),
        );
        return cell.type === "tableHeader" ? (
          <th key={i} {...props} scope={inHead ? "col" : "row"}>
            {inner}
          </th>
        ) : (
          <td key={i} {...props}>
            {inner}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className="overflow-x-auto">
      <table>
        {split > 0 && <thead>{node.content.slice(0, split).map((row, i) => renderRow(row, i, true))}</thead>}
        <tbody>{node.content.slice(split).map((row, i) => renderRow(row, i, false))}</tbody>
      </table>
    </div>
  );
}

function Block({ node, headingLevel, editorLayout }: { node: BlockNode; headingLevel: number; editorLayout: boolean }) {
  switch (node.type) {
    case "paragraph":
      return <Paragraph node={node} />;
    case "heading": {
      const level = Math.min(6, headingLevel + (node.attrs.level - 3));
      const Tag = `h${level}` as "h4";
      return (
        <Tag className="mt-4 font-semibold">
          <Inline nodes={node.content} />
        </Tag>
      );
    }
    case "bulletList":
      return (
        <ul>
          {node.content.map((item, i) => (
            <li key={i}>
              {item.content.map((child, j) =>
                child.type === "paragraph" ? (
                  editorLayout ? (
                    <Paragraph key={j} node={child} />
                  ) : (
                    <Inline key={j} nodes={child.content} />
                  )
                ) : (
                  <Block key={j} node={child} headingLevel={headingLevel} editorLayout={editorLayout} />
                ),
              )}
            </li>
          ))}
        </ul>
      );
    case "table":
      return <Table node={node} editorLayout={editorLayout} />;
  }
}

/**
 * `headingLevel`: the HTML heading level used for the document's level-3 sub-headings.
 * `editorLayout`: the elements the rich-text editor (ProseMirror) makes of the same document — the
 * blocks without a wrapper, every paragraph a <p>, in list items and table cells too — for the
 * editor's fields, which show this until they are edited and then swap in the editor.
 */
export function RichText({
  doc,
  headingLevel = 4,
  editorLayout = false,
}: {
  doc: RichDoc;
  headingLevel?: number;
  editorLayout?: boolean;
}) {
  if (editorLayout)
    return doc.content.map((node, i) => <Block key={i} node={node} headingLevel={headingLevel} editorLayout />);
  return (
    <div className="prose-protocol">
      {doc.content.map((node, i) => (
        <Block key={i} node={node} headingLevel={headingLevel} editorLayout={false} />
      ))}
    </div>
  );
}
