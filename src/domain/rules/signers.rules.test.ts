import { describe, expect, it } from "vitest";
import { attendanceRow as row } from "./attendance.fixture";
import { blockingFindings } from "@/domain/rules/signoff.rules";
import { checkSignerIndependence, type SignersRulesInput } from "./signers.rules";

const person = (id: string) => ({ personId: id, name: id.toUpperCase() });

/** The seed's people, simplified: kall chairs, oscarsson justerar, sek keeps the protocol. */
const BASE_ROWS = [
  "kall:CHAIR",
  "oscarsson:MEMBER",
  "forsberg:MEMBER",
  "hagstrom:MEMBER",
  "magnusson:SERVING_SUBSTITUTE",
  "sek:OTHER",
];

interface Case {
  rows?: string[];
  secretary?: string | null;
  adjusters?: string[];
  recusals?: Readonly<Record<number, readonly string[]>>;
  from?: number;
  to?: number;
}

const input = (c: Case): SignersRulesInput => {
  const from = c.from ?? 59;
  const to = c.to ?? 67;
  return {
    secretary: c.secretary === null ? null : person(c.secretary ?? "sek"),
    adjusters: (c.adjusters ?? ["oscarsson"]).map(person),
    attendance: (c.rows ?? BASE_ROWS).map(row),
    paragraphs: Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).map((number) => ({
      number,
      recusals: (c.recusals?.[number] ?? []).map((id) => ({ ...person(id), reason: "jäv" })),
    })),
  };
};

const codesOf = (c: Case) =>
  checkSignerIndependence(input(c)).map((f) => `${f.code}@${f.paragraphNumber ?? "-"}:${f.field}`);
const messagesOf = (c: Case) => checkSignerIndependence(input(c)).map((f) => f.message);

