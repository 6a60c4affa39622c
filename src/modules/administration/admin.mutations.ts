// Admin use cases: user accounts, their body roles, and the bodies' memberships (ledamöter and
// ersättare). One transaction and one audit row each; password hashes never leave this file.
import { hash } from "@node-rs/argon2";
import { appBaseUrl } from "@/server/config";
import { endAllSessions } from "@/server/session-version";
import { afterCommit, queueMail } from "@/server/jobs/outbox";
import { AppError } from "@/server/errors";
import { bodyPositionTerms, bodyRoleKindTerms } from "@/domain/vocabulary";
import { defineAdminAction, type RunContext } from "@/server/action";
import { RateLimiter } from "@/server/rate-limit";
import { authorizeAccountCredentials, type Actor } from "@/server/authz";
import { passwordMustChangeAfterSet } from "@/domain/rules/account.rules";
import { asPlatform } from "@/server/tenancy";
import type { PrismaClient } from "@/generated/prisma/client";
import { buildAccountCreatedMail, buildEmailMovedMail, buildPasswordSetMail } from "./admin.mail";
import {
  actorName,
  adminOrganisation,
  auditAdmin,
  fieldError,
  found,
  isUniqueViolation,
  ownOrganisation,
  type Tx,
} from "./admin.tx";
import { NEW_PERSON } from "./admin.constants";
import {
  addMembershipSchema,
  bodyRoleSchema,
  createUserSchema,
  removeMembershipSchema,
  setPasswordSchema,
  updateUserSchema,
} from "./admin.schema";
import { dbDate, isoDateOf } from "@/lib/iso-date";

/**
 * An address that already has an account, anywhere on the installation. The same words whether
 * the account is one of this organisation's users (the admin sees it in the list anyway) or
 * another organisation's (red team: the message said which, and so where the address is used):
 * the refusal itself cannot be avoided (one account per address), what it tells can.
 */
export const EMAIL_TAKEN =
  "E-postadressen kan inte användas för ett nytt konto. Finns personen bland organisationens användare, ändra den användaren i stället; annars kan plattformens administratör ge kontot tillgång till organisationen.";

/**
 * Taken addresses an admin may be told of: 10 an hour. A person's address is rarely typed wrong
 * twice; an admin trying list after list of addresses (which of them have accounts here?) is
 * stopped, and every refusal is in the organisation's log. Counted outside the transaction that
 * the refusal rolls back.
 */
export const EMAIL_TAKEN_LIMIT = { scope: "admin-email-taken", max: 10, windowMs: 60 * 60_000 };

async function checkEmailFree(
  tx: Tx,
  { db, ...by }: Pick<RunContext, "db" | "actor" | "ip">,
  email: string,
  exceptUserId: string | null,
) {
  // Case-insensitive, also against addresses stored before they were lower-cased.
  const other = await tx.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true },
  });
  if (!other) return;
  const attempt = await new RateLimiter(EMAIL_TAKEN_LIMIT, () => db).hit(by.actor.userId);
  // Its own statement, not the transaction's: the log keeps the refusal the transaction undoes.
  await auditAdmin(db, by, "admin.user.emailTaken", ["User", by.actor.userId], { attempt: attempt.count });
  if (attempt.limited) {
    throw fieldError("email", "Många adresser kunde inte användas den senaste timmen. Vänta en timme och försök igen.");
  }
  throw fieldError("email", EMAIL_TAKEN);
}

/** A user of the admin's organisation, with their admin flag there; another organisation's is "not found". */
async function findUserOrFail(tx: Tx, userId: string, organisationId: string) {
  const user = found(
    await tx.user.findFirst({
      where: { id: userId, organisations: { some: { organisationId } } },
      select: {
        id: true,
        email: true,
        name: true,
        organisations: { where: { organisationId }, select: { isAdmin: true } },
      },
    }),
    "Användaren finns inte. Den kan ha tagits bort; ladda om sidan.",
  );
  const { organisations, ...account } = user;
  return { ...account, isAdmin: organisations[0]?.isAdmin ?? false };
}

/**
 * The password, e-mail and name reach every organisation of the account: refused unless the admin
 * administers each of them (authorizeAccountCredentials). Read as the platform: in the request's
 * organisation row-level security would show the account's membership there only.
 */
