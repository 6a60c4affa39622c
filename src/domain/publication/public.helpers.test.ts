// The smaller pieces of the public projection: case headings for Papers, the personnummer pattern
// at its day boundaries, and the URL and query guards (rättelser: public.rules.test.ts).
import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import { isMeetingSlug, maskPersonalNumbers, queryValue, toPublicCaseHeading } from "./public.rules";

const MASK = "ÅÅMMDD-XXXX";

describe("toPublicCaseHeading", () => {
  it("keeps an open §'s case number and masks personnummer in its title", () => {
    expect(
      toPublicCaseHeading({
        caseNumber: "ITSAM 2021/8",
        title: "Ansökan från 850101-1234",
        isConfidential: false,
        redactedNames: [],
      }),
    ).toStrictEqual({
      caseNumber: "ITSAM 2021/8",
      title: `Ansökan från ${MASK}`,
    });
  });
  it("withholds a confidential §'s case number and still masks its title", () => {
    expect(
      toPublicCaseHeading({
        caseNumber: "ITSAM 2021/9",
        title: "Personalärende 850101-1234",
        isConfidential: true,
        redactedNames: [],
      }),
    ).toStrictEqual({
      caseNumber: null,
      title: `Personalärende ${MASK}`,
    });
  });
  it("gives no case number when there is none", () => {
    expect(
      toPublicCaseHeading({ caseNumber: null, title: "Information", isConfidential: false, redactedNames: [] }),
    ).toStrictEqual({
      caseNumber: null,
      title: "Information",
    });
  });
});

describe("maskPersonalNumbers at the day boundaries", () => {
  itMaps("%s → %s", maskPersonalNumbers, [
    ["850131-1234", MASK], // the 31st
    ["850130-1234", MASK],
    ["850132-1234", "850132-1234"], // no 32nd
    ["850161-1234", MASK], // samordningsnummer: day + 60
    ["850191-1234", MASK],
    ["850192-1234", "850192-1234"],
    ["198501311234", MASK],
  ]);
});

describe("isMeetingSlug", () => {
  itMaps("%j → %s", isMeetingSlug, [
    ["direktionen-2021-11-18", true],
    ["kommunstyrelsens-arbetsutskott-2022-01-05", true],
    ["nämnden-2022-01-05", true],
    ["a", true],
    ["-direktionen", false],
    ["Direktionen-2021", false],
    ["direktionen 2021", false],
    ["direktionen/2021", false],
    ["x".repeat(151), true],
    ["x".repeat(152), false],
    ["", false],
    ["direktionen-2021-11-18\n", false],
  ]);
});

describe("queryValue", () => {
  itMaps("%j → %j", queryValue, [
    [undefined, ""],
    ["  budget ", "budget"],
    [["första", "andra"], "första"],
    [[], ""],
    ["a\u0000b\nc\u007fd", "a b c d"],
    ["\tbudget\r\n", "budget"],
  ]);
  it("cuts at the maximum after trimming", () => {
    expect(queryValue("  abcdef", 3)).toBe("abc");
    expect(queryValue("x".repeat(300))).toHaveLength(200);
  });
});
