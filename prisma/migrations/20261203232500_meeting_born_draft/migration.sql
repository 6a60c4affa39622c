-- ---------------------------------------------------------------------------------------------
-- A meeting is born a draft. The meeting trigger (paragraf_guard_meeting, last in
-- 20261203231500_lifecycle) guards UPDATE and DELETE, so any role could INSERT a meeting directly
-- as ADJUSTED or READY_FOR_ADJUSTMENT with a content hash and justering date of its choosing: a
-- protocol nobody signed would show on the anslagstavla as justerat. Every role now inserts a
-- DRAFT without hash or date (src/domain/lifecycle.ts: a protocol starts as a draft); the only
-- ways on are the status changes the UPDATE guard allows. Restore (scripts/lib/backup.ts) loads
-- its rows with session_replication_role = replica, so justerade protocols come back unchanged.
-- Same style as the other guards: Swedish messages, HINT 'paragraf_frozen'.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION paragraf_guard_new_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM 'DRAFT' THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = format('Ett sammanträde '
      || 'skapas som utkast, inte med status %s: ett protokoll blir justerat bara genom att skickas till '
      || 'justering och signeras.', NEW.status);
  END IF;
  IF NEW."contentHash" IS NOT NULL OR NEW."adjustedOn" IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Ett sammanträde skapas som '
      || 'utkast, utan kontrollsumma och justeringsdatum: de sätts när protokollet skickas till justering '
      || 'och justeras.';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_born_draft BEFORE INSERT ON "Meeting" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_new_meeting();
