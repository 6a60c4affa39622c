-- § templates per body (issue 16 point 4): a § without number or attendance (rubrik, decision,
-- sections), offered when a § is added; those marked opening are the body's standard opening §§
-- and replace Body.openingItems (issue 15), which held only their titles: one concept, not two.
-- Not protocol content (a § made from a template copies it), so no freeze guard.

-- CreateTable
CREATE TABLE "ParagraphTemplate" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "decisionIntro" TEXT NOT NULL DEFAULT '',
    "decisionClauses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sections" JSONB NOT NULL DEFAULT '[]',
    "isOpening" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParagraphTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParagraphTemplate_bodyId_position_idx" ON "ParagraphTemplate"("bodyId", "position");

-- AddForeignKey
ALTER TABLE "ParagraphTemplate" ADD CONSTRAINT "ParagraphTemplate_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: each body's opening items become its opening templates (title only), in their order;
-- blank lines are skipped and titles trimmed (as the agenda → protocol step read them).
INSERT INTO "ParagraphTemplate" ("id", "bodyId", "title", "isOpening", "position", "updatedAt")
SELECT 'tpl' || md5(b."id" || ':' || o.ord::text), b."id", left(btrim(o.title), 300), true,
       row_number() OVER (PARTITION BY b."id" ORDER BY o.ord), CURRENT_TIMESTAMP
FROM "Body" b
CROSS JOIN LATERAL unnest(b."openingItems") WITH ORDINALITY AS o(title, ord)
WHERE btrim(o.title) <> '';

-- AlterTable
ALTER TABLE "Body" DROP COLUMN "openingItems";
