-- Tenancy (issue 19.1): many organisations on one installation. Two parts:
--
-- 1. Users belong to organisations (OrganisationUser, with the organisation's admin flag); a user
--    may belong to several. User.isAdmin keeps its column but now means the platform's admin: who
--    creates organisations and their first admin (src/modules/administration/platform.*). Every
--    existing user joins every existing organisation they have a role, a person or (as an admin)
--    a say in, so an installation of one organisation works as before.
--
-- 2. Row-level security as the second line behind the queries' own scoping. The app sets
--    `app.organisation` on each connection it checks out of its pool (src/server/db.ts) from the
--    request's tenancy scope (src/server/tenancy.ts): an organisation's id, '*' for the platform
--    (jobs, the lookups that find the organisation of a public address), or '' (a request that has
--    not said whose data it reads: it sees nothing). Each table holding an organisation's data gets
--    one policy for every command: the row is visible (and may be written) only when it belongs to
--    the scope's organisation — directly (organisationId), or through the row it hangs off
--    (`"bodyId" IN (SELECT id FROM "Body")`, itself filtered by Body's policy), so no column is
--    duplicated and a row can never be moved to another organisation's parent. The app's role is
--    neither owner nor superuser nor BYPASSRLS (scripts/lib/db-roles.ts, src/server/startup-check.ts),
--    so the policies bind it; the owner (migrations, backup) is not bound.

CREATE TABLE "OrganisationUser" (
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationUser_pkey" PRIMARY KEY ("userId", "organisationId")
);
CREATE INDEX "OrganisationUser_organisationId_idx" ON "OrganisationUser"("organisationId");
ALTER TABLE "OrganisationUser" ADD CONSTRAINT "OrganisationUser_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "OrganisationUser" ADD CONSTRAINT "OrganisationUser_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who is where today: body roles and the linked person give the organisation; an admin (one
-- organisation's, so far) administers every organisation there is.
INSERT INTO "OrganisationUser" ("userId", "organisationId", "isAdmin")
SELECT u."id", o."id", u."isAdmin"
FROM "User" u CROSS JOIN "Organisation" o
WHERE u."isAdmin"
   OR EXISTS (SELECT 1 FROM "BodyRole" r JOIN "Body" b ON b."id" = r."bodyId" WHERE r."userId" = u."id" AND b."organisationId" = o."id")
   OR EXISTS (SELECT 1 FROM "Person" p WHERE p."id" = u."personId" AND p."organisationId" = o."id");

-- A role in a body, or a linked person, makes the user one of that organisation's users (not its
-- admin): whoever is given a place in an organisation belongs to it, however the row was written.
CREATE FUNCTION paragraf_join_organisation_of_body_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "OrganisationUser" ("userId", "organisationId")
  SELECT NEW."userId", b."organisationId" FROM "Body" b WHERE b."id" = NEW."bodyId"
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
CREATE TRIGGER "BodyRole_joins_organisation" AFTER INSERT ON "BodyRole"
  FOR EACH ROW EXECUTE FUNCTION paragraf_join_organisation_of_body_role();

CREATE FUNCTION paragraf_join_organisation_of_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."personId" IS NOT NULL THEN
    INSERT INTO "OrganisationUser" ("userId", "organisationId")
    SELECT NEW."id", p."organisationId" FROM "Person" p WHERE p."id" = NEW."personId"
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "User_joins_organisation_of_person" AFTER INSERT OR UPDATE OF "personId" ON "User"
  FOR EACH ROW EXECUTE FUNCTION paragraf_join_organisation_of_person();

-- The scope test, one place: true when the current scope may see organisation `org`.
CREATE FUNCTION paragraf_scope_sees(org TEXT) RETURNS BOOLEAN
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(current_setting('app.organisation', true), '') IN ('*', org)
         AND org IS NOT NULL AND org <> ''
$$;
CREATE FUNCTION paragraf_scope_is_platform() RETURNS BOOLEAN
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(current_setting('app.organisation', true), '') = '*'
$$;

ALTER TABLE "Organisation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Organisation_tenant" ON "Organisation" USING (paragraf_scope_sees("id")) WITH CHECK (paragraf_scope_sees("id"));
ALTER TABLE "Body" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Body_tenant" ON "Body" USING (paragraf_scope_sees("organisationId")) WITH CHECK (paragraf_scope_sees("organisationId"));
ALTER TABLE "Person" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Person_tenant" ON "Person" USING (paragraf_scope_sees("organisationId")) WITH CHECK (paragraf_scope_sees("organisationId"));
ALTER TABLE "OrganisationUser" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "OrganisationUser_tenant" ON "OrganisationUser" USING (paragraf_scope_sees("organisationId")) WITH CHECK (paragraf_scope_sees("organisationId"));
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Membership_tenant" ON "Membership" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "BodyRole" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "BodyRole_tenant" ON "BodyRole" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "Meeting" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Meeting_tenant" ON "Meeting" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "Paragraph" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Paragraph_tenant" ON "Paragraph" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "HistoricalProtocol" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "HistoricalProtocol_tenant" ON "HistoricalProtocol" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "AgendaItem" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "AgendaItem_tenant" ON "AgendaItem" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "ParagraphTemplate" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "ParagraphTemplate_tenant" ON "ParagraphTemplate" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "PublicSearchEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "PublicSearchEntry_tenant" ON "PublicSearchEntry" USING (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body")) WITH CHECK (paragraf_scope_is_platform() OR "bodyId" IN (SELECT "id" FROM "Body"));
ALTER TABLE "ProtocolPerson" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "ProtocolPerson_tenant" ON "ProtocolPerson" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "MeetingSigner" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "MeetingSigner_tenant" ON "MeetingSigner" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "MeetingAdjuster" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "MeetingAdjuster_tenant" ON "MeetingAdjuster" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "Attendance" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Attendance_tenant" ON "Attendance" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "Signature" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Signature_tenant" ON "Signature" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "EidSigningRequest" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "EidSigningRequest_tenant" ON "EidSigningRequest" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "AdjustmentReturn" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "AdjustmentReturn_tenant" ON "AdjustmentReturn" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "Correction" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Correction_tenant" ON "Correction" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "Notice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Notice_tenant" ON "Notice" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "SigningRevision" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "SigningRevision_tenant" ON "SigningRevision" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "ProtocolFile" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "ProtocolFile_tenant" ON "ProtocolFile" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "IssuedCopy" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "IssuedCopy_tenant" ON "IssuedCopy" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "Absence" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Absence_tenant" ON "Absence" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "LiveEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "LiveEvent_tenant" ON "LiveEvent" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "AgendaOutcome" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "AgendaOutcome_tenant" ON "AgendaOutcome" USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting")) WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"));
ALTER TABLE "AttendanceRange" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "AttendanceRange_tenant" ON "AttendanceRange" USING (paragraf_scope_is_platform() OR "attendanceId" IN (SELECT "id" FROM "Attendance")) WITH CHECK (paragraf_scope_is_platform() OR "attendanceId" IN (SELECT "id" FROM "Attendance"));
ALTER TABLE "ParagraphSection" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "ParagraphSection_tenant" ON "ParagraphSection" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "BasisDocument" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "BasisDocument_tenant" ON "BasisDocument" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "DispatchRecipient" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "DispatchRecipient_tenant" ON "DispatchRecipient" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Attachment" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Attachment_tenant" ON "Attachment" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Motion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Motion_tenant" ON "Motion" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Proposition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Proposition_tenant" ON "Proposition" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Vote" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Vote_tenant" ON "Vote" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Reservation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Reservation_tenant" ON "Reservation" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "ProtocolNote" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "ProtocolNote_tenant" ON "ProtocolNote" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Recusal" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Recusal_tenant" ON "Recusal" USING (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph")) WITH CHECK (paragraf_scope_is_platform() OR "paragraphId" IN (SELECT "id" FROM "Paragraph"));
ALTER TABLE "Ballot" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Ballot_tenant" ON "Ballot" USING (paragraf_scope_is_platform() OR "voteId" IN (SELECT "id" FROM "Vote")) WITH CHECK (paragraf_scope_is_platform() OR "voteId" IN (SELECT "id" FROM "Vote"));
ALTER TABLE "HistoricalParagraph" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "HistoricalParagraph_tenant" ON "HistoricalParagraph" USING (paragraf_scope_is_platform() OR "historicalProtocolId" IN (SELECT "id" FROM "HistoricalProtocol")) WITH CHECK (paragraf_scope_is_platform() OR "historicalProtocolId" IN (SELECT "id" FROM "HistoricalProtocol"));
ALTER TABLE "AgendaDocument" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "AgendaDocument_tenant" ON "AgendaDocument" USING (paragraf_scope_is_platform() OR "agendaItemId" IN (SELECT "id" FROM "AgendaItem")) WITH CHECK (paragraf_scope_is_platform() OR "agendaItemId" IN (SELECT "id" FROM "AgendaItem"));

-- The audit log: a meeting's events belong to its organisation; the rest (sign-ins, platform and
-- user administration) are the platform's. Nobody but the owner reads the latter unscoped.
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "AuditLog_tenant" ON "AuditLog"
  USING (paragraf_scope_is_platform() OR "meetingId" IN (SELECT "id" FROM "Meeting"))
  WITH CHECK (paragraf_scope_is_platform() OR "meetingId" IS NULL OR "meetingId" IN (SELECT "id" FROM "Meeting"));

-- Users are the platform's (one account may serve several organisations; the sign-in looks them up
-- before any organisation is known) and hold no organisation's content: no policy on "User"; the
-- organisation's admin lists and edits only the users that belong to it (OrganisationUser, scoped
-- above) — src/modules/administration/admin.queries.ts.
