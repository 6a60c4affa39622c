// What the public copy of a § withholds (issue 17.2): whatever is withheld — a confidential §, a
// passage marked for redaction, a name of a private person — says on what ground, and what the
// secretary asked to withhold is actually in the §. Pure.
import type { ParagraphDTO } from "@/domain/protocol/protocol.types";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { hasRedactions, redactNames } from "@/domain/publication/public.rules";
import { createFinding, type Finding } from "./finding";

/** "OSL 26 kap. 1 §", "26 kap. 1 § offentlighets- och sekretesslagen": a chapter and a section. */
const CHAPTER_AND_SECTION = /\d+\s*kap\.?\s*\d+\s*[a-z]?\s*§/i;

/** Every text of a § in which a redacted name could stand. */
function textsOf(p: ParagraphDTO): string[] {
  return [
    p.title,
    p.decision.intro,
    ...p.decision.clauses,
    ...p.sections.flatMap((s) => [s.heading, toPlainText(s.content)]),
    ...p.basisDocuments,
    ...p.dispatch,
    ...p.attachments.map((a) => a.label),
    ...p.motions.map((m) => m.text),
    ...p.propositions,
    ...p.votes.flatMap((v) => [v.question, v.result]),
    ...p.reservations.map((r) => r.reasons ?? ""),
    ...p.notes.map((n) => n.text),
    ...p.recusals.map((r) => r.reason),
  ];
}

export function checkWithholding(p: ParagraphDTO): Finding[] {
  const findings: Finding[] = [];
  const n = p.number;
  const ground = p.withholdingGround?.trim() ?? "";
  const withholds = p.isConfidential || hasRedactions(p);
  if (withholds && ground === "") {
    findings.push(
      createFinding(
        "WITHHOLDING_GROUND_MISSING",
        "warning",
        `§ ${n} lämnar inte ut allt till allmänheten men anger ingen grund. Skriv grunden, t.ex. "OSL 26 kap. 1 §"; den visas i den offentliga kopian.`,
        n,
        "withholdingGround",
      ),
    );
  }
  if (ground !== "" && !CHAPTER_AND_SECTION.test(ground)) {
    findings.push(
      createFinding(
        "WITHHOLDING_GROUND_FORM",
        "warning",
        `Grunden i § ${n} ("${ground}") anger inte kapitel och paragraf. Skriv den som i offentlighets- och sekretesslagen, t.ex. "OSL 26 kap. 1 §".`,
        n,
        "withholdingGround",
      ),
    );
  }
  if (ground !== "" && !withholds) {
    findings.push(
      createFinding(
        "WITHHOLDING_GROUND_UNUSED",
        "warning",
        `§ ${n} anger en grund för att inte lämna ut uppgifter, men inget i paragrafen är markerat att utelämnas. Markera texten eller namnen, eller ta bort grunden.`,
        n,
        "withholdingGround",
      ),
    );
  }
  const texts = textsOf(p);
  p.redactedNames.forEach((name, i) => {
    if (name.trim() === "" || texts.some((t) => redactNames(t, [name]) !== t)) return;
    findings.push(
      createFinding(
        "REDACTED_NAME_ABSENT",
        "warning",
        `Namnet "${name.trim()}" som ska utelämnas i § ${n} finns inte i paragrafens text. Kontrollera stavningen.`,
        n,
        `redactedNames[${i}]`,
      ),
    );
  });
  return findings;
}
