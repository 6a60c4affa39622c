-- ---------------------------------------------------------------------------------------------
-- The live meeting (issue 20): a body may let its ledamöter and tjänstgörande ersättare cast their
-- own ballot in an open vote on their own devices (/moten/<slug>/live/ledamot). Off by default:
-- the secretary enters every ballot. The app role's table grants on "Body" cover the new column.
-- ---------------------------------------------------------------------------------------------

-- AlterTable
ALTER TABLE "Body" ADD COLUMN "liveSelfVoting" BOOLEAN NOT NULL DEFAULT false;
