-- Issue 14 point 7: a body chooses whether a § prints its decision before the ärendebeskrivning
-- (today's order, the default) or last; an organisation may give an example case number in its
-- own format for the hints where a Dnr is typed. Neither is protocol content of a frozen protocol
-- (the body and the organisation are registers), so no guard is needed.
CREATE TYPE "DecisionPlacement" AS ENUM ('BEFORE_SECTIONS', 'AFTER_SECTIONS');

ALTER TABLE "Body" ADD COLUMN "decisionPlacement" "DecisionPlacement" NOT NULL DEFAULT 'BEFORE_SECTIONS';

ALTER TABLE "Organisation" ADD COLUMN "caseNumberExample" TEXT;
