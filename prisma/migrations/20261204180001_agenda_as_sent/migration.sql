-- The ärendelista as it was sent (issue 15, point 5 and 3).
-- The number an ärende had on the meeting's ärendelista when the meeting dealt with it: a tabled or
-- returned ärende leaves the meeting for the pool, and the kallelse keeps it under this number.
-- Null for an extra ärende (it was never in the kallelse).
ALTER TABLE "AgendaOutcome" ADD COLUMN "position" INTEGER;
-- The kungörelse as posted: the public projection of the ärendelista (toPublicSummons) when the
-- kallelse was last sent. The anslagstavla shows what was kungjort, not a list edited since.
ALTER TABLE "Meeting" ADD COLUMN "kungorelseItems" JSONB;
