-- ---------------------------------------------------------------------------------------------
-- Per-§ signers (issue 14 point 3). MeetingSigner assigns a person to sign as sekreterare,
-- ordförande or justerare for some §§ (fromNumbers[i]..toNumbers[i], inclusive) or, with no
-- ranges, for the whole meeting. A meeting with any MeetingSigner row has exactly those signers;
-- a meeting without (every meeting before this migration, and a new one until the secretary
-- assigns signers per §) is signed as before: the secretary (Meeting.secretaryId), every chair of
-- the attendance list and every justerare (MeetingAdjuster), each for the whole meeting. So the
-- existing data needs no copy and keeps its content hash.
-- The rows are protocol content: frozen with the protocol (paragraf_guard_content).
-- The signature guards: a signature names a person assigned in that role (by the rows when there
-- are any, else as before); justerat needs a signature over the hash from every assigned person
-- (one signature per person covers all their §§ and roles: Signature stays unique per person).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "Meeting" ADD COLUMN "signersVersion" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "MeetingSigner" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "SignatureRole" NOT NULL,
    "position" INTEGER NOT NULL,
    "fromNumbers" INTEGER[],
    "toNumbers" INTEGER[],

    CONSTRAINT "MeetingSigner_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MeetingSigner_ranges_check" CHECK (
      cardinality("fromNumbers") = cardinality("toNumbers")
      AND 1 <= ALL ("fromNumbers") AND 1 <= ALL ("toNumbers"))
);

CREATE UNIQUE INDEX "MeetingSigner_meetingId_role_personId_key" ON "MeetingSigner"("meetingId", "role", "personId");
CREATE INDEX "MeetingSigner_personId_idx" ON "MeetingSigner"("personId");

ALTER TABLE "MeetingSigner" ADD CONSTRAINT "MeetingSigner_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeetingSigner" ADD CONSTRAINT "MeetingSigner_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "MeetingSigner" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_content();

-- Is `person` to sign meeting `mid` in `role`? The rows when the meeting has any, else as before.
CREATE FUNCTION paragraf_signs_in_role(mid text, person text, r text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "MeetingSigner" WHERE "meetingId" = mid) THEN
    RETURN EXISTS (SELECT 1 FROM "MeetingSigner" WHERE "meetingId" = mid AND "personId" = person AND role::text = r);
  END IF;
  RETURN CASE r
      WHEN 'SECRETARY' THEN EXISTS (SELECT 1 FROM "Meeting" WHERE id = mid AND "secretaryId" = person)
      WHEN 'CHAIR' THEN EXISTS (SELECT 1 FROM "Attendance"
        WHERE "meetingId" = mid AND "personId" = person AND role = 'CHAIR')
      WHEN 'ADJUSTER' THEN EXISTS (SELECT 1 FROM "MeetingAdjuster" WHERE "meetingId" = mid AND "personId" = person)
      ELSE false
    END;
END;
$$;

