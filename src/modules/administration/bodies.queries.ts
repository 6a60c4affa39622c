// Read models for the bodies and organisation pages, as plain DTOs.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { BodyKind, DecisionPlacement } from "@/domain/protocol/protocol.types";
import { isoDateOf } from "@/lib/iso-date";
import { organisationNoticeSelect } from "@/server/notice-settings";

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
  /** The Dnr example the secretaries see when typing one ("MBN 2019.0412"); null: built from the prefix. */
  caseNumberExample: string | null;
  /** Whole years the public copy keeps personal names; null: always (retention.ts). */
  publicNamesYears: number | null;
  /** noindex for public protocol pages and PDFs once the appeal period is over. */
  noindexAfterAppeal: boolean;
  bodies: BodySummary[];
}

export interface BodyDetail extends BodySummary {
  decisionPlacement: DecisionPlacement;
  appendedAttendanceList: boolean;
  /** Days before the meeting the kallelse must be sent (the arbetsordning's time). */
  summonsLeadDays: number;
  liveSelfVoting: boolean;
  /** The titles of the body's opening §§ (its opening templates, src/modules/templates), in order. */
  openingTitles: string[];
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

export const bodySelect = {
  id: true,
  slug: true,
  name: true,
  genitiveName: true,
  kind: true,
  seatCount: true,
  parentBodyId: true,
  parentBody: { select: { name: true } },
} as const;

/** A body's protocol layout (issue 14 point 7), edited in the same form as the body. */
/** The body's protocol layout and its practice before the meeting (kallelse, opening items). */
export const bodyLayoutSelect = {
  decisionPlacement: true,
  appendedAttendanceList: true,
  summonsLeadDays: true,
  liveSelfVoting: true,
} as const;

/** What the organisation's settings form edits, with the organisation's id. */
export const organisationSettingsSelect = {
  id: true,
  ...organisationNoticeSelect,
  caseNumberExample: true,
  publicNamesYears: true,
  noindexAfterAppeal: true,
} as const;

function toSummary(b: Prisma.BodyGetPayload<{ select: typeof bodySelect }>): BodySummary {
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
    select: { ...organisationSettingsSelect, bodies: { select: bodySelect } },
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
      ...bodyLayoutSelect,
      organisationId: true,
      organisation: { select: { name: true, bodies: { select: { id: true, name: true } } } },
      paragraphTemplates: { where: { isOpening: true }, orderBy: { position: "asc" }, select: { title: true } },
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
    decisionPlacement: body.decisionPlacement,
    appendedAttendanceList: body.appendedAttendanceList,
    summonsLeadDays: body.summonsLeadDays,
    liveSelfVoting: body.liveSelfVoting,
    openingTitles: body.paragraphTemplates.map((t) => t.title),
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

/** The organisation asked for by id (else the first) with the others, or null when there is none. */
export async function findOrganisationSettings(
  db: PrismaClient,
  wantedId: string | undefined,
): Promise<{ organisation: OrganisationSettings; others: OrganisationSettings[] } | null> {
  const organisations = await listOrganisationSettings(db);
  const organisation = organisations.find((o) => o.id === wantedId) ?? organisations[0];
  return organisation ? { organisation, others: organisations.filter((o) => o !== organisation) } : null;
}
