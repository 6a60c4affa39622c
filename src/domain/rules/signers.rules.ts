/**
 * Justering needs independent people: the ordförande and each justerare are different persons,
 * the secretary who kept the protocol justerar none of it, one person signs in one role only, and
 * whoever justerar served (ledamot or tjänstgörande ersättare) in every § they sign for.
 *
 * Two ways a protocol names its signers (signerAssignments):
 * - as before: the secretary, the chair of the attendance list and the justerare, each for the
 *   whole meeting, so "every § they sign for" is every §;
 * - per § (ProtocolDTO.signers, issue 14): each signer answers for some §§ (a second secretary for
 *   §§ 5-6, the vice chair chairing § 7, per-§ justerare, two chairs who both sign). Then every §
 *   needs a secretary, a chair and the required number of justerare, the independence rules hold
 *   per § (no one justerar a § they kept the protocol of or chaired; one person may chair § 7 and
 *   justera the others), and whoever chairs or justerar a § served in it.
 * Pure: plain DTO data in, findings out. Every finding is an error: a protocol justerat by the
 * person who wrote it proves nothing.
 */
import {
  compressParagraphNumbers,
  expandParagraphRanges,
  formatParagraphRanges,
  type ParagraphRange,
} from "@/lib/paragraph-ranges";
import type {
  AttendanceDTO,
  ParagraphDTO,
  PersonRef,
  SignatureRole,
  SignerDTO,
} from "@/domain/protocol/protocol.types";
import { signatureRoleTerms } from "@/domain/vocabulary";
import { computeParticipation, isPresentIn } from "./attendance.rules";
import { createFinding, type Finding } from "./finding";

export interface SignersRulesInput {
  secretary: PersonRef | null;
  adjusters: readonly PersonRef[];
  /** Signers per §; absent or empty = the secretary, chair and adjusters above, whole meeting. */
  signers?: readonly SignerDTO[];
  attendance: readonly AttendanceDTO[];
  paragraphs: readonly Pick<ParagraphDTO, "number" | "recusals">[];
  /** How many justerare each § needs (default 1). */
  requiredAdjusters?: number;
}

/** The order of the signature block: sekreterare, ordförande, justerare. */
export const SIGNATURE_ROLE_ORDER: readonly SignatureRole[] = ["SECRETARY", "CHAIR", "ADJUSTER"];

/** One person signing in one role for some §§ (empty ranges = the whole meeting). */
export interface SignerAssignment extends PersonRef {
  role: SignatureRole;
  ranges: ParagraphRange[];
  /** Where it is set: "signers[2]", or "secretary", "attendance[0]", "adjusters[1]". */
  field: string;
}

/** True when the protocol names its signers per § (ProtocolDTO.signers has rows). */
export function hasSignersPerParagraph(input: Pick<SignersRulesInput, "signers">): boolean {
  return (input.signers?.length ?? 0) > 0;
}

/**
 * Who signs, in which role, for which §§, in the order of the signature block (by role, then as
 * listed). Per § when the protocol has signers; else the secretary, every chair of the attendance
 * list and every justerare, each for the whole meeting.
 */
export function signerAssignments(
  input: Pick<SignersRulesInput, "secretary" | "adjusters" | "signers" | "attendance">,
): SignerAssignment[] {
  const list: SignerAssignment[] = [];
  if (hasSignersPerParagraph(input)) {
    input.signers!.forEach((s, i) =>
      list.push({ personId: s.personId, name: s.name, role: s.role, ranges: s.ranges, field: `signers[${i}]` }),
    );
  } else {
    if (input.secretary) list.push({ ...input.secretary, role: "SECRETARY", ranges: [], field: "secretary" });
    for (const c of chairsOf(input.attendance)) {
      list.push({ personId: c.personId, name: c.name, role: "CHAIR", ranges: [], field: `attendance[${c.index}]` });
    }
    input.adjusters.forEach((a, i) =>
      list.push({ personId: a.personId, name: a.name, role: "ADJUSTER", ranges: [], field: `adjusters[${i}]` }),
    );
  }
  return list
    .map((a, i) => ({ a, i }))
    .sort((x, y) => SIGNATURE_ROLE_ORDER.indexOf(x.a.role) - SIGNATURE_ROLE_ORDER.indexOf(y.a.role) || x.i - y.i)
    .map(({ a }) => a);
}

/**
 * "Paragrafer 101-109, 111-115": the §§ of the protocol a signer answers for, as the signature
 * block prints them (all of them when `ranges` is empty); null when none.
 */
export function signerParagraphsText(ranges: readonly ParagraphRange[], numbers: readonly number[]): string | null {
  const covered = numbersCovered(ranges, numbers);
  return covered.length > 0 ? formatParagraphRanges(compressParagraphNumbers(covered), "word") : null;
}

