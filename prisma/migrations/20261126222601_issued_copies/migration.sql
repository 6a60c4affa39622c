-- CreateEnum
CREATE TYPE "IssuedCopyKind" AS ENUM ('PUBLIC', 'FULL');

-- CreateTable
CREATE TABLE "IssuedCopy" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "IssuedCopyKind" NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "correctionCount" INTEGER NOT NULL,
    "noticeRevisedAt" TIMESTAMP(3),
    "sealedAt" TIMESTAMP(3) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedCopy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCopy_sha256_key" ON "IssuedCopy"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedCopy_meetingId_kind_fingerprint_key" ON "IssuedCopy"("meetingId", "kind", "fingerprint");

-- AddForeignKey
ALTER TABLE "IssuedCopy" ADD CONSTRAINT "IssuedCopy_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- An issued copy has been handed out: like the signed original (ProtocolFile) it must stay
-- checkable on /verifiera, so it is never rewritten or removed. It is only ever made from a
-- justerat protocol, and its sha256 is the hash of its bytes.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION paragraf_guard_issued_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT status::text INTO st FROM "Meeting" WHERE id = NEW."meetingId";
    IF st IS NULL OR st NOT IN ('ADJUSTED', 'POSTED', 'TAKEN_DOWN') THEN
      RAISE EXCEPTION 'En kopia kan bara utfärdas av ett justerat protokoll (status %).', st
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    IF NEW.sha256 IS DISTINCT FROM encode(sha256(NEW.bytes), 'hex') THEN
      RAISE EXCEPTION 'Kopians kontrollsumma stämmer inte med dess innehåll.'
        USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'En utfärdad kopia av ett protokoll kan inte ändras eller tas bort: den har lämnats ut och ska gå att verifiera.'
    USING ERRCODE = 'P0001', HINT = 'paragraf_frozen';
END;
$$;

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "IssuedCopy" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_issued_copy();
