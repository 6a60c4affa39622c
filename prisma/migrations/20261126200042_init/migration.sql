-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('KOMMUN', 'KOMMUNALFORBUND', 'REGION');

-- CreateEnum
CREATE TYPE "BodyKind" AS ENUM ('FULLMAKTIGE', 'STYRELSE', 'NAMND', 'DIREKTION', 'UTSKOTT', 'BEREDNING');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'SUBSTITUTE');

-- CreateEnum
CREATE TYPE "BodyPosition" AS ENUM ('CHAIR', 'VICE_CHAIR');

-- CreateEnum
CREATE TYPE "BodyRoleKind" AS ENUM ('SECRETARY', 'MEMBER');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('DRAFT', 'READY_FOR_ADJUSTMENT', 'ADJUSTED', 'POSTED', 'TAKEN_DOWN');

-- CreateEnum
CREATE TYPE "AttendanceRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'SERVING_SUBSTITUTE', 'SUBSTITUTE', 'OTHER');

-- CreateEnum
CREATE TYPE "SectionKind" AS ENUM ('SUMMARY', 'CASE', 'CONSEQUENCES', 'OTHER');

-- CreateEnum
CREATE TYPE "MotionKind" AS ENUM ('BIFALL', 'AVSLAG', 'ANDRING', 'TILLAGG', 'ATERREMISS', 'BORDLAGGNING');

-- CreateEnum
CREATE TYPE "VoteOutcome" AS ENUM ('JA', 'NEJ', 'LOTTNING');

-- CreateEnum
CREATE TYPE "BallotChoice" AS ENUM ('JA', 'NEJ', 'AVSTAR');

-- CreateEnum
CREATE TYPE "SignatureRole" AS ENUM ('SECRETARY', 'CHAIR', 'ADJUSTER');

