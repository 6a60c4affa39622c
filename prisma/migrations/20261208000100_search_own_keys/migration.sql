-- Issue 19.5, search over a million public §§: each vector's GIN index gets keys of its own. The two
-- indexes on "PublicSearchVector" had the same key expressions (organisationId || '', bodyId || '',
-- year + 0) beside their vector, so PostgreSQL could answer the scan of the vector with names
-- (tsv) from the name-free vector's index with the organisation (and body) alone as keys, and test
-- the words row by row on the heap: seen on the national benchmark (an organisation's body, one
-- word: 1,600 rows read and dropped, 14 ms instead of 0.4) and in the small test database. With
-- different expressions for the name-free index (|| '/', year - 0; search writes them the same way,
-- src/modules/publication/public.search.ts), each scan can only use its own index, words included.
DROP INDEX "PublicSearchVector_anonTsv_idx";
CREATE INDEX "PublicSearchVector_anonTsv_idx" ON "PublicSearchVector"
  USING GIN (("organisationId" || '/'), ("bodyId" || '/'), ("year" - 0), "anonTsv");