async function checkAccountCredentials(db: PrismaClient, actor: Actor, userId: string): Promise<void> {
  const [account, adminOf] = await asPlatform(() =>
    Promise.all([
      db.user.findUniqueOrThrow({
        where: { id: userId },
        select: { isAdmin: true, organisations: { select: { organisationId: true } } },
      }),
      db.organisationUser.findMany({
        where: { userId: actor.userId, isAdmin: true },
        select: { organisationId: true },
      }),
    ]),
  );
  const decision = authorizeAccountCredentials(
    actor,
    { userId, isPlatformAdmin: account.isAdmin, organisationIds: account.organisations.map((o) => o.organisationId) },
    adminOf.map((o) => o.organisationId),
  );
  if (!decision.ok) throw new AppError("FORBIDDEN", decision.message);
}

export const createUser = defineAdminAction({ schema: createUserSchema }, async ({ db, input, now: at, ...by }) => {
  const organisationId = adminOrganisation(by);
  // Hash outside the transaction: argon2id is deliberately slow. The default algorithm is argon2id.
  const passwordHash = await hash(input.password);
  try {
    const { id, mailId } = await db.$transaction(async (tx) => {
      await checkEmailFree(tx, { db, ...by }, input.email, null);
      let personId: string | null = null;
      const link = input.personLink;
      if (link.kind === "existing") {
        const person = await tx.person.findFirst({
          where: { id: link.personId, organisationId },
          select: { id: true, user: { select: { name: true } } },
        });
        if (!person) throw fieldError("personLink", "Personen finns inte längre; välj en person i listan igen.");
        if (person.user)
          throw fieldError("personLink", `Personen är redan kopplad till användaren ${person.user.name}.`);
        personId = person.id;
      } else if (link.kind === "new") {
        const organisation = await tx.organisation.findUnique({
          where: { id: ownOrganisation(by, input.organisationId) },
          select: { id: true },
        });
        if (!organisation) throw fieldError("organisationId", "Organisationen finns inte; välj en i listan.");
        personId = (
          await tx.person.create({
            data: { organisationId: organisation.id, name: input.name, email: input.email },
            select: { id: true },
          })
        ).id;
      }
      const user = await tx.user.create({
        // A user of this organisation; its admin when ticked (never the platform's admin).
        // The admin chose the password: its holder replaces it at the first sign-in.
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          passwordMustChange: true,
          personId,
        },
        select: { id: true },
      });
      // A linked person already made the user one of the organisation's (a trigger).
      const key = { userId: user.id, organisationId };
      await tx.organisationUser.upsert({
        where: { userId_organisationId: key },
        create: { ...key, isAdmin: input.isAdmin },
        update: { isAdmin: input.isAdmin },
      });
      const { email, isAdmin } = input;
      const newPerson = link.kind === "new";
      await auditAdmin(tx, by, "admin.user.create", ["User", user.id], { email, isAdmin, personId, newPerson });
      // The holder of the address learns of the account now, not only when a code is asked for.
      const organisation = await tx.organisation.findUniqueOrThrow({
        where: { id: organisationId },
        select: { name: true },
      });
      const mail = buildAccountCreatedMail({
        to: input.email,
        userName: input.name,
        adminName: await actorName(tx, by),
        organisationName: organisation.name,
        at,
        baseUrl: appBaseUrl(),
      });
      return { id: user.id, mailId: await queueMail(tx, mail, "admin.userCreated") };
    });
    await afterCommit(db, [mailId]);
    return { id };
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("email", EMAIL_TAKEN);
    throw e;
  }
});

