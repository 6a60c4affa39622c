// Signers per § (issue 14 point 3): coverage of every §, independence per §, serving per §.
import { describe, expect, it } from "vitest";
import type { SignatureRole, SignerDTO } from "@/domain/protocol/protocol.types";
import { attendanceRow as row } from "./attendance.fixture";
import {
  checkSignerIndependence,
  signerAssignments,
  signerParagraphsText,
  type SignersRulesInput,
} from "./signers.rules";

/** "id:ROLE:5-6" → a signer; no ranges = the whole meeting. */
const signer = (spec: string): SignerDTO => {
  const [personId = "", role = "ADJUSTER", text = ""] = spec.split(":");
  return {
    personId,
    name: personId.toUpperCase(),
    role: role as SignatureRole,
    ranges:
      text === ""
        ? []
        : text.split(",").map((part) => {
            const [from, to] = part.trim().split("-").map(Number) as [number, number | undefined];
            return { from, to: to ?? from };
          }),
  };
};

/** §§ 1-8: ordf chairs, vice is vice chair, three ledamöter, sek and sek2 are officials. */
const ROWS = ["ordf:CHAIR", "vice:VICE_CHAIR", "anna:MEMBER", "bo:MEMBER", "cia:MEMBER", "sek:OTHER", "sek2:OTHER"];

const input = (signers: string[], extra: Partial<SignersRulesInput> = {}): SignersRulesInput => ({
  secretary: { personId: "sek", name: "SEK" },
  adjusters: [{ personId: "anna", name: "ANNA" }],
  signers: signers.map(signer),
  attendance: ROWS.map(row),
  paragraphs: [1, 2, 3, 4, 5, 6, 7, 8].map((number) => ({
    number,
    recusals: number === 7 ? [{ personId: "ordf", name: "ORDF", reason: "jäv" }] : [],
  })),
  ...extra,
});

const codes = (signers: string[], extra?: Partial<SignersRulesInput>) =>
  checkSignerIndependence(input(signers, extra)).map((f) => `${f.code}@${f.paragraphNumber ?? "-"}:${f.field}`);

/** The protocol: sek2 keeps §§ 5-6, vice chairs § 7 (ordf has jäv) and justerar the rest. */
const REAL = [
  "sek:SECRETARY:1-4,7-8",
  "sek2:SECRETARY:5-6",
  "ordf:CHAIR:1-6,8",
  "vice:CHAIR:7",
  "vice:ADJUSTER:1-6,8",
  "anna:ADJUSTER:7",
];

describe("signerAssignments", () => {
  it("without signers per §: secretary, every chair of the attendance, justerare, whole meeting", () => {
    const a = signerAssignments({ ...input([]), attendance: [...ROWS, "bo:CHAIR:3"].map(row) });
    expect(a.map((x) => `${x.role}:${x.personId}:${x.ranges.length}:${x.field}`)).toEqual([
      "SECRETARY:sek:0:secretary",
      "CHAIR:ordf:0:attendance[0]",
      "CHAIR:bo:0:attendance[7]",
      "ADJUSTER:anna:0:adjusters[0]",
    ]);
  });
  it("with signers per §: exactly those, in the order of the signature block", () => {
    const a = signerAssignments(input(["anna:ADJUSTER:7", "vice:CHAIR:7", "sek:SECRETARY", "ordf:CHAIR:1-6,8"]));
    expect(a.map((x) => `${x.role}:${x.personId}:${x.field}`)).toEqual([
      "SECRETARY:sek:signers[2]",
      "CHAIR:vice:signers[1]",
      "CHAIR:ordf:signers[3]",
      "ADJUSTER:anna:signers[0]",
    ]);
  });
});

