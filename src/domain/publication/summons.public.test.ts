import { describe, expect, it } from "vitest";
import { summonsFixture } from "@/domain/summons/summons.fixture";
import { toPublicSummons } from "./public.rules";

describe("toPublicSummons", () => {
  it("keeps a public ärende with its public handlingar and reduces a confidential one to its number", () => {
    const pub = toPublicSummons(summonsFixture());
    expect(pub.items.map((i) => [i.number, i.title])).toEqual([
      [1, "Budget 2022 med plan för 2023–2024"],
      [2, "Sekretessbelagt ärende"],
      [3, "Informationsärenden"],
    ]);
    expect(pub.items[0]!.documents.map((d) => d.id)).toEqual(["d1", "d2"]);
    expect(pub.items[1]).toEqual({
      id: "i2",
      number: 2,
      title: "Sekretessbelagt ärende",
      caseNumber: null,
      responsible: null,
      proposalIntro: "",
      proposalClauses: [],
      isConfidential: true,
      documents: [],
    });
    const json = JSON.stringify(pub);
    for (const s of ["Hemlig", "2021/44", "Lönebilaga", "anställning", "Referenser"]) expect(json).not.toContain(s);
  });

  it("masks a personnummer in public free text and drops keys it does not know", () => {
    const s = summonsFixture();
    s.items[0]!.proposalClauses = ["att utse 19800101-1234 till ombud"];
    (s.meeting as Record<string, unknown>).secretNote = "x";
    const pub = toPublicSummons(s);
    expect(pub.items[0]!.proposalClauses).toEqual(["att utse ÅÅMMDD-XXXX till ombud"]);
    expect("secretNote" in pub.meeting).toBe(false);
  });
});
