-- Issue 19.6: the usual autosave of a § changes only its own fields, and until now proved that by
-- rebuilding every part (sections, motions, votes with ballots …) as JSON and comparing it with
-- what the editor sent, on every save (saveParagraphFieldsOnly, src/modules/drafting/
-- paragraph.stored.ts). Now the § row remembers the hash of its parts as the app last saw them
-- stored ("partsHash", computed by the app from the parts it wrote or found equal), and the
-- database forgets it whenever a part changes, whoever changes it (the editor's whole save, the
-- live meeting, an import, a cascade): the triggers below bump "partsVersion" and clear
-- "partsHash" in the same transaction as the change. A save whose parts hash equals the stored one
-- therefore changes no part; any other save compares the rows as before, and sets the hash only
-- when the rows it compared were still the current ones ("partsVersion" as read in its snapshot,
-- checked again on the row it updates).
-- Not protocol content: the content hash of a protocol is computed from the parts themselves.
-- The triggers write the § row only where its parts may be written (a draft; the parts' and the
-- §'s frozen guards refuse both alike afterwards). The app role's table grants cover new columns.

ALTER TABLE "Paragraph" ADD COLUMN "partsVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Paragraph" ADD COLUMN "partsHash" TEXT;

COMMENT ON COLUMN "Paragraph"."partsVersion" IS 'Bumped by paragraf_parts_changed whenever a part (child row) of the § changes.';
COMMENT ON COLUMN "Paragraph"."partsHash" IS 'The app''s hash of the § parts as last saved or compared; NULL after any change to a part.';

-- One statement per changed table (statement-level, transition tables): the §§ whose parts it
-- touched get the next partsVersion and lose their hash. Ballots reach their § through the vote.
CREATE FUNCTION paragraf_parts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_TABLE_NAME = 'Ballot' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT v."paragraphId") INTO ids FROM new_rows r JOIN "Vote" v ON v.id = r."voteId";
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT v."paragraphId") INTO ids FROM old_rows r JOIN "Vote" v ON v.id = r."voteId";
    ELSE
      SELECT array_agg(DISTINCT v."paragraphId") INTO ids
        FROM (SELECT "voteId" FROM new_rows UNION SELECT "voteId" FROM old_rows) r JOIN "Vote" v ON v.id = r."voteId";
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "paragraphId") INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "paragraphId") INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT "paragraphId") INTO ids
      FROM (SELECT "paragraphId" FROM new_rows UNION SELECT "paragraphId" FROM old_rows) r;
  END IF;
  IF ids IS NOT NULL THEN
    UPDATE "Paragraph" SET "partsVersion" = "partsVersion" + 1, "partsHash" = NULL WHERE id = ANY (ids);
  END IF;
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ParagraphSection', 'BasisDocument', 'DispatchRecipient', 'Proposition', 'Reservation',
    'ProtocolNote', 'Recusal', 'Vote', 'Ballot', 'Motion']
  LOOP
    EXECUTE format('CREATE TRIGGER paragraf_parts_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraf_parts_changed()', t);
    EXECUTE format('CREATE TRIGGER paragraf_parts_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraf_parts_changed()', t);
    EXECUTE format('CREATE TRIGGER paragraf_parts_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION paragraf_parts_changed()', t);
  END LOOP;
END;
$$;
