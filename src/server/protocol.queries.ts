// Reads protocols out of the database as plain DTOs (no Prisma types leave this file).
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { richDocSchema } from "@/domain/richtext/richtext.schema";
import type { CorrectionDTO, ParagraphDTO, ProtocolDTO, RichDoc } from "@/domain/protocol/protocol.types";
import { signerAssignments } from "@/domain/rules/signers.rules";
import { membershipRoleTerms } from "@/domain/vocabulary";
import { isoDateOf } from "@/lib/iso-date";

const byPosition = { orderBy: { position: "asc" } } as const;

const paragraphInclude = {
  sections: byPosition,
  basisDocuments: byPosition,
  dispatches: byPosition,
  attachments: { ...byPosition, omit: { bytes: true } },
  motions: { ...byPosition, include: { person: true } },
  propositions: byPosition,
  votes: { ...byPosition, include: { ballots: { ...byPosition, include: { person: true } } } },
  reservations: { ...byPosition, include: { person: true } },
  notes: { ...byPosition, include: { person: true } },
  recusals: { include: { person: true }, orderBy: { id: "asc" } },
} satisfies Prisma.ParagraphInclude;

const protocolInclude = {
  body: { include: { organisation: true } },
  secretary: true,
  adjusters: { ...byPosition, include: { person: true } },
  signers: { ...byPosition, include: { person: true } },
  attendances: {
    ...byPosition,
    include: { person: true, ranges: { orderBy: { fromNumber: "asc" } } },
  },
  paragraphs: { orderBy: { number: "asc" }, include: paragraphInclude },
  signatures: { include: { person: true }, orderBy: { signedAt: "asc" } },
  notice: true,
  people: true,
} satisfies Prisma.MeetingInclude;

type MeetingWithProtocol = Prisma.MeetingGetPayload<{ include: typeof protocolInclude }>;

function parseDoc(json: unknown): RichDoc {
  // Stored content was validated on write; parse again so a bad row cannot reach a renderer.
  const parsed = richDocSchema.safeParse(json);
  return parsed.success ? parsed.data : { type: "doc", content: [] };
}

type ParagraphWithParts = MeetingWithProtocol["paragraphs"][number];

/** How a person is named in a protocol: by the live Person row, or as frozen at sending. */
export type NameOf = (person: { id: string; name: string }) => string;
const liveName: NameOf = (person) => person.name;

/**
 * Names as the protocol showed them when it was sent for justering (ProtocolPerson, written by
 * sendForAdjustment, refused by the frozen-protocol trigger afterwards); live names for a draft.
 * A person without a frozen row (none in a protocol sent after 20261203230500_frozen_people)
 * falls back to the live name.
 */
export function namesFor(m: { status: string; people: { personId: string; name: string }[] }): NameOf {
  if (m.status === "DRAFT" || m.people.length === 0) return liveName;
  const frozen = new Map(m.people.map((p) => [p.personId, p.name]));
  return (person) => frozen.get(person.id) ?? person.name;
}

/** Every person the protocol names, with the name it shows: what sending for justering freezes. */
export function peopleNamedIn(p: ProtocolDTO): Map<string, string> {
  const out = new Map<string, string>();
  const add = (ref: { personId: string | null; name: string | null }) => {
    if (ref.personId && ref.name !== null) out.set(ref.personId, ref.name);
  };
  if (p.secretary) add(p.secretary);
  for (const r of [...p.adjusters, ...(p.signers ?? []), ...p.attendance, ...p.signatures]) add(r);
  for (const para of p.paragraphs) {
    for (const r of [
      ...para.motions,
      ...para.reservations,
      ...para.notes,
      ...para.recusals,
      ...para.votes.flatMap((v) => v.ballots),
    ])
      add(r);
  }
  return out;
}

export function toParagraphDTO(p: ParagraphWithParts, nameOf: NameOf = liveName): ParagraphDTO {
  const motionIndex = new Map(p.motions.map((mo, i) => [mo.id, i]));
  return {
    id: p.id,
    number: p.number,
    caseNumber: p.caseNumber,
    title: p.title,
    decision: { intro: p.decisionIntro, clauses: p.decisionClauses },
    sections: p.sections.map((s) => ({ kind: s.kind, heading: s.heading, content: parseDoc(s.content) })),
    basisDocuments: p.basisDocuments.map((b) => b.title),
    dispatch: p.dispatches.map((d) => d.recipient),
    attachments: p.attachments.map((a) => ({ id: a.id, label: a.label, fileName: a.fileName })),
    motions: p.motions.map((mo) => ({
      personId: mo.person.id,
      name: nameOf(mo.person),
      kind: mo.kind,
      text: mo.text,
      amendsIndex: mo.amendsId ? (motionIndex.get(mo.amendsId) ?? null) : null,
      withdrawn: mo.withdrawn,
    })),
    propositions: p.propositions.map((pr) => pr.text),
    votes: p.votes.map((v) => ({
      question: v.question,
      result: v.result,
      outcome: v.outcome,
      ballots: v.ballots.map((b) => ({ personId: b.person.id, name: nameOf(b.person), choice: b.choice })),
      counts:
        v.yesCount === null || v.noCount === null || v.abstainCount === null
          ? null
          : { ja: v.yesCount, nej: v.noCount, avstar: v.abstainCount },
    })),
    reservations: p.reservations.map((r) => ({
      personId: r.person.id,
      name: nameOf(r.person),
      reasons: r.reasons,
      writtenLater: r.writtenLater,
    })),
    notes: p.notes.map((n) => ({
      personId: n.person?.id ?? null,
      name: n.person ? nameOf(n.person) : null,
      text: n.text,
    })),
    recusals: p.recusals.map((r) => ({ personId: r.person.id, name: nameOf(r.person), reason: r.reason })),
    isConfidential: p.isConfidential,
    withholdingGround: p.withholdingGround,
    redactedNames: p.redactedNames,
    isImmediatelyAdjusted: p.isImmediatelyAdjusted,
  };
}

