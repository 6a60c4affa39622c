// The platform's admin (issue 19.1): creates an organisation and makes its first admin — an
// existing account (a user of another organisation joins) or a new one. Runs as the platform
// (row-level security would hide a new organisation from the admin's own): nothing of any
// organisation is read but the slug's being taken and the account by its e-mail. An existing account
// whose password someone else set (and its holder has not replaced) is refused: whoever set it could
// otherwise administer the new organisation (domain/rules/account.rules.ts).
import { hash } from "@node-rs/argon2";
import { defineAdminAction } from "@/server/action";
import { oidcConfig } from "@/server/oidc-config";
import { asPlatform } from "@/server/tenancy";
import { firstAdminRefusal } from "@/domain/rules/account.rules";
import { appBaseUrl } from "@/server/config";
import { afterCommit, queueMail } from "@/server/jobs/outbox";
import { buildAccountCreatedMail } from "./admin.mail";
import { actorName, auditAdmin, fieldError, isUniqueViolation } from "./admin.tx";
import { createOrganisationSchema } from "./platform.schema";

export const createOrganisation = defineAdminAction(
  { schema: createOrganisationSchema, permission: "platform.manageOrganisations" },
  async ({ db, input, now: at, ...by }) => {
    const passwordHash = input.password ? await hash(input.password) : null;
    try {
      const { organisation, mailId } = await asPlatform(() =>
        db.$transaction(async (tx) => {
          if (await tx.organisation.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
            throw fieldError("slug", `Adressen ”${input.slug}” har redan en annan organisation.`);
          }
          const organisation = await tx.organisation.create({
            data: { name: input.name, slug: input.slug, kind: input.kind, caseNumberPrefix: input.caseNumberPrefix },
            select: { id: true, slug: true },
          });
          const existing = await tx.user.findFirst({
            where: { email: { equals: input.adminEmail, mode: "insensitive" } },
            select: { id: true },
          });
          if (existing) {
            // Locked, then read: an admin setting this account's password meanwhile waits, or is seen.
            await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${existing.id} FOR UPDATE`;
            const account = await tx.user.findUniqueOrThrow({
              where: { id: existing.id },
              select: { passwordHash: true, passwordMustChange: true },
            });
            const refused = firstAdminRefusal(
              { hasPassword: account.passwordHash !== null, passwordMustChange: account.passwordMustChange },
              oidcConfig() !== null,
            );
            if (refused) throw fieldError("adminEmail", refused);
          }
          if (!existing && (!input.adminName || !passwordHash)) {
            throw fieldError(
              input.adminName ? "password" : "adminName",
              "Det finns inget konto med den e-postadressen: ange namn och lösenord för ett nytt.",
            );
          }
          const admin =
            existing ??
            (await tx.user.create({
              // The platform's admin chose this password: its holder replaces it at the first sign-in.
              data: { email: input.adminEmail, name: input.adminName, passwordHash, passwordMustChange: true },
              select: { id: true },
            }));
          await tx.organisationUser.create({
            data: { userId: admin.id, organisationId: organisation.id, isAdmin: true },
          });
          await auditAdmin(
            tx,
            by,
            "platform.organisation.create",
            ["Organisation", organisation.id],
            { slug: organisation.slug, adminUserId: admin.id, newAccount: !existing },
            organisation.id,
          );
          if (existing) return { organisation, mailId: null };
          // A new account: the holder of the address hears of it at once (as from createUser).
          const mail = buildAccountCreatedMail({
            to: input.adminEmail,
            userName: input.adminName!,
            adminName: await actorName(tx, by),
            organisationName: input.name,
            byPlatform: true,
            at,
            baseUrl: appBaseUrl(),
          });
          return { organisation, mailId: await queueMail(tx, mail, "admin.userCreated") };
        }),
      );
      await afterCommit(db, [mailId]);
      return organisation;
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError("slug", `Adressen ”${input.slug}” har redan en annan organisation.`);
      throw e;
    }
  },
);

/** Every organisation with its number of users, for the platform's page. */
export function listOrganisationsOnPlatform(db: import("@/generated/prisma/client").PrismaClient) {
  return asPlatform(() =>
    db.organisation.findMany({
      select: { id: true, slug: true, name: true, kind: true, _count: { select: { users: true, bodies: true } } },
      orderBy: { name: "asc" },
    }),
  );
}
