// Read models for the admin pages, as plain DTOs. Every select is explicit: password hashes are
// never read here (only whether the account has one).
import type { PrismaClient } from "@/generated/prisma/client";
import type { BodyRoleKind } from "@/domain/protocol/protocol.types";
import { membershipTermSelect, toMembershipTerm, type MembershipTerm } from "@/server/membership-term";

export interface UserListItem {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  personName: string | null;
  bodyRoles: { bodyName: string; role: BodyRoleKind }[];
}

export interface UserDetail {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  hasPassword: boolean;
  person: { id: string; name: string; organisationName: string } | null;
  bodyRoles: { bodyId: string; bodyName: string; bodySlug: string; role: BodyRoleKind }[];
}

export interface BodyOption {
  id: string;
  slug: string;
  name: string;
  organisationName: string;
  membershipCount: number;
}

export interface PersonOption {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

export interface MembershipRow extends MembershipTerm {
  id: string;
  personName: string;
}

/** A body's memberships and the organisation's people (its other facts: bodies.queries.ts). */
export interface BodyMemberships {
  id: string;
  name: string;
  memberships: MembershipRow[];
  people: { id: string; name: string }[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");
const byBodyThenRole = (a: { bodyName: string; role: string }, b: { bodyName: string; role: string }) =>
  a.bodyName.localeCompare(b.bodyName, "sv") || a.role.localeCompare(b.role);

/** The account itself, as every user read shows it (the admin flag is the organisation's: issue 19.1). */
const accountSelect = { id: true, name: true, email: true } as const;
const membershipIn = (organisationId: string) => ({
  where: { organisationId },
  select: { isAdmin: true },
});

/** The users of one organisation (users are the platform's: only its own are listed). */
export async function listUsers(db: PrismaClient, organisationId: string): Promise<UserListItem[]> {
  const users = await db.user.findMany({
    where: { organisations: { some: { organisationId } } },
    select: {
      ...accountSelect,
      organisations: membershipIn(organisationId),
      person: { select: { name: true } },
      bodyRoles: { where: { body: { organisationId } }, select: { role: true, body: { select: { name: true } } } },
    },
  });
  return users.sort(byName).map(({ person, bodyRoles, organisations, ...account }) => ({
    ...account,
    isAdmin: organisations[0]?.isAdmin ?? false,
    personName: person?.name ?? null,
    bodyRoles: bodyRoles.map((r) => ({ bodyName: r.body.name, role: r.role })).sort(byBodyThenRole),
  }));
}

/** One user of the organisation; null for a user of another (or none). */
export async function findUserDetail(db: PrismaClient, id: string, organisationId: string): Promise<UserDetail | null> {
  const u = await db.user.findFirst({
    where: { id, organisations: { some: { organisationId } } },
    select: {
      ...accountSelect,
      organisations: membershipIn(organisationId),
      passwordHash: true,
      person: { select: { id: true, name: true, organisation: { select: { name: true } } } },
      bodyRoles: {
        where: { body: { organisationId } },
        select: { role: true, body: { select: { id: true, name: true, slug: true } } },
      },
    },
  });
  if (!u) return null;
  const { passwordHash, person, bodyRoles, organisations, ...account } = u;
  return {
    ...account,
    isAdmin: organisations[0]?.isAdmin ?? false,
    hasPassword: passwordHash !== null,
    person: person ? { id: person.id, name: person.name, organisationName: person.organisation.name } : null,
    bodyRoles: bodyRoles
      .map((r) => ({ bodyId: r.body.id, bodyName: r.body.name, bodySlug: r.body.slug, role: r.role }))
      .sort(byBodyThenRole),
  };
}

export async function listBodies(db: PrismaClient, organisationId: string): Promise<BodyOption[]> {
  const bodies = await db.body.findMany({
    where: { organisationId },
    select: {
      id: true,
      slug: true,
      name: true,
      organisation: { select: { name: true } },
      _count: { select: { memberships: true } },
    },
  });
  return bodies
    .map((b) => ({
      id: b.id,
      slug: b.slug,
      name: b.name,
      organisationName: b.organisation.name,
      membershipCount: b._count.memberships,
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv") || byName(a, b));
}

/** The admin's organisation, as the new-user form's choice of where a new person belongs. */
export async function listOrganisations(
  db: PrismaClient,
  organisationId: string,
): Promise<{ id: string; name: string }[]> {
  return (await db.organisation.findMany({ where: { id: organisationId }, select: { id: true, name: true } })).sort(
    byName,
  );
}

/** People who can still be linked to a new account (not linked to one already). */
export async function listUnlinkedPeople(db: PrismaClient, organisationId: string): Promise<PersonOption[]> {
  const people = await db.person.findMany({
    where: { user: null, organisationId },
    select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } },
  });
  return people
    .map((p) => ({ id: p.id, name: p.name, organisationId: p.organisationId, organisationName: p.organisation.name }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, "sv") || byName(a, b));
}

const rank = (m: { role: string; position: string | null }) =>
  m.position === "CHAIR" ? 0 : m.position === "VICE_CHAIR" ? 1 : m.role === "MEMBER" ? 2 : 3;

export async function findBodyMemberships(db: PrismaClient, bodySlug: string): Promise<BodyMemberships | null> {
  const body = await db.body.findFirst({
    where: { slug: bodySlug },
    select: {
      id: true,
      name: true,
      organisation: { select: { people: { select: { id: true, name: true } } } },
      memberships: { select: { id: true, ...membershipTermSelect, person: { select: { name: true } } } },
    },
  });
  if (!body) return null;
  return {
    id: body.id,
    name: body.name,
    people: [...body.organisation.people].sort(byName),
    memberships: body.memberships
      .map((m) => ({ id: m.id, personName: m.person.name, ...toMembershipTerm(m) }))
      .sort(
        (a, b) =>
          rank(a) - rank(b) || b.termStart.localeCompare(a.termStart) || a.personName.localeCompare(b.personName, "sv"),
      ),
  };
}
