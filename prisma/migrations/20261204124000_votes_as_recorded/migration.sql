-- Votes as recorded (issue 14 point 5): totals-only votes, frånvarande / deltar ej, unset choices;
-- and the per-body "närvaro- och omröstningslista" layout (issue 14 point 4).
-- Vote and Ballot are already guarded by the frozen-protocol triggers (init migration); the new
-- columns are covered by those row triggers as they stand.
ALTER TYPE "BallotChoice" ADD VALUE 'FRANVARANDE';
ALTER TYPE "BallotChoice" ADD VALUE 'DELTAR_EJ';

ALTER TABLE "Ballot" ALTER COLUMN "choice" DROP NOT NULL;

ALTER TABLE "Vote" ADD COLUMN "yesCount" INTEGER,
ADD COLUMN "noCount" INTEGER,
ADD COLUMN "abstainCount" INTEGER;
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_counts_check" CHECK (
  ("yesCount" IS NULL AND "noCount" IS NULL AND "abstainCount" IS NULL)
  OR ("yesCount" >= 0 AND "noCount" >= 0 AND "abstainCount" >= 0)
);

ALTER TABLE "Body" ADD COLUMN "appendedAttendanceList" BOOLEAN NOT NULL DEFAULT false;
