-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "attendanceVersion" INTEGER NOT NULL DEFAULT 1;
