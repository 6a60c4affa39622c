// Reads of a body's § templates: the templates page (for who may keep them), the opening §§'
// titles for the new-meeting form, and the choices the template picker offers.
import type { PrismaClient } from "@/generated/prisma/client";
import type { SectionDTO } from "@/domain/protocol/protocol.types";
import { templateDraft, templateDraftSelect } from "@/modules/drafting";
import { authorizeTemplates, type Actor } from "@/server/authz";

export interface TemplateRow {
  id: string;
  title: string;
  decisionIntro: string;
  decisionClauses: readonly string[];
  sections: readonly SectionDTO[];
  isOpening: boolean;
  version: number;
}

/** The body's templates in its order. */
async function listTemplates(db: PrismaClient, bodyId: string): Promise<TemplateRow[]> {
  const rows = await db.paragraphTemplate.findMany({
    where: { bodyId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { ...templateDraftSelect, isOpening: true, version: true },
  });
  return rows.map((r) => ({ ...templateDraft(r), id: r.id, isOpening: r.isOpening, version: r.version }));
}

/** The templates page of a body, or null when there is no such body or the actor may not keep its templates. */
export async function findTemplatesPage(db: PrismaClient, actor: Actor, bodySlug: string) {
  const body = await db.body.findFirst({
    where: { slug: bodySlug },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, name: true, genitiveName: true },
  });
  if (!body || !authorizeTemplates(actor, "templates.manage", body.id).ok) return null;
  return { body, templates: await listTemplates(db, body.id) };
}

/** Titles of the body's opening §§ (its opening templates), in order. */
export async function listOpeningTitles(db: PrismaClient, bodyId: string): Promise<string[]> {
  const rows = await db.paragraphTemplate.findMany({
    where: { bodyId, isOpening: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { title: true },
  });
  return rows.map((r) => r.title);
}

/** What the template picker offers: the body's templates, in order. */
export async function listTemplateChoices(db: PrismaClient, bodyId: string): Promise<{ id: string; title: string }[]> {
  return db.paragraphTemplate.findMany({
    where: { bodyId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}
