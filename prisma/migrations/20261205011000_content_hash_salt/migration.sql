-- A secret salt in the content hash (red team, issue 17): the verification code is published, so
-- without a salt anyone could confirm a guess of a withheld name (or a masked personnummer) by
-- hashing the public copy with the guess filled in. Each meeting gets 244 random bits, never
-- published; the hash covers it from now on. Protocols already sent or justerade keep no salt
-- (their stored codes must stay valid); drafts get one now.
ALTER TABLE "Meeting" ADD COLUMN "hashSalt" TEXT;
ALTER TABLE "Meeting" ALTER COLUMN "hashSalt" SET DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
UPDATE "Meeting" SET "hashSalt" = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') WHERE status = 'DRAFT';

-- Once the protocol has left the draft its hash is fixed, and so is the salt it covers.
CREATE FUNCTION paragraf_guard_meeting_hash_salt() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'DRAFT' AND NEW."hashSalt" IS DISTINCT FROM OLD."hashSalt" THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = format('Protokollet är låst '
      || '(status %s): sammanträdets uppgifter kan inte ändras efter att det skickats till justering.', OLD.status);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen_hash_salt BEFORE UPDATE ON "Meeting" FOR EACH ROW
  EXECUTE FUNCTION paragraf_guard_meeting_hash_salt();
