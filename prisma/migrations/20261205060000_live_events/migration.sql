-- ---------------------------------------------------------------------------------------------
-- The live meeting's log (issue 20, src/modules/live): every tap of the secretary and the chair
-- during the meeting, in one order per meeting (seq, taken under the meeting's row lock), a
-- retried tap landing once (clientEventId unique per meeting). Append-only: no UPDATE, no DELETE
-- (except as part of deleting a draft meeting, when the meeting row is already gone), and no
-- INSERT once the protocol has left the draft state (paragraf_refuse_if_frozen). Each insert
-- wakes every app instance's open live views through NOTIFY on the channel 'paragraf_live'
-- (payload {"meetingId","seq"}; the views read the events themselves from the table).
-- ---------------------------------------------------------------------------------------------

CREATE TABLE "LiveEvent" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "byUserId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "clientEventId" TEXT NOT NULL,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LiveEvent_seq_check" CHECK ("seq" >= 1)
);

CREATE UNIQUE INDEX "LiveEvent_meetingId_seq_key" ON "LiveEvent"("meetingId", "seq");
CREATE UNIQUE INDEX "LiveEvent_meetingId_clientEventId_key" ON "LiveEvent"("meetingId", "clientEventId");

ALTER TABLE "LiveEvent" ADD CONSTRAINT "LiveEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION paragraf_guard_live_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'Sammanträdets händelselogg kan inte skrivas om: den sparas som den skrevs.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM "Meeting" WHERE id = OLD."meetingId") THEN
      RAISE EXCEPTION 'Sammanträdets händelselogg kan inte tas bort: den sparas som underlag för protokollet.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD; -- part of deleting a draft meeting
  END IF;
  PERFORM paragraf_refuse_if_frozen(NEW."meetingId");
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "LiveEvent" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_live_event();

CREATE FUNCTION paragraf_notify_live_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('paragraf_live', json_build_object('meetingId', NEW."meetingId", 'seq', NEW.seq)::text);
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_live_notify AFTER INSERT ON "LiveEvent" FOR EACH ROW EXECUTE FUNCTION paragraf_notify_live_event();
