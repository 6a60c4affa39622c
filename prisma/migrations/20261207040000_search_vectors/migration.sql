-- Issue 19.5, search over a million public §§ in under 50 ms (p95): what the match needs, apart.
--
-- 1. "PublicSearchVector": one narrow row per row of "PublicSearchEntry" — the § id, its
--    organisation, body, meeting (id, slug, date, justering date), year and number, and the two
--    vectors (with names, and name-free) — without the texts, so the hot index and rows fit in
--    memory (about a third of the entry table). Written by a trigger on the entry table as each
--    entry is inserted (in the justering transaction, after its own guard computed the vectors);
--    deleted with it (ON DELETE CASCADE). Never written by the app itself (its guard below).
-- 2. One GIN index per vector over (organisation, body, year, vector) (btree_gin): any of the keys
--    with the words in one index scan — an organisation's matches of all years at once, or one
--    year's over all organisations.
-- 3. The view "PublicSearchMatch", which search reads: the narrow rows of the request's tenancy
--    scope (the same test as the row-level security policies, paragraf_scope_sees). Why a view:
--    under row-level security PostgreSQL never uses an index for a condition whose operator is not
--    LEAKPROOF, which `tsvector @@ tsquery` is not, so the app's role read the entry table with a
--    sequential scan of every § (3.7 GB at 1M §§: seconds per search). The view belongs to the
--    owner, who is not bound by the policies, and filters by the scope itself: the index is used,
--    and the scope still holds. The narrow table keeps its own policy for any other reader.

CREATE TABLE "PublicSearchVector" (
    "paragraphId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "meetingSlug" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "adjustedOn" DATE,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "tsv" tsvector NOT NULL,
    "anonTsv" tsvector,

    CONSTRAINT "PublicSearchVector_pkey" PRIMARY KEY ("paragraphId")
);
ALTER TABLE "PublicSearchVector" ADD CONSTRAINT "PublicSearchVector_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "PublicSearchEntry"("paragraphId") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rows of the entries there are (an installation's justerade protocols), in their order.
INSERT INTO "PublicSearchVector" ("paragraphId", "organisationId", "bodyId", "meetingId", "meetingSlug", "date",
  "adjustedOn", "year", "number", "tsv", "anonTsv")
SELECT e."paragraphId", b."organisationId", e."bodyId", e."meetingId", m.slug, m.date, m."adjustedOn", e.year, e.number,
  e.tsv, e."anonTsv"
FROM "PublicSearchEntry" e JOIN "Meeting" m ON m.id = e."meetingId" JOIN "Body" b ON b.id = e."bodyId";

-- The keys are expressions (organisationId || '', bodyId || '', year + 0) that search writes the same
-- way, because Prisma can declare no GIN index on text or integer columns (and leaves expression
-- indexes alone).
CREATE INDEX "PublicSearchVector_tsv_idx" ON "PublicSearchVector"
  USING GIN (("organisationId" || ''), ("bodyId" || ''), ("year" + 0), "tsv");
CREATE INDEX "PublicSearchVector_anonTsv_idx" ON "PublicSearchVector"
  USING GIN (("organisationId" || ''), ("bodyId" || ''), ("year" + 0), "anonTsv");
-- The years in the index, newest first (search walks them when no organisation narrows it).
CREATE INDEX "PublicSearchVector_year_idx" ON "PublicSearchVector"("year");

-- The entry's narrow row, as the entry is inserted. SECURITY DEFINER: written as the owner (the
-- guard below lets no one else write); reads only the rows named by the entry just written.
CREATE FUNCTION paragraf_search_vector_of_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO "PublicSearchVector" ("paragraphId", "organisationId", "bodyId", "meetingId", "meetingSlug", "date",
    "adjustedOn", "year", "number", "tsv", "anonTsv")
  SELECT NEW."paragraphId", b."organisationId", NEW."bodyId", NEW."meetingId", m.slug, m.date, m."adjustedOn",
    NEW.year, NEW.number, NEW.tsv, NEW."anonTsv"
  FROM "Meeting" m JOIN "Body" b ON b.id = NEW."bodyId"
  WHERE m.id = NEW."meetingId";
  RETURN NULL;
END;
$$;
CREATE TRIGGER paragraf_search_vector AFTER INSERT ON "PublicSearchEntry"
  FOR EACH ROW EXECUTE FUNCTION paragraf_search_vector_of_entry();

-- Only the owner writes narrow rows (the trigger above, and ON DELETE CASCADE, both run as the owner).
CREATE FUNCTION paragraf_guard_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'Sökindexet skrivs bara när ett protokoll justeras.'
    USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
END;
$$;
CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "PublicSearchVector"
  FOR EACH ROW EXECUTE FUNCTION paragraf_guard_search_vector();

ALTER TABLE "PublicSearchVector" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "PublicSearchVector_tenant" ON "PublicSearchVector"
  USING (paragraf_scope_sees("organisationId")) WITH CHECK (paragraf_scope_sees("organisationId"));

CREATE VIEW "PublicSearchMatch" AS
  SELECT v.* FROM "PublicSearchVector" v WHERE paragraf_scope_sees(v."organisationId");
