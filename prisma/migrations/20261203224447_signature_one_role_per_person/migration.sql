-- One person signs a protocol in one role only (issue 12, point 2): the ordförande, each
-- justerare and the secretary are different people. The app refuses sending and signing
-- otherwise (signers.rules.ts); this index is the database's second line.
--
-- Signatures are written at signing, one row per role the signer holds. Before this rule a
-- person holding two roles got two rows, so a database could already hold such a protocol.
-- The rows of a justerat protocol cannot be changed (paragraf_guard_signed), so the index
-- cannot be created over them: stop with a message naming the protocols instead of a bare
-- duplicate-key error. A protocol still waiting for justering is fixed by returning it (which
-- voids its signatures) and correcting its signers.
DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(DISTINCT m.slug || ' (' || m.status::text || ')', ', ')
    INTO clashes
    FROM "Signature" s JOIN "Meeting" m ON m.id = s."meetingId"
   WHERE EXISTS (SELECT 1 FROM "Signature" o WHERE o."meetingId" = s."meetingId" AND o."personId" = s."personId" AND o.id <> s.id);
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'En person har signerat samma protokoll i flera roller: %. Skicka tillbaka protokoll som väntar på justering; ett justerat protokoll kan inte ändras och måste hanteras för hand innan migreringen körs.', clashes;
  END IF;
END;
$$;

-- DropIndex
DROP INDEX "Signature_meetingId_personId_role_key";

-- CreateIndex
CREATE UNIQUE INDEX "Signature_meetingId_personId_key" ON "Signature"("meetingId", "personId");
