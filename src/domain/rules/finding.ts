/**
 * What the legal rules and the protocol checker report. A finding is plain data: a stable code the
 * UI can link to a field, a severity, a Swedish message that says what to do, and where it is.
 */

export type FindingSeverity = "error" | "warning";

export const FINDING_CODES = [
  // Content of a § (protocol-checker.ts)
  "TITLE_MISSING",
  "DECISION_MISSING",
  "FOREIGN_BODY_DECISION",
  "EMPTY_SECTION",
  "PLACEHOLDER_TEXT",
  "CASE_NUMBER_MISSING",
  "DISPATCH_MISSING",
  "RECUSAL_REASON_MISSING",
  // The meeting's header (protocol-checker.ts)
  "PLACE_MISSING",
  // § numbering and the signature block (protocol-checker.ts)
  "PARAGRAPH_NUMBER_DUPLICATE",
  "PARAGRAPH_NUMBER_GAP",
  "PARAGRAPH_ORDER",
  "SIGNATURE_PARAGRAPHS_MISMATCH",
  // People who sign (protocol-checker.ts)
  "ADJUSTER_MISSING",
  "SECRETARY_MISSING",
  // Independence of the people who justerar (signers.rules.ts). Not prefixed ADJUSTMENT_ or
  // NOTICE_: those are deadline findings, which do not block sending (blockingFindings).
  "SIGNER_CHAIR_MULTIPLE",
  "SIGNER_SAME_PERSON",
  "SIGNER_SECRETARY_ADJUSTS",
  "SIGNER_NOT_SERVING",
  "SIGNER_PARAGRAPHS_UNCOVERED",
  "SIGNER_PARAGRAPHS_UNKNOWN",
  // Attendance (attendance.rules.ts)
  "QUORUM",
  "SUBSTITUTE_WITH_MEMBER_PRESENT",
  "MEMBER_RETURNED",
  "DOUBLE_SEAT",
  "OVER_SEATS",
  "RANGE_INVALID",
  "RANGE_OUTSIDE_MEETING",
  "RECUSAL_NOT_PRESENT",
  "ABSENT_WITH_PRESENCE",
  "ABSENT_AND_PRESENT",
  // Motions, votes, reservations (decisions.rules.ts)
  "MOTION_NOT_PARTICIPANT",
  "MOTION_AMENDS_INVALID",
  "PROPOSITION_MISSING",
  "VOTER_NOT_PARTICIPANT",
  "VOTE_DUPLICATE_BALLOT",
  "VOTE_MISSING_BALLOTS",
  "VOTE_TALLY_MISMATCH",
  "VOTE_OUTCOME_MISMATCH",
  "VOTE_DECISION_MISMATCH",
  "VOTE_BALLOT_UNSET",
  "VOTE_COUNTS_WITH_BALLOTS",
  "VOTE_COUNTS_EXCEED_SEATS",
  "RESERVATION_NOT_PARTICIPANT",
  "RESERVATION_BY_MAJORITY",
  "RESERVATION_DUPLICATE",
  "RESERVATION_WRITTEN_PENDING",
  "NOTE_AUTHOR_NOT_PRESENT",
  // Dates and deadlines (deadlines.rules.ts)
  "DATE_INVALID",
  "ADJUSTMENT_TIME_MISSING",
  "ADJUSTMENT_PLANNED_LATE",
  "ADJUSTMENT_BEFORE_MEETING",
  "ADJUSTMENT_LATE",
  "ADJUSTMENT_OVERDUE",
  "ADJUSTED_ON_MISSING",
  "NOTICE_OVERDUE",
  "NOTICE_BEFORE_ADJUSTMENT",
  "NOTICE_LATE",
  "NOTICE_TAKEN_DOWN_EARLY",
  "NOTICE_STORAGE_MISSING",
  // Changing the notice dates after justering (notice.rules.ts)
  "NOTICE_BACKDATED",
  "NOTICE_ALREADY_POSTED",
  "NOTICE_ALREADY_DOWN",
  // The kallelse and the kungörelse before the meeting (summons.rules.ts)
  "SUMMONS_LATE",
  "SUMMONS_OVERDUE",
  "KUNGORELSE_LATE",
  "KUNGORELSE_OVERDUE",
  // What the public copy withholds of a § (publication.rules.ts)
  "WITHHOLDING_GROUND_MISSING",
  "WITHHOLDING_GROUND_FORM",
  "WITHHOLDING_GROUND_UNUSED",
  "REDACTED_NAME_ABSENT",
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** Swedish; says what is wrong and what to do. */
  message: string;
  /** The § it concerns, or null for the protocol as a whole. */
  paragraphNumber: number | null;
  /**
   * Where to fix it. Inside a §: "title", "decision.intro", "decision.clauses[1]", "sections[2]",
   * "caseNumber", "dispatch", "motions[0]", "votes[0]", "reservations[0]", "recusals[0]",
   * "number". Protocol level: "attendance[3]", "adjusters", "secretary", "signatures", "signers",
   * "signers[2]",
   * "meeting.adjustmentDate", "meeting.adjustedOn", "notice", "notice.postedOn",
   * "notice.takeDownOn", "notice.storagePlace".
   */
  field: string;
}

