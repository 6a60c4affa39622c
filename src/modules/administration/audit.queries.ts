// Read model of the organisation's administration log (/admin/logg): the audit rows of changes to
// its users, roles, bodies, memberships, people and settings, newest first, with the names of who
// did it and what it concerns. Scoped twice: by the organisation here, and by row-level security
// (a row is visible to the organisation it names; migration 20261207000200_audit_organisation).
import type { PrismaClient } from "@/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

/** What an admin audit action says, in Swedish ("Skapade användare"). Unknown actions show their key. */
export const ADMIN_AUDIT_ACTIONS: Record<string, string> = {
  "admin.user.create": "Skapade användare",
  "admin.user.update": "Ändrade användare",
  "admin.user.setPassword": "Satte nytt lösenord",
  "admin.user.emailTaken": "Angav en e-postadress som inte kunde användas",
  "admin.bodyRole.grant": "Gav roll i organ",
  "admin.bodyRole.revoke": "Tog bort roll i organ",
  "admin.membership.add": "Lade till uppdrag",
  "admin.membership.remove": "Tog bort uppdrag",
  "admin.membership.callOrder": "Ändrade ersättarordning",
  "admin.body.create": "Skapade organ",
  "admin.body.update": "Ändrade organ",
  "admin.organisation.update": "Ändrade organisationens uppgifter",
  "admin.person.rename": "Bytte namn på person",
  "admin.person.merge": "Slog ihop personer",
  "admin.person.remove": "Tog bort person",
  "admin.person.identity": "Ändrade personnummer för e-legitimation",
  "platform.organisation.create": "Skapade organisationen",
};

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  /** Who did it: the account's name, or null when the account is gone. */
  by: string | null;
  /** What it concerns: the user's, body's, person's or organisation's name when it still exists. */
  concerns: string | null;
}

type Named = { id: string; name: string };

/**
 * How to name what a row concerns, by its entity. Users are the platform's: only the
 * organisation's own are named (another organisation's user is not this admin's to see); a body
 * role's row names the user it was given to.
 */
const ENTITY_NAMES: Record<string, (db: PrismaClient, ids: string[], organisationId: string) => Promise<Named[]>> = {
  User: (db, ids, organisationId) => usersOf(db, ids, organisationId),
  BodyRole: (db, ids, organisationId) => usersOf(db, ids, organisationId),
  Body: (db, ids) => db.body.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Person: (db, ids) => db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Organisation: (db, ids) => db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  Membership: async (db, ids) =>
    (
      await db.membership.findMany({
        where: { id: { in: ids } },
        select: { id: true, person: { select: { name: true } }, body: { select: { name: true } } },
      })
    ).map((m) => ({ id: m.id, name: `${m.person.name}, ${m.body.name}` })),
};

async function usersOf(db: PrismaClient, ids: string[], organisationId: string): Promise<Named[]> {
  const own = await db.organisationUser.findMany({
    where: { organisationId, userId: { in: ids } },
    select: { user: { select: { id: true, name: true } } },
  });
  return own.map((o) => o.user);
}

/**
 * One page of the organisation's administration log, newest first; `before` is the last row's id
 * of the page before (keyset paging on (at, id)). `next` is the id to ask for the next page with.
 */
export async function listOrganisationAudit(
  db: PrismaClient,
  organisationId: string,
  before?: string,
): Promise<{ rows: AuditRow[]; next: string | null }> {
  const cursor = before
    ? await db.auditLog.findFirst({ where: { id: before, organisationId }, select: { id: true, at: true } })
    : null;
  const found = await db.auditLog.findMany({
    where: {
      organisationId,
      meetingId: null,
      ...(cursor ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, action: true, entity: true, entityId: true, user: { select: { name: true } } },
  });
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  // The names of what the rows concern, one query per kind.
  const names = new Map<string, string>();
  for (const [entity, read] of Object.entries(ENTITY_NAMES)) {
    const ids = [...new Set(page.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId!))];
    if (ids.length === 0) continue;
    for (const row of await read(db, ids, organisationId)) names.set(`${entity}:${row.id}`, row.name);
  }
  return {
    rows: page.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      by: r.user?.name ?? null,
      concerns: r.entityId ? (names.get(`${r.entity}:${r.entityId}`) ?? null) : null,
    })),
    next: found.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null,
  };
}