export const updateUser = defineAdminAction({ schema: updateUserSchema }, async ({ db, input, now: at, ...by }) => {
  try {
    const organisationId = adminOrganisation(by);
    const { id, mailId } = await db.$transaction(async (tx) => {
      const current = await findUserOrFail(tx, input.userId, organisationId);
      // Keeps at least one administrator: the one making the change.
      if (current.id === by.actor.userId && current.isAdmin && !input.isAdmin) {
        throw fieldError(
          "isAdmin",
          "Du kan inte ta bort din egen administratörsbehörighet. Be en annan administratör göra det.",
        );
      }
      // The name and e-mail are the account's, in every organisation it belongs to.
      if (input.email !== current.email || input.name !== current.name) {
        await checkAccountCredentials(db, by.actor, current.id);
      }
      const emailChanged = input.email !== current.email;
      if (emailChanged) await checkEmailFree(tx, { db, ...by }, input.email, current.id);
      // A new address set by someone else is not yet proven its holder's: the account's password
      // must change again, with a code mailed to the new address (else an admin could point the
      // address at a mailbox of their own, clear the mark with its code, and point it back).
      const remark =
        emailChanged &&
        passwordMustChangeAfterSet(by.actor.userId, current.id) &&
        (await tx.user.count({ where: { id: current.id, passwordHash: { not: null } } })) > 0;
      await tx.user.update({
        where: { id: current.id },
        data: {
          email: input.email,
          name: input.name,
          ...(remark ? { passwordMustChange: true, passwordCodeHash: null, passwordCodeExpiresAt: null } : {}),
        },
      });
      await tx.organisationUser.update({
        where: { userId_organisationId: { userId: current.id, organisationId } },
        data: { isAdmin: input.isAdmin },
      });
      const changed = (["email", "name", "isAdmin"] as const).filter((k) => current[k] !== input[k]);
      await auditAdmin(tx, by, "admin.user.update", ["User", current.id], {
        changed,
        ...(changed.includes("isAdmin") ? { isAdmin: input.isAdmin } : {}),
      });
      // The account's address moved: the old address is told (its holder may be losing the account
      // to whoever reads the new one; an admin's own address too, in case it was not the admin).
      if (!emailChanged) return { id: current.id, mailId: null };
      const mail = buildEmailMovedMail({
        to: current.email,
        userName: current.name,
        adminName: await actorName(tx, by),
        newEmail: input.email,
        at,
        baseUrl: appBaseUrl(),
      });
      return { id: current.id, mailId: await queueMail(tx, mail, "admin.emailMoved") };
    });
    await afterCommit(db, [mailId]);
    return { id };
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("email", EMAIL_TAKEN);
    throw e;
  }
});

/**
 * A new password ends every session of the user at once (whoever knew the old password is out),
 * is audited (who set whose password; never the password) and is told to the user by e-mail:
 * the mail goes to the outbox in the same transaction and is sent after commit by the job worker.
 */