/** The § numbers of the protocol an assignment answers for. */
export function numbersCovered(ranges: readonly ParagraphRange[], numbers: readonly number[]): number[] {
  if (ranges.length === 0) return [...numbers];
  const inRanges = new Set(expandParagraphRanges(ranges));
  return numbers.filter((n) => inRanges.has(n));
}

interface Signer {
  personId: string;
  name: string;
  roles: SignatureRole[];
  /** Where each role is set, in the order found: "secretary", "attendance[0]", "adjusters[1]". */
  fields: string[];
}

/** "a", "a och b", "a, b och c" */
function listSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

function listNumbers(numbers: readonly number[]): string {
  return formatParagraphRanges(compressParagraphNumbers(numbers));
}

/** The distinct people in role CHAIR, each with the index of their first row. */
function chairsOf(attendance: SignersRulesInput["attendance"]): { personId: string; name: string; index: number }[] {
  const chairs: { personId: string; name: string; index: number }[] = [];
  attendance.forEach((row, index) => {
    if (row.role === "CHAIR" && !chairs.some((c) => c.personId === row.personId)) {
      chairs.push({ personId: row.personId, name: row.name, index });
    }
  });
  return chairs;
}

/** Everyone who signs, with every role they sign in (a justerare listed twice counts twice). */
function signersOf(input: SignersRulesInput): Signer[] {
  const signers: Signer[] = [];
  const add = (person: PersonRef, role: SignatureRole, field: string) => {
    const found = signers.find((s) => s.personId === person.personId);
    if (found) {
      found.roles.push(role);
      found.fields.push(field);
    } else {
      signers.push({ personId: person.personId, name: person.name, roles: [role], fields: [field] });
    }
  };
  if (input.secretary) add(input.secretary, "SECRETARY", "secretary");
  for (const chair of chairsOf(input.attendance)) add(chair, "CHAIR", `attendance[${chair.index}]`);
  input.adjusters.forEach((adjuster, i) => add(adjuster, "ADJUSTER", `adjusters[${i}]`));
  return signers;
}

function checkSingleChair(input: SignersRulesInput): Finding[] {
  const chairs = chairsOf(input.attendance);
  if (chairs.length < 2) return [];
  return [
    createFinding(
      "SIGNER_CHAIR_MULTIPLE",
      "error",
      `Närvarolistan har flera ordförande (${listSwedish(chairs.map((c) => c.name))}). Protokollet justeras av en ordförande: låt den som ledde sammanträdet stå som ordförande och ändra de andras roll till vice ordförande eller ledamot.`,
      null,
      `attendance[${chairs[1]!.index}]`,
    ),
  ];
}

