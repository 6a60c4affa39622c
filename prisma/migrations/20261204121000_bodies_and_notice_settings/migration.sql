-- Bodies, the organisation's notice settings, the first § number of a meeting (issue 14, points 1, 2, 6).

-- The organisation: förvaringsplats, anslagstavla, the notice's free wording, who certifies it.
ALTER TABLE "Organisation" ADD COLUMN "storagePlace" TEXT,
  ADD COLUMN "noticeBoard" TEXT,
  ADD COLUMN "noticeWording" TEXT,
  ADD COLUMN "noticeCertifier" TEXT;

-- The body it reports to; never itself (cycles longer than one are refused by the app).
ALTER TABLE "Body" ADD COLUMN "parentBodyId" TEXT;
ALTER TABLE "Body" ADD CONSTRAINT "Body_parentBodyId_fkey" FOREIGN KEY ("parentBodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Body" ADD CONSTRAINT "Body_parent_not_self" CHECK ("parentBodyId" IS NULL OR "parentBodyId" <> id);
ALTER TABLE "Body" ADD CONSTRAINT "Body_seatCount_positive" CHECK ("seatCount" >= 1) NOT VALID;

-- Ersättarordning.
ALTER TABLE "Membership" ADD COLUMN "callOrder" INTEGER;
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_callOrder_positive" CHECK ("callOrder" IS NULL OR "callOrder" >= 1);

-- A meeting's first § number and its notice settings chosen before justering.
ALTER TABLE "Meeting" ADD COLUMN "firstParagraphNumber" INTEGER,
  ADD COLUMN "noticeStoragePlace" TEXT,
  ADD COLUMN "noticeBoard" TEXT,
  ADD COLUMN "noticeCertifier" TEXT;
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_firstParagraphNumber_positive"
  CHECK ("firstParagraphNumber" IS NULL OR "firstParagraphNumber" >= 1);

-- The notice as kept: the anslagstavla, the certifier, the wording at justering.
ALTER TABLE "Notice" ADD COLUMN "noticeBoard" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "certifiedBy" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "wording" TEXT NOT NULL DEFAULT '';
