// Read models for the bodies and organisation pages, as plain DTOs.
import type { PrismaClient } from "@/generated/prisma/client";
import type { BodyKind } from "@/domain/protocol/protocol.types";
import { isoDateOf } from "@/lib/iso-date";

export interface BodySummary {
  id: string;
  slug: string;
  name: string;
  genitiveName: string;
  kind: BodyKind;
  seatCount: number;
  parentBodyId: string | null;
  parentName: string | null;
}

export interface OrganisationSettings {
  id: string;
  name: string;
  storagePlace: string | null;
  noticeBoard: string | null;
  noticeWording: string | null;
  noticeCertifier: string | null;
  bodies: BodySummary[];
}

export interface BodyDetail extends BodySummary {
  organisationId: string;
  organisationName: string;
  /** The organisation's other bodies, for "rapporterar till". */
  otherBodies: { id: string; name: string }[];
  substitutes: {
    membershipId: string;
    personName: string;
    represents: string;
    termStart: string;
    termEnd: string;
    callOrder: number | null;
  }[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");

const bodySelect = {
  id: true,
  slug: true,
  name: true,
  genitiveName: true,
  kind: true,
  seatCount: true,
  parentBodyId: true,
  parentBody: { select: { name: true } },
} as const;

function toSummary(b: {
  id: string;
  slug: string;
  name: string;
  genitiveName: string;
  kind: BodyKind;
  seatCount: number;
  parentBodyId: string | null;
  parentBody: { name: string } | null;
}): BodySummary {
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    genitiveName: b.genitiveName,
    kind: b.kind,
    seatCount: b.seatCount,
    parentBodyId: b.parentBodyId,
    parentName: b.parentBody?.name ?? null,
  };
}

/** Every organisation with its settings and bodies. */
export async function listOrganisationSettings(db: PrismaClient): Promise<OrganisationSettings[]> {
  const organisations = await db.organisation.findMany({
    select: {
      id: true,
      name: true,
      storagePlace: true,
      noticeBoard: true,
      noticeWording: true,
      noticeCertifier: true,
      bodies: { select: bodySelect },
    },
  });
  return organisations.sort(byName).map((o) => ({ ...o, bodies: o.bodies.map(toSummary).sort(byName) }));
}

/** One body for its edit page (the slug is unique per organisation; the first match otherwise). */
export async function findBodyDetail(db: PrismaClient, slug: string): Promise<BodyDetail | null> {
  const body = await db.body.findFirst({
    where: { slug },
    orderBy: { createdAt: "asc" },
    select: {
      ...bodySelect,
      organisationId: true,
      organisation: { select: { name: true, bodies: { select: { id: true, name: true } } } },
      memberships: {
        where: { role: "SUBSTITUTE" },
        select: {
          id: true,
          represents: true,
          termStart: true,
          termEnd: true,
          callOrder: true,
          person: { select: { name: true } },
        },
      },
    },
  });
  if (!body) return null;
  return {
    ...toSummary(body),
    organisationId: body.organisationId,
    organisationName: body.organisation.name,
    otherBodies: body.organisation.bodies.filter((b) => b.id !== body.id).sort(byName),
    substitutes: body.memberships
      .map((m) => ({
        membershipId: m.id,
        personName: m.person.name,
        represents: m.represents,
        termStart: isoDateOf(m.termStart),
        termEnd: isoDateOf(m.termEnd),
        callOrder: m.callOrder,
      }))
      .sort(
        (a, b) =>
          (a.callOrder ?? Number.MAX_SAFE_INTEGER) - (b.callOrder ?? Number.MAX_SAFE_INTEGER) ||
          b.termStart.localeCompare(a.termStart) ||
          a.personName.localeCompare(b.personName, "sv"),
      ),
  };
}
