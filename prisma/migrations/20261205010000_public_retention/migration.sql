-- Issue 17.2: how long the public copy keeps personal names, and noindex after the appeal period.
ALTER TABLE "Organisation" ADD COLUMN "publicNamesYears" INTEGER;
ALTER TABLE "Organisation" ADD COLUMN "noindexAfterAppeal" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_publicNamesYears_check"
  CHECK ("publicNamesYears" IS NULL OR "publicNamesYears" BETWEEN 1 AND 100);

-- The search index keeps a second, name-free version of each § (written with the row at justering);
-- search matches it once the organisation's names rule applies to the protocol. Rows written before
-- have none and are then not found at all.
ALTER TABLE "PublicSearchEntry" ADD COLUMN "anonTitle" TEXT;
ALTER TABLE "PublicSearchEntry" ADD COLUMN "anonText" TEXT;
ALTER TABLE "PublicSearchEntry" ADD COLUMN "anonTsv" tsvector;
CREATE INDEX "PublicSearchEntry_anonTsv_idx" ON "PublicSearchEntry" USING GIN ("anonTsv");

-- The guard as before, now also computing the name-free vector (and a confidential § has no text in it either).
CREATE OR REPLACE FUNCTION paragraf_guard_search_entry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  mid text;
  p record;
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  mid := CASE WHEN TG_OP = 'DELETE' THEN OLD."meetingId" ELSE NEW."meetingId" END;
  IF TG_OP = 'UPDATE' OR NOT paragraf_meeting_changed_in_this_transaction(mid)
     OR (SELECT status::text FROM "Meeting" WHERE id = mid) IS DISTINCT FROM 'ADJUSTED' THEN
    RAISE EXCEPTION 'Sökindexet skrivs bara när ett protokoll justeras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT "meetingId", "bodyId", year, number, "isConfidential" INTO p FROM "Paragraph" WHERE id = NEW."paragraphId";
  IF p."meetingId" IS DISTINCT FROM NEW."meetingId" OR p."bodyId" IS DISTINCT FROM NEW."bodyId" OR p.year IS DISTINCT FROM NEW.year
     OR p.number IS DISTINCT FROM NEW.number OR (p."isConfidential" AND (NEW.text <> '' OR coalesce(NEW."anonText", '') <> '')) THEN
    RAISE EXCEPTION 'Sökindexets rad stämmer inte med paragrafen i det justerade protokollet.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  NEW.tsv := setweight(to_tsvector('swedish', NEW.title), 'A') || setweight(to_tsvector('swedish', NEW.text), 'B');
  NEW."anonTsv" := CASE WHEN NEW."anonTitle" IS NULL OR NEW."anonText" IS NULL THEN NULL
    ELSE setweight(to_tsvector('swedish', NEW."anonTitle"), 'A') || setweight(to_tsvector('swedish', NEW."anonText"), 'B') END;
  RETURN NEW;
END;
$$;
