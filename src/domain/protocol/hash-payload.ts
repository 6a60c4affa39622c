// What a signature covers: the protocol's content, field by field. Pure.
//
// It fails closed like the public projection: every field of every DTO is listed here, either
// covered (under its name in the payload) or excluded with the reason. A field added to a DTO is a
// type error until someone decides; a new content field cannot escape the signature by default.
//
// The payload of existing data must never change: stored contentHash values of justerade
// protocols are checked against it (/verifiera, the PDF's verification code). Hence the shapes
// below (people by name, `replaces` for the seat taken, the "format" tag) are those of the
// payload as first written; hash-payload.test.ts pins the hash of the seed and of a protocol with
// every field filled.
import type {
  AttachmentDTO,
  AttendanceDTO,
  BallotDTO,
  MotionDTO,
  NoteDTO,
  ParagraphDTO,
  ParagraphRange,
  PersonRef,
  ProtocolDTO,
  RecusalDTO,
  ReservationDTO,
  SectionDTO,
  SignerDTO,
  VoteCounts,
  VoteDTO,
} from "@/domain/protocol/protocol.types";

/** What the payload of one object may need beyond its own fields. */
interface Context {
  /** A person id as the payload names the person: by name when they attended, else the id. */
  who: (personId: string | null) => string | null;
}

type Covered<V> = { readonly as: string; readonly value: (value: V, ctx: Context) => unknown };
type Excluded = { readonly excluded: string };

/** For each field of T: covered under a name in the payload, or excluded with the reason. Every key must be listed. */
export type Coverage<T> = { readonly [K in keyof T]-?: Covered<Exclude<T[K], undefined>> | Excluded };

const covered = <V>(as: string, value: (value: V, ctx: Context) => unknown = (v) => v): Covered<V> => ({ as, value });
const excluded = (reason: string): Excluded => ({ excluded: reason });

// The reasons, shared where the same kind of field recurs.
const DATABASE_ID = excluded("database id: the same content in another database must hash the same");
const BY_NAME = excluded("database id: people appear by name (the name field)");

/** The payload of one object: its covered fields under their payload names. */
function payloadOf<T extends object>(source: T, coverage: Coverage<T>, ctx: Context): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(coverage) as [string, Covered<unknown> | Excluded][]) {
    if ("excluded" in rule) continue;
    out[rule.as] = rule.value((source as Record<string, unknown>)[key], ctx);
  }
  return out;
}

const each =
  <T extends object>(coverage: Coverage<T>) =>
  (values: readonly T[], ctx: Context) =>
    values.map((v) => payloadOf(v, coverage, ctx));
const one =
  <T extends object>(coverage: Coverage<T>) =>
  (value: T, ctx: Context) =>
    payloadOf(value, coverage, ctx);

export const PERSON_COVERAGE: Coverage<PersonRef> = { personId: BY_NAME, name: covered("name") };
/** A person where the payload has the bare name ("secretary", "adjusters"). */
const nameOf = (person: PersonRef, ctx: Context) => payloadOf(person, PERSON_COVERAGE, ctx).name;

/**
 * A field added after protocols were first signed: covered, but left out of the payload while it
 * is unset, so the payload (and stored hash) of every protocol without it stays as it was.
 */
const coveredWhenSet = (as: string): Covered<unknown> =>
  covered<unknown>(as, (v) => (v === null || v === undefined || v === "" ? undefined : v));

/** A list added after protocols were first signed: covered, but left out of the payload while empty. */
const coveredWhenAny = (as: string): Covered<readonly unknown[]> =>
  covered<readonly unknown[]>(as, (v) => (v.length === 0 ? undefined : v));

const RANGE_COVERAGE: Coverage<ParagraphRange> = { from: covered("from"), to: covered("to") };

const SIGNER_COVERAGE: Coverage<SignerDTO> = {
  personId: BY_NAME,
  name: covered("name"),
  role: covered("role"),
  ranges: covered("ranges", each(RANGE_COVERAGE)),
};

export const ATTENDANCE_COVERAGE: Coverage<AttendanceDTO> = {
  personId: BY_NAME,
  name: covered("name"),
  role: covered("role"),
  represents: covered("represents"),
  title: covered("title"),
  ranges: covered("ranges", each(RANGE_COVERAGE)),
  replacesPersonId: covered<string | null>("replaces", (id, ctx) => ctx.who(id)),
  arrivalTime: coveredWhenSet("arrivalTime"),
  departureTime: coveredWhenSet("departureTime"),
};

const SECTION_COVERAGE: Coverage<SectionDTO> = {
  kind: covered("kind"),
  heading: covered("heading"),
  // The whole document: rich text is a closed schema (richDocSchema), every node and mark counts.
  content: covered("content"),
};
const ATTACHMENT_COVERAGE: Coverage<AttachmentDTO> = {
  id: DATABASE_ID,
  label: covered("label"),
  fileName: covered("fileName"),
};
const MOTION_COVERAGE: Coverage<MotionDTO> = {
  personId: BY_NAME,
  name: covered("name"),
  kind: covered("kind"),
  text: covered("text"),
  amendsIndex: covered("amendsIndex"),
  withdrawn: covered("withdrawn"),
};
const BALLOT_COVERAGE: Coverage<BallotDTO> = { personId: BY_NAME, name: covered("name"), choice: covered("choice") };
const VOTE_COVERAGE: Coverage<VoteDTO> = {
  question: covered("question"),
  ballots: covered("ballots", each(BALLOT_COVERAGE)),
  // Totals of a vote recorded without names. Left out of the payload when null (a vote by name),
  // so the payload of votes signed before totals existed is unchanged.
  counts: covered<VoteCounts | null>("counts", (c) =>
    c === null ? undefined : { ja: c.ja, nej: c.nej, avstar: c.avstar },
  ),
  result: covered("result"),
  outcome: covered("outcome"),
};
const RESERVATION_COVERAGE: Coverage<ReservationDTO> = {
  personId: BY_NAME,
  name: covered("name"),
  reasons: covered("reasons"),
  // Excluded, not covered: protocols signed before the field existed must keep their hash.
  writtenLater: excluded("a drafting reminder (written reasons announced); what is signed is the reasons themselves"),
};
const NOTE_COVERAGE: Coverage<NoteDTO> = { personId: BY_NAME, name: covered("name"), text: covered("text") };
const RECUSAL_COVERAGE: Coverage<RecusalDTO> = { personId: BY_NAME, name: covered("name"), reason: covered("reason") };
const DECISION_COVERAGE: Coverage<ParagraphDTO["decision"]> = { intro: covered("intro"), clauses: covered("clauses") };