-- CreateEnum
CREATE TYPE "ProtocolFileKind" AS ENUM ('PROTOCOL', 'NOTICE');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "caseNumberPrefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Body" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "genitiveName" TEXT NOT NULL,
    "kind" "BodyKind" NOT NULL,
    "seatCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "position" "BodyPosition",
    "represents" TEXT NOT NULL,
    "termStart" DATE NOT NULL,
    "termEnd" DATE NOT NULL,
    "hasVotingRight" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "personId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BodyRole" (
    "userId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "role" "BodyRoleKind" NOT NULL,

    CONSTRAINT "BodyRole_pkey" PRIMARY KEY ("userId","bodyId","role")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "startTime" TEXT,
    "endTime" TEXT,
    "place" TEXT NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'DRAFT',
    "adjustmentPlace" TEXT,
    "adjustmentDate" DATE,
    "adjustedOn" DATE,
    "contentHash" TEXT,
    "secretaryId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAdjuster" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "MeetingAdjuster_pkey" PRIMARY KEY ("meetingId","personId")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "AttendanceRole" NOT NULL,
    "represents" TEXT,
    "title" TEXT,
    "replacesPersonId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceRange" (
    "id" TEXT NOT NULL,
    "attendanceId" TEXT NOT NULL,
    "fromNumber" INTEGER NOT NULL,
    "toNumber" INTEGER NOT NULL,

    CONSTRAINT "AttendanceRange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paragraph" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "caseNumber" TEXT,
    "title" TEXT NOT NULL,
    "decisionIntro" TEXT NOT NULL,
    "decisionClauses" TEXT[],
    "isConfidential" BOOLEAN NOT NULL DEFAULT false,
    "isImmediatelyAdjusted" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Paragraph_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParagraphSection" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "kind" "SectionKind" NOT NULL,
    "heading" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "plainText" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ParagraphSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BasisDocument" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "attachmentId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BasisDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DispatchRecipient" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DispatchRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "bytes" BYTEA,
    "sha256" TEXT,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Motion" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "MotionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "amendsId" TEXT,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposition" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Proposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "outcome" "VoteOutcome" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "voteId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "choice" "BallotChoice" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("voteId","personId")
);

-- CreateTable
CREATE TABLE "Reservation" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reasons" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolNote" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "personId" TEXT,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ProtocolNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recusal" (
    "id" TEXT NOT NULL,
    "paragraphId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "Recusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "SignatureRole" NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "meetingId" TEXT NOT NULL,
    "postedOn" DATE NOT NULL,
    "takeDownOn" DATE NOT NULL,
    "storagePlace" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "ProtocolFile" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "ProtocolFileKind" NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProtocolFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "meetingId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "ip" TEXT,
    "data" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Body_organisationId_slug_key" ON "Body"("organisationId", "slug");

-- CreateIndex
CREATE INDEX "Person_organisationId_name_idx" ON "Person"("organisationId", "name");

-- CreateIndex
CREATE INDEX "Membership_bodyId_termStart_termEnd_idx" ON "Membership"("bodyId", "termStart", "termEnd");

-- CreateIndex
CREATE INDEX "Membership_personId_idx" ON "Membership"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_personId_key" ON "User"("personId");

-- CreateIndex
CREATE INDEX "BodyRole_bodyId_idx" ON "BodyRole"("bodyId");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_slug_key" ON "Meeting"("slug");

-- CreateIndex
CREATE INDEX "Meeting_bodyId_date_idx" ON "Meeting"("bodyId", "date");

-- CreateIndex
CREATE INDEX "Attendance_meetingId_position_idx" ON "Attendance"("meetingId", "position");

-- CreateIndex
CREATE INDEX "Attendance_personId_idx" ON "Attendance"("personId");

-- CreateIndex
CREATE INDEX "AttendanceRange_attendanceId_idx" ON "AttendanceRange"("attendanceId");

-- CreateIndex
CREATE INDEX "Paragraph_meetingId_number_idx" ON "Paragraph"("meetingId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Paragraph_bodyId_year_number_key" ON "Paragraph"("bodyId", "year", "number");

-- CreateIndex
CREATE INDEX "ParagraphSection_paragraphId_position_idx" ON "ParagraphSection"("paragraphId", "position");

-- CreateIndex
CREATE INDEX "BasisDocument_paragraphId_position_idx" ON "BasisDocument"("paragraphId", "position");

-- CreateIndex
CREATE INDEX "DispatchRecipient_paragraphId_position_idx" ON "DispatchRecipient"("paragraphId", "position");

-- CreateIndex
CREATE INDEX "Attachment_paragraphId_position_idx" ON "Attachment"("paragraphId", "position");

-- CreateIndex
CREATE INDEX "Motion_paragraphId_position_idx" ON "Motion"("paragraphId", "position");

-- CreateIndex
CREATE INDEX "Proposition_paragraphId_position_idx" ON "Proposition"("paragraphId", "position");

-- CreateIndex
CREATE INDEX "Vote_paragraphId_position_idx" ON "Vote"("paragraphId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_paragraphId_personId_key" ON "Reservation"("paragraphId", "personId");

-- CreateIndex
CREATE INDEX "ProtocolNote_paragraphId_position_idx" ON "ProtocolNote"("paragraphId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Recusal_paragraphId_personId_key" ON "Recusal"("paragraphId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_meetingId_personId_role_key" ON "Signature"("meetingId", "personId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolFile_sha256_key" ON "ProtocolFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolFile_meetingId_kind_key" ON "ProtocolFile"("meetingId", "kind");

-- CreateIndex
CREATE INDEX "AuditLog_meetingId_at_idx" ON "AuditLog"("meetingId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_userId_at_idx" ON "AuditLog"("userId", "at");

-- AddForeignKey
ALTER TABLE "Body" ADD CONSTRAINT "Body_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyRole" ADD CONSTRAINT "BodyRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BodyRole" ADD CONSTRAINT "BodyRole_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_secretaryId_fkey" FOREIGN KEY ("secretaryId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAdjuster" ADD CONSTRAINT "MeetingAdjuster_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAdjuster" ADD CONSTRAINT "MeetingAdjuster_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_replacesPersonId_fkey" FOREIGN KEY ("replacesPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceRange" ADD CONSTRAINT "AttendanceRange_attendanceId_fkey" FOREIGN KEY ("attendanceId") REFERENCES "Attendance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paragraph" ADD CONSTRAINT "Paragraph_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "Body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParagraphSection" ADD CONSTRAINT "ParagraphSection_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BasisDocument" ADD CONSTRAINT "BasisDocument_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BasisDocument" ADD CONSTRAINT "BasisDocument_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DispatchRecipient" ADD CONSTRAINT "DispatchRecipient_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Motion" ADD CONSTRAINT "Motion_amendsId_fkey" FOREIGN KEY ("amendsId") REFERENCES "Motion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposition" ADD CONSTRAINT "Proposition_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolNote" ADD CONSTRAINT "ProtocolNote_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolNote" ADD CONSTRAINT "ProtocolNote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_paragraphId_fkey" FOREIGN KEY ("paragraphId") REFERENCES "Paragraph"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recusal" ADD CONSTRAINT "Recusal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolFile" ADD CONSTRAINT "ProtocolFile_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;
