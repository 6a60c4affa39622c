-- The kallelse as last sent, by its SHA-256 (red team, issue 15): the same kallelse is not sent twice.
ALTER TABLE "Meeting" ADD COLUMN "summonsFingerprint" TEXT;
