-- ---------------------------------------------------------------------------------------------
-- The protocol's lifecycle has three stored states (src/domain/lifecycle.ts): DRAFT,
-- READY_FOR_ADJUSTMENT and ADJUSTED. POSTED and TAKEN_DOWN were in the enum but never stored:
-- whether the notice (anslag) is up or down follows from its dates. They go, and every guard that
-- named them names only the real states. tests/lifecycle.int.test.ts checks that the trigger
-- allows exactly the changes of lifecycle.ts canTransition.
-- ---------------------------------------------------------------------------------------------

-- A row with a state that goes stops the migration (rolled back as a whole) instead of being
-- guessed at. The old trigger refuses POSTED → ADJUSTED, so the fix is made with triggers off.
DO $$
DECLARE
  n bigint;
BEGIN
  SELECT count(*) INTO n FROM "Meeting" WHERE status::text IN ('POSTED', 'TAKEN_DOWN');
  IF n > 0 THEN
    RAISE EXCEPTION USING
      MESSAGE = format('Migreringen 20261203231500_lifecycle avbryts: %s sammanträde(n) har status POSTED eller '
        || 'TAKEN_DOWN, som tas bort (anslagets läge följer av dess datum).', n),
      HINT = 'Som ägare: BEGIN; SET LOCAL session_replication_role = replica; '
        || 'UPDATE "Meeting" SET status = ''ADJUSTED'' WHERE status::text IN (''POSTED'', ''TAKEN_DOWN''); COMMIT; '
        || 'sedan prisma migrate resolve --rolled-back 20261203231500_lifecycle och prisma migrate deploy.';
  END IF;
END;
$$;

-- The enum without the two values (PostgreSQL cannot drop a value from an enum in place). A new
-- type gets the usage every type gets (PUBLIC), like the old one: the app role keeps reading and
-- writing the column.
CREATE TYPE "MeetingStatus_new" AS ENUM ('DRAFT', 'READY_FOR_ADJUSTMENT', 'ADJUSTED');
ALTER TABLE "Meeting" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Meeting" ALTER COLUMN "status" TYPE "MeetingStatus_new"
  USING ("status"::text::"MeetingStatus_new");
ALTER TYPE "MeetingStatus" RENAME TO "MeetingStatus_old";
ALTER TYPE "MeetingStatus_new" RENAME TO "MeetingStatus";
DROP TYPE "MeetingStatus_old";
ALTER TABLE "Meeting" ALTER COLUMN "status" SET DEFAULT 'DRAFT';

-- The meeting row (20261126203403_signoff_and_frozen_protocols): its header is content; its
-- status may only move DRAFT → READY_FOR_ADJUSTMENT → DRAFT (returned) or → ADJUSTED (final).
CREATE OR REPLACE FUNCTION paragraf_guard_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = format('Protokollet är låst '
        || '(status %s): ett sammanträde som skickats till justering kan inte tas bort.', OLD.status);
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' AND (
       NEW."bodyId" IS DISTINCT FROM OLD."bodyId" OR NEW.slug IS DISTINCT FROM OLD.slug
    OR NEW.date IS DISTINCT FROM OLD.date
    OR NEW."startTime" IS DISTINCT FROM OLD."startTime" OR NEW."endTime" IS DISTINCT FROM OLD."endTime"
    OR NEW.place IS DISTINCT FROM OLD.place OR NEW."adjustmentPlace" IS DISTINCT FROM OLD."adjustmentPlace"
    OR NEW."adjustmentDate" IS DISTINCT FROM OLD."adjustmentDate"
    OR NEW."secretaryId" IS DISTINCT FROM OLD."secretaryId"
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW."attendanceVersion" IS DISTINCT FROM OLD."attendanceVersion") THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = format('Protokollet är låst '
      || '(status %s): sammanträdets uppgifter kan inte ändras efter att det skickats till justering.', OLD.status);
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'DRAFT' AND NEW.status = 'READY_FOR_ADJUSTMENT')
    OR (OLD.status = 'READY_FOR_ADJUSTMENT' AND NEW.status IN ('DRAFT', 'ADJUSTED'))) THEN
    RAISE EXCEPTION 'Otillåten statusändring för protokoll: % till %.', OLD.status, NEW.status
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  -- The content hash and justering date are set once, at the step that fixes them.
  IF OLD.status = 'ADJUSTED' AND (NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
    OR NEW."adjustedOn" IS DISTINCT FROM OLD."adjustedOn") THEN
    RAISE EXCEPTION 'Ett justerat protokolls kontrollsumma och justeringsdatum kan inte ändras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

-- Signatures (20261203224500_database_guards).
CREATE OR REPLACE FUNCTION paragraf_guard_signature() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  m record;
  named boolean;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'En underskrift kan inte ändras i efterhand.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT status::text AS status INTO m FROM "Meeting" WHERE id = OLD."meetingId";
    IF m.status = 'ADJUSTED' THEN
      RAISE EXCEPTION 'Underskrifterna på ett justerat protokoll kan inte ändras eller tas bort.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD;
  END IF;
  SELECT status::text AS status, "contentHash", "secretaryId" INTO m
    FROM "Meeting" WHERE id = NEW."meetingId" FOR SHARE;
  IF m.status IS DISTINCT FROM 'READY_FOR_ADJUSTMENT' THEN
    RAISE EXCEPTION 'Protokollet kan bara signeras medan det väntar på justering (status %).', m.status
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW."contentHash" IS DISTINCT FROM m."contentHash" THEN
    RAISE EXCEPTION 'Underskriften gäller inte det innehåll som skickades till justering.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  named := CASE NEW.role::text
      WHEN 'SECRETARY' THEN NEW."personId" = m."secretaryId"
      WHEN 'CHAIR' THEN EXISTS (SELECT 1 FROM "Attendance"
        WHERE "meetingId" = NEW."meetingId" AND "personId" = NEW."personId" AND role = 'CHAIR')
      WHEN 'ADJUSTER' THEN EXISTS (SELECT 1 FROM "MeetingAdjuster"
        WHERE "meetingId" = NEW."meetingId" AND "personId" = NEW."personId")
      ELSE false
    END;
  IF NOT named THEN
    RAISE EXCEPTION 'Personen ska inte signera protokollet i rollen %.', NEW.role
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

-- Rättelser (20261203224500_database_guards).
CREATE OR REPLACE FUNCTION paragraf_guard_correction() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'En rättelse kan inte ändras eller tas bort: gör en ny rättelse.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  SELECT status::text INTO st FROM "Meeting" WHERE id = NEW."meetingId";
  IF st IS DISTINCT FROM 'ADJUSTED' THEN
    RAISE EXCEPTION 'En rättelse kan bara göras i ett justerat protokoll (status %).', st
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

-- Issued copies (20261126222601_issued_copies).
CREATE OR REPLACE FUNCTION paragraf_guard_issued_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT status::text INTO st FROM "Meeting" WHERE id = NEW."meetingId";
    IF st IS DISTINCT FROM 'ADJUSTED' THEN
      RAISE EXCEPTION 'En kopia kan bara utfärdas av ett justerat protokoll (status %).', st
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    IF NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.bytes), 'hex') THEN
      RAISE EXCEPTION 'Kopians kontrollsumma stämmer inte med dess innehåll.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'En utfärdad kopia av ett protokoll '
    || 'kan inte ändras eller tas bort: den har lämnats ut och ska gå att verifiera.';
END;
$$;
