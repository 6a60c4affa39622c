-- An organisation's admin reads the audit rows of its own administration (issue 19.1, left from
-- tenancy): who created a user, gave a role, renamed or merged a person, changed a body. Until now
-- such rows (no meeting) were the platform's only. They now name their organisation, and row-level
-- security shows a row to the platform, to the organisation of its meeting, or to the organisation
-- it names. Sign-ins and other rows of no organisation stay the platform's.
ALTER TABLE "AuditLog" ADD COLUMN "organisationId" TEXT;
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "AuditLog_organisationId_at_idx" ON "AuditLog"("organisationId", "at");

-- The admin rows written so far: the organisation is known from what they name where the row says
-- it (a body, a person, a membership, an organisation); the rest stay the platform's.
UPDATE "AuditLog" a SET "organisationId" = b."organisationId"
  FROM "Body" b WHERE a."meetingId" IS NULL AND a."entity" = 'Body' AND a."entityId" = b."id";
UPDATE "AuditLog" a SET "organisationId" = p."organisationId"
  FROM "Person" p WHERE a."meetingId" IS NULL AND a."entity" = 'Person' AND a."entityId" = p."id";
UPDATE "AuditLog" a SET "organisationId" = b."organisationId"
  FROM "Membership" m JOIN "Body" b ON b."id" = m."bodyId"
  WHERE a."meetingId" IS NULL AND a."entity" = 'Membership' AND a."entityId" = m."id";
UPDATE "AuditLog" a SET "organisationId" = o."id"
  FROM "Organisation" o WHERE a."meetingId" IS NULL AND a."entity" = 'Organisation' AND a."entityId" = o."id";

DROP POLICY "AuditLog_tenant" ON "AuditLog";
CREATE POLICY "AuditLog_tenant" ON "AuditLog"
  USING (
    paragraf_scope_is_platform()
    OR "meetingId" IN (SELECT "id" FROM "Meeting")
    OR paragraf_scope_sees("organisationId")
  )
  WITH CHECK (
    paragraf_scope_is_platform()
    OR (
      ("meetingId" IS NULL OR "meetingId" IN (SELECT "id" FROM "Meeting"))
      AND ("organisationId" IS NULL OR paragraf_scope_sees("organisationId"))
    )
  );
