-- Justering with e-legitimation (issue 18 points 1, 5): how each signer was identified, the
-- identity a person must present, and the signing requests under way.
--
-- Signature: the method and, for e-legitimation, the verified identity. A signature row is never
-- updated (paragraf_guard_signature refuses every UPDATE), so these columns are frozen with the
-- rest of it; the CHECK below keeps the two methods apart (no password signature with an
-- identity, no e-legitimation signature without one).

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('PASSWORD', 'EID');

-- CreateEnum
CREATE TYPE "EidPurpose" AS ENUM ('SIGN', 'CORRECTION');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "identityHmac" TEXT;

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "assuranceLevel" TEXT,
ADD COLUMN     "authTime" TIMESTAMP(3),
ADD COLUMN     "idpIssuer" TEXT,
ADD COLUMN     "idpName" TEXT,
ADD COLUMN     "identityHmac" TEXT,
ADD COLUMN     "identityName" TEXT,
ADD COLUMN     "identitySubject" TEXT,
ADD COLUMN     "method" "SignatureMethod" NOT NULL DEFAULT 'PASSWORD';

ALTER TABLE "Signature" ADD CONSTRAINT "Signature_method_identity" CHECK (
  (method = 'PASSWORD' AND "assuranceLevel" IS NULL AND "idpIssuer" IS NULL AND "idpName" IS NULL
    AND "identitySubject" IS NULL AND "identityHmac" IS NULL AND "identityName" IS NULL AND "authTime" IS NULL)
  OR (method = 'EID' AND "assuranceLevel" IS NOT NULL AND "idpIssuer" IS NOT NULL AND "idpName" IS NOT NULL
    AND "identitySubject" IS NOT NULL AND "identityHmac" IS NOT NULL AND "identityName" IS NOT NULL
    AND "authTime" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "EidSigningRequest" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "purpose" "EidPurpose" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "nonceSalt" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "acrRequested" TEXT NOT NULL,
    "authAfter" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "EidSigningRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EidSigningRequest_state_key" ON "EidSigningRequest"("state");

-- CreateIndex
CREATE INDEX "EidSigningRequest_meetingId_idx" ON "EidSigningRequest"("meetingId");

-- CreateIndex
CREATE INDEX "EidSigningRequest_userId_createdAt_idx" ON "EidSigningRequest"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Person_organisationId_identityHmac_key" ON "Person"("organisationId", "identityHmac");

-- AddForeignKey
ALTER TABLE "EidSigningRequest" ADD CONSTRAINT "EidSigningRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EidSigningRequest" ADD CONSTRAINT "EidSigningRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EidSigningRequest" ADD CONSTRAINT "EidSigningRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
