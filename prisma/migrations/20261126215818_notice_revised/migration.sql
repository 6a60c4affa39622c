-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "revisedAt" TIMESTAMP(3);