describe("signerParagraphsText", () => {
  it.each([
    [[], [1, 2, 3, 5], "Paragrafer 1-3, 5"],
    [
      [
        { from: 101, to: 109 },
        { from: 111, to: 115 },
      ],
      [...Array(20).keys()].map((i) => 100 + i),
      "Paragrafer 101-109, 111-115",
    ],
    [[{ from: 7, to: 7 }], [1, 7, 8], "Paragraf 7"],
    [[{ from: 20, to: 30 }], [1, 2], null],
  ] as const)("%j of %j → %s", (ranges, numbers, expected) => {
    expect(signerParagraphsText(ranges, numbers)).toBe(expected);
  });
});

describe("checkSignerIndependence with signers per §", () => {
  it.each<[string, string[], string[]]>([
    ["the issue's protocol: second secretary, vice chair for § 7, per-§ justerare", REAL, []],
    ["two chairs who both sign", ["sek:SECRETARY", "ordf:CHAIR:1-6,8", "vice:CHAIR", "anna:ADJUSTER"], []],
    [
      "§§ without a secretary, chair or justerare",
      ["sek:SECRETARY:1-4", "ordf:CHAIR:1-6", "anna:ADJUSTER:1-6"],
      [
        "SIGNER_PARAGRAPHS_UNCOVERED@5:signers",
        "SIGNER_PARAGRAPHS_UNCOVERED@7:signers",
        "SIGNER_PARAGRAPHS_UNCOVERED@7:signers",
      ],
    ],
    [
      "a justerare of a § they kept the protocol of (the second secretary justerar § 5)",
      [...REAL, "sek2:ADJUSTER:5"],
      ["SIGNER_SECRETARY_ADJUSTS@5:signers[6]", "SIGNER_NOT_SERVING@5:signers[6]"],
    ],
    [
      "the chair of § 7 also justerar it",
      ["sek:SECRETARY", "ordf:CHAIR:1-6,8", "vice:CHAIR:7", "vice:ADJUSTER"],
      ["SIGNER_SAME_PERSON@7:signers[3]"],
    ],
    [
      "the chair with jäv in § 7 chairs it",
      ["sek:SECRETARY", "ordf:CHAIR", "anna:ADJUSTER"],
      ["SIGNER_NOT_SERVING@7:signers[1]"],
    ],
    [
      "a signer for §§ the protocol does not have",
      [...REAL, "bo:ADJUSTER:20-21"],
      ["SIGNER_PARAGRAPHS_UNKNOWN@-:signers[6]"],
    ],
  ])("%s", (_name, signers, expected) => {
    expect(codes(signers)).toEqual(expected);
  });

  it("needs the body's number of justerare per §", () => {
    expect(codes(REAL, { requiredAdjusters: 2 })).toEqual(["SIGNER_PARAGRAPHS_UNCOVERED@1:signers"]);
    expect(codes([...REAL, "bo:ADJUSTER"], { requiredAdjusters: 2 })).toEqual([]);
  });

  it("says in Swedish which §§ lack whom", () => {
    const messages = checkSignerIndependence(
      input(["sek:SECRETARY:1-4", "ordf:CHAIR:1-6,8", "vice:CHAIR:7", "anna:ADJUSTER:1-6"]),
    ).map((f) => f.message);
    expect(messages).toEqual([
      "Det saknas sekreterare för §§ 5-8. Varje paragraf ska ha en sekreterare, en ordförande och minst en justerare som undertecknar den. Ange under Undertecknare vem som undertecknar §§ 5-8.",
      "Det saknas justerare för §§ 7-8. Varje paragraf ska ha en sekreterare, en ordförande och minst en justerare som undertecknar den. Ange under Undertecknare vem som undertecknar §§ 7-8.",
    ]);
  });

  it("names the clash per §", () => {
    const [f] = checkSignerIndependence(input(["sek:SECRETARY", "ordf:CHAIR:1-6,8", "vice:CHAIR:7", "vice:ADJUSTER"]));
    expect(f!.message).toBe(
      "VICE står som ordförande och justerare för § 7. Ordföranden för en paragraf får inte också justera den. Ändra paragraferna under Undertecknare så att VICE bara har en roll i varje paragraf, eller välj en annan person.",
    );
  });
});
