// Admin use cases: user accounts, their body roles, and the bodies' memberships (ledamöter and
// ersättare). One transaction and one audit row each; password hashes never leave this file.
import { hash } from "@node-rs/argon2";
import { Prisma } from "@/generated/prisma/client";
import { appBaseUrl } from "@/server/config";
import { writeAudit } from "@/server/audit";
import { endAllSessions } from "@/server/session-version";
import { sendMail } from "@/server/mail";
import { AppError } from "@/server/errors";
import { bodyPositionTerms, bodyRoleKindTerms } from "@/domain/vocabulary";
import { defineAdminAction } from "@/server/action";
import { buildPasswordSetMail } from "./admin.mail";
import {
  addMembershipSchema,
  bodyLayoutSchema,
  bodyRoleSchema,
  createUserSchema,
  NEW_PERSON,
  removeMembershipSchema,
  setPasswordSchema,
  updateUserSchema,
} from "./admin.schema";
import { dbDate, isoDateOf } from "@/lib/iso-date";

type Tx = Prisma.TransactionClient;

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
}

const EMAIL_TAKEN = "Det finns redan en användare med den e-postadressen.";

async function checkEmailFree(tx: Tx, email: string, exceptUserId: string | null) {
  // Case-insensitive, also against addresses stored before they were lower-cased.
  const other = await tx.user.findFirst({
    where: { email: { equals: email, mode: "insensitive" }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { id: true },
  });
  if (other) throw fieldError("email", EMAIL_TAKEN);
}

/** A concurrent insert of the same e-mail passes checkEmailFree; the unique index catches it. */
function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

async function findUserOrFail(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isAdmin: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "Användaren finns inte. Den kan ha tagits bort; ladda om sidan.");
  return user;
}

export const createUser = defineAdminAction({ schema: createUserSchema }, async ({ db, actor, ip, input }) => {
  // Hash outside the transaction: argon2id is deliberately slow. The default algorithm is argon2id.
  const passwordHash = await hash(input.password);
  try {
    return await db.$transaction(async (tx) => {
      await checkEmailFree(tx, input.email, null);
      let personId: string | null = null;
      const link = input.personLink;
      if (link.kind === "existing") {
        const person = await tx.person.findUnique({
          where: { id: link.personId },
          select: { id: true, user: { select: { name: true } } },
        });
        if (!person) throw fieldError("personLink", "Personen finns inte längre; välj en person i listan igen.");
        if (person.user)
          throw fieldError("personLink", `Personen är redan kopplad till användaren ${person.user.name}.`);
        personId = person.id;
      } else if (link.kind === "new") {
        const organisation = await tx.organisation.findUnique({
          where: { id: input.organisationId },
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
        data: { email: input.email, name: input.name, passwordHash, isAdmin: input.isAdmin, personId },
        select: { id: true },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "admin.user.create",
        entity: "User",
        entityId: user.id,
        ip,
        data: { email: input.email, isAdmin: input.isAdmin, personId, newPerson: link.kind === "new" },
      });
      return { id: user.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("email", EMAIL_TAKEN);
    throw e;
  }
});

export const updateUser = defineAdminAction({ schema: updateUserSchema }, async ({ db, actor, ip, input }) => {
  try {
    return await db.$transaction(async (tx) => {
      const current = await findUserOrFail(tx, input.userId);
      // Keeps at least one administrator: the one making the change.
      if (current.id === actor.userId && current.isAdmin && !input.isAdmin) {
        throw fieldError(
          "isAdmin",
          "Du kan inte ta bort din egen administratörsbehörighet. Be en annan administratör göra det.",
        );
      }
      if (input.email !== current.email) await checkEmailFree(tx, input.email, current.id);
      await tx.user.update({
        where: { id: current.id },
        data: { email: input.email, name: input.name, isAdmin: input.isAdmin },
      });
      const changed = (["email", "name", "isAdmin"] as const).filter((k) => current[k] !== input[k]);
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "admin.user.update",
        entity: "User",
        entityId: current.id,
        ip,
        data: { changed, ...(changed.includes("isAdmin") ? { isAdmin: input.isAdmin } : {}) },
      });
      return { id: current.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw fieldError("email", EMAIL_TAKEN);
    throw e;
  }
});

/**
 * A new password ends every session of the user at once (whoever knew the old password is out),
 * is audited (who set whose password; never the password) and is told to the user by e-mail
 * after commit — a mail failure is logged, never undoes the change.
 */
export const setUserPassword = defineAdminAction(
  { schema: setPasswordSchema },
  async ({ db, actor, ip, input, now: at }) => {
    const passwordHash = await hash(input.password);
    const { user, adminName } = await db.$transaction(async (tx) => {
      const user = await findUserOrFail(tx, input.userId);
      await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
      await endAllSessions(tx, user.id);
      const admin = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "admin.user.setPassword",
        entity: "User",
        entityId: user.id,
        ip,
        data: { by: actor.userId, of: user.id, sessionsEnded: true },
      });
      return { user, adminName: admin.name };
    });
    await sendMail(buildPasswordSetMail({ to: user.email, userName: user.name, adminName, at, baseUrl: appBaseUrl() }));
    return { id: user.id };
  },
);

export const grantBodyRole = defineAdminAction({ schema: bodyRoleSchema }, ({ db, actor, ip, input }) =>
  db.$transaction(async (tx) => {
    const user = await findUserOrFail(tx, input.userId);
    const body = await tx.body.findUnique({ where: { id: input.bodyId }, select: { id: true, name: true } });
    if (!body) throw fieldError("bodyId", "Organet finns inte; välj ett organ i listan.");
    const key = { userId: user.id, bodyId: body.id, role: input.role };
    if (await tx.bodyRole.findUnique({ where: { userId_bodyId_role: key } })) {
      throw fieldError("role", `${user.name} är redan ${bodyRoleKindTerms[input.role].word} i ${body.name}.`);
    }
    await tx.bodyRole.create({ data: key });
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: null,
      action: "admin.bodyRole.grant",
      entity: "BodyRole",
      entityId: user.id,
      ip,
      data: { bodyId: body.id, role: input.role },
    });
    return key;
  }),
);

export const revokeBodyRole = defineAdminAction({ schema: bodyRoleSchema }, ({ db, actor, ip, input }) =>
  db.$transaction(async (tx) => {
    const { count } = await tx.bodyRole.deleteMany({
      where: { userId: input.userId, bodyId: input.bodyId, role: input.role },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Användaren har inte längre den rollen. Ladda om sidan.");
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: null,
      action: "admin.bodyRole.revoke",
      entity: "BodyRole",
      entityId: input.userId,
      ip,
      data: { bodyId: input.bodyId, role: input.role },
    });
    return { userId: input.userId, bodyId: input.bodyId, role: input.role };
  }),
);

export const addMembership = defineAdminAction({ schema: addMembershipSchema }, ({ db, actor, ip, input }) =>
  db.$transaction(async (tx) => {
    const body = await tx.body.findUnique({ where: { id: input.bodyId }, select: { id: true, organisationId: true } });
    if (!body) throw new AppError("NOT_FOUND", "Organet finns inte. Ladda om sidan.");
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
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: null,
      action: "admin.membership.add",
      entity: "Membership",
      entityId: membership.id,
      ip,
      data: {
        bodyId: body.id,
        personId,
        role: input.role,
        position: input.position,
        termStart: input.termStart,
        termEnd: input.termEnd,
      },
    });
    return { id: membership.id, personId };
  }),
);

