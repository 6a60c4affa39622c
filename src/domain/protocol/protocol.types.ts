/**
 * The protocol as plain data (DTO): what the seed fixture is written in, what the rules and the
 * checker read, what pages and the PDF renderer draw. No Prisma or Next.js types here.
 *
 * Dates are ISO strings "YYYY-MM-DD" (Swedish calendar days, no time zone); times "HH:MM";
 * instants (signatures) are ISO date-time strings in UTC.
 */
import type { ParagraphRange } from "@/lib/paragraph-ranges";

// ---------------------------------------------------------------------------------------------
// Rich text: a strict subset of the ProseMirror/TipTap JSON document, so the editor (TipTap) can
// load and save it as is. Never HTML. Validated by richDocSchema (src/domain/richtext).
// ---------------------------------------------------------------------------------------------
/**
 * "redacted": a passage the public copy replaces by "[utelämnat]" (issue 17.2); the signed original
 * and the workspace keep it.
 */
/** What the public gets of a §: all of it, with passages and names redacted, or (confidential) its title. */
export type PublicationLevel = "FULL" | "REDACTED" | "TITLE_ONLY";

export type Mark = { type: "bold" } | { type: "italic" } | { type: "redacted" };
export type TextNode = { type: "text"; text: string; marks?: Mark[] };
export type HardBreakNode = { type: "hardBreak" };
export type InlineNode = TextNode | HardBreakNode;
export type TextAlign = "left" | "center" | "right";
export type ParagraphNode = {
  type: "paragraph";
  attrs?: { textAlign?: TextAlign };
  content?: InlineNode[];
};
/** Sub-headings inside a section ("Status Google Workspace (delprojekt två)"). */
export type HeadingNode = { type: "heading"; attrs: { level: 3 | 4 }; content?: InlineNode[] };
export type ListItemNode = { type: "listItem"; content: (ParagraphNode | BulletListNode)[] };
export type BulletListNode = { type: "bulletList"; content: ListItemNode[] };
export type TableCellNode = {
  type: "tableCell" | "tableHeader";
  attrs?: { colspan?: number; rowspan?: number };
  content: ParagraphNode[];
};
export type TableRowNode = { type: "tableRow"; content: TableCellNode[] };
export type TableNode = { type: "table"; content: TableRowNode[] };
export type BlockNode = ParagraphNode | HeadingNode | BulletListNode | TableNode;
export type RichDoc = { type: "doc"; content: BlockNode[] };

// ---------------------------------------------------------------------------------------------
// Enumerations (mirrored 1:1 by Prisma enums of the same names)
// ---------------------------------------------------------------------------------------------
export type BodyKind = "FULLMAKTIGE" | "STYRELSE" | "NAMND" | "DIREKTION" | "UTSKOTT" | "BEREDNING";

/**
 * draft → ready for justering → justerat (src/domain/lifecycle.ts). The notice (anslag) being up
 * or down is no status: it follows from the notice's dates (lifecycle.ts noticeState).
 */
export type MeetingStatus = "DRAFT" | "READY_FOR_ADJUSTMENT" | "ADJUSTED";

export type MembershipRole = "MEMBER" | "SUBSTITUTE"; // ledamot | ersättare

export type AttendanceRole =
  | "CHAIR" // ordförande (a ledamot)
  | "VICE_CHAIR" // vice ordförande (a ledamot)
  | "MEMBER" // ledamot
  | "SERVING_SUBSTITUTE" // tjänstgörande ersättare (votes)
  | "SUBSTITUTE" // ersättare, present without serving
  | "OTHER" // övriga närvarande (officials, with title)
  | "ABSENT"; // frånvarande ledamot: did not attend; an ersättare may serve in the seat

export type MotionKind =
  | "BIFALL"
  | "AVSLAG"
  | "ANDRING" // ändring
  | "TILLAGG" // tillägg
  | "ATERREMISS" // återremiss
  | "BORDLAGGNING"; // bordläggning

export type BallotChoice =
  | "JA"
  | "NEJ"
  | "AVSTAR" // avstår
  | "FRANVARANDE" // frånvarande vid omröstningen (serving in the §, not in the room when voting)
  | "DELTAR_EJ"; // deltar ej i omröstningen (present, takes no part)

export type SectionKind =
  | "SUMMARY" // Sammanfattning av ärendet
  | "CASE" // Ärendet
  | "CONSEQUENCES" // Konsekvensbeskrivning
  | "OTHER"; // any other heading the secretary adds

/**
 * Where a § prints "<Organets> beslut": before the ärendebeskrivning (its sections) or last,
 * after it, as many bodies do. A setting of the body (mirrored by the Prisma enum).
 */
export type DecisionPlacement = "BEFORE_SECTIONS" | "AFTER_SECTIONS";

export type SignatureRole = "SECRETARY" | "CHAIR" | "ADJUSTER";

/** Which side won a vote; LOTTNING = equal votes, decided by lot or the chair's casting vote. */
export type VoteOutcome = "JA" | "NEJ" | "LOTTNING";

