-- Issue 19.5, search over a million public §§: the name-free versions are probed only in the years
-- that can hold a § past a names rule. Search over every organisation walks the years from the
-- newest, one GIN index scan per year and vector; the scan of the name-free vectors (anonTsv) found
-- a year's matches of every organisation only to drop them all when no § of that year was justerad
-- long enough ago (the shortest rule's years before today): a third of a common word's time. This
-- index answers "has year Y a § justerad before D" in one probe (src/modules/publication/public.search.ts),
-- and gives the range of years as the index on "year" alone did, which it replaces.
CREATE INDEX "PublicSearchVector_year_adjustedOn_idx" ON "PublicSearchVector"("year", "adjustedOn");
DROP INDEX "PublicSearchVector_year_idx";