export const removeMembership = defineAdminAction({ schema: removeMembershipSchema }, ({ db, actor, ip, input }) =>
  db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({
      where: { id: input.membershipId },
      select: { id: true, bodyId: true, personId: true, role: true },
    });
    if (!m) throw new AppError("NOT_FOUND", "Uppdraget finns inte längre. Ladda om sidan.");
    // Past attendance lists are copies and stay as they were.
    await tx.membership.delete({ where: { id: m.id } });
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: null,
      action: "admin.membership.remove",
      entity: "Membership",
      entityId: m.id,
      ip,
      data: { bodyId: m.bodyId, personId: m.personId, role: m.role },
    });
    return { id: m.id, bodyId: m.bodyId };
  }),
);

/**
 * A body's protocol layout: decision before or after the ärendebeskrivning. It changes how every
 * protocol of the body is printed from now on; what was signed stays: a justerat protocol's PDF is
 * the stored, signed file, and the setting is no part of the signed content (hash-payload.ts).
 */
export const updateBodyLayout = defineAdminAction({ schema: bodyLayoutSchema }, ({ db, actor, ip, input }) =>
  db.$transaction(async (tx) => {
    const body = await tx.body.findUnique({
      where: { id: input.bodyId },
      select: { id: true, decisionPlacement: true, appendedAttendanceList: true },
    });
    if (!body) throw new AppError("NOT_FOUND", "Organet finns inte längre. Ladda om sidan.");
    await tx.body.update({
      where: { id: body.id },
      data: {
        decisionPlacement: input.decisionPlacement,
        appendedAttendanceList: input.appendedAttendanceList ?? body.appendedAttendanceList,
      },
    });
    await writeAudit(tx, {
      userId: actor.userId,
      meetingId: null,
      action: "admin.body.layout",
      entity: "Body",
      entityId: body.id,
      ip,
      data: {
        from: { decisionPlacement: body.decisionPlacement, appendedAttendanceList: body.appendedAttendanceList },
        to: {
          decisionPlacement: input.decisionPlacement,
          appendedAttendanceList: input.appendedAttendanceList ?? body.appendedAttendanceList,
        },
      },
    });
    return { id: body.id };
  }),
);