export function toProtocolDTO(m: MeetingWithProtocol): ProtocolDTO {
  const nameOf = namesFor(m);
  const protocol: Omit<ProtocolDTO, "signatures"> = {
    organisation: {
      name: m.body.organisation.name,
      caseNumberPrefix: m.body.organisation.caseNumberPrefix,
      caseNumberExample: m.body.organisation.caseNumberExample,
      publicRetention: {
        namesYears: m.body.organisation.publicNamesYears,
        noindexAfterAppeal: m.body.organisation.noindexAfterAppeal,
      },
    },
    body: {
      name: m.body.name,
      genitiveName: m.body.genitiveName,
      slug: m.body.slug,
      kind: m.body.kind,
      seatCount: m.body.seatCount,
      appendedAttendanceList: m.body.appendedAttendanceList,
      decisionPlacement: m.body.decisionPlacement,
    },
    meeting: {
      id: m.id,
      slug: m.slug,
      status: m.status,
      date: isoDateOf(m.date),
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      adjustmentPlace: m.adjustmentPlace,
      adjustmentDate: m.adjustmentDate ? isoDateOf(m.adjustmentDate) : null,
      adjustmentTime: m.adjustmentTime,
      adjustedOn: m.adjustedOn ? isoDateOf(m.adjustedOn) : null,
    },
    secretary: m.secretary ? { personId: m.secretary.id, name: nameOf(m.secretary) } : null,
    adjusters: m.adjusters.map((a) => ({ personId: a.person.id, name: nameOf(a.person) })),
    signers: m.signers.map((g) => ({
      personId: g.person.id,
      name: nameOf(g.person),
      role: g.role,
      ranges: g.fromNumbers.map((from, i) => ({ from, to: g.toNumbers[i] ?? from })),
    })),
    attendance: m.attendances.map((a) => ({
      personId: a.person.id,
      name: nameOf(a.person),
      role: a.role,
      represents: a.represents,
      title: a.title,
      ranges: a.ranges.map((r) => ({ from: r.fromNumber, to: r.toNumber })),
      replacesPersonId: a.replacesPersonId,
      arrivalTime: a.arrivalTime,
      departureTime: a.departureTime,
    })),
    paragraphs: m.paragraphs.map((p) => toParagraphDTO(p, nameOf)),
    notice: m.notice
      ? {
          postedOn: isoDateOf(m.notice.postedOn),
          takeDownOn: isoDateOf(m.notice.takeDownOn),
          storagePlace: m.notice.storagePlace,
          // Absent when not stated, so that a notice from before these settings reads as it did.
          ...(m.notice.noticeBoard ? { noticeBoard: m.notice.noticeBoard } : {}),
          ...(m.notice.certifiedBy ? { certifiedBy: m.notice.certifiedBy } : {}),
          ...(m.notice.wording ? { wording: m.notice.wording } : {}),
        }
      : null,
  };
  // The signature block lists who must sign even before anyone has: one line per person and role
  // with the §§ they answer for; one signature per person covers all their lines.
  const signatures = signerAssignments(protocol).map(({ role, personId, name, ranges }) => {
    const signed = m.signatures.find((s) => s.personId === personId);
    return {
      role,
      personId,
      name,
      ranges,
      signedAt: signed ? signed.signedAt.toISOString() : null,
      contentHash: signed ? signed.contentHash : null,
      ...(signed ? { method: signed.method, assuranceLevel: signed.assuranceLevel, idpName: signed.idpName } : {}),
    };
  });
  return { ...protocol, signatures };
}

export async function findProtocolBySlug(
  db: PrismaClient | Prisma.TransactionClient,
  slug: string,
): Promise<ProtocolDTO | null> {
  const meeting = await db.meeting.findUnique({ where: { slug }, include: protocolInclude });
  return meeting ? toProtocolDTO(meeting) : null;
}

