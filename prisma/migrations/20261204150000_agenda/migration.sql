-- Before the meeting (issue 15): ärenden prepared for a meeting's ärendelista, their handlingar,
-- what each meeting did with them, förhinder, and the body's kallelse settings. src/modules/agenda.
-- Not protocol content: the § made from an ärende is, and the frozen-protocol triggers keep it.

-- CreateEnum
CREATE TYPE "AgendaItemState" AS ENUM ('PREPARING', 'DECIDED', 'STRUCK');

-- CreateEnum
CREATE TYPE "AgendaFate" AS ENUM ('DECIDED', 'STRUCK', 'TABLED', 'RETURNED');

-- AlterTable
ALTER TABLE "Body" ADD COLUMN "summonsLeadDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN "openingItems" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "summonsSentAt" TIMESTAMP(3),
ADD COLUMN "agendaVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "meetingId" TEXT,
    "position" INTEGER,
    "title" TEXT NOT NULL,
    "caseNumber" TEXT,
    "responsible" TEXT,
    "proposalIntro" TEXT NOT NULL DEFAULT '',
    "proposalClauses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" JSONB,
    "summaryPlain" TEXT NOT NULL DEFAULT '',
    "isConfidential" BOOLEAN NOT NULL DEFAULT false,
    "isExtra" BOOLEAN NOT NULL DEFAULT false,
    "state" "AgendaItemState" NOT NULL DEFAULT 'PREPARING',
    "returnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id"),
    -- On a meeting's ärendelista exactly when it has a number there.
    CONSTRAINT "AgendaItem_position_check" CHECK (("meetingId" IS NULL) = ("position" IS NULL) AND ("position" IS NULL OR "position" >= 1))
);

-- CreateTable
CREATE TABLE "AgendaDocument" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "isConfidential" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaOutcome" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "fate" "AgendaFate" NOT NULL,
    "paragraphId" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgendaOutcome_pkey" PRIMARY KEY ("id"),
    -- Every fate but utgår is recorded in a §.
    CONSTRAINT "AgendaOutcome_paragraph_check" CHECK (("fate" = 'STRUCK') = ("paragraphId" IS NULL))
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reportedByUserId" TEXT,
    "note" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AgendaItem_bodyId_state_idx" ON "AgendaItem"("bodyId", "state");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_position_idx" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "AgendaDocument_agendaItemId_position_idx" ON "AgendaDocument"("agendaItemId", "position");

-- CreateIndex
CREATE INDEX "AgendaOutcome_meetingId_idx" ON "AgendaOutcome"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaOutcome_agendaItemId_meetingId_key" ON "AgendaOutcome"("agendaItemId", "meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "Absence_meetingId_personId_key" ON "Absence"("meetingId", "personId");

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaDocument" ADD CONSTRAINT "AgendaDocument_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaOutcome" ADD CONSTRAINT "AgendaOutcome_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaOutcome" ADD CONSTRAINT "AgendaOutcome_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
