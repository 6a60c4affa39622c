-- "Skriftlig reservation senare" (issue 20, point 5): a member reserving at the § may announce
-- written reasons to come before justering (KL 4:27). The live view records it, the end of the
-- meeting stores it here, and the checker warns ("skriftlig reservation väntas") until the
-- reasons are entered in the editor. A drafting reminder: the content hash leaves it out (what
-- is signed is the reasons), and no public copy carries it. The Reservation table's guard
-- (frozen once the protocol is sent) covers the new column like the others.

ALTER TABLE "Reservation" ADD COLUMN "writtenLater" BOOLEAN NOT NULL DEFAULT false;
