-- Each signer's own PAdES signature in the stored protocol PDF (issue 18): the signing document
-- revision by revision. Revision 0 is rendered when the protocol is sent for justering; each
-- signature, the seal, the DSS and the document timestamp append one incremental update.

-- CreateEnum
CREATE TYPE "SigningRevisionKind" AS ENUM ('TO_SIGN', 'SIGNER', 'SEAL', 'DSS', 'DOC_TIMESTAMP');

-- CreateTable
CREATE TABLE "SigningRevision" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "SigningRevisionKind" NOT NULL,
    "signatureId" TEXT,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "ocsp" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SigningRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningRevision_meetingId_seq_key" ON "SigningRevision"("meetingId", "seq");

-- AddForeignKey
ALTER TABLE "SigningRevision" ADD CONSTRAINT "SigningRevision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Append-only, as the signatures: added while the protocol waits for justering (SEAL, DSS and
-- DOC_TIMESTAMP in the justering transaction itself), never changed, removed only while the
-- protocol is not justerat (returnProtocol voids them with the signatures). The hash is of the
-- bytes, and every revision but the first extends the one before it byte for byte.
CREATE FUNCTION paragraf_guard_signing_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
  prev bytea;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'En signerad version av protokollet kan inte ändras i efterhand.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT status::text INTO st FROM "Meeting" WHERE id = OLD."meetingId";
    IF st = 'ADJUSTED' THEN
      RAISE EXCEPTION 'Signaturerna i ett justerat protokoll kan inte tas bort.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN OLD;
  END IF;
  SELECT status::text INTO st FROM "Meeting" WHERE id = NEW."meetingId" FOR SHARE;
  IF NOT (st = 'READY_FOR_ADJUSTMENT'
          OR (st = 'ADJUSTED' AND NEW.kind <> 'TO_SIGN' AND paragraf_meeting_changed_in_this_transaction(NEW."meetingId"))) THEN
    RAISE EXCEPTION 'Protokollet kan bara signeras medan det väntar på justering (status %).', st
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.bytes), 'hex') THEN
    RAISE EXCEPTION 'Den signerade versionens kontrollsumma stämmer inte med dess innehåll.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF (NEW.kind = 'TO_SIGN') <> (NEW.seq = 0) THEN
    RAISE EXCEPTION 'Version 0 är protokollet som det skickades till justering, och bara den.'
      USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
  END IF;
  IF NEW.seq > 0 THEN
    SELECT bytes INTO prev FROM "SigningRevision" WHERE "meetingId" = NEW."meetingId" AND seq = NEW.seq - 1;
    IF prev IS NULL OR length(NEW.bytes) <= length(prev) OR substring(NEW.bytes FROM 1 FOR length(prev)) <> prev THEN
      RAISE EXCEPTION 'En ny version får bara lägga till en inkrementell uppdatering efter den förra.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "SigningRevision" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_signing_revision();
