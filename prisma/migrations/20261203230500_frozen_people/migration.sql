-- CreateTable
CREATE TABLE "ProtocolPerson" (
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "ProtocolPerson_pkey" PRIMARY KEY ("meetingId","personId")
);

-- AddForeignKey
ALTER TABLE "ProtocolPerson" ADD CONSTRAINT "ProtocolPerson_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtocolPerson" ADD CONSTRAINT "ProtocolPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Protocols already sent for justering or justerade get their names frozen as they are now (the
-- best that can be known), before the guard below makes the rows as frozen as the protocol.
-- ---------------------------------------------------------------------------------------------
INSERT INTO "ProtocolPerson" ("meetingId", "personId", "name")
SELECT DISTINCT ON (x."meetingId", x."personId") x."meetingId", x."personId", p.name
FROM (
  SELECT id AS "meetingId", "secretaryId" AS "personId" FROM "Meeting" WHERE "secretaryId" IS NOT NULL
  UNION SELECT "meetingId", "personId" FROM "MeetingAdjuster"
  UNION SELECT "meetingId", "personId" FROM "Attendance"
  UNION SELECT "meetingId", "replacesPersonId" FROM "Attendance" WHERE "replacesPersonId" IS NOT NULL
  UNION SELECT "meetingId", "personId" FROM "Signature"
  UNION SELECT g."meetingId", t."personId" FROM "Motion" t JOIN "Paragraph" g ON g.id = t."paragraphId"
  UNION SELECT g."meetingId", t."personId" FROM "Reservation" t JOIN "Paragraph" g ON g.id = t."paragraphId"
  UNION SELECT g."meetingId", t."personId" FROM "ProtocolNote" t JOIN "Paragraph" g ON g.id = t."paragraphId" WHERE t."personId" IS NOT NULL
  UNION SELECT g."meetingId", t."personId" FROM "Recusal" t JOIN "Paragraph" g ON g.id = t."paragraphId"
  UNION SELECT g."meetingId", b."personId" FROM "Ballot" b JOIN "Vote" v ON v.id = b."voteId" JOIN "Paragraph" g ON g.id = v."paragraphId"
) x
JOIN "Meeting" m ON m.id = x."meetingId" AND m.status <> 'DRAFT'
JOIN "Person" p ON p.id = x."personId";

CREATE TRIGGER paragraf_frozen BEFORE INSERT OR UPDATE OR DELETE ON "ProtocolPerson" FOR EACH ROW EXECUTE FUNCTION paragraf_guard_content();