/** What to do about one person who signs in several roles. */
function remedy(roles: readonly SignatureRole[]): string {
  const adjusterTwice = roles.filter((r) => r === "ADJUSTER").length > 1;
  const steps: string[] = [];
  if (roles.includes("SECRETARY") && roles.includes("CHAIR")) {
    steps.push(
      "ange som ordförande i närvarolistan den ledamot som ledde sammanträdet, eller ange en annan sekreterare",
    );
  }
  if (roles.includes("ADJUSTER") && (roles.includes("SECRETARY") || roles.includes("CHAIR"))) {
    steps.push("välj en annan justerare under Sammanträdet");
  }
  if (adjusterTwice) steps.push("ta bort dubbletten bland justerarna");
  const text = listSwedish(steps);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkOneRolePerPerson(input: SignersRulesInput): Finding[] {
  const findings: Finding[] = [];
  for (const signer of signersOf(input)) {
    if (signer.roles.length < 2) continue;
    const distinct = signer.roles.filter((r, i) => signer.roles.indexOf(r) === i);
    const roles = listSwedish(distinct.map((r) => signatureRoleTerms[r].word));
    const adjusterTwice = signer.roles.filter((r) => r === "ADJUSTER").length > 1;
    const roleText = adjusterTwice && signer.roles.length === 2 ? "flera gånger som justerare" : `som ${roles}`;
    if (signer.roles.includes("SECRETARY")) {
      findings.push(
        createFinding(
          "SIGNER_SECRETARY_ADJUSTS",
          "error",
          `${signer.name} står ${roleText}. Den som har fört protokollet får inte också justera det, och en person undertecknar i en roll. ${remedy(signer.roles)}.`,
          null,
          "secretary",
        ),
      );
    } else {
      findings.push(
        createFinding(
          "SIGNER_SAME_PERSON",
          "error",
          `${signer.name} står ${roleText}. Ordföranden och varje justerare ska vara olika personer, och en person undertecknar i en roll. ${remedy(signer.roles)}.`,
          null,
          signer.fields[signer.fields.length - 1]!,
        ),
      );
    }
  }
  return findings;
}

type Reason =
  "jäv" | "inte närvarande" | "närvarande som ersättare utan att tjänstgöra" | "närvarande bara som övrig närvarande";

/** Why `personId` did not take part in § `number` as a deciding member. */
function whyNotServing(input: SignersRulesInput, personId: string, number: number): Reason {
  const recused = input.paragraphs.some((p) => p.number === number && p.recusals.some((r) => r.personId === personId));
  if (recused) return "jäv";
  const rows = input.attendance.filter((row) => row.personId === personId && isPresentIn(row, number));
  if (rows.length === 0) return "inte närvarande";
  if (rows.some((row) => row.role === "SUBSTITUTE")) return "närvarande som ersättare utan att tjänstgöra";
  return "närvarande bara som övrig närvarande";
}

/** The §§ `personId` missed, grouped by why ("§§ 3-4 (jäv)"), or that they are not in the närvarolista at all. */
function whereNotServing(input: SignersRulesInput, personId: string, missed: readonly number[]): string {
  if (!input.attendance.some((row) => row.personId === personId)) {
    return `${listNumbers(missed)} (finns inte i närvarolistan)`;
  }
  const byReason = new Map<Reason, number[]>();
  for (const n of missed) {
    const reason = whyNotServing(input, personId, n);
    byReason.set(reason, [...(byReason.get(reason) ?? []), n]);
  }
  return listSwedish([...byReason].map(([reason, numbers]) => `${listNumbers(numbers)} (${reason})`));
}

function checkServing(input: SignersRulesInput): Finding[] {
  const findings: Finding[] = [];
  const participation = computeParticipation({
    body: { seatCount: 0 },
    attendance: input.attendance,
    paragraphs: input.paragraphs,
  });
  const checked = new Set<string>();
  const people = [
    ...chairsOf(input.attendance).map((c) => ({ ...c, role: "CHAIR" as const, field: `attendance[${c.index}]` })),
    ...input.adjusters.map((a, i) => ({ ...a, role: "ADJUSTER" as const, field: `adjusters[${i}]` })),
  ];
  for (const person of people) {
    if (checked.has(person.personId)) continue;
    checked.add(person.personId);
    const missed = participation
      .filter((p) => !p.participants.some((x) => x.personId === person.personId))
      .map((p) => p.paragraphNumber);
    if (missed.length === 0) continue;

    const where = whereNotServing(input, person.personId, missed);
    const isChair = person.role === "CHAIR";
    const who = isChair ? `Ordföranden ${person.name}` : `Justeraren ${person.name}`;
    const todo = isChair
      ? "Rätta närvaron eller jävet om de är fel, eller ange under Undertecknare vem som var ordförande för vilka paragrafer."
      : "Välj en annan justerare under Sammanträdet, eller rätta närvaron eller jävet om de är fel.";
    findings.push(
      createFinding(
        "SIGNER_NOT_SERVING",
        "error",
        `${who} tjänstgjorde inte som ledamot eller tjänstgörande ersättare i ${where}. Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. ${todo}`,
        missed[0]!,
        person.field,
      ),
    );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Signers per §
// ---------------------------------------------------------------------------------------------

const ROLE_MISSING: Record<SignatureRole, string> = {
  SECRETARY: "sekreterare",
  CHAIR: "ordförande",
  ADJUSTER: "justerare",
};

function protocolNumbers(input: SignersRulesInput): number[] {
  return [...new Set(input.paragraphs.map((p) => p.number))].sort((a, b) => a - b);
}

/** Every § needs a secretary, a chair and the required number of justerare. */
function checkCoverage(input: SignersRulesInput, assignments: readonly SignerAssignment[]): Finding[] {
  const numbers = protocolNumbers(input);
  const required: Record<SignatureRole, number> = {
    SECRETARY: 1,
    CHAIR: 1,
    ADJUSTER: Math.max(1, input.requiredAdjusters ?? 1),
  };
  const findings: Finding[] = [];
  for (const role of SIGNATURE_ROLE_ORDER) {
    const ofRole = assignments.filter((a) => a.role === role);
    const short = numbers.filter(
      (n) =>
        new Set(ofRole.filter((a) => numbersCovered(a.ranges, [n]).length > 0).map((a) => a.personId)).size <
        required[role],
    );
    if (short.length === 0) continue;
    const need = required[role] > 1 ? `minst ${required[role]} ${ROLE_MISSING[role]}` : ROLE_MISSING[role];
    const where = short.length === numbers.length ? "protokollets alla paragrafer" : listNumbers(short);
    findings.push(
      createFinding(
        "SIGNER_PARAGRAPHS_UNCOVERED",
        "error",
        `Det saknas ${need} för ${where}. Varje paragraf ska ha en sekreterare, en ordförande och ${required.ADJUSTER > 1 ? `minst ${required.ADJUSTER} justerare` : "minst en justerare"} som undertecknar den. Ange under Undertecknare vem som undertecknar ${where}.`,
        short[0]!,
        "signers",
      ),
    );
  }
  for (const a of assignments) {
    if (a.ranges.length === 0 || numbers.length === 0 || numbersCovered(a.ranges, numbers).length > 0) continue;
    findings.push(
      createFinding(
        "SIGNER_PARAGRAPHS_UNKNOWN",
        "error",
        `${a.name} är angiven som ${signatureRoleTerms[a.role].word} för ${formatParagraphRanges(a.ranges)}, men protokollet har inga sådana paragrafer (det omfattar ${listNumbers(numbers)}). Rätta paragraferna eller ta bort raden.`,
        null,
        a.field,
      ),
    );
  }
  return findings;
}

/** Per §: one person in one role (two chairs may both sign; no one justerar what they wrote or chaired). */
function checkRolesPerParagraph(input: SignersRulesInput, assignments: readonly SignerAssignment[]): Finding[] {
  const numbers = protocolNumbers(input);
  const findings: Finding[] = [];
  const people = [...new Set(assignments.map((a) => a.personId))];
  for (const personId of people) {
    const mine = assignments.filter((a) => a.personId === personId);
    if (mine.length < 2) continue;
    // § number → the roles this person has in it.
    const clashes = new Map<string, number[]>();
    for (const n of numbers) {
      const roles = SIGNATURE_ROLE_ORDER.filter((r) =>
        mine.some((a) => a.role === r && numbersCovered(a.ranges, [n]).length > 0),
      );
      if (roles.length < 2) continue;
      const key = roles.join("+");
      clashes.set(key, [...(clashes.get(key) ?? []), n]);
    }
    for (const [key, clashNumbers] of clashes) {
      const roles = key.split("+") as SignatureRole[];
      const words = listSwedish(roles.map((r) => signatureRoleTerms[r].word));
      const name = mine[0]!.name;
      const field = mine.find((a) => a.role === roles[roles.length - 1])!.field;
      const secretary = roles.includes("SECRETARY");
      findings.push(
        createFinding(
          secretary ? "SIGNER_SECRETARY_ADJUSTS" : "SIGNER_SAME_PERSON",
          "error",
          `${name} står som ${words} för ${listNumbers(clashNumbers)}. ${secretary ? "Den som har fört protokollet för en paragraf får inte också justera den eller vara dess ordförande." : "Ordföranden för en paragraf får inte också justera den."} Ändra paragraferna under Undertecknare så att ${name} bara har en roll i varje paragraf, eller välj en annan person.`,
          clashNumbers[0]!,
          field,
        ),
      );
    }
  }
  return findings;
}

/** Whoever chairs or justerar a § served in it as ledamot or tjänstgörande ersättare. */
function checkServingPerParagraph(input: SignersRulesInput, assignments: readonly SignerAssignment[]): Finding[] {
  const numbers = protocolNumbers(input);
  const participation = computeParticipation({
    body: { seatCount: 0 },
    attendance: input.attendance,
    paragraphs: input.paragraphs,
  });
  const findings: Finding[] = [];
  for (const a of assignments) {
    if (a.role === "SECRETARY") continue;
    const mine = numbersCovered(a.ranges, numbers);
    const missed = mine.filter(
      (n) => !participation.find((p) => p.paragraphNumber === n)?.participants.some((x) => x.personId === a.personId),
    );
    if (missed.length === 0) continue;
    const where = whereNotServing(input, a.personId, missed);
    const who = a.role === "CHAIR" ? `Ordföranden ${a.name}` : `Justeraren ${a.name}`;
    findings.push(
      createFinding(
        "SIGNER_NOT_SERVING",
        "error",
        `${who} tjänstgjorde inte som ledamot eller tjänstgörande ersättare i ${where}. Den som ${a.role === "CHAIR" ? "är ordförande för" : "justerar"} en paragraf ska ha deltagit i beslutet. Ändra paragraferna under Undertecknare, eller rätta närvaron eller jävet om de är fel.`,
        missed[0]!,
        a.field,
      ),
    );
  }
  return findings;
}

/**
 * Every finding about who justerar, protocol-level first. An empty list is required both to send
 * the protocol for justering and for every signature.
 */
export function checkSignerIndependence(input: SignersRulesInput): Finding[] {
  if (hasSignersPerParagraph(input)) {
    const assignments = signerAssignments(input);
    return [
      ...checkCoverage(input, assignments),
      ...checkRolesPerParagraph(input, assignments),
      ...checkServingPerParagraph(input, assignments),
    ];
  }
  return [...checkSingleChair(input), ...checkOneRolePerPerson(input), ...checkServing(input)];
}
