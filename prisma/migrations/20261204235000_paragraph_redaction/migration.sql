-- Issue 17.2: per § the ground for what is withheld from the public (OSL chapter and section), and
-- the names of private persons that the public copies replace by "[utelämnat]". Passages are marked
-- in the rich text itself (a "redacted" mark), so they need no column. Both columns are content of
-- the protocol: the Paragraph table's freeze trigger already refuses changes once sent.
ALTER TABLE "Paragraph" ADD COLUMN "withholdingGround" TEXT;
ALTER TABLE "Paragraph" ADD COLUMN "redactedNames" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