// Register enumerations (Prisma enums of the same names), outside the protocol itself.
export type OrganisationKind = "KOMMUN" | "KOMMUNALFORBUND" | "REGION";

/** A ledamot's chairmanship in a body: ordförande, vice ordförande. */
export type BodyPosition = "CHAIR" | "VICE_CHAIR";

/** A user's role in a body: secretary (drafts) or member (reads). */
export type BodyRoleKind = "SECRETARY" | "MEMBER";

/**
 * What a meeting did with an ärende on its ärendelista (src/domain/rules/agenda-fate.rules.ts):
 * beslut, utgår (struck, no §), bordlagt (tabled: back to the pool), återremitterat (returned).
 */
export type AgendaFate = "DECIDED" | "STRUCK" | "TABLED" | "RETURNED";

// ---------------------------------------------------------------------------------------------
// The protocol
// ---------------------------------------------------------------------------------------------

/** Inclusive range of § numbers (defined with its parsing and formatting in src/lib). */
export type { ParagraphRange };

export interface PersonRef {
  personId: string;
  name: string;
}

export interface AttendanceDTO extends PersonRef {
  role: AttendanceRole;
  /** The municipality or party the person represents ("Vimmerby kommun"); null for officials. */
  represents: string | null;
  /** Title of an official among övriga närvarande ("förbundsdirektör"). */
  title: string | null;
  /** §§ present in this role. Empty = the whole meeting. */
  ranges: ParagraphRange[];
  /** For a serving substitute: the ledamot whose seat they take, when known. */
  replacesPersonId: string | null;
  /**
   * Clock times "HH:MM" the person arrived and left, printed with the §§ ("kl. 14:10, §§ 31-38");
   * absent or null when not recorded (every protocol before they existed).
   */
  arrivalTime?: string | null;
  departureTime?: string | null;
}

export interface MotionDTO extends PersonRef {
  kind: MotionKind;
  /** The motion's wording as recorded, e.g. "Att kommunalförbundet ITSAM får …". */
  text: string;
  /** 0-based index (in the §'s motions) of the motion this one amends, if any. */
  amendsIndex: number | null;
  withdrawn: boolean;
}

export interface BallotDTO extends PersonRef {
  /** Null while not yet entered: the checker names it (an error). */
  choice: BallotChoice | null;
}

/** Totals of an omröstning: "9 ja, 4 nej, 2 avstår". */
export interface VoteCounts {
  ja: number;
  nej: number;
  avstar: number;
}

export interface VoteDTO {
  /** What was voted on, e.g. "bifall till ordförandens förslag (ja) mot Joakim Magnussons yrkande (nej)". */
  question: string;
  /** The voters by name, in order; empty when the vote is recorded with totals only. */
  ballots: BallotDTO[];
  /**
   * Totals as recorded when the protocol names no voters (ballots empty); null for a vote by
   * name, whose totals follow from the ballots.
   */
  counts: VoteCounts | null;
  /** The outcome as the chair announced it. */
  result: string;
  /** Which side won according to the recorded outcome; the rules check it against the ballots. */
  outcome: VoteOutcome;
}

export interface ReservationDTO extends PersonRef {
  /** Written reasons (may come before justering), or null. */
  reasons: string | null;
  /**
   * The member announced written reasons to come (KL 4:27): the checker warns while they are
   * missing. Absent: false.
   */
  writtenLater?: boolean;
}

export interface NoteDTO {
  /** Who asked for the protokollsanteckning; null when it is the body's. */
  personId: string | null;
  name: string | null;
  text: string;
}

export interface RecusalDTO extends PersonRef {
  reason: string;
}

export interface SectionDTO {
  kind: SectionKind;
  heading: string;
  content: RichDoc;
}

export interface AttachmentDTO {
  id: string;
  /** "Bilaga 1 – detaljerad intäktsbudget" */
  label: string;
  fileName: string | null;
}

export interface ParagraphDTO {
  id: string;
  number: number;
  /** In the organisation's format, e.g. "ITSAM 2021/8"; shown as "Dnr 2021/8". */
  caseNumber: string | null;
  title: string;
  decision: {
    /** "Direktionen beslutar:" when followed by att-clauses, or the whole decision sentence. */
    intro: string;
    /** The att-clauses, each starting with "att". */
    clauses: string[];
  };
  sections: SectionDTO[];
  /** Beslutsunderlag: one document per entry. */
  basisDocuments: string[];
  /** Beslutsexpediering: recipients ("Akt", "Direktionens ledamöter och ersättare"). */
  dispatch: string[];
  attachments: AttachmentDTO[];
  motions: MotionDTO[];
  /** Propositionsordning: the chair's propositions and findings, in order. */
  propositions: string[];
  votes: VoteDTO[];
  reservations: ReservationDTO[];
  notes: NoteDTO[];
  /** Jäv: who left for this § and why. */
  recusals: RecusalDTO[];
  isConfidential: boolean;
  /**
   * Why something of the § is withheld from the public ("OSL 39 kap. 3 §"): shown publicly with a
   * confidential § and with a § that has redacted passages or names.
   */
  withholdingGround: string | null;
  /**
   * Names of private persons that every public copy of this § replaces by "[utelämnat]", wherever
   * they stand in it. The list itself is never published.
   */
  redactedNames: string[];
  isImmediatelyAdjusted: boolean;
}