export const PARAGRAPH_COVERAGE: Coverage<ParagraphDTO> = {
  id: DATABASE_ID,
  number: covered("number"),
  caseNumber: covered("caseNumber"),
  title: covered("title"),
  decision: covered("decision", one(DECISION_COVERAGE)),
  sections: covered("sections", each(SECTION_COVERAGE)),
  basisDocuments: covered("basisDocuments"),
  dispatch: covered("dispatch"),
  attachments: covered("attachments", each(ATTACHMENT_COVERAGE)),
  motions: covered("motions", each(MOTION_COVERAGE)),
  propositions: covered("propositions"),
  votes: covered("votes", each(VOTE_COVERAGE)),
  reservations: covered("reservations", each(RESERVATION_COVERAGE)),
  notes: covered("notes", each(NOTE_COVERAGE)),
  recusals: covered("recusals", each(RECUSAL_COVERAGE)),
  isConfidential: covered("isConfidential"),
  withholdingGround: coveredWhenSet("withholdingGround"),
  redactedNames: coveredWhenAny("redactedNames"),
  isImmediatelyAdjusted: covered("isImmediatelyAdjusted"),
};

const ORGANISATION_COVERAGE: Coverage<ProtocolDTO["organisation"]> = {
  name: covered("name"),
  caseNumberPrefix: covered("caseNumberPrefix"),
  caseNumberExample: excluded("a typing hint of the organisation's register, not part of any protocol"),
  publicRetention: excluded("the organisation's rule for its old public copies, not part of any protocol"),
};
const BODY_COVERAGE: Coverage<ProtocolDTO["body"]> = {
  name: covered("name"),
  genitiveName: covered("genitiveName"),
  slug: excluded("address of the body's pages, not content (its name and kind are covered)"),
  kind: covered("kind"),
  seatCount: covered("seatCount"),
  appendedAttendanceList: excluded(
    "layout: whether the beslutande are named on the cover or in the appended närvaro- och omröstningslista; the attendance and the ballots listed are covered",
  ),
  decisionPlacement: excluded(
    "the body's layout setting: where the same signed decision text is printed, not what it says; covering it would change the payload of every protocol already signed",
  ),
};
const MEETING_COVERAGE: Coverage<ProtocolDTO["meeting"]> = {
  id: DATABASE_ID,
  slug: covered("slug"),
  status: excluded("workflow state: changes with the signatures themselves"),
  date: covered("date"),
  startTime: covered("startTime"),
  endTime: covered("endTime"),
  place: covered("place"),
  adjustmentPlace: covered("adjustmentPlace"),
  adjustmentDate: covered("adjustmentDate"),
  adjustmentTime: coveredWhenSet("adjustmentTime"),
  adjustedOn: excluded("set when the last signature comes in, after what is signed"),
};

export const PROTOCOL_COVERAGE: Coverage<ProtocolDTO> = {
  organisation: covered("organisation", one(ORGANISATION_COVERAGE)),
  body: covered("body", one(BODY_COVERAGE)),
  meeting: covered("meeting", one(MEETING_COVERAGE)),
  secretary: covered<PersonRef | null>("secretary", (s, ctx) => (s === null ? null : nameOf(s, ctx))),
  adjusters: covered<PersonRef[]>("adjusters", (adjusters, ctx) => adjusters.map((a) => nameOf(a, ctx))),
  // Who answers for which §§ is part of what is signed. Left out when there are none (every
  // protocol before per-§ signers), so their payload and stored hashes stay as they were.
  signers: covered<SignerDTO[] | undefined>("signers", (signers, ctx) =>
    signers === undefined || signers.length === 0 ? undefined : each(SIGNER_COVERAGE)(signers, ctx),
  ),
  attendance: covered("attendance", each(ATTENDANCE_COVERAGE)),
  paragraphs: covered("paragraphs", each(PARAGRAPH_COVERAGE)),
  notice: excluded("the notice (anslag) is set at and after justering and may change (editNotice)"),
  signatures: excluded("the signatures sign this payload; each stores the hash it signed"),
  corrections: excluded("rättelser come after justering, each signed on its own; the original stays as signed"),
};

/** The payload whose canonical JSON is hashed (content-hash.ts). */
export function protocolHashPayload(p: ProtocolDTO): unknown {
  const names = new Map(p.attendance.map((a) => [a.personId, a.name]));
  const ctx: Context = { who: (id) => (id === null ? null : (names.get(id) ?? id)) };
  return { format: "paragraf-protocol/1", ...payloadOf(p, PROTOCOL_COVERAGE, ctx) };
}
