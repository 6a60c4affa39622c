-- CreateTable
CREATE TABLE "AdjustmentReturn" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdjustmentReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "paragraphNumber" INTEGER,
    "text" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AdjustmentReturn_meetingId_at_idx" ON "AdjustmentReturn"("meetingId", "at");

-- CreateIndex
CREATE INDEX "Correction_meetingId_signedAt_idx" ON "Correction"("meetingId", "signedAt");

-- AddForeignKey
ALTER TABLE "AdjustmentReturn" ADD CONSTRAINT "AdjustmentReturn_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdjustmentReturn" ADD CONSTRAINT "AdjustmentReturn_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Frozen means frozen (KL 5:69; "justering may not change a decision"): once a protocol has left
-- the draft state, the database itself refuses any change to its content, whatever the app does.
-- Corrections after justering are appended as rows in "Correction" (rättelse), never edits.
-- ---------------------------------------------------------------------------------------------

-- The meeting a content row belongs to, found through its parent row.
CREATE FUNCTION paragraf_meeting_of(row_data jsonb) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  mid text;
BEGIN
  IF row_data ? 'meetingId' THEN
    RETURN row_data->>'meetingId';
  ELSIF row_data ? 'paragraphId' THEN
    SELECT "meetingId" INTO mid FROM "Paragraph" WHERE id = row_data->>'paragraphId';
  ELSIF row_data ? 'voteId' THEN
    SELECT p."meetingId" INTO mid FROM "Vote" v JOIN "Paragraph" p ON p.id = v."paragraphId" WHERE v.id = row_data->>'voteId';
  ELSIF row_data ? 'attendanceId' THEN
    SELECT "meetingId" INTO mid FROM "Attendance" WHERE id = row_data->>'attendanceId';
  END IF;
  RETURN mid;
END;
$$;

CREATE FUNCTION paragraf_refuse_if_frozen(mid text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF mid IS NULL THEN
    RETURN; -- parent already gone: part of deleting a draft meeting
  END IF;
  -- FOR SHARE: a save in flight holds the meeting row until it commits, so sending for
  -- justering (which locks the row FOR UPDATE) never hashes content that is still changing.
  SELECT status::text INTO st FROM "Meeting" WHERE id = mid FOR SHARE;
  IF st IS NOT NULL AND st <> 'DRAFT' THEN
    RAISE EXCEPTION 'Protokollet är låst (status %): innehållet kan inte ändras efter att det skickats till justering. Ändringar efter justering görs som rättelse.', st
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
END;
$$;

CREATE FUNCTION paragraf_guard_content() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM paragraf_refuse_if_frozen(paragraf_meeting_of(to_jsonb(OLD)));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM paragraf_refuse_if_frozen(paragraf_meeting_of(to_jsonb(NEW)));
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Paragraph', 'ParagraphSection', 'BasisDocument', 'DispatchRecipient', 'Attachment',
    'Motion', 'Proposition', 'Vote', 'Ballot', 'Reservation', 'ProtocolNote', 'Recusal',
    'Attendance', 'AttendanceRange', 'MeetingAdjuster']
  LOOP
    EXECUTE format('CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION paragraf_guard_content()', t);
  END LOOP;
END;
$$;

-- The meeting row: its header is content; its status may only move along the workflow.
CREATE FUNCTION paragraf_guard_meeting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN
      RAISE EXCEPTION 'Protokollet är låst (status %): ett sammanträde som skickats till justering kan inte tas bort.', OLD.status
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'DRAFT' AND (
       NEW."bodyId" IS DISTINCT FROM OLD."bodyId" OR NEW.slug IS DISTINCT FROM OLD.slug OR NEW.date IS DISTINCT FROM OLD.date
    OR NEW."startTime" IS DISTINCT FROM OLD."startTime" OR NEW."endTime" IS DISTINCT FROM OLD."endTime"
    OR NEW.place IS DISTINCT FROM OLD.place OR NEW."adjustmentPlace" IS DISTINCT FROM OLD."adjustmentPlace"
    OR NEW."adjustmentDate" IS DISTINCT FROM OLD."adjustmentDate" OR NEW."secretaryId" IS DISTINCT FROM OLD."secretaryId"
    OR NEW.version IS DISTINCT FROM OLD.version OR NEW."attendanceVersion" IS DISTINCT FROM OLD."attendanceVersion") THEN
    RAISE EXCEPTION 'Protokollet är låst (status %): sammanträdets uppgifter kan inte ändras efter att det skickats till justering.', OLD.status
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'DRAFT' AND NEW.status = 'READY_FOR_ADJUSTMENT')
    OR (OLD.status = 'READY_FOR_ADJUSTMENT' AND NEW.status IN ('DRAFT', 'ADJUSTED'))
    OR (OLD.status = 'ADJUSTED' AND NEW.status IN ('POSTED', 'TAKEN_DOWN'))
    OR (OLD.status = 'POSTED' AND NEW.status = 'TAKEN_DOWN')) THEN
    RAISE EXCEPTION 'Otillåten statusändring för protokoll: % till %.', OLD.status, NEW.status
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  -- The content hash and justering date are set once, at the step that fixes them.
  IF OLD.status IN ('ADJUSTED', 'POSTED', 'TAKEN_DOWN') AND (NEW."contentHash" IS DISTINCT FROM OLD."contentHash" OR NEW."adjustedOn" IS DISTINCT FROM OLD."adjustedOn") THEN
    RAISE EXCEPTION 'Ett justerat protokolls kontrollsumma och justeringsdatum kan inte ändras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE UPDATE OR DELETE ON "Meeting" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_meeting();

-- Signatures and the stored PDF of a justerat protocol are never rewritten.
CREATE FUNCTION paragraf_guard_signed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  SELECT status::text INTO st FROM "Meeting" WHERE id = OLD."meetingId";
  IF st IN ('ADJUSTED', 'POSTED', 'TAKEN_DOWN') THEN
    RAISE EXCEPTION 'Underskrifter och den lagrade PDF:en för ett justerat protokoll kan inte ändras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE UPDATE OR DELETE ON "Signature" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_signed();
CREATE TRIGGER paragraf_frozen BEFORE UPDATE OR DELETE ON "ProtocolFile" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_signed();
