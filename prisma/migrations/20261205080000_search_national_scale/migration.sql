-- Issue 19.5, search over a million public §§: each year's (and body's) matches are one GIN index
-- scan with the body and the year as keys beside the text (btree_gin, a trusted contrib extension),
-- for both the text with names and the name-free one; these replace the GIN indexes on the vectors
-- alone. The year index gives search its range of years at once.
CREATE EXTENSION IF NOT EXISTS btree_gin;
-- The keys are expressions (bodyId || '', year + 0) that search writes the same way, because Prisma
-- can declare no GIN index on text or integer columns (and leaves expression indexes alone).
CREATE INDEX "PublicSearchEntry_bodyId_year_tsv_idx" ON "PublicSearchEntry" USING GIN (("bodyId" || ''), ("year" + 0), "tsv");
CREATE INDEX "PublicSearchEntry_bodyId_year_anonTsv_idx" ON "PublicSearchEntry" USING GIN (("bodyId" || ''), ("year" + 0), "anonTsv");
CREATE INDEX "PublicSearchEntry_year_idx" ON "PublicSearchEntry"("year");
DROP INDEX "PublicSearchEntry_tsv_idx";
DROP INDEX "PublicSearchEntry_anonTsv_idx";
