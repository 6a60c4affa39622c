-- ---------------------------------------------------------------------------------------------
-- What the app role could still do without superuser, closed here for every role (the app role
-- also lacks the table rights: scripts/lib/db-roles.ts). Same style as the frozen-protocol
-- guards of 20261126203403_signoff_and_frozen_protocols: Swedish messages, HINT 'paragraf_frozen'.
-- ---------------------------------------------------------------------------------------------

-- True when the current transaction is the one that last wrote the meeting row: the justering
-- transaction sets the status to ADJUSTED and, in the same transaction, stores the PDF and the
-- search index. Nothing may be added to them afterwards.
CREATE FUNCTION paragraf_meeting_changed_in_this_transaction(mid text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "Meeting" WHERE id = mid AND xmin::text = (pg_current_xact_id()::xid)::text);
$$;

-- Signatures: given only while the protocol waits for justering, only by someone the protocol
-- names for that role (secretary, the chair in the attendance, a justerare), and only over the
-- content hash it was sent with. A signature is never changed; returning the protocol (or
-- deleting a draft) removes the then void signatures, but never once it is justerat.
CREATE FUNCTION paragraf_guard_signature() RETURNS trigger
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
    IF m.status IN ('ADJUSTED', 'POSTED', 'TAKEN_DOWN') THEN
      RAISE EXCEPTION 'Underskrifterna på ett justerat protokoll kan inte ändras eller tas bort.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD;
  END IF;
  SELECT status::text AS status, "contentHash", "secretaryId" INTO m FROM "Meeting" WHERE id = NEW."meetingId" FOR SHARE;
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
      WHEN 'CHAIR' THEN EXISTS (SELECT 1 FROM "Attendance" WHERE "meetingId" = NEW."meetingId" AND "personId" = NEW."personId" AND role = 'CHAIR')
      WHEN 'ADJUSTER' THEN EXISTS (SELECT 1 FROM "MeetingAdjuster" WHERE "meetingId" = NEW."meetingId" AND "personId" = NEW."personId")
      ELSE false
    END;
  IF NOT named THEN
    RAISE EXCEPTION 'Personen ska inte signera protokollet i rollen %.', NEW.role
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

DROP TRIGGER paragraf_frozen ON "Signature";
CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "Signature" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_signature();

-- The stored PDF: one, the justerat protocol, written in the justering transaction with the hash
-- of its bytes; never changed or removed. (A second kind, e.g. a forged NOTICE, would be
-- published as the meeting's open data.)
CREATE FUNCTION paragraf_guard_protocol_file() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'Den lagrade PDF:en för ett justerat protokoll kan inte ändras eller tas bort.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.kind::text <> 'PROTOCOL' OR NOT paragraf_meeting_changed_in_this_transaction(NEW."meetingId")
     OR (SELECT status::text FROM "Meeting" WHERE id = NEW."meetingId") IS DISTINCT FROM 'ADJUSTED' THEN
    RAISE EXCEPTION 'En PDF lagras bara en gång, när protokollet justeras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.bytes), 'hex') THEN
    RAISE EXCEPTION 'Den lagrade PDF:ens kontrollsumma stämmer inte med dess innehåll.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

DROP TRIGGER paragraf_frozen ON "ProtocolFile";
CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "ProtocolFile" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_protocol_file();
DROP FUNCTION paragraf_guard_signed();

-- The audit log is append-only. The one change allowed is the foreign keys' ON DELETE SET NULL
-- (a deleted draft meeting or user), which leaves every other column as it was.
CREATE FUNCTION paragraf_guard_audit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW."userId" IS NULL OR NEW."userId" = OLD."userId")
     AND (NEW."meetingId" IS NULL OR NEW."meetingId" = OLD."meetingId")
     AND (to_jsonb(NEW) - 'userId' - 'meetingId') = (to_jsonb(OLD) - 'userId' - 'meetingId') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Granskningsloggen kan bara fyllas på: en rad kan inte ändras eller tas bort.'
    USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_audit();

-- A rättelse is appended to a justerat protocol and then stays as written.
CREATE FUNCTION paragraf_guard_correction() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'En rättelse kan inte ändras eller tas bort: gör en ny rättelse.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  SELECT status::text INTO st FROM "Meeting" WHERE id = NEW."meetingId";
  IF st IS NULL OR st NOT IN ('ADJUSTED', 'POSTED', 'TAKEN_DOWN') THEN
    RAISE EXCEPTION 'En rättelse kan bara göras i ett justerat protokoll (status %).', st
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "Correction" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_correction();

-- The public search index is written in the justering transaction from the public copy, one row
-- per § of that meeting under the §'s own number (a confidential § with no text), and
-- then left alone. The owner of the table may rebuild it (it could switch the trigger off anyway).
CREATE FUNCTION paragraf_guard_search_entry() RETURNS trigger
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
     OR p.number IS DISTINCT FROM NEW.number OR (p."isConfidential" AND NEW.text <> '') THEN
    RAISE EXCEPTION 'Sökindexets rad stämmer inte med paragrafen i det justerade protokollet.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  NEW.tsv := setweight(to_tsvector('swedish', NEW.title), 'A') || setweight(to_tsvector('swedish', NEW.text), 'B');
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "PublicSearchEntry" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_search_entry();
