// The organisation's bodies (organ): create, edit, reports-to without cycles, the ersättare order;
// and the organisation's own settings (name, förvaringsplats, anslagstavla, the notice's wording).
// One transaction and one audit row each; only administrators (authz.ts).
import { reportsToCycle, uniqueBodySlug } from "@/domain/rules/bodies.rules";
import { defineAdminAction } from "@/server/action";
import {
  adminOrganisation,
  auditAdmin,
  changedKeys,
  fieldError,
  found,
  isUniqueViolation,
  ownOrganisation,
  type Tx,
} from "./admin.tx";
import { bodyLayoutSelect, bodySelect, organisationSettingsSelect } from "./bodies.queries";
import { createBodySchema, setCallOrderSchema, updateBodySchema, updateOrganisationSchema } from "./bodies.schema";

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

export const createBody = defineAdminAction(
  { schema: createBodySchema, permission: "admin.manageBodies" },
  async ({ db, input, ...by }) => {
    try {
      return await db.$transaction(async (tx) => {
        const organisation = await tx.organisation.findUnique({
          where: { id: ownOrganisation(by, input.organisationId) },
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
        await auditAdmin(tx, by, "admin.body.create", ["Body", body.id], {
          organisationId: organisation.id,
          slug,
          name: input.name,
          kind: input.kind,
          seatCount: input.seatCount,
        });
        return body;
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError("name", BODY_NAME_TAKEN);
      throw e;
    }
  },
);

/**
 * The slug stays as it was: meetings' addresses ("direktionen-2021-11-18") are built from it. The
 * layout changes how every protocol of the body is printed from now on; what was signed stays: a
 * justerat protocol's PDF is the stored, signed file, and the layout is no part of the signed
 * content (hash-payload.ts).
 */
export const updateBody = defineAdminAction(
  { schema: updateBodySchema, permission: "admin.manageBodies" },
  ({
    db,
    input: { bodyId, decisionPlacement, appendedAttendanceList, summonsLeadDays, liveSelfVoting, ...fields },
    ...by
  }) =>
    db.$transaction(async (tx) => {
      const current = found(
        await tx.body.findFirst({
          where: { id: bodyId, organisationId: adminOrganisation(by) },
          select: { ...bodySelect, ...bodyLayoutSelect, organisationId: true },
        }),
        "Organet finns inte längre. Ladda om sidan.",
      );
      if (fields.name !== current.name) await checkNameFree(tx, current.organisationId, fields.name, current.id);
      await checkParent(tx, current.organisationId, current.id, fields.parentBodyId);
      const data = {
        ...fields,
        decisionPlacement: decisionPlacement ?? current.decisionPlacement,
        appendedAttendanceList: appendedAttendanceList ?? current.appendedAttendanceList,
        summonsLeadDays: summonsLeadDays ?? current.summonsLeadDays,
        liveSelfVoting: liveSelfVoting ?? current.liveSelfVoting,
      };
      await tx.body.update({ where: { id: current.id }, data });
      const changed = changedKeys(current, data);
      await auditAdmin(tx, by, "admin.body.update", ["Body", current.id], {
        changed,
        ...Object.fromEntries(changed.map((k) => [k, { from: current[k], to: data[k] }])),
      });
      return { id: current.id, slug: current.slug };
    }),
);

/** Ersättarordning: the place of an ersättare in the order they are called in. */
export const setCallOrder = defineAdminAction(
  { schema: setCallOrderSchema, permission: "admin.manageBodies" },
  ({ db, input, ...by }) =>
    db.$transaction(async (tx) => {
      const m = found(
        await tx.membership.findFirst({
          // The admin's own organisation's seat only (the first line; row-level security is the second).
          where: { id: input.membershipId, body: { organisationId: adminOrganisation(by) } },
          select: { id: true, bodyId: true, role: true, callOrder: true, person: { select: { name: true } } },
        }),
        "Uppdraget finns inte längre. Ladda om sidan.",
      );
      if (m.role !== "SUBSTITUTE" && input.callOrder !== null) {
        throw fieldError("callOrder", `${m.person.name} är ledamot; bara ersättare har en plats i ersättarordningen.`);
      }
      await tx.membership.update({ where: { id: m.id }, data: { callOrder: input.callOrder } });
      await auditAdmin(tx, by, "admin.membership.callOrder", ["Membership", m.id], {
        bodyId: m.bodyId,
        from: m.callOrder,
        to: input.callOrder,
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
  ({ db, input: { organisationId, ...data }, ...by }) =>
    db.$transaction(async (tx) => {
      const { id, ...current } = found(
        await tx.organisation.findUnique({
          where: { id: ownOrganisation(by, organisationId) },
          select: organisationSettingsSelect,
        }),
        "Organisationen finns inte. Ladda om sidan.",
      );
      await tx.organisation.update({ where: { id }, data });
      const changed = changedKeys(current, data);
      await auditAdmin(tx, by, "admin.organisation.update", ["Organisation", id], { changed });
      return { id };
    }),
);
