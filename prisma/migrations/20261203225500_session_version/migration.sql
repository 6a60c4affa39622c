-- Sessions carry the user's sessionVersion; raising it ends every session issued before.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