/**
 * A person assigned to sign for some §§ (issue 14: a second secretary for §§ 5-6, the vice chair
 * chairing § 7, per-§ justerare, two chairs who both sign).
 */
export interface SignerDTO extends PersonRef {
  role: SignatureRole;
  /** The §§ this signer answers for in this role. Empty = the whole meeting. */
  ranges: ParagraphRange[];
}

/** One line of the signature block: a person in a role, for some §§, and their signature. */
export interface SignatureDTO extends PersonRef {
  role: SignatureRole;
  /**
   * The §§ this line answers for; empty = the whole meeting. A person with two roles (chair of
   * § 7, justerare of the rest) has two lines and one signature: both show it. Absent = empty.
   */
  ranges?: ParagraphRange[];
  /** ISO instant, or null while not yet signed. */
  signedAt: string | null;
  contentHash: string | null;
  /**
   * How the signer was identified (issue 18): e-legitimation at the organisation's provider, or
   * the password re-entry (the weaker level). Absent while not signed (and in older fixtures).
   */
  method?: "PASSWORD" | "EID";
  /** e-legitimation: the acr the provider returned (…/loa/1.0/loa3), and the provider's name. */
  assuranceLevel?: string | null;
  idpName?: string | null;
}

export interface NoticeDTO {
  /** Datum då anslaget sätts upp */
  postedOn: string;
  /** Datum då anslaget tas ned */
  takeDownOn: string;
  /** Förvaringsplats för protokollet */
  storagePlace: string;
  /** The anslagstavla it is posted on (a web address or a place); "" or absent: not stated. */
  noticeBoard?: string;
  /** Who certifies the anslag ("Anna Berg, nämndsekreterare"); "" or absent: not stated. */
  certifiedBy?: string;
  /** The organisation's free wording of the notice as it stood at justering; absent: the default. */
  wording?: string;
  /**
   * When the dates were changed after justering (ISO instant); absent or null in the signed
   * original, which shows the dates set at justering.
   */
  revisedAt?: string | null;
}

/** Rättelse: a dated, signed note appended after justering (the original text stays). */
export interface CorrectionDTO {
  paragraphNumber: number | null;
  text: string;
  signedBy: string;
  /** ISO instant. */
  signedAt: string;
}

export interface ProtocolDTO {
  organisation: {
    name: string;
    caseNumberPrefix: string;
    /** An example Dnr in the organisation's own format ("KS 2023/117"), for hints; absent or null: none. */
    caseNumberExample?: string | null;
    /** The rule for old public copies: names kept for N years, noindex (publication/retention.ts); absent: none. */
    publicRetention?: { namesYears: number | null; noindexAfterAppeal: boolean };
  };
  body: {
    name: string; // "Direktionen"
    /** Genitive for headings: "Direktionens beslut". */
    genitiveName: string;
    slug: string;
    kind: BodyKind;
    /** Number of ledamöter seats (for quorum: more than half must take part). */
    seatCount: number;
    /**
     * "Beslutande enligt bifogad närvaro- och omröstningslista": the cover refers to a list
     * appended to the protocol instead of naming the beslutande (fullmäktige practice).
     */
    appendedAttendanceList: boolean;
    /** Decision before or after the sections of each §; absent = before (BEFORE_SECTIONS). */
    decisionPlacement?: DecisionPlacement;
  };
  meeting: {
    id: string;
    slug: string; // "direktionen-2021-11-18"
    status: MeetingStatus;
    date: string;
    startTime: string | null;
    endTime: string | null;
    place: string;
    /** Justeringens plats och tid */
    adjustmentPlace: string | null;
    adjustmentDate: string | null;
    /** "10:00": the time of the justering; absent or null when not recorded. */
    adjustmentTime?: string | null;
    /** The date the protocol was justerat (all signatures in), or null. */
    adjustedOn: string | null;
  };
  secretary: PersonRef | null;
  adjusters: PersonRef[];
  /**
   * Signers assigned per § (MeetingSigner). Empty: the protocol is signed as before by the
   * secretary, the chairs of the attendance list and the adjusters, each for the whole meeting
   * (signers.rules.ts signerAssignments). Not empty: exactly these sign. Absent = empty.
   */
  signers?: SignerDTO[];
  attendance: AttendanceDTO[];
  paragraphs: ParagraphDTO[];
  notice: NoticeDTO | null;
  signatures: SignatureDTO[];
  /** Rättelser after justering; absent or empty in the signed original. */
  corrections?: CorrectionDTO[];
}
