/**
 * Justering needs independent people: the ordförande and each justerare are different persons,
 * the secretary who kept the protocol justerar none of it, one person signs in one role only, and
 * whoever justerar served (ledamot or tjänstgörande ersättare) in every § they sign for. The
 * signature block covers every § of the protocol, so "every § they sign for" is every §.
 * Pure: plain DTO data in, findings out. Every finding is an error: a protocol justerat by the
 * person who wrote it proves nothing.
 */
import { compressParagraphNumbers, formatParagraphRanges } from "@/lib/paragraph-ranges";
import type { AttendanceDTO, ParagraphDTO, PersonRef, SignatureRole } from "@/domain/protocol/protocol.types";
import { signatureRoleTerms } from "@/domain/vocabulary";
import { computeParticipation, isPresentIn } from "./attendance.rules";
import { createFinding, type Finding } from "./finding";

export interface SignersRulesInput {
  secretary: PersonRef | null;
  adjusters: readonly PersonRef[];
  attendance: readonly AttendanceDTO[];
  paragraphs: readonly Pick<ParagraphDTO, "number" | "recusals">[];
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

    const inList = input.attendance.some((row) => row.personId === person.personId);
    const byReason = new Map<Reason, number[]>();
    for (const n of missed) {
      const reason = whyNotServing(input, person.personId, n);
      byReason.set(reason, [...(byReason.get(reason) ?? []), n]);
    }
    const where = inList
      ? listSwedish([...byReason].map(([reason, numbers]) => `${listNumbers(numbers)} (${reason})`))
      : `${listNumbers(missed)} (finns inte i närvarolistan)`;
    const isChair = person.role === "CHAIR";
    const who = isChair ? `Ordföranden ${person.name}` : `Justeraren ${person.name}`;
    const todo = isChair
      ? "Rätta närvaron eller jävet om de är fel, eller ange som ordförande den som ledde alla paragrafer (att olika personer justerar olika paragrafer stöds inte ännu)."
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

/**
 * Every finding about who justerar, protocol-level first. An empty list is required both to send
 * the protocol for justering and for every signature.
 */
export function checkSignerIndependence(input: SignersRulesInput): Finding[] {
  return [...checkSingleChair(input), ...checkOneRolePerPerson(input), ...checkServing(input)];
}
