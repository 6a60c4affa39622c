/**
 * The Swedish words for every enum value the app prints: one table per enum, typed
 * Record<Enum, …>, so a new enum value does not compile until it has its words. Pages, the PDF,
 * mail, open data and the rules' messages all take their words from here; sentences around them
 * stay where they are written.
 *
 * Where an enum is printed in more than one grammatical form, its table gives the forms as fields:
 * `word` inside a sentence or a list ("tjänstgörande ersättare"), `label` as a label, heading or
 * option ("Tjänstgörande ersättare"), `plural` as a group heading ("Ledamöter"). Each Swedish noun
 * is written once, in WORDS, and shared by every enum that names the same thing (the ordförande of
 * the attendance list, of the body's register and of the signatures).
 */
import type {
  AgendaFate,
  AttendanceRole,
  BallotChoice,
  BodyKind,
  BodyPosition,
  BodyRoleKind,
  DecisionPlacement,
  MeetingStatus,
  MembershipRole,
  MotionKind,
  OrganisationKind,
  PublicationLevel,
  SectionKind,
  SignatureRole,
  VoteOutcome,
} from "@/domain/protocol/protocol.types";

/** A word in its lower-case form (in a sentence) and its capitalised form (as a label). */
export interface Term {
  /** Inside a sentence or a list: "tjänstgörande ersättare", "avstår". */
  readonly word: string;
  /** As a label, heading, column or option: "Tjänstgörande ersättare", "Avstår". */
  readonly label: string;
}

/** A role of a person, also printed as the heading of a group of people. */
export interface RoleTerm extends Term {
  /** As the heading of a group: "Ledamöter", "Övriga närvarande". */
  readonly plural: string;
}

const WORDS = {
  chair: { word: "ordförande", label: "Ordförande", plural: "Ordförande" },
  viceChair: { word: "vice ordförande", label: "Vice ordförande", plural: "Vice ordförande" },
  member: { word: "ledamot", label: "Ledamot", plural: "Ledamöter" },
  servingSubstitute: {
    word: "tjänstgörande ersättare",
    label: "Tjänstgörande ersättare",
    plural: "Tjänstgörande ersättare",
  },
  substitute: { word: "ersättare", label: "Ersättare", plural: "Ersättare" },
  otherPresent: { word: "övrig närvarande", label: "Övrig närvarande", plural: "Övriga närvarande" },
  absent: { word: "frånvarande ledamot", label: "Frånvarande ledamot", plural: "Frånvarande" },
  secretary: { word: "sekreterare", label: "Sekreterare", plural: "Sekreterare" },
  adjuster: { word: "justerare", label: "Justerare", plural: "Justerare" },
} as const satisfies Record<string, RoleTerm>;

// ---------------------------------------------------------------------------------------------
// People's roles
// ---------------------------------------------------------------------------------------------

/** A person's role at the meeting (närvarolistan). */
export const attendanceRoleTerms: Record<AttendanceRole, RoleTerm> = {
  CHAIR: WORDS.chair,
  VICE_CHAIR: WORDS.viceChair,
  MEMBER: WORDS.member,
  SERVING_SUBSTITUTE: WORDS.servingSubstitute,
  SUBSTITUTE: WORDS.substitute,
  OTHER: WORDS.otherPresent,
  ABSENT: WORDS.absent,
};

/** Who signs the protocol (the signature block, justering). */
export const signatureRoleTerms: Record<SignatureRole, RoleTerm> = {
  SECRETARY: WORDS.secretary,
  CHAIR: WORDS.chair,
  ADJUSTER: WORDS.adjuster,
};

/** A seat in the body's register (uppdrag). */
export const membershipRoleTerms: Record<MembershipRole, RoleTerm> = {
  MEMBER: WORDS.member,
  SUBSTITUTE: WORDS.substitute,
};

/** A ledamot's chairmanship in the body's register (ordförandeskap). */
export const bodyPositionTerms: Record<BodyPosition, RoleTerm> = { CHAIR: WORDS.chair, VICE_CHAIR: WORDS.viceChair };

/** A user account's role in a body. */
export const bodyRoleKindTerms: Record<BodyRoleKind, RoleTerm> = { SECRETARY: WORDS.secretary, MEMBER: WORDS.member };

// ---------------------------------------------------------------------------------------------
// The protocol and its parts
// ---------------------------------------------------------------------------------------------

/** The protocol's state, as the status line shows it. */
export const meetingStatusLabel: Record<MeetingStatus, string> = {
  DRAFT: "Utkast",
  READY_FOR_ADJUSTMENT: "Skickat till justering",
  ADJUSTED: "Justerat",
};

