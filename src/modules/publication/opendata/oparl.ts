// OParl 1.1 (https://schema.oparl.org/1.1/) objects from Paragraf's plain data. Pure: no Prisma,
// no Next.js. The mapping:
//   OParl Body          = organisation (kommun, kommunalförbund, region): the Körperschaft
//   OParl Organization  = body (organ: direktion, nämnd, utskott …)
//   OParl Person        = person, with name only: never e-mail, never the user account
//   OParl Membership    = seat in a body for a term (role, voting right, municipality/party)
//   OParl Meeting       = a justerat meeting, with each § as an embedded AgendaItem
//   OParl Paper         = one case number (Dnr) across the public §§ that handled it
//   OParl File          = the protocol PDF as the public may have it: the same file as
//                         /<org>/protokoll/<slug>/protokoll.pdf (the masked, sealed public copy when
//                         anything is withheld; never the signed original with sekretess text)
// What OParl has no object for (votes, jäv, presence per §, notice dates) is carried in
// properties prefixed "paragraf:", as OParl allows for vendor extensions.
//
// Meetings must come in as toPublicProtocol copies (confidential §§ already stripped, personnummer
// masked); toOParlMeeting refuses anything not public, and a confidential § is cut down to its
// number and title again here so a mistake upstream cannot widen what is published.
import { isInParagraphRanges } from "@/lib/paragraph-ranges";
import type { IsoDate } from "@/lib/iso-date";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import type {
  AttendanceDTO,
  BallotChoice,
  BodyKind,
  OrganisationKind,
  ParagraphDTO,
  ProtocolDTO,
} from "@/domain/protocol/protocol.types";
import {
  attendanceRoleTerms,
  bodyKindLabel,
  bodyPositionTerms,
  meetingStatusLabel,
  membershipRoleTerms,
  organisationKindLabel,
  signatureRoleTerms,
} from "@/domain/vocabulary";
import { isPublic } from "@/domain/lifecycle";
import { appealPeriodEnd } from "@/domain/rules/deadlines.rules";
import { isClockTime, stockholmDateTime } from "@/lib/stockholm-time";
import type { MembershipTerm } from "@/server/membership-term";
import { publicLinks } from "./public-links";

export const OPARL_VERSION = "https://schema.oparl.org/1.1/";

export type OParlTypeName =
  | "System"
  | "Body"
  | "Organization"
  | "Person"
  | "Membership"
  | "Meeting"
  | "AgendaItem"
  | "Paper"
  | "Consultation"
  | "File"
  | "Location";

const oparlType = (name: OParlTypeName) => `${OPARL_VERSION}${name}`;

/** An OParl object: JSON with at least an id (its canonical URL) and a type. */
export type OParlObject = { id: string; type: string } & Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Canonical URLs. Every id is an absolute URL under /api/oparl/v1 that serves the object.
// ---------------------------------------------------------------------------------------------

export type BodyListName = "organization" | "person" | "membership" | "meeting" | "paper";

export function oparlUrls(baseUrl: string) {
  const pages = publicLinks(baseUrl);
  const site = pages.site;
  const root = `${site}/api/oparl/v1`;
  const seg = encodeURIComponent;
  return {
    site,
    root,
    system: `${root}/system`,
    bodies: `${root}/body`,
    body: (organisationSlug: string) => `${root}/body/${seg(organisationSlug)}`,
    bodyList: (organisationSlug: string, list: BodyListName) => `${root}/body/${seg(organisationSlug)}/${list}`,
    organization: (bodyId: string) => `${root}/organization/${seg(bodyId)}`,
    organizationMeetings: (bodyId: string) => `${root}/organization/${seg(bodyId)}/meeting`,
    person: (personId: string) => `${root}/person/${seg(personId)}`,
    membership: (membershipId: string) => `${root}/membership/${seg(membershipId)}`,
    meeting: (slug: string) => `${root}/meeting/${seg(slug)}`,
    agendaItem: (slug: string, number: number) => `${root}/meeting/${seg(slug)}/agendaitem/${number}`,
    paper: (organisationSlug: string, key: string) => `${root}/paper/${seg(organisationSlug)}/${seg(key)}`,
    file: (fileId: string) => `${root}/file/${seg(fileId)}`,
    fileDownload: (fileId: string) => `${root}/file/${seg(fileId)}/download`,
    /** The organisation's public pages (OParl's `web`): its anslagstavla, a protocol. */
    noticeBoard: pages.noticeBoard,
    protocolPage: pages.protocol,
  };
}

export type OParlUrls = ReturnType<typeof oparlUrls>;