export function createFinding(
  code: FindingCode,
  severity: FindingSeverity,
  message: string,
  paragraphNumber: number | null,
  field: string,
): Finding {
  return { code, severity, message, paragraphNumber, field };
}

/**
 * The statute behind each rule, for help texts and the rules note. Null where the rule is good
 * practice for a protocol rather than a requirement of law.
 */
export const FINDING_SOURCES: Record<FindingCode, string | null> = {
  WITHHOLDING_GROUND_MISSING:
    "6 kap. 3 § offentlighets- och sekretesslagen (2009:400): en uppgift som inte lämnas ut ska ha stöd i en bestämmelse; praxis att ange den",
  WITHHOLDING_GROUND_FORM: null,
  WITHHOLDING_GROUND_UNUSED: null,
  REDACTED_NAME_ABSENT: null,
  TITLE_MISSING: "5 kap. 65–67 §§ kommunallagen (vilka ärenden som handlagts)",
  DECISION_MISSING: "5 kap. 67 § 4 kommunallagen",
  FOREIGN_BODY_DECISION: "5 kap. 67 § 4 kommunallagen (vilka beslut som har fattats – av detta organ)",
  EMPTY_SECTION: null,
  PLACEHOLDER_TEXT: null,
  CASE_NUMBER_MISSING: "5 kap. 1 § offentlighets- och sekretesslagen (2009:400), registrering",
  DISPATCH_MISSING: null,
  RECUSAL_REASON_MISSING: "6 kap. 28–32 §§ kommunallagen (jäv); praxis att ange grunden",
  PLACE_MISSING: "5 kap. 67 § kommunallagen och praxis (tid och plats för sammanträdet)",
  PARAGRAPH_NUMBER_DUPLICATE: null,
  PARAGRAPH_NUMBER_GAP: null,
  PARAGRAPH_ORDER: null,
  SIGNATURE_PARAGRAPHS_MISMATCH: null,
  ADJUSTER_MISSING: "5 kap. 69 § kommunallagen; arbetsordning/reglemente",
  SECRETARY_MISSING: null,
  SIGNER_CHAIR_MULTIPLE: "5 kap. 69 § kommunallagen (ordföranden justerar); arbetsordning/reglemente",
  SIGNER_SAME_PERSON:
    "5 kap. 69 § kommunallagen (ordföranden och en eller flera justerare); arbetsordning, 5 kap. 72 §",
  SIGNER_SECRETARY_ADJUSTS: "5 kap. 69 § kommunallagen (justeringen granskar det protokoll sekreteraren fört); praxis",
  SIGNER_NOT_SERVING:
    "5 kap. 69 och 72 §§ kommunallagen; arbetsordning/reglemente (justerare väljs bland ledamöter och tjänstgörande ersättare)",
  SIGNER_PARAGRAPHS_UNCOVERED:
    "5 kap. 69 § kommunallagen (protokollet justeras av ordföranden och en eller flera justerare); praxis: varje paragraf har sin sekreterare, ordförande och justerare",
  SIGNER_PARAGRAPHS_UNKNOWN: "praxis: underskriftsblocket anger vilka paragrafer varje undertecknare svarar för",
  QUORUM: "6 kap. 27 § kommunallagen (nämnder, också en direktion); för fullmäktige motsvarande regel i 5 kap.",
  SUBSTITUTE_WITH_MEMBER_PRESENT: "kommunallagen 5 och 6 kap. om ersättares tjänstgöring; arbetsordning/reglemente",
  MEMBER_RETURNED: "kommunallagen 5 och 6 kap. om återinträde efter jäv; arbetsordning/reglemente",
  DOUBLE_SEAT: null,
  OVER_SEATS: "6 kap. 27 § kommunallagen",
  RANGE_INVALID: null,
  RANGE_OUTSIDE_MEETING: "5 kap. 67 § 5 kommunallagen (vilka som deltagit i besluten)",
  RECUSAL_NOT_PRESENT: "6 kap. 28–32 §§ kommunallagen (jäv)",
  ABSENT_WITH_PRESENCE: "5 kap. 67 § 5 kommunallagen (vilka som deltagit i besluten)",
  ABSENT_AND_PRESENT: "5 kap. 67 § 5 kommunallagen (vilka som deltagit i besluten)",
  MOTION_NOT_PARTICIPANT: null,
  MOTION_AMENDS_INVALID: "5 kap. 67 § 1 kommunallagen",
  PROPOSITION_MISSING: "5 kap. 67 § 2 kommunallagen",
  VOTER_NOT_PARTICIPANT: "5 kap. 67 § 5 kommunallagen",
  VOTE_DUPLICATE_BALLOT: "5 kap. 67 § 5 kommunallagen",
  VOTE_MISSING_BALLOTS: "5 kap. 67 § 5 kommunallagen (hur var och en röstat vid öppen omröstning)",
  VOTE_TALLY_MISMATCH: "5 kap. 67 § 3 kommunallagen",
  VOTE_OUTCOME_MISMATCH: "5 kap. 67 § 3 kommunallagen",
  VOTE_DECISION_MISMATCH: "5 kap. 67 §§ 3–4 kommunallagen",
  VOTE_BALLOT_UNSET: "5 kap. 67 § 5 kommunallagen (hur var och en röstat vid öppen omröstning)",
  VOTE_COUNTS_WITH_BALLOTS: null,
  VOTE_COUNTS_EXCEED_SEATS: "5 kap. 67 § 3 kommunallagen; 5 kap. 55 § (en röst per ledamot)",
  RESERVATION_NOT_PARTICIPANT: "4 kap. 27 § kommunallagen",
  RESERVATION_BY_MAJORITY: "4 kap. 27 § kommunallagen",
  RESERVATION_DUPLICATE: "5 kap. 67 § 6 kommunallagen",
  RESERVATION_WRITTEN_PENDING: "4 kap. 27 § kommunallagen (skriftlig motivering före justeringen)",
  NOTE_AUTHOR_NOT_PRESENT: null,
  DATE_INVALID: null,
  ADJUSTMENT_TIME_MISSING: null,
  ADJUSTMENT_PLANNED_LATE: "5 kap. 69 § kommunallagen; lag (1930:173) om beräkning av lagstadgad tid",
  ADJUSTMENT_BEFORE_MEETING: "5 kap. 69 § kommunallagen",
  ADJUSTMENT_LATE: "5 kap. 69 § kommunallagen; lag (1930:173) om beräkning av lagstadgad tid",
  ADJUSTMENT_OVERDUE: "5 kap. 69 § kommunallagen; lag (1930:173) om beräkning av lagstadgad tid",
  ADJUSTED_ON_MISSING: "8 kap. 12 § kommunallagen (tillkännagivandet förutsätter känd justering)",
  NOTICE_OVERDUE: "8 kap. 12 § kommunallagen; lag (1930:173) om beräkning av lagstadgad tid",
  NOTICE_BEFORE_ADJUSTMENT: "8 kap. 12 § kommunallagen",
  NOTICE_LATE: "5 kap. 69 § och 8 kap. 12 § kommunallagen; lag (1930:173) om beräkning av lagstadgad tid",
  NOTICE_TAKEN_DOWN_EARLY: "13 kap. 5 § kommunallagen; lag (1930:173) om beräkning av lagstadgad tid, 2 §",
  NOTICE_STORAGE_MISSING: "8 kap. 12 § kommunallagen",
  NOTICE_BACKDATED:
    "8 kap. 12 § och 13 kap. 5 § kommunallagen (tiden för överklagande räknas från den dag anslaget sattes upp)",
  NOTICE_ALREADY_POSTED:
    "8 kap. 12 § och 13 kap. 5 § kommunallagen (tiden för överklagande räknas från den dag anslaget sattes upp)",
  NOTICE_ALREADY_DOWN: null,
  SUMMONS_LATE:
    "arbetsordning/reglemente (kallelsens tid före sammanträdet); för fullmäktige 5 kap. 53–55 §§ kommunallagen",
  SUMMONS_OVERDUE:
    "arbetsordning/reglemente (kallelsens tid före sammanträdet); för fullmäktige 5 kap. 53–55 §§ kommunallagen",
  KUNGORELSE_LATE: "5 kap. 53 § kommunallagen (minst en vecka före sammanträdesdagen)",
  KUNGORELSE_OVERDUE: "5 kap. 53 § kommunallagen (minst en vecka före sammanträdesdagen)",
};
