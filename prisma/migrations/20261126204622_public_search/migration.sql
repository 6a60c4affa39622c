-- CreateTable
CREATE TABLE "PublicSearchEntry" (
    "paragraphId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "tsv" tsvector NOT NULL,

    CONSTRAINT "PublicSearchEntry_pkey" PRIMARY KEY ("paragraphId")
);

-- CreateIndex
CREATE INDEX "PublicSearchEntry_tsv_idx" ON "PublicSearchEntry" USING GIN ("tsv");

-- CreateIndex
CREATE INDEX "PublicSearchEntry_bodyId_year_idx" ON "PublicSearchEntry"("bodyId", "year");

-- CreateIndex
CREATE INDEX "PublicSearchEntry_meetingId_idx" ON "PublicSearchEntry"("meetingId");