/** An ärende's state (AgendaItem.state), as the ärendelista shows it. */
export const agendaItemStateLabel: Record<"PREPARING" | "DECIDED" | "STRUCK", string> = {
  PREPARING: "Under beredning",
  DECIDED: "Beslutat",
  STRUCK: "Utgått",
};

/** The kind of a yrkande, as the protocol names it after the mover ("bifallsyrkande"). */
export const motionKindLabel: Record<MotionKind, string> = {
  BIFALL: "bifallsyrkande",
  AVSLAG: "avslagsyrkande",
  ANDRING: "ändringsyrkande",
  TILLAGG: "tilläggsyrkande",
  ATERREMISS: "återremissyrkande",
  BORDLAGGNING: "bordläggningsyrkande",
};

/** A vote in an omröstning: "ja" in a sentence, "Ja" as a column of the vote table. */
export const ballotChoiceTerms: Record<BallotChoice, Term> = {
  JA: { word: "ja", label: "Ja" },
  NEJ: { word: "nej", label: "Nej" },
  AVSTAR: { word: "avstår", label: "Avstår" },
  FRANVARANDE: { word: "frånvarande", label: "Frånvarande" },
  DELTAR_EJ: { word: "deltar ej", label: "Deltar ej" },
};

/** The mark of a choice in the närvaro- och omröstningslista's vote columns (J/N/A/–). */
export const ballotChoiceMark: Record<BallotChoice, string> = {
  JA: "J",
  NEJ: "N",
  AVSTAR: "A",
  FRANVARANDE: "–",
  DELTAR_EJ: "–",
};

/** The recorded outcome of an omröstning, as the editor offers it. */
export const voteOutcomeLabel: Record<VoteOutcome, string> = {
  JA: "Ja vann",
  NEJ: "Nej vann",
  LOTTNING: "Lika röstetal, avgjort av ordförande/lott",
};

/** The heading a new section of a § gets; OTHER is any heading the secretary writes. */
export const sectionKindHeading: Record<SectionKind, string> = {
  SUMMARY: "Sammanfattning av ärendet",
  CASE: "Ärendet",
  CONSEQUENCES: "Konsekvensbeskrivning",
  OTHER: "Nytt avsnitt",
};

// ---------------------------------------------------------------------------------------------
// The register
// ---------------------------------------------------------------------------------------------

/** The kind of a decision-making body (organ). */
export const bodyKindLabel: Record<BodyKind, string> = {
  FULLMAKTIGE: "Fullmäktige",
  STYRELSE: "Styrelse",
  NAMND: "Nämnd",
  DIREKTION: "Direktion",
  UTSKOTT: "Utskott",
  BEREDNING: "Beredning",
};

/** Where a § prints the decision, as the body's setting offers it. */
export const decisionPlacementLabel: Record<DecisionPlacement, string> = {
  BEFORE_SECTIONS: "Beslutet först, före ärendebeskrivningen",
  AFTER_SECTIONS: "Beslutet sist, efter ärendebeskrivningen",
};

/** The kind of an organisation. */
export const organisationKindLabel: Record<OrganisationKind, string> = {
  KOMMUN: "Kommun",
  KOMMUNALFORBUND: "Kommunalförbund",
  REGION: "Region",
};

// ---------------------------------------------------------------------------------------------
// The ärendelista
// ---------------------------------------------------------------------------------------------

/** What the meeting did with an ärende, as the agenda → protocol form offers it. */
export const agendaFateTerms: Record<AgendaFate, Term> = {
  DECIDED: { word: "beslut", label: "Beslut" },
  STRUCK: { word: "utgår", label: "Utgår" },
  TABLED: { word: "bordläggs", label: "Bordläggs" },
  RETURNED: { word: "återremitteras", label: "Återremitteras" },
};

/**
 * The decision a § states for an ärende that was not decided on its merits: bordlagt (it comes
 * back on a later agenda) or återremitterat (back to preparation; the reason follows).
 */
export const agendaFateDecision: Record<Extract<AgendaFate, "TABLED" | "RETURNED">, string> = {
  TABLED: "Ärendet bordläggs.",
  RETURNED: "Ärendet återremitteras.",
};

/** What the public copy of a § holds, as the editor says it (publicationLevel). */
export const publicationLevelLabel: Record<PublicationLevel, string> = {
  FULL: "hela paragrafen publiceras",
  REDACTED: "publiceras med utelämnanden",
  TITLE_ONLY: "endast nummer och rubrik (sekretess)",
};
