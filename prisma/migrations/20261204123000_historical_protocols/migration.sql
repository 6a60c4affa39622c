-- Historical protocols (issue 14, point 6): earlier protocols, justerade on paper before the
-- organisation used Paragraf, registered with their real dates and their scanned PDF so that the
-- archive, search and /verifiera cover them. A table of their own: the live lifecycle (a meeting
-- is born DRAFT and becomes ADJUSTED only with its signatures) is not bent to take them.

-- CreateTable
CREATE TABLE "HistoricalProtocol" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "meetingDate" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "firstNumber" INTEGER,
    "lastNumber" INTEGER,
    "adjustedOn" DATE NOT NULL,
    "postedOn" DATE NOT NULL,
    "takeDownOn" DATE,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "isPublic" BOOLEAN NOT NULL DEFAULT true,
    "registeredByUserId" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HistoricalProtocol_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoricalParagraph" (
    "id" TEXT NOT NULL,
    "historicalProtocolId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "caseNumber" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "HistoricalParagraph_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HistoricalProtocol_slug_key" ON "HistoricalProtocol"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "HistoricalProtocol_sha256_key" ON "HistoricalProtocol"("sha256");

-- CreateIndex
CREATE INDEX "HistoricalProtocol_bodyId_year_idx" ON "HistoricalProtocol"("bodyId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "HistoricalParagraph_historicalProtocolId_number_key" ON "HistoricalParagraph"("historicalProtocolId", "number");

-- AddForeignKey
ALTER TABLE "HistoricalProtocol" ADD CONSTRAINT "HistoricalProtocol_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoricalProtocol" ADD CONSTRAINT "HistoricalProtocol_registeredByUserId_fkey" FOREIGN KEY ("registeredByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoricalParagraph" ADD CONSTRAINT "HistoricalParagraph_historicalProtocolId_fkey" FOREIGN KEY ("historicalProtocolId") REFERENCES "HistoricalProtocol"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Guards, in the style of 20261203224500_database_guards (Swedish messages, HINT 'paragraf_frozen').
-- A registered historical protocol is never changed: not its PDF, its hash, its dates or its §§.
-- The one update allowed is the foreign key's ON DELETE SET NULL (the registrar's account is
-- deleted), which leaves every other column as it was. Removing a wrong registration is a DELETE
-- (the app allows it to an admin only, with an audit row); its §§ go with it.
-- ---------------------------------------------------------------------------------------------

CREATE FUNCTION paragraf_guard_historical_protocol() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW."registeredByUserId" IS NULL
       AND (to_jsonb(NEW) - 'registeredByUserId') = (to_jsonb(OLD) - 'registeredByUserId') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Ett registrerat inskannat protokoll kan inte ändras: varken PDF-filen, kontrollsumman, datumen eller paragraferna.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF substring(NEW.bytes FROM 1 FOR 5) IS DISTINCT FROM '\x255044462d'::bytea THEN
    RAISE EXCEPTION 'Ett inskannat protokoll måste vara en PDF-fil.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.bytes), 'hex') THEN
    RAISE EXCEPTION 'Det inskannade protokollets kontrollsumma stämmer inte med PDF-filens innehåll.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.year IS DISTINCT FROM EXTRACT(YEAR FROM NEW."meetingDate")::int
     OR NEW."adjustedOn" < NEW."meetingDate" OR NEW."postedOn" < NEW."adjustedOn"
     OR NEW."takeDownOn" < NEW."postedOn"
     OR (NEW."firstNumber" IS NULL) <> (NEW."lastNumber" IS NULL)
     OR NEW."firstNumber" < 1 OR NEW."lastNumber" < NEW."firstNumber" THEN
    RAISE EXCEPTION 'Datumen eller paragrafnumren i det inskannade protokollet hänger inte ihop.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE ON "HistoricalProtocol" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_historical_protocol();

-- Its §§ are written in the transaction that registers it and then left alone; they are deleted
-- only with the protocol (the cascade runs once the protocol's row is gone).
CREATE FUNCTION paragraf_guard_historical_paragraph() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM "HistoricalProtocol" WHERE id = OLD."historicalProtocolId") THEN
      RAISE EXCEPTION 'Ett registrerat inskannat protokoll kan inte ändras: varken PDF-filen, kontrollsumman, datumen eller paragraferna.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' OR NOT EXISTS (
       SELECT 1 FROM "HistoricalProtocol"
       WHERE id = NEW."historicalProtocolId" AND xmin::text = (pg_current_xact_id()::xid)::text) THEN
    RAISE EXCEPTION 'Ett registrerat inskannat protokoll kan inte ändras: varken PDF-filen, kontrollsumman, datumen eller paragraferna.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "HistoricalParagraph" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_historical_paragraph();
