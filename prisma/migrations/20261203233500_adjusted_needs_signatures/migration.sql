-- ---------------------------------------------------------------------------------------------
-- Justerat only with the signatures. The meeting trigger (paragraf_guard_meeting, last in
-- 20261203231500_lifecycle) checked which status changes are allowed but not what they carry, so
-- any role could make a protocol nobody signed "justerat" in two UPDATEs: DRAFT →
-- READY_FOR_ADJUSTMENT with a content hash of its choosing, then → ADJUSTED with any justering
-- date; and a draft could carry a hash or a justering date. Now, on every UPDATE:
-- - a DRAFT has neither (returning a protocol clears its hash, as returnProtocol does);
-- - READY_FOR_ADJUSTMENT has the content hash (64 lower-case hex digits, as protocolContentHash
--   writes it) and no justering date, and keeps the hash it was sent with until it is returned;
-- - READY_FOR_ADJUSTMENT → ADJUSTED needs the justering date and, at that moment, a signature over
--   the meeting's content hash by the secretary (SECRETARY), by the chair (CHAIR: every person in
--   the attendance as ordförande, of whom the app lets only one sign) and by every justerare of
--   MeetingAdjuster (ADJUSTER), each of them named: what signoff.rules.ts isFullySigned asks of the
--   signature block, with missingSigners' rule that all three roles are filled.
-- Rows already justerat are not checked again (restore loads with session_replication_role =
-- replica and is unaffected, as before). Same style as the other guards: Swedish messages, HINT
-- 'paragraf_frozen'.
-- ---------------------------------------------------------------------------------------------

-- A row that the new guard would refuse on its next UPDATE (a draft's every save writes the row)
-- stops the migration instead of being guessed at. The app has never written such a row.
DO $$
DECLARE
  bad text;
BEGIN
  SELECT string_agg(slug || ' (' || status::text || ')', ', ' ORDER BY slug) INTO bad FROM "Meeting"
   WHERE (status = 'DRAFT' AND ("contentHash" IS NOT NULL OR "adjustedOn" IS NOT NULL))
      OR (status = 'READY_FOR_ADJUSTMENT'
          AND ("contentHash" IS NULL OR "contentHash" !~ '^[0-9a-f]{64}$' OR "adjustedOn" IS NOT NULL));
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION USING
      MESSAGE = 'Migreringen 20261203233500_adjusted_needs_signatures avbryts: sammanträden har en kontrollsumma '
        || 'eller ett justeringsdatum som status inte tillåter: ' || bad || '.',
      HINT = 'Som ägare: UPDATE "Meeting" SET "contentHash" = NULL, "adjustedOn" = NULL WHERE status = ''DRAFT''; '
        || 'UPDATE "Meeting" SET "adjustedOn" = NULL WHERE status = ''READY_FOR_ADJUSTMENT''; ett protokoll som '
        || 'väntar på justering utan giltig kontrollsumma skickas tillbaka till sekreteraren. Sedan prisma '
        || 'migrate resolve --rolled-back 20261203233500_adjusted_needs_signatures och prisma migrate deploy.';
  END IF;
END;
$$;

CREATE OR REPLACE FUNCTION paragraf_guard_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  missing text[] := '{}';
  adjusters integer;
  unsigned integer;
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
    IF cardinality(missing) > 0 THEN
      RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = 'Protokollet blir justerat '
        || 'först när alla har signerat det innehåll som skickades till justering. Underskrift saknas från: '
        || array_to_string(missing, ', ') || '.';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

-- Signatures (last in 20261203231500_lifecycle): a signature removed (by returning the protocol)
-- now locks the meeting row as a signature given does, so it cannot slip past a justering that
-- counts the signatures in a concurrent transaction; whichever commits first, the other sees it.
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
    SELECT status::text AS status INTO m FROM "Meeting" WHERE id = OLD."meetingId" FOR SHARE;
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