describe("checkSignerIndependence: who may justera", () => {
  it.each<[string, Case, string[]]>([
    ["the seed's signers: secretary, chair and justerare distinct, all serving", {}, []],
    ["two justerare, both serving", { adjusters: ["oscarsson", "hagstrom"] }, []],
    ["a justerare who is a tjänstgörande ersättare", { adjusters: ["magnusson"] }, []],
    ["a justerare who is vice ordförande", { rows: [...BASE_ROWS, "vice:VICE_CHAIR"], adjusters: ["vice"] }, []],
    ["the secretary need not be a member", { secretary: "sek" }, []],
    [
      "no secretary, chair or justerare yet: reported by the checker, not here",
      { rows: ["oscarsson:MEMBER"], secretary: null, adjusters: [] },
      [],
    ],
    ["a protocol without §§", { from: 1, to: 0 }, []],
    [
      "one chair in two rows (ranges that do not overlap)",
      { rows: ["kall:CHAIR:59-62", "kall:CHAIR:63-67", ...BASE_ROWS.slice(1)] },
      [],
    ],
    [
      "a justerare who serves in one role, then another",
      {
        rows: [...BASE_ROWS, "segersteen:SERVING_SUBSTITUTE:59-62", "segersteen:MEMBER:63-67"],
        adjusters: ["segersteen"],
      },
      [],
    ],

    // The attack: the secretary makes themselves chair and sole justerare.
    [
      "the secretary as chair and sole justerare",
      { rows: ["sek:CHAIR", "kall:MEMBER", "oscarsson:MEMBER"], adjusters: ["sek"] },
      ["SIGNER_SECRETARY_ADJUSTS@-:secretary"],
    ],
    [
      "the secretary as chair",
      { rows: ["sek:CHAIR", "kall:MEMBER", "oscarsson:MEMBER"] },
      ["SIGNER_SECRETARY_ADJUSTS@-:secretary"],
    ],
    [
      "the secretary as a justerare (a serving ledamot)",
      { rows: [...BASE_ROWS.slice(0, 5), "sek:MEMBER"], adjusters: ["oscarsson", "sek"] },
      ["SIGNER_SECRETARY_ADJUSTS@-:secretary"],
    ],
    ["the chair as justerare", { adjusters: ["kall"] }, ["SIGNER_SAME_PERSON@-:adjusters[0]"]],
    ["the chair as one of two justerare", { adjusters: ["oscarsson", "kall"] }, ["SIGNER_SAME_PERSON@-:adjusters[1]"]],
    ["one justerare listed twice", { adjusters: ["oscarsson", "oscarsson"] }, ["SIGNER_SAME_PERSON@-:adjusters[1]"]],
    [
      "two people as ordförande",
      { rows: ["kall:CHAIR", "oscarsson:MEMBER", "hagstrom:CHAIR", "forsberg:MEMBER"] },
      ["SIGNER_CHAIR_MULTIPLE@-:attendance[2]"],
    ],
    [
      "two people as ordförande, the second also justerare",
      { rows: ["kall:CHAIR", "oscarsson:CHAIR", "hagstrom:MEMBER"] },
      ["SIGNER_CHAIR_MULTIPLE@-:attendance[1]", "SIGNER_SAME_PERSON@-:adjusters[0]"],
    ],

    // Serving in every § signed for (the signature block covers all §§).
    ["a justerare with jäv in § 63", { recusals: { 63: ["oscarsson"] } }, ["SIGNER_NOT_SERVING@63:adjusters[0]"]],
    ["someone else's jäv does not matter", { recusals: { 63: ["hagstrom"] } }, []],
    [
      "a justerare who left after § 62",
      { rows: ["kall:CHAIR", "oscarsson:MEMBER:59-62", "hagstrom:MEMBER", "sek:OTHER"] },
      ["SIGNER_NOT_SERVING@63:adjusters[0]"],
    ],
    [
      "a justerare who came at § 61",
      { rows: ["kall:CHAIR", "oscarsson:MEMBER:61-67", "hagstrom:MEMBER"] },
      ["SIGNER_NOT_SERVING@59:adjusters[0]"],
    ],
    [
      "a justerare present as ersättare, not serving",
      { rows: [...BASE_ROWS.slice(0, 1), "oscarsson:SUBSTITUTE", ...BASE_ROWS.slice(2)] },
      ["SIGNER_NOT_SERVING@59:adjusters[0]"],
    ],
    [
      "a justerare among övriga närvarande",
      { adjusters: ["sek2"], rows: [...BASE_ROWS, "sek2:OTHER"] },
      ["SIGNER_NOT_SERVING@59:adjusters[0]"],
    ],
    ["a justerare not in the attendance list", { adjusters: ["nobody"] }, ["SIGNER_NOT_SERVING@59:adjusters[0]"]],
    [
      "the second justerare not serving",
      { adjusters: ["hagstrom", "oscarsson"], recusals: { 67: ["oscarsson"] } },
      ["SIGNER_NOT_SERVING@67:adjusters[1]"],
    ],
    ["a chair with jäv in § 60", { recusals: { 60: ["kall"] } }, ["SIGNER_NOT_SERVING@60:attendance[0]"]],
    [
      "a chair who left after § 65",
      { rows: ["kall:CHAIR:59-65", ...BASE_ROWS.slice(1), "vice:VICE_CHAIR:66-67"] },
      ["SIGNER_NOT_SERVING@66:attendance[0]"],
    ],
    [
      "chair also justerare and not serving: one finding of each, not two about serving",
      { adjusters: ["kall"], recusals: { 64: ["kall"] } },
      ["SIGNER_SAME_PERSON@-:adjusters[0]", "SIGNER_NOT_SERVING@64:attendance[0]"],
    ],
  ])("%s", (_name, c, expected) => {
    expect(codesOf(c)).toEqual(expected);
  });

  it("every finding is an error that blocks sending for justering", () => {
    const findings = [
      ...checkSignerIndependence(
        input({ rows: ["sek:CHAIR", "kall:CHAIR", "oscarsson:MEMBER"], adjusters: ["sek", "kall"] }),
      ),
      ...checkSignerIndependence(input({ adjusters: ["kall"], recusals: { 64: ["kall"] } })),
    ];
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set(["SIGNER_CHAIR_MULTIPLE", "SIGNER_SECRETARY_ADJUSTS", "SIGNER_SAME_PERSON", "SIGNER_NOT_SERVING"]),
    );
    expect(findings.every((f) => f.severity === "error")).toBe(true);
    expect(blockingFindings(findings)).toEqual(findings);
  });
});

