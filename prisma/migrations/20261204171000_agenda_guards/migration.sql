-- Guards for the time before the meeting (red team, issue 15), in the style of
-- 20261203224500_database_guards (Swedish messages, HINT 'paragraf_frozen'), for every role:
-- - a meeting's ärendelista changes only while its protocol is a draft: no ärende is added to,
--   changed on, moved off or removed from a meeting that has been sent for justering or justerats.
--   The meeting row is read FOR SHARE, so an edit waits for a sending in flight (which locks the
--   row FOR UPDATE) and then sees its new status, instead of slipping in beside it;
-- - the handlingar of an ärende the meeting has dealt with (beslut, utgick) stay as they were: they
--   are what the members were given and what the decision rests on.
-- A meeting or ärende being deleted (only drafts, and only ärenden never dealt with) takes its rows
-- with it: the row it hangs on is gone by then, and that is let through.

CREATE FUNCTION paragraf_agenda_meeting_is_draft(mid text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE s text;
BEGIN
  IF mid IS NULL THEN
    RETURN true;
  END IF;
  SELECT status::text INTO s FROM "Meeting" WHERE id = mid FOR SHARE;
  RETURN s IS NULL OR s = 'DRAFT';
END;
$$;

CREATE FUNCTION paragraf_guard_agenda_item() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND NOT paragraf_agenda_meeting_is_draft(OLD."meetingId") THEN
    RAISE EXCEPTION 'Ärendelistan för ett sammanträde som har skickats till justering eller justerats kan inte ändras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP <> 'DELETE' AND NOT paragraf_agenda_meeting_is_draft(NEW."meetingId") THEN
    RAISE EXCEPTION 'Ärendelistan för ett sammanträde som har skickats till justering eller justerats kan inte ändras.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "AgendaItem"
  FOR EACH ROW EXECUTE FUNCTION paragraf_guard_agenda_item();

CREATE FUNCTION paragraf_guard_agenda_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  item record;
  iid text;
BEGIN
  iid := CASE WHEN TG_OP = 'INSERT' THEN NEW."agendaItemId" ELSE OLD."agendaItemId" END;
  SELECT state::text AS state, "meetingId" INTO item FROM "AgendaItem" WHERE id = iid FOR SHARE;
  IF FOUND THEN
    IF item.state <> 'PREPARING' THEN
      RAISE EXCEPTION 'Handlingarna till ett ärende som sammanträdet har behandlat kan inte ändras.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    IF NOT paragraf_agenda_meeting_is_draft(item."meetingId") THEN
      RAISE EXCEPTION 'Handlingarna till ett sammanträde som har skickats till justering eller justerats kan inte ändras.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."agendaItemId" IS DISTINCT FROM OLD."agendaItemId" THEN
    RAISE EXCEPTION 'En handling kan inte flyttas till ett annat ärende; ladda upp den där i stället.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "AgendaDocument"
  FOR EACH ROW EXECUTE FUNCTION paragraf_guard_agenda_document();
