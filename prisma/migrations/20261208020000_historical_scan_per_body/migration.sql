-- A scanned protocol's SHA-256 was unique across the installation, but the registration's check for
-- a twin reads under row-level security and sees its own organisation only. A municipality
-- registering the same scan as another (a joint body's protocol both keep) passed the check and
-- then failed on the unique index ("Något gick fel på servern"). The twin check stays the
-- organisation's; the index now keeps one registration of a file per body.
DROP INDEX "HistoricalProtocol_sha256_key";
CREATE UNIQUE INDEX "HistoricalProtocol_bodyId_sha256_key" ON "HistoricalProtocol"("bodyId", "sha256");