describe("checkSignerIndependence: messages say what is wrong and what to do", () => {
  it.each<[string, Case, string[]]>([
    [
      "the attack",
      { rows: ["sek:CHAIR", "kall:MEMBER", "oscarsson:MEMBER"], adjusters: ["sek"] },
      [
        "SEK står som sekreterare, ordförande och justerare. Den som har fört protokollet får inte också justera det, och en person undertecknar i en roll. Ange som ordförande i närvarolistan den ledamot som ledde sammanträdet, eller ange en annan sekreterare och välj en annan justerare under Sammanträdet.",
      ],
    ],
    [
      "secretary as justerare",
      { rows: [...BASE_ROWS.slice(0, 5), "sek:MEMBER"], adjusters: ["sek"] },
      [
        "SEK står som sekreterare och justerare. Den som har fört protokollet får inte också justera det, och en person undertecknar i en roll. Välj en annan justerare under Sammanträdet.",
      ],
    ],
    [
      "chair as justerare",
      { adjusters: ["kall"] },
      [
        "KALL står som ordförande och justerare. Ordföranden och varje justerare ska vara olika personer, och en person undertecknar i en roll. Välj en annan justerare under Sammanträdet.",
      ],
    ],
    [
      "a justerare twice",
      { adjusters: ["oscarsson", "oscarsson"] },
      [
        "OSCARSSON står flera gånger som justerare. Ordföranden och varje justerare ska vara olika personer, och en person undertecknar i en roll. Ta bort dubbletten bland justerarna.",
      ],
    ],
    [
      "two chairs",
      { rows: ["kall:CHAIR", "oscarsson:MEMBER", "hagstrom:CHAIR"] },
      [
        "Närvarolistan har flera ordförande (KALL och HAGSTROM). Protokollet justeras av en ordförande: låt den som ledde sammanträdet stå som ordförande och ändra de andras roll till vice ordförande eller ledamot.",
      ],
    ],
    [
      "jäv in one §, absent in two",
      { rows: ["kall:CHAIR", "oscarsson:MEMBER:59-65", "hagstrom:MEMBER"], recusals: { 60: ["oscarsson"] } },
      [
        "Justeraren OSCARSSON tjänstgjorde inte som ledamot eller tjänstgörande ersättare i § 60 (jäv) och §§ 66-67 (inte närvarande). Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. Välj en annan justerare under Sammanträdet, eller rätta närvaron eller jävet om de är fel.",
      ],
    ],
    [
      "present without serving",
      {
        rows: ["kall:CHAIR", "oscarsson:SUBSTITUTE:59-61", "oscarsson:SERVING_SUBSTITUTE:62-66", "x:OTHER"],
        adjusters: ["oscarsson", "x"],
      },
      [
        "Justeraren OSCARSSON tjänstgjorde inte som ledamot eller tjänstgörande ersättare i §§ 59-61 (närvarande som ersättare utan att tjänstgöra) och § 67 (inte närvarande). Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. Välj en annan justerare under Sammanträdet, eller rätta närvaron eller jävet om de är fel.",
        "Justeraren X tjänstgjorde inte som ledamot eller tjänstgörande ersättare i §§ 59-67 (närvarande bara som övrig närvarande). Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. Välj en annan justerare under Sammanträdet, eller rätta närvaron eller jävet om de är fel.",
      ],
    ],
    [
      "not in the list",
      { adjusters: ["nobody"] },
      [
        "Justeraren NOBODY tjänstgjorde inte som ledamot eller tjänstgörande ersättare i §§ 59-67 (finns inte i närvarolistan). Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. Välj en annan justerare under Sammanträdet, eller rätta närvaron eller jävet om de är fel.",
      ],
    ],
    [
      "the chair with jäv",
      { recusals: { 60: ["kall"] } },
      [
        "Ordföranden KALL tjänstgjorde inte som ledamot eller tjänstgörande ersättare i § 60 (jäv). Den som justerar ska ha deltagit i besluten i alla paragrafer som protokollet omfattar. Rätta närvaron eller jävet om de är fel, eller ange under Undertecknare vem som var ordförande för vilka paragrafer.",
      ],
    ],
  ])("%s", (_name, c, expected) => {
    expect(messagesOf(c)).toEqual(expected);
  });
});
