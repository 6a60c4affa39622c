import { describe, expect, it } from "vitest";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { parseExtractParagraphs, planExtract } from "./extract.rules";

const protocol = (status: ProtocolDTO["meeting"]["status"]): Pick<ProtocolDTO, "meeting" | "paragraphs"> => ({
  meeting: {
    id: "m",
    slug: "ks-2023-05-02",
    status,
    date: "2023-05-02",
    startTime: null,
    endTime: null,
    place: "",
    adjustmentPlace: null,
    adjustmentDate: null,
    adjustedOn: status === "ADJUSTED" ? "2023-05-05" : null,
  },
  paragraphs: [
    blankParagraph(59, { title: "Budget" }),
    blankParagraph(60, { title: "Personalärende", isConfidential: true }),
    blankParagraph(61, { title: "Taxor" }),
  ],
});

describe("parseExtractParagraphs", () => {
  it.each([
    [[], []],
    [
      ["61", "59"],
      [59, 61],
    ],
    [["59-61"], [59, 60, 61]],
    [
      ["§§ 59, 61", "61", " "],
      [59, 61],
    ],
    [["x"], null],
    [["1-100000"], null],
  ] as const)("%j → %j", (values, expected) => {
    expect(parseExtractParagraphs(values)).toEqual(expected);
  });
});

describe("planExtract", () => {
  it("gives the workspace any § of a justerat protocol, confidential ones included", () => {
    expect(planExtract(protocol("ADJUSTED"), [59, 60], "workspace")).toEqual({ ok: true, paragraphNumbers: [59, 60] });
  });

  it("refuses the public a confidential §, saying where to ask", () => {
    expect(planExtract(protocol("ADJUSTED"), [59, 60], "public")).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringMatching(/^§ 60 omfattas av sekretess/),
    });
    expect(planExtract(protocol("ADJUSTED"), [59, 61], "public")).toEqual({ ok: true, paragraphNumbers: [59, 61] });
  });

  it.each(["DRAFT", "READY_FOR_ADJUSTMENT"] as const)("refuses an extract of a protocol that is %s", (status) => {
    for (const audience of ["workspace", "public"] as const)
      expect(planExtract(protocol(status), [59], audience)).toMatchObject({ ok: false, status: 409 });
  });

  it("explains a missing choice, a bad list and §§ the protocol does not have", () => {
    expect(planExtract(protocol("ADJUSTED"), [], "public")).toEqual({
      ok: false,
      status: 400,
      message: "Välj minst en paragraf att ta utdrag ur.",
    });
    expect(planExtract(protocol("ADJUSTED"), null, "public")).toMatchObject({ ok: false, status: 400 });
    expect(planExtract(protocol("ADJUSTED"), [59, 70, 71], "workspace")).toEqual({
      ok: false,
      status: 404,
      message: "Protokollet saknar §§ 70-71.",
    });
  });
});