/**
 * The key of a case number in Paper URLs: "ITSAM 2021/8" → "itsam-2021-8". Letters lose their
 * diacritics, everything else becomes "-". Two spellings of one Dnr ("2021/8", "2021-8") share a
 * key and so one Paper.
 */
export function paperKey(caseNumber: string): string {
  return caseNumber
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// ---------------------------------------------------------------------------------------------
// Register data as read for the API (plain data; the queries build these)
// ---------------------------------------------------------------------------------------------

export interface OrganisationRecord {
  slug: string;
  name: string;
  kind: OrganisationKind;
  createdAt: string;
  updatedAt: string;
}

export interface BodyRecord {
  id: string;
  organisationSlug: string;
  slug: string;
  name: string;
  kind: BodyKind;
  seatCount: number;
  createdAt: string;
  updatedAt: string;
  membershipIds: string[];
}

export interface MembershipRecord extends MembershipTerm {
  id: string;
  personId: string;
  bodyId: string;
}

export interface PersonRecord {
  id: string;
  organisationSlug: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  memberships: MembershipRecord[];
}

/**
 * The public PDF of a justerat protocol (issued-copies findPublicPdf), under the id of the stored
 * original it stands for. Size, checksum and file name describe the bytes the public gets.
 */
export interface FileRecord {
  id: string;
  size: number;
  sha256: string;
  fileName: string;
  createdAt: string;
  /** The latest change that can replace the public file (rättelse, new notice dates). */
  modified: string;
  meeting: { slug: string; date: IsoDate; bodyName: string };
}

export interface MeetingMeta {
  organisationSlug: string;
  bodyId: string;
  createdAt: string;
  /** The latest of the meeting's, its notice's and its latest rättelse's change. */
  modified: string;
  /** The public protocol PDF; null when there is no stored original yet. */
  file: FileRecord | null;
}

export interface ConsultationRecord {
  meetingSlug: string;
  meetingDate: IsoDate;
  bodyId: string;
  number: number;
  title: string;
  meetingCreatedAt: string;
  meetingModified: string;
}

export interface PaperRecord {
  organisationSlug: string;
  key: string;
  caseNumber: string;
  /** In meeting order, oldest first. */
  consultations: ConsultationRecord[];
}

// ---------------------------------------------------------------------------------------------
// System, Body, Organization, Person, Membership
// ---------------------------------------------------------------------------------------------

export function toOParlSystem(u: OParlUrls): OParlObject {
  return {
    id: u.system,
    type: oparlType("System"),
    oparlVersion: OPARL_VERSION,
    name: "Paragraf",
    body: u.bodies,
    website: `${u.site}/`,
  };
}

export function toOParlBody(u: OParlUrls, org: OrganisationRecord): OParlObject {
  return {
    id: u.body(org.slug),
    type: oparlType("Body"),
    system: u.system,
    name: org.name,
    shortName: org.name,
    classification: organisationKindLabel[org.kind],
    organization: u.bodyList(org.slug, "organization"),
    person: u.bodyList(org.slug, "person"),
    meeting: u.bodyList(org.slug, "meeting"),
    paper: u.bodyList(org.slug, "paper"),
    membership: u.bodyList(org.slug, "membership"),
    // Terms of office are not a record of their own in Paragraf; each membership has its dates.
    legislativeTerm: [],
    created: org.createdAt,
    modified: org.updatedAt,
    web: u.noticeBoard(org.slug),
  };
}

export function toOParlOrganization(u: OParlUrls, body: BodyRecord): OParlObject {
  return {
    id: u.organization(body.id),
    type: oparlType("Organization"),
    body: u.body(body.organisationSlug),
    name: body.name,
    organizationType: "Gremium",
    classification: bodyKindLabel[body.kind],
    membership: body.membershipIds.map(u.membership),
    meeting: u.organizationMeetings(body.id),
    "paragraf:seatCount": body.seatCount,
    created: body.createdAt,
    modified: body.updatedAt,
  };
}

/** The role as the register states it: "ordförande", "vice ordförande", "ledamot", "ersättare". */
export function membershipRole(m: Pick<MembershipRecord, "role" | "position">): string {
  return m.position ? bodyPositionTerms[m.position].word : membershipRoleTerms[m.role].word;
}

/**
 * A seat. Memberships carry no change timestamps in the data model, so no created/modified here;
 * list filters on those dates therefore keep every membership.
 */
export function toOParlMembership(
  u: OParlUrls,
  m: MembershipRecord,
  options: { embedded?: boolean } = {},
): OParlObject {
  return {
    id: u.membership(m.id),
    type: oparlType("Membership"),
    // Inside a Person the back reference is left out, as OParl allows for embedded objects.
    ...(options.embedded ? {} : { person: u.person(m.personId) }),
    organization: u.organization(m.bodyId),
    role: membershipRole(m),
    votingRight: m.hasVotingRight,
    startDate: m.termStart,
    endDate: m.termEnd,
    "paragraf:represents": m.represents,
    "paragraf:seat": membershipRoleTerms[m.role].word,
  };
}

export function toOParlPerson(u: OParlUrls, p: PersonRecord): OParlObject {
  return {
    id: u.person(p.id),
    type: oparlType("Person"),
    body: u.body(p.organisationSlug),
    name: p.name,
    membership: p.memberships.map((m) => toOParlMembership(u, m, { embedded: true })),
    created: p.createdAt,
    modified: p.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// File
// ---------------------------------------------------------------------------------------------

export function toOParlFile(u: OParlUrls, f: FileRecord): OParlObject {
  return {
    id: u.file(f.id),
    type: oparlType("File"),
    name: `Protokoll ${f.meeting.bodyName} ${formatLongDate(f.meeting.date)}`,
    fileName: f.fileName,
    mimeType: "application/pdf",
    date: f.createdAt.slice(0, 10),
    size: f.size,
    accessUrl: u.fileDownload(f.id),
    downloadUrl: u.fileDownload(f.id),
    meeting: [u.meeting(f.meeting.slug)],
    "paragraf:kind": "protokoll",
    "paragraf:sha256Checksum": f.sha256,
    created: f.createdAt,
    modified: f.modified,
  };
}

// ---------------------------------------------------------------------------------------------
// Meeting and AgendaItem
// ---------------------------------------------------------------------------------------------

/**
 * Who took part in § `number`, in what role: present in a range that covers it, not recused and not
 * recorded as frånvarande.
 */
export function presenceAt(
  attendance: readonly AttendanceDTO[],
  paragraph: Pick<ParagraphDTO, "number" | "recusals">,
): AttendanceDTO[] {
  const recused = new Set(paragraph.recusals.map((r) => r.personId));
  return attendance.filter(
    (a) =>
      a.role !== "ABSENT" &&
      (a.ranges.length === 0 || isInParagraphRanges(paragraph.number, a.ranges)) &&
      !recused.has(a.personId),
  );
}

function tally(ballots: readonly { choice: BallotChoice | null }[]) {
  const count = (choice: BallotChoice) => ballots.filter((b) => b.choice === choice).length;
  return { ja: count("JA"), nej: count("NEJ"), avstar: count("AVSTAR") };
}

function resolutionText(p: ParagraphDTO): string {
  return [p.decision.intro, ...p.decision.clauses].filter((s) => s.trim() !== "").join("\n");
}

export function toOParlAgendaItem(
  u: OParlUrls,
  protocol: ProtocolDTO,
  meta: Pick<MeetingMeta, "organisationSlug" | "modified">,
  p: ParagraphDTO,
  order: number,
  options: { embedded?: boolean } = {},
): OParlObject {
  const slug = protocol.meeting.slug;
  const base: OParlObject = {
    id: u.agendaItem(slug, p.number),
    type: oparlType("AgendaItem"),
    ...(options.embedded ? {} : { meeting: u.meeting(slug) }),
    number: String(p.number),
    order,
    name: p.title,
  };
  // Sekretess (OSL): number and title only, whatever else the DTO still holds.
  if (p.isConfidential) return { ...base, "paragraf:confidential": true };
  const person = (ref: { personId: string; name: string }) => ({ person: u.person(ref.personId), name: ref.name });
  const resolution = resolutionText(p);
  return {
    ...base,
    ...(p.caseNumber ? { consultation: consultationId(u, meta.organisationSlug, p.caseNumber, slug, p.number) } : {}),
    ...(resolution ? { resolutionText: resolution } : {}),
    modified: meta.modified,
    "paragraf:confidential": false,
    "paragraf:caseNumber": p.caseNumber,
    "paragraf:immediatelyAdjusted": p.isImmediatelyAdjusted,
    "paragraf:presence": presenceAt(protocol.attendance, p).map((a) => ({
      ...person(a),
      role: a.role === "OTHER" ? (a.title ?? attendanceRoleTerms.OTHER.word) : attendanceRoleTerms[a.role].word,
      represents: a.represents,
    })),
    "paragraf:votes": p.votes.map((v) => ({
      question: v.question,
      result: v.result,
      outcome: v.outcome,
      // A vote recorded with totals only has no ballots: its totals as recorded.
      tally: v.counts ? { ja: v.counts.ja, nej: v.counts.nej, avstar: v.counts.avstar } : tally(v.ballots),
      ballots: v.ballots.map((b) => ({ ...person(b), choice: b.choice })),
    })),
    "paragraf:recusals": p.recusals.map((r) => ({ ...person(r), reason: r.reason })),
    "paragraf:reservations": p.reservations.map((r) => ({ ...person(r), reasons: r.reasons })),
  };
}

/** Consultations live inside their Paper; their ids are fragments of the Paper's URL. */
function consultationId(
  u: OParlUrls,
  organisationSlug: string,
  caseNumber: string,
  meetingSlug: string,
  number: number,
): string {
  return `${u.paper(organisationSlug, paperKey(caseNumber))}#${encodeURIComponent(meetingSlug)}-${number}`;
}

export function toOParlMeeting(u: OParlUrls, protocol: ProtocolDTO, meta: MeetingMeta): OParlObject {
  const m = protocol.meeting;
  if (!isPublic(m.status)) throw new Error(`Not public: ${m.slug} is ${m.status}`);
  const url = u.meeting(m.slug);
  // A ledamot recorded as frånvarande did not take part.
  const participants = [...new Set(protocol.attendance.filter((a) => a.role !== "ABSENT").map((a) => a.personId))];
  return {
    id: url,
    type: oparlType("Meeting"),
    name: `${protocol.body.name} ${formatLongDate(m.date)}`,
    meetingState: meetingStatusLabel[m.status].toLowerCase(),
    cancelled: false,
    ...(m.startTime && isClockTime(m.startTime) ? { start: stockholmDateTime(m.date, m.startTime) } : {}),
    ...(m.endTime && isClockTime(m.endTime) ? { end: stockholmDateTime(m.date, m.endTime) } : {}),
    location: { id: `${url}#plats`, type: oparlType("Location"), description: m.place },
    organization: [u.organization(meta.bodyId)],
    participant: participants.map(u.person),
    ...(meta.file ? { resultsProtocol: toOParlFile(u, meta.file) } : {}),
    agendaItem: protocol.paragraphs.map((p, i) => toOParlAgendaItem(u, protocol, meta, p, i + 1, { embedded: true })),
    created: meta.createdAt,
    modified: meta.modified,
    web: u.protocolPage(meta.organisationSlug, m.slug),
    "paragraf:date": m.date,
    "paragraf:place": m.place,
    "paragraf:status": m.status,
    "paragraf:adjustedOn": m.adjustedOn,
    // The verification code as the public projection carries it (every signature holds the hash it signed).
    "paragraf:contentHash": protocol.signatures.find((s) => s.contentHash !== null)?.contentHash ?? null,
    "paragraf:notice": protocol.notice
      ? {
          postedOn: protocol.notice.postedOn,
          takeDownOn: protocol.notice.takeDownOn,
          appealEndsOn: appealPeriodEnd(protocol.notice.postedOn).endsOn,
          storagePlace: protocol.notice.storagePlace,
        }
      : null,
    // Who signed the protocol, as on its last page (names and roles only).
    "paragraf:signatories": protocol.signatures
      .filter((s) => s.signedAt !== null)
      .map((s) => ({ person: u.person(s.personId), name: s.name, role: signatureRoleTerms[s.role].word })),
  };
}

// ---------------------------------------------------------------------------------------------
// Paper
// ---------------------------------------------------------------------------------------------

export function paperModified(paper: PaperRecord): string {
  return paper.consultations.reduce((max, c) => (c.meetingModified > max ? c.meetingModified : max), "");
}

export function paperCreated(paper: PaperRecord): string {
  return paper.consultations.reduce(
    (min, c) => (min === "" || c.meetingCreatedAt < min ? c.meetingCreatedAt : min),
    "",
  );
}

export function toOParlPaper(u: OParlUrls, paper: PaperRecord): OParlObject {
  const url = u.paper(paper.organisationSlug, paper.key);
  const first = paper.consultations[0];
  const latest = paper.consultations.at(-1);
  return {
    id: url,
    type: oparlType("Paper"),
    body: u.body(paper.organisationSlug),
    name: latest?.title ?? paper.caseNumber,
    reference: paper.caseNumber,
    ...(first ? { date: first.meetingDate } : {}),
    paperType: "Ärende",
    consultation: paper.consultations.map((c) => ({
      id: `${url}#${encodeURIComponent(c.meetingSlug)}-${c.number}`,
      type: oparlType("Consultation"),
      agendaItem: u.agendaItem(c.meetingSlug, c.number),
      meeting: u.meeting(c.meetingSlug),
      organization: [u.organization(c.bodyId)],
      authoritative: true,
      role: "Beslut",
    })),
    created: paperCreated(paper),
    modified: paperModified(paper),
  };
}
