-- A password someone else set (an organisation's admin creating an account or setting its password
-- or e-mail address, the platform's admin creating a new organisation's first admin) is marked until
-- its holder replaces it. Until then the account signs in to the change-password page only
-- (src/server/session.ts), and the platform will not attach it as a new organisation's first admin:
-- otherwise an admin could plant an account for someone else's e-mail with a password they know, and
-- administer the organisation later created for that person (red team, planted account).
--
-- Knowing the password is not enough to clear the mark (the admin who set it knows it too): the
-- change also takes a one-time code mailed to the account's address, kept here as an argon2id hash
-- with its expiry, and cleared when used.
--
-- Existing accounts are not marked: their passwords are taken to be their holders' own (the seed's,
-- and accounts in use before this change; an admin who wants that certainty sets a new password).
-- The table's grants are the table's: the app role reads and updates the new columns like the rest.
ALTER TABLE "User" ADD COLUMN "passwordMustChange" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "passwordCodeHash" TEXT;
ALTER TABLE "User" ADD COLUMN "passwordCodeExpiresAt" TIMESTAMP(3);

-- Accounts in use are marked when the audit log says their current password is someone else's: the
-- latest password event for the account is an admin creating it or setting its password (not the
-- account itself on the admin page), or the platform's admin creating it as a new organisation's
-- first admin, with no change by the holder after it. Planted before this change is planted too.
WITH password_events AS (
  SELECT "entityId" AS user_id, "at",
         ("action" = 'user.changePassword' OR "userId" IS NOT DISTINCT FROM "entityId") AS own
  FROM "AuditLog"
  WHERE "entity" = 'User' AND "action" IN ('admin.user.create', 'admin.user.setPassword', 'user.changePassword')
  UNION ALL
  SELECT "data"->>'adminUserId', "at", false
  FROM "AuditLog"
  WHERE "action" = 'platform.organisation.create' AND "data"->>'newAccount' = 'true'
),
latest AS (
  SELECT DISTINCT ON (user_id) user_id, own FROM password_events ORDER BY user_id, "at" DESC
)
UPDATE "User" u SET "passwordMustChange" = true
FROM latest
WHERE latest.user_id = u."id" AND NOT latest.own AND u."passwordHash" IS NOT NULL;
