// The organisation's bodies (organ): create, edit, reports-to without cycles, the ersättare order;
// and the organisation's own settings (name, förvaringsplats, anslagstavla, the notice's wording).
// One transaction and one audit row each; only administrators (authz.ts).
import { Prisma } from "@/generated/prisma/client";
import { reportsToCycle, uniqueBodySlug } from "@/domain/rules/bodies.rules";
import { defineAdminAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { createBodySchema, setCallOrderSchema, updateBodySchema, updateOrganisationSchema } from "./bodies.schema";

type Tx = Prisma.TransactionClient;

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
}

const BODY_NAME_TAKEN = "Organisationen har redan ett organ med det namnet.";

/** The body it reports to: in the same organisation, not itself nor one that reports to it. */
async function checkParent(tx: Tx, organisationId: string, bodyId: string | null, parentId: string | null) {
  if (parentId === null) return;
  const bodies = await tx.body.findMany({
    where: { organisationId },
    select: { id: true, parentBodyId: true, name: true },
  });
  if (!bodies.some((b) => b.id === parentId)) {
    throw fieldError(
      "parentBodyId",
      "Organet som det rapporterar till finns inte i organisationen; välj ett i listan.",
    );
  }
  const parents = new Map(bodies.map((b) => [b.id, b.parentBodyId]));
  if (reportsToCycle(bodyId, parentId, parents)) {
    throw fieldError(
      "parentBodyId",
      parentId === bodyId
        ? "Ett organ kan inte rapportera till sig självt."
        : "Det valda organet rapporterar redan (direkt eller via andra) till det här organet. Välj ett annat.",
    );
  }
}

async function checkNameFree(tx: Tx, organisationId: string, name: string, exceptId: string | null) {
  const other = await tx.body.findFirst({
    where: {
      organisationId,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (other) throw fieldError("name", BODY_NAME_TAKEN);
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export const createBody = defineAdminAction(
  { schema: createBodySchema, permission: "admin.manageBodies" },
  async ({ db, actor, ip, input }) => {
    try {
      return await db.$transaction(async (tx) => {
        const organisation = await tx.organisation.findUnique({
          where: { id: input.organisationId },
          select: { id: true },
        });
        if (!organisation) throw fieldError("organisationId", "Organisationen finns inte; ladda om sidan.");
        await checkNameFree(tx, organisation.id, input.name, null);
        await checkParent(tx, organisation.id, null, input.parentBodyId);
        const taken = await tx.body.findMany({ where: { organisationId: organisation.id }, select: { slug: true } });
        // "ny" is the new-body page's address (/admin/organ/ny), never a body's.
        const slug = uniqueBodySlug(input.name, new Set(["ny", ...taken.map((t) => t.slug)]));
        const body = await tx.body.create({
          data: {
            organisationId: organisation.id,
            slug,
            name: input.name,
            genitiveName: input.genitiveName,
            kind: input.kind,
            seatCount: input.seatCount,
            parentBodyId: input.parentBodyId,
          },
          select: { id: true, slug: true },
        });
        await writeAudit(tx, {
          userId: actor.userId,
          meetingId: null,
          action: "admin.body.create",
          entity: "Body",
          entityId: body.id,
          ip,
          data: {
            organisationId: organisation.id,
            slug,
            name: input.name,
            kind: input.kind,
            seatCount: input.seatCount,
          },
        });
        return body;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError("name", BODY_NAME_TAKEN);
      throw e;
    }
  },
);

/** The slug stays as it was: meetings' addresses ("direktionen-2021-11-18") are built from it. */
export const updateBody = defineAdminAction(
  { schema: updateBodySchema, permission: "admin.manageBodies" },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      const current = await tx.body.findUnique({
        where: { id: input.bodyId },
        select: {
          id: true,
          slug: true,
          organisationId: true,
          name: true,
          genitiveName: true,
          kind: true,
          seatCount: true,
          parentBodyId: true,
        },
      });
      if (!current) throw new AppError("NOT_FOUND", "Organet finns inte längre. Ladda om sidan.");
      if (input.name !== current.name) await checkNameFree(tx, current.organisationId, input.name, current.id);
      await checkParent(tx, current.organisationId, current.id, input.parentBodyId);
      const data = {
        name: input.name,
        genitiveName: input.genitiveName,
        kind: input.kind,
        seatCount: input.seatCount,
        parentBodyId: input.parentBodyId,
      };
      await tx.body.update({ where: { id: current.id }, data });
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== current[k]);
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "admin.body.update",
        entity: "Body",
        entityId: current.id,
        ip,
        data: { changed, ...Object.fromEntries(changed.map((k) => [k, { from: current[k], to: data[k] }])) },
      });
      return { id: current.id, slug: current.slug };
    }),
);

/** Ersättarordning: the place of an ersättare in the order they are called in. */
export const setCallOrder = defineAdminAction(
  { schema: setCallOrderSchema, permission: "admin.manageBodies" },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      const m = await tx.membership.findUnique({
        where: { id: input.membershipId },
        select: { id: true, bodyId: true, role: true, callOrder: true, person: { select: { name: true } } },
      });
      if (!m) throw new AppError("NOT_FOUND", "Uppdraget finns inte längre. Ladda om sidan.");
      if (m.role !== "SUBSTITUTE" && input.callOrder !== null) {
        throw fieldError("callOrder", `${m.person.name} är ledamot; bara ersättare har en plats i ersättarordningen.`);
      }
      await tx.membership.update({ where: { id: m.id }, data: { callOrder: input.callOrder } });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "admin.membership.callOrder",
        entity: "Membership",
        entityId: m.id,
        ip,
        data: { bodyId: m.bodyId, from: m.callOrder, to: input.callOrder },
      });
      return { id: m.id, callOrder: input.callOrder };
    }),
);

/**
 * The organisation's name and notice settings. A protocol already justerat keeps the notice it
 * was posted with (its Notice row); the settings apply to notices from now on.
 */
export const updateOrganisation = defineAdminAction(
  { schema: updateOrganisationSchema, permission: "admin.manageOrganisation" },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      const current = await tx.organisation.findUnique({
        where: { id: input.organisationId },
        select: {
          id: true,
          name: true,
          storagePlace: true,
          noticeBoard: true,
          noticeWording: true,
          noticeCertifier: true,
        },
      });
      if (!current) throw new AppError("NOT_FOUND", "Organisationen finns inte. Ladda om sidan.");
      const data = {
        name: input.name,
        storagePlace: input.storagePlace,
        noticeBoard: input.noticeBoard,
        noticeWording: input.noticeWording,
        noticeCertifier: input.noticeCertifier,
      };
      await tx.organisation.update({ where: { id: current.id }, data });
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== current[k]);
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "admin.organisation.update",
        entity: "Organisation",
        entityId: current.id,
        ip,
        data: { changed },
      });
      return { id: current.id };
    }),
);
