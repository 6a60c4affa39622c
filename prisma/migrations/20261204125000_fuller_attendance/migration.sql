-- Fuller attendance (issue 14, point 4): an absent ledamot (frånvarande), the clock times a
-- person arrived and left, and the time of the justering beside its place and date.

-- AlterEnum
ALTER TYPE "AttendanceRole" ADD VALUE 'ABSENT';

-- AlterTable
ALTER TABLE "Attendance" ADD COLUMN     "arrivalTime" TEXT,
ADD COLUMN     "departureTime" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "adjustmentTime" TEXT;

-- The attendance rows are guarded whole by paragraf_guard_content (20261126203403), new columns
-- included. The meeting's guard (paragraf_guard_meeting) lists its content columns one by one; the
-- new one is guarded by a trigger of its own, so that this migration does not replace that
-- function (and no other migration replacing it drops this column's guard).
CREATE FUNCTION paragraf_guard_meeting_adjustment_time() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'DRAFT' AND NEW."adjustmentTime" IS DISTINCT FROM OLD."adjustmentTime" THEN
    RAISE EXCEPTION USING ERRCODE = 'P0001', HINT = 'paragraf_frozen', MESSAGE = format('Protokollet är låst '
      || '(status %s): sammanträdets uppgifter kan inte ändras efter att det skickats till justering.', OLD.status);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen_adjustment_time BEFORE UPDATE ON "Meeting" FOR EACH ROW
  EXECUTE FUNCTION paragraf_guard_meeting_adjustment_time();
