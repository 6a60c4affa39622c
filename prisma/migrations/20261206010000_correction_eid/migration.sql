-- Rättelse with e-legitimation (issue 18 point 1: "Signing (and rättelse)"): a rättelse is signed
-- like a signature, with a fresh e-legitimation bound to the rättelse's own content hash, or with
-- the password as the weaker fallback.
--
-- Correction: the method and, for e-legitimation, the verified identity and the hash the
-- legitimation was bound to. A rättelse is never updated (paragraf_guard_correction refuses
-- every UPDATE), so these columns are frozen with the rest of it; the CHECK keeps the two methods
-- apart as Signature_method_identity does.
--
-- EidSigningRequest: a rättelse under way keeps its § and text until the provider answers (the
-- request's contentHash is their hash); a signing request has neither.

-- AlterTable
ALTER TABLE "Correction" ADD COLUMN     "assuranceLevel" TEXT,
ADD COLUMN     "authTime" TIMESTAMP(3),
ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "idpIssuer" TEXT,
ADD COLUMN     "idpName" TEXT,
ADD COLUMN     "identityHmac" TEXT,
ADD COLUMN     "identityName" TEXT,
ADD COLUMN     "identitySubject" TEXT,
ADD COLUMN     "method" "SignatureMethod" NOT NULL DEFAULT 'PASSWORD';

ALTER TABLE "Correction" ADD CONSTRAINT "Correction_method_identity" CHECK (
  (method = 'PASSWORD' AND "contentHash" IS NULL AND "assuranceLevel" IS NULL AND "idpIssuer" IS NULL
    AND "idpName" IS NULL AND "identitySubject" IS NULL AND "identityHmac" IS NULL AND "identityName" IS NULL
    AND "authTime" IS NULL)
  OR (method = 'EID' AND "contentHash" IS NOT NULL AND "assuranceLevel" IS NOT NULL AND "idpIssuer" IS NOT NULL
    AND "idpName" IS NOT NULL AND "identitySubject" IS NOT NULL AND "identityHmac" IS NOT NULL
    AND "identityName" IS NOT NULL AND "authTime" IS NOT NULL)
);

-- AlterTable
ALTER TABLE "EidSigningRequest" ADD COLUMN     "correctionParagraph" INTEGER,
ADD COLUMN     "correctionText" TEXT;

ALTER TABLE "EidSigningRequest" ADD CONSTRAINT "EidSigningRequest_correction" CHECK (
  (purpose = 'CORRECTION') = ("correctionText" IS NOT NULL)
  AND (purpose = 'CORRECTION' OR "correctionParagraph" IS NULL)
);
