import { z } from "@/lib/zod";
import type { InlineNode, RichDoc } from "@/domain/protocol/protocol.types";

// The stored rich-text format: a strict subset of ProseMirror/TipTap JSON. Anything else (HTML,
// unknown node types, unknown marks, links, images, attributes) is rejected, so nothing a client
// sends can turn into markup that runs.

const MAX_TEXT = 20_000;

const markSchema = z.union([
  z.object({ type: z.literal("bold") }).strict(),
  z.object({ type: z.literal("italic") }).strict(),
  z.object({ type: z.literal("redacted") }).strict(),
]);

const textNodeSchema = z
  .object({
    type: z.literal("text"),
    text: z.string().min(1).max(MAX_TEXT),
    marks: z.array(markSchema).max(3).optional(),
  })
  .strict();

const inlineSchema: z.ZodType<InlineNode> = z.union([
  textNodeSchema,
  z.object({ type: z.literal("hardBreak") }).strict(),
]);

const paragraphSchema = z
  .object({
    type: z.literal("paragraph"),
    attrs: z
      .object({ textAlign: z.enum(["left", "center", "right"]).optional() })
      .strict()
      .optional(),
    content: z.array(inlineSchema).max(2_000).optional(),
  })
  .strict();

const headingSchema = z
  .object({
    type: z.literal("heading"),
    attrs: z.object({ level: z.union([z.literal(3), z.literal(4)]) }).strict(),
    content: z.array(inlineSchema).max(200).optional(),
  })
  .strict();

type BulletList = { type: "bulletList"; content: ListItem[] };
type ListItem = { type: "listItem"; content: (z.infer<typeof paragraphSchema> | BulletList)[] };

const bulletListSchema: z.ZodType<BulletList> = z.lazy(() =>
  z.object({ type: z.literal("bulletList"), content: z.array(listItemSchema).min(1).max(500) }).strict(),
);
const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z
    .object({
      type: z.literal("listItem"),
      content: z
        .array(z.union([paragraphSchema, bulletListSchema]))
        .min(1)
        .max(50),
    })
    .strict(),
);

const cellSchema = z
  .object({
    type: z.enum(["tableCell", "tableHeader"]),
    attrs: z
      .object({
        colspan: z.number().int().min(1).max(20).optional(),
        rowspan: z.number().int().min(1).max(500).optional(),
        colwidth: z.array(z.number().int().min(0).max(2000)).nullable().optional(),
      })
      .strict()
      .optional(),
    content: z.array(paragraphSchema).min(1).max(20),
  })
  .strict();

const tableSchema = z
  .object({
    type: z.literal("table"),
    content: z
      .array(z.object({ type: z.literal("tableRow"), content: z.array(cellSchema).min(1).max(20) }).strict())
      .min(1)
      .max(1_000),
  })
  .strict();

const blockSchema = z.union([paragraphSchema, headingSchema, bulletListSchema, tableSchema]);

/** Lists inside lists: deeper than any real protocol (TipTap indents one level per Tab). */
export const MAX_LIST_DEPTH = 10;
// Any JSON nesting deeper than the deepest allowed document (doc, 10 list levels of list + item,
// paragraph, text, marks, each with its array) plus some room.
const MAX_JSON_DEPTH = 64;

/**
 * The deepest list nesting and JSON nesting of `value`, walked without recursion and given up as
 * soon as a limit is passed: the recursive zod schema below would overflow the stack on a
 * document nested 10,000 levels deep (a 500 instead of a message), so depth is checked first.
 */
export function nestingTooDeep(value: unknown): "list" | "json" | null {
  const stack: [unknown, number, number][] = [[value, 0, 0]];
  while (stack.length > 0) {
    const [node, depth, lists] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return "json";
    if (lists > MAX_LIST_DEPTH) return "list";
    if (Array.isArray(node)) {
      for (const child of node) stack.push([child, depth + 1, lists]);
    } else if (node !== null && typeof node === "object") {
      const isList = (node as { type?: unknown }).type === "bulletList";
      for (const child of Object.values(node)) stack.push([child, depth + 1, lists + (isList ? 1 : 0)]);
    }
  }
  return null;
}

const docShape = z.object({ type: z.literal("doc"), content: z.array(blockSchema).max(5_000) }).strict();

export const richDocSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    const tooDeep = nestingTooDeep(value);
    if (tooDeep) {
      ctx.addIssue({
        code: "custom",
        message:
          tooDeep === "list"
            ? `Listor kan ligga i högst ${MAX_LIST_DEPTH} nivåer inuti varandra; minska indraget.`
            : "Texten är inkapslad i för många nivåer och kan inte sparas.",
      });
    }
  })
  .pipe(docShape) as unknown as z.ZodType<RichDoc, RichDoc>;