export interface BodyOverviewDTO {
  id: string;
  slug: string;
  name: string;
  organisationName: string;
  meetings: {
    slug: string;
    date: string;
    place: string;
    status: ProtocolDTO["meeting"]["status"];
    paragraphCount: number;
    firstNumber: number | null;
    lastNumber: number | null;
  }[];
}

/** Bodies and their meetings; `meetingWhere` limits the meetings (the actor's filter from authz). */
export async function listBodiesWithMeetings(
  db: PrismaClient,
  meetingWhere: Prisma.MeetingWhereInput = {},
): Promise<BodyOverviewDTO[]> {
  const bodies = await db.body.findMany({
    orderBy: [{ organisation: { name: "asc" } }, { name: "asc" }],
    include: {
      organisation: true,
      meetings: {
        where: meetingWhere,
        orderBy: { date: "desc" },
        include: { paragraphs: { select: { number: true }, orderBy: { number: "asc" } } },
      },
    },
  });
  return bodies.map((b) => ({
    id: b.id,
    slug: b.slug,
    name: b.name,
    organisationName: b.organisation.name,
    meetings: b.meetings.map((m) => ({
      slug: m.slug,
      date: isoDateOf(m.date),
      place: m.place,
      status: m.status,
      paragraphCount: m.paragraphs.length,
      firstNumber: m.paragraphs[0]?.number ?? null,
      lastNumber: m.paragraphs.at(-1)?.number ?? null,
    })),
  }));
}

/** One § with its version, for the editor (and for the other side of a save conflict). */
export async function findParagraphForEditing(
  db: PrismaClient | Prisma.TransactionClient,
  id: string,
): Promise<{ version: number; paragraph: ParagraphDTO } | null> {
  const p = await db.paragraph.findUnique({ where: { id }, include: paragraphInclude });
  return p ? { version: p.version, paragraph: toParagraphDTO(p) } : null;
}

export interface PersonOption {
  personId: string;
  name: string;
  /** "ledamot, Vimmerby kommun" from the body's memberships, when there is one. */
  hint: string | null;
}

export interface ProtocolForEditing {
  protocol: ProtocolDTO;
  meetingVersion: number;
  attendanceVersion: number;
  signersVersion: number;
  paragraphVersions: Record<string, number>;
  secretaryPersonId: string | null;
  /** Everyone the secretary may pick: the organisation's people, members of the body first. */
  people: PersonOption[];
}

export async function findProtocolForEditing(db: PrismaClient, slug: string): Promise<ProtocolForEditing | null> {
  const meeting = await db.meeting.findUnique({ where: { slug }, include: protocolInclude });
  if (!meeting) return null;
  const [people, memberships] = await Promise.all([
    db.person.findMany({
      where: { organisationId: meeting.body.organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.membership.findMany({
      where: { bodyId: meeting.bodyId, termStart: { lte: meeting.date }, termEnd: { gte: meeting.date } },
    }),
  ]);
  const hint = new Map(memberships.map((m) => [m.personId, `${membershipRoleTerms[m.role].word}, ${m.represents}`]));
  return {
    protocol: toProtocolDTO(meeting),
    meetingVersion: meeting.version,
    attendanceVersion: meeting.attendanceVersion,
    signersVersion: meeting.signersVersion,
    paragraphVersions: Object.fromEntries(meeting.paragraphs.map((p) => [p.id, p.version])),
    secretaryPersonId: meeting.secretaryId,
    people: people
      .map((p) => ({ personId: p.id, name: p.name, hint: hint.get(p.id) ?? null }))
      .sort((a, b) => Number(b.hint !== null) - Number(a.hint !== null) || a.name.localeCompare(b.name, "sv")),
  };
}

/** What happened around justering: the last return, the rättelser, the stored PDF, a notice change. */
export interface SignoffInfo {
  lastReturn: { by: string; comment: string; at: string } | null;
  corrections: CorrectionDTO[];
  hasStoredPdf: boolean;
  /** When the notice dates were last changed after justering (ISO instant), or null. */
  noticeRevisedAt: string | null;
}

export async function findSignoffInfo(db: PrismaClient, meetingId: string): Promise<SignoffInfo> {
  const [ret, corrections, files, notice] = await Promise.all([
    db.adjustmentReturn.findFirst({ where: { meetingId }, orderBy: { at: "desc" }, include: { person: true } }),
    db.correction.findMany({ where: { meetingId }, orderBy: { signedAt: "asc" }, include: { person: true } }),
    db.protocolFile.count({ where: { meetingId, kind: "PROTOCOL" } }),
    db.notice.findUnique({ where: { meetingId }, select: { revisedAt: true } }),
  ]);
  return {
    lastReturn: ret ? { by: ret.person.name, comment: ret.comment, at: ret.at.toISOString() } : null,
    corrections: corrections.map((c) => ({
      paragraphNumber: c.paragraphNumber,
      text: c.text,
      signedBy: c.person.name,
      signedAt: c.signedAt.toISOString(),
    })),
    hasStoredPdf: files > 0,
    noticeRevisedAt: notice?.revisedAt?.toISOString() ?? null,
  };
}
