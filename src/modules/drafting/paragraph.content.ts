// The editable content of a § (what the editor holds and saveParagraph takes), from its DTO.
import type { ParagraphDTO } from "@/domain/protocol/protocol.types";
import type { ParagraphContentInput } from "./paragraph.schema";

export function toParagraphContent(p: ParagraphDTO): ParagraphContentInput {
  return {
    caseNumber: p.caseNumber,
    title: p.title,
    decision: { intro: p.decision.intro, clauses: [...p.decision.clauses] },
    sections: p.sections.map((s) => ({ kind: s.kind, heading: s.heading, content: s.content })),
    basisDocuments: [...p.basisDocuments],
    dispatch: [...p.dispatch],
    motions: p.motions.map(({ personId, kind, text, amendsIndex, withdrawn }) => ({
      personId,
      kind,
      text,
      amendsIndex,
      withdrawn,
    })),
    propositions: [...p.propositions],
    votes: p.votes.map((v) => ({
      question: v.question,
      result: v.result,
      outcome: v.outcome,
      ballots: v.ballots.map(({ personId, choice }) => ({ personId, choice })),
      counts: v.counts ? { ...v.counts } : null,
    })),
    reservations: p.reservations.map(({ personId, reasons, writtenLater }) => ({
      personId,
      reasons,
      writtenLater: writtenLater ?? false,
    })),
    notes: p.notes.map(({ personId, text }) => ({ personId, text })),
    recusals: p.recusals.map(({ personId, reason }) => ({ personId, reason })),
    isConfidential: p.isConfidential,
    withholdingGround: p.withholdingGround,
    redactedNames: [...p.redactedNames],
    isImmediatelyAdjusted: p.isImmediatelyAdjusted,
  };
}

/** Back to a DTO (names from `names`), for live checks and the preview of unsaved text. */
export function toParagraphDTO(
  base: Pick<ParagraphDTO, "id" | "number" | "attachments">,
  c: ParagraphContentInput,
  names: ReadonlyMap<string, string>,
): ParagraphDTO {
  const name = (id: string) => names.get(id) ?? "?";
  const clean = (rows: readonly string[]) => rows.map((r) => r.trim()).filter(Boolean);
  return {
    ...base,
    caseNumber: c.caseNumber?.trim() || null,
    title: c.title.trim(),
    decision: { intro: c.decision.intro.trim(), clauses: clean(c.decision.clauses) },
    sections: c.sections,
    basisDocuments: clean(c.basisDocuments),
    dispatch: clean(c.dispatch),
    motions: c.motions.map((m) => ({ ...m, name: name(m.personId) })),
    propositions: clean(c.propositions),
    votes: c.votes.map((v) => ({
      question: v.question,
      result: v.result,
      outcome: v.outcome,
      ballots: v.ballots.map((b) => ({ personId: b.personId, choice: b.choice, name: name(b.personId) })),
      counts: v.counts ?? null,
    })),
    reservations: c.reservations.map((r) => ({
      personId: r.personId,
      name: name(r.personId),
      reasons: r.reasons?.trim() || null,
      writtenLater: r.writtenLater ?? false,
    })),
    notes: c.notes.map((n) => ({ personId: n.personId, name: n.personId ? name(n.personId) : null, text: n.text })),
    recusals: c.recusals.map((r) => ({ ...r, name: name(r.personId) })),
    isConfidential: c.isConfidential,
    withholdingGround: c.withholdingGround?.trim() || null,
    redactedNames: clean(c.redactedNames ?? []),
    isImmediatelyAdjusted: c.isImmediatelyAdjusted,
  };
}