CREATE OR REPLACE FUNCTION paragraf_guard_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text[] := '{}';
  adjusters integer;
  unsigned integer;
  assigned integer;
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
    OR NEW."attendanceVersion" IS DISTINCT FROM OLD."attendanceVersion"
    OR NEW."signersVersion" IS DISTINCT FROM OLD."signersVersion") THEN
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
  IF OLD.status = 'READY_FOR_ADJUSTMENT' AND NEW.status <> 'DRAFT'
     AND NEW."contentHash" IS DISTINCT FROM OLD."contentHash" THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Kontrollsumman sattes när '
      || 'protokollet skickades till justering och kan inte ändras: underskrifterna gäller det innehållet.';
  END IF;

  -- What each state carries.
  IF NEW.status = 'DRAFT' AND (NEW."contentHash" IS NOT NULL OR NEW."adjustedOn" IS NOT NULL) THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Ett utkast har ingen '
      || 'kontrollsumma eller justeringsdatum: de sätts när protokollet skickas till justering och justeras, '
      || 'och kontrollsumman tas bort när det skickas tillbaka.';
  END IF;
  IF NEW.status = 'READY_FOR_ADJUSTMENT' THEN
    IF NEW."contentHash" IS NULL OR NEW."contentHash" !~ '^[0-9a-f]{64}$' THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Ett protokoll skickas till '
        || 'justering med innehållets kontrollsumma (SHA-256, 64 hexadecimala tecken).';
    END IF;
    IF NEW."adjustedOn" IS NOT NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Ett protokoll som väntar på '
        || 'justering har inget justeringsdatum: det sätts med den sista underskriften.';
    END IF;
  END IF;

  -- Justerat: the date, and every signature over the hash that was sent (signoff.rules.ts isFullySigned).
  IF OLD.status = 'READY_FOR_ADJUSTMENT' AND NEW.status = 'ADJUSTED' THEN
    IF NEW."adjustedOn" IS NULL THEN
      RAISE EXCEPTION 'Ett protokoll som justeras får sitt justeringsdatum samtidigt.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    SELECT count(*) INTO assigned FROM "MeetingSigner" WHERE "meetingId" = NEW.id;
    IF assigned > 0 THEN
      -- Signers per §: each role filled, and every assigned person's one signature over the hash.
      IF NOT EXISTS (SELECT 1 FROM "MeetingSigner" WHERE "meetingId" = NEW.id AND role = 'SECRETARY') THEN
        missing := missing || 'sekreterare (ingen angiven)'::text;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM "MeetingSigner" WHERE "meetingId" = NEW.id AND role = 'CHAIR') THEN
        missing := missing || 'ordförande (ingen angiven)'::text;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM "MeetingSigner" WHERE "meetingId" = NEW.id AND role = 'ADJUSTER') THEN
        missing := missing || 'justerare (ingen angiven)'::text;
      END IF;
      SELECT count(DISTINCT g."personId") INTO unsigned FROM "MeetingSigner" g
       WHERE g."meetingId" = NEW.id AND NOT EXISTS (SELECT 1 FROM "Signature" s WHERE s."meetingId" = NEW.id
         AND s."personId" = g."personId" AND s."contentHash" = NEW."contentHash");
      IF unsigned > 0 THEN
        missing := missing || format('%s av %s undertecknare', unsigned,
          (SELECT count(DISTINCT "personId") FROM "MeetingSigner" WHERE "meetingId" = NEW.id));
      END IF;
    ELSE
      IF NEW."secretaryId" IS NULL THEN
        missing := missing || 'sekreteraren (ingen angiven)'::text;
      ELSIF NOT EXISTS (SELECT 1 FROM "Signature" s WHERE s."meetingId" = NEW.id AND s.role = 'SECRETARY'
          AND s."personId" = NEW."secretaryId" AND s."contentHash" = NEW."contentHash") THEN
        missing := missing || 'sekreteraren'::text;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."meetingId" = NEW.id AND a.role = 'CHAIR') THEN
        missing := missing || 'ordföranden (ingen i närvarolistan)'::text;
      ELSIF EXISTS (SELECT 1 FROM "Attendance" a WHERE a."meetingId" = NEW.id AND a.role = 'CHAIR'
          AND NOT EXISTS (SELECT 1 FROM "Signature" s WHERE s."meetingId" = NEW.id AND s.role = 'CHAIR'
            AND s."personId" = a."personId" AND s."contentHash" = NEW."contentHash")) THEN
        missing := missing || 'ordföranden'::text;
      END IF;
      SELECT count(*), count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "Signature" s WHERE s."meetingId" = NEW.id
          AND s.role = 'ADJUSTER' AND s."personId" = j."personId" AND s."contentHash" = NEW."contentHash"))
        INTO adjusters, unsigned FROM "MeetingAdjuster" j WHERE j."meetingId" = NEW.id;
      IF adjusters = 0 THEN
        missing := missing || 'justerare (ingen angiven)'::text;
      ELSIF unsigned > 0 THEN
        missing := missing || format('%s av %s justerare', unsigned, adjusters);
      END IF;
    END IF;
    IF cardinality(missing) > 0 THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Protokollet blir justerat '
        || 'först när alla har signerat det innehåll som skickades till justering. Underskrift saknas från: '
        || array_to_string(missing, ', ') || '.';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION paragraf_guard_signature() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  m record;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'En underskrift kan inte ändras i efterhand.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT status::text AS status INTO m FROM "Meeting" WHERE id = OLD."meetingId" FOR SHARE;
    IF m.status = 'ADJUSTED' THEN
      RAISE EXCEPTION 'Underskrifterna på ett justerat protokoll kan inte ändras eller tas bort.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD;
  END IF;
  SELECT status::text AS status, "contentHash" INTO m
    FROM "Meeting" WHERE id = NEW."meetingId" FOR SHARE;
  IF m.status IS DISTINCT FROM 'READY_FOR_ADJUSTMENT' THEN
    RAISE EXCEPTION 'Protokollet kan bara signeras medan det väntar på justering (status %).', m.status
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW."contentHash" IS DISTINCT FROM m."contentHash" THEN
    RAISE EXCEPTION 'Underskriften gäller inte det innehåll som skickades till justering.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NOT paragraf_signs_in_role(NEW."meetingId", NEW."personId", NEW.role::text) THEN
    RAISE EXCEPTION 'Personen ska inte signera protokollet i rollen %.', NEW.role
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;
