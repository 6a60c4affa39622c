import { describe, expect, it } from "vitest";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { ParagraphDTO, RichDoc } from "@/domain/protocol/protocol.types";
import { checkWithholding } from "./publication.rules";

const text = (t: string, redacted = false): RichDoc => ({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: t, ...(redacted ? { marks: [{ type: "redacted" }] } : {}) }] },
  ],
});
const codes = (fields: Partial<ParagraphDTO>) =>
  checkWithholding(blankParagraph(3, { title: "Ansökan", ...fields })).map((f) => `${f.code} ${f.field}`);

describe("checkWithholding", () => {
  it.each<[string, Partial<ParagraphDTO>, string[]]>([
    ["an open § without redactions: nothing", {}, []],
    ["confidential without a ground", { isConfidential: true }, ["WITHHOLDING_GROUND_MISSING withholdingGround"]],
    ["confidential with a ground", { isConfidential: true, withholdingGround: "OSL 39 kap. 3 §" }, []],
    [
      "a marked passage without a ground",
      { sections: [{ kind: "CASE", heading: "", content: text("Anna", true) }] },
      ["WITHHOLDING_GROUND_MISSING withholdingGround"],
    ],
    [
      "a redacted name that stands in the § (genitive), with a ground",
      { title: "Anna Bergs ansökan", redactedNames: ["Anna Berg"], withholdingGround: "OSL 26 kap. 1 §" },
      [],
    ],
    [
      "a redacted name that stands nowhere in the §",
      { title: "Ansökan", redactedNames: ["Ana Berg"], withholdingGround: "OSL 26 kap. 1 §" },
      ["REDACTED_NAME_ABSENT redactedNames[0]"],
    ],
    [
      "a ground without chapter and section",
      { isConfidential: true, withholdingGround: "sekretess" },
      ["WITHHOLDING_GROUND_FORM withholdingGround"],
    ],
    [
      "a ground though nothing is withheld",
      { withholdingGround: "26 kap. 1 § OSL" },
      ["WITHHOLDING_GROUND_UNUSED withholdingGround"],
    ],
  ])("%s", (_name, fields, expected) => {
    expect(codes(fields)).toEqual(expected);
  });

  it("finds a redacted name in a decision clause, a motion or a note as well", () => {
    const base = { redactedNames: ["Kalle Anka"], withholdingGround: "OSL 26 kap. 1 §" };
    expect(codes({ ...base, decision: { intro: "", clauses: ["att bevilja Kalle Anka bidrag"] } })).toEqual([]);
    expect(codes({ ...base, notes: [{ personId: null, name: null, text: "Kalle Anka närvarade." }] })).toEqual([]);
  });
});
