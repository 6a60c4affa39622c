import type { PrismaClient } from "@/generated/prisma/client";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { saveParagraphSchema } from "@/modules/drafting/paragraph.schema";
import { findParagraphForEditing } from "@/server/protocol.queries";

/** A § as the editor opens it: its version and its content, parsed as a save would send it back unchanged. */
export async function editableParagraph(db: PrismaClient, paragraphId: string) {
  const editing = (await findParagraphForEditing(db, paragraphId))!;
  const { content } = saveParagraphSchema.parse({
    paragraphId,
    version: editing.version,
    content: toParagraphContent(editing.paragraph),
  });
  return { version: editing.version, content };
}
