// Test support: a § with nothing in it but what the caller gives, for the rule, projection and PDF
// tests that each need a § or two of their own.
import type { ParagraphDTO } from "@/domain/protocol/protocol.types";

/** A § numbered `number`: no Dnr, an empty title and decision, every list empty, no flag set. */
export function blankParagraph(number: number, fields: Partial<ParagraphDTO> = {}): ParagraphDTO {
  return {
    id: `p-${number}`,
    number,
    caseNumber: null,
    title: "",
    decision: { intro: "", clauses: [] },
    sections: [],
    basisDocuments: [],
    dispatch: [],
    attachments: [],
    motions: [],
    propositions: [],
    votes: [],
    reservations: [],
    notes: [],
    recusals: [],
    isConfidential: false,
    withholdingGround: null,
    redactedNames: [],
    isImmediatelyAdjusted: false,
    ...fields,
  };
}
