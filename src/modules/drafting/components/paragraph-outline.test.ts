import { describe, expect, it } from "vitest";
import { isFigure } from "@/ui/rich-text";
import type { Finding } from "@/domain/rules/protocol-checker";
import { fieldControlId, hasContent, paragraphStatus } from "./paragraph-outline";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";

const empty = {
  caseNumber: "",
  title: "Budget",
  isConfidential: false,
  isImmediatelyAdjusted: false,
  decision: { intro: "", clauses: [] },
  sections: [],
  basisDocuments: "",
  dispatch: "",
  motions: [],
  propositions: [],
  votes: [],
  reservations: [],
  recusals: [],
  notes: [],
} as unknown as ParagraphContentInput;

const error = (paragraphNumber: number): Finding =>
  ({ code: "X", severity: "error", message: "", paragraphNumber, field: "title" }) as unknown as Finding;

describe("the outline's status of a §", () => {
  it("is tom with only a rubrik (or a bare 'att'), har fel with an error of its own, klar otherwise", () => {
    expect(hasContent(empty)).toBe(false);
    expect(hasContent({ ...empty, decision: { intro: "", clauses: ["att "] } })).toBe(false);
    expect(hasContent({ ...empty, decision: { intro: "Direktionen beslutar:", clauses: [] } })).toBe(true);
    expect(
      hasContent({
        ...empty,
        sections: [
          {
            kind: "SUMMARY",
            heading: "Sammanfattning",
            content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x" }] }] },
          },
        ],
      } as ParagraphContentInput),
    ).toBe(true);
    expect(paragraphStatus(false, 62, [error(62)])).toBe("tom");
    expect(paragraphStatus(true, 62, [error(62)])).toBe("fel");
    expect(paragraphStatus(true, 62, [error(61), { ...error(62), severity: "warning" }])).toBe("klar");
  });
});

describe("a finding's control", () => {
  it.each([
    ["title", "p62-titel"],
    ["caseNumber", "p62-dnr"],
    ["decision.intro", "p62-beslut-text"],
    ["decision.clauses[1]", "p62-att-1"],
    ["motions[0]", "p62-yrkande-0-person"],
    ["votes[2]", "p62-omr-2-fraga"],
    ["dispatch", "p62-expediering"],
    ["number", "p62-titel"],
    [undefined, "p62-titel"],
  ])("%s → #%s", (field, id) => expect(fieldControlId(62, field)).toBe(id));
});

describe("figures in tables never wrap", () => {
  it.each(["113 083", "-113 083", "−6 949", "4,4 %", "1 280 tkr", "0", "2022", "13\u00a0498"])("%s is a figure", (t) =>
    expect(isFigure(t)).toBe(true),
  );
  it.each(["", "Förlusttäckning", "Budget 2022", "-", "Summa 3"])("%s is not", (t) => expect(isFigure(t)).toBe(false));
});