export const setUserPassword = defineAdminAction(
  { schema: setPasswordSchema },
  async ({ db, input, now: at, ...by }) => {
    const { actor } = by;
    const passwordHash = await hash(input.password);
    const organisationId = adminOrganisation(by);
    const { user, mailId } = await db.$transaction(async (tx) => {
      const user = await findUserOrFail(tx, input.userId, organisationId);
      // Locked before the check: the platform attaching the account to a new organisation meanwhile
      // waits for this password (and sees it must change), or is seen by the check.
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${user.id} FOR UPDATE`;
      await checkAccountCredentials(db, actor, user.id);
      const passwordMustChange = passwordMustChangeAfterSet(actor.userId, user.id);
      // A code mailed before this password no longer makes it the holder's.
      const code = { passwordCodeHash: null, passwordCodeExpiresAt: null };
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordMustChange, ...code } });
      await endAllSessions(tx, user.id);
      const audited = { by: actor.userId, of: user.id, sessionsEnded: true };
      await auditAdmin(tx, by, "admin.user.setPassword", ["User", user.id], audited);
      const mail = buildPasswordSetMail({
        to: user.email,
        userName: user.name,
        adminName: await actorName(tx, by),
        at,
        baseUrl: appBaseUrl(),
      });
      return { user, mailId: await queueMail(tx, mail, "admin.passwordSet") };
    });
    await afterCommit(db, [mailId]);
    return { id: user.id };
  },
);

export const grantBodyRole = defineAdminAction({ schema: bodyRoleSchema }, ({ db, input, ...by }) =>
  db.$transaction(async (tx) => {
    const organisationId = adminOrganisation(by);
    const user = await findUserOrFail(tx, input.userId, organisationId);
    const body = await tx.body.findFirst({
      where: { id: input.bodyId, organisationId },
      select: { id: true, name: true },
    });
    if (!body) throw fieldError("bodyId", "Organet finns inte; välj ett organ i listan.");
    const key = { userId: user.id, bodyId: body.id, role: input.role };
    if (await tx.bodyRole.findUnique({ where: { userId_bodyId_role: key } })) {
      throw fieldError("role", `${user.name} är redan ${bodyRoleKindTerms[input.role].word} i ${body.name}.`);
    }
    await tx.bodyRole.create({ data: key });
    await auditAdmin(tx, by, "admin.bodyRole.grant", ["BodyRole", user.id], { bodyId: body.id, role: input.role });
    return key;
  }),
);

export const revokeBodyRole = defineAdminAction({ schema: bodyRoleSchema }, ({ db, input, ...by }) =>
  db.$transaction(async (tx) => {
    const { count } = await tx.bodyRole.deleteMany({
      where: {
        userId: input.userId,
        bodyId: input.bodyId,
        role: input.role,
        body: { organisationId: adminOrganisation(by) },
      },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Användaren har inte längre den rollen. Ladda om sidan.");
    const { userId, bodyId, role } = input;
    await auditAdmin(tx, by, "admin.bodyRole.revoke", ["BodyRole", userId], { bodyId, role });
    return { userId, bodyId, role };
  }),
);

export const addMembership = defineAdminAction({ schema: addMembershipSchema }, ({ db, input, ...by }) =>
  db.$transaction(async (tx) => {
    const body = found(
      await tx.body.findFirst({
        where: { id: input.bodyId, organisationId: adminOrganisation(by) },
        select: { id: true, organisationId: true },
      }),
      "Organet finns inte. Ladda om sidan.",
    );
    const termStart = dbDate(input.termStart);
    const termEnd = dbDate(input.termEnd);
    const overlapping = { bodyId: body.id, termStart: { lte: termEnd }, termEnd: { gte: termStart } };

    let personId: string;
    if (input.personId === NEW_PERSON) {
      personId = (
        await tx.person.create({
          data: { organisationId: body.organisationId, name: input.newPersonName },
          select: { id: true },
        })
      ).id;
    } else {
      const person = await tx.person.findFirst({
        where: { id: input.personId, organisationId: body.organisationId },
        select: { id: true, name: true },
      });
      if (!person) throw fieldError("personId", "Personen finns inte i organisationen; välj personen i listan igen.");
      const seat = await tx.membership.findFirst({
        where: { ...overlapping, personId: person.id },
        select: { termStart: true, termEnd: true },
      });
      if (seat) {
        throw fieldError(
          "personId",
          `${person.name} har redan en plats i organet ${isoDateOf(seat.termStart)}–${isoDateOf(seat.termEnd)}. Ta bort den först eller välj en annan period.`,
        );
      }
      personId = person.id;
    }
    if (input.position) {
      const holder = await tx.membership.findFirst({
        where: { ...overlapping, position: input.position },
        select: { termStart: true, termEnd: true, person: { select: { name: true } } },
      });
      if (holder) {
        throw fieldError(
          "position",
          `Organet har redan en ${bodyPositionTerms[input.position].word} under perioden: ` +
            `${holder.person.name} (${isoDateOf(holder.termStart)}–${isoDateOf(holder.termEnd)}).`,
        );
      }
    }
    const membership = await tx.membership.create({
      data: {
        bodyId: body.id,
        personId,
        role: input.role,
        position: input.position,
        represents: input.represents,
        termStart,
        termEnd,
        hasVotingRight: input.hasVotingRight,
      },
      select: { id: true },
    });
    await auditAdmin(tx, by, "admin.membership.add", ["Membership", membership.id], {
      bodyId: body.id,
      personId,
      role: input.role,
      position: input.position,
      termStart: input.termStart,
      termEnd: input.termEnd,
    });
    return { id: membership.id, personId };
  }),
);

export const removeMembership = defineAdminAction({ schema: removeMembershipSchema }, ({ db, input, ...by }) =>
  db.$transaction(async (tx) => {
    const m = found(
      await tx.membership.findFirst({
        // The admin's own organisation's seat only (the first line; row-level security is the second).
        where: { id: input.membershipId, body: { organisationId: adminOrganisation(by) } },
        select: { id: true, bodyId: true, personId: true, role: true },
      }),
      "Uppdraget finns inte längre. Ladda om sidan.",
    );
    // Past attendance lists are copies and stay as they were.
    await tx.membership.delete({ where: { id: m.id } });
    const { bodyId, personId, role } = m;
    await auditAdmin(tx, by, "admin.membership.remove", ["Membership", m.id], { bodyId, personId, role });
    return { id: m.id, bodyId: m.bodyId };
  }),
);
