import { describe, expect, it } from "vitest";
import { attendanceRow as member } from "@/domain/protocol/attendance.fixture";
import { itGivesNull, itMaps } from "@/lib/testing/table";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { ParagraphDTO, ProtocolDTO, RichDoc, SectionDTO } from "@/domain/protocol/protocol.types";
import {
  checkProtocol,
  findForeignDecidingBody,
  findPlaceholder,
  isReadyForAdjustment,
  signatureParagraphsText,
  type CheckProtocolOptions,
} from "./protocol-checker";

const doc = (...paragraphs: string[]): RichDoc => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: text === "" ? [] : [{ type: "text", text }] })),
});

const section = (heading: string, ...paragraphs: string[]): SectionDTO => ({
  kind: "OTHER",
  heading,
  content: doc(...paragraphs),
});

const paragraph = (number: number, extra: Partial<ParagraphDTO> = {}): ParagraphDTO =>
  blankParagraph(number, {
    id: `p${number}`,
    caseNumber: `SN 2024/${number}`,
    title: `Ärende ${number}`,
    decision: { intro: "Socialnämnden beslutar att godkänna redovisningen.", clauses: [] },
    sections: [
      { kind: "SUMMARY", heading: "Sammanfattning av ärendet", content: doc("Förvaltningen redovisar ärendet.") },
    ],
    basisDocuments: ["Tjänsteskrivelse daterad 2024-03-01"],
    dispatch: ["Akt"],
    ...extra,
  });

/** A small protocol with nothing to find: §§ 12-14 of a nämnd with 5 seats. */
const clean = (): ProtocolDTO => ({
  organisation: { name: "Exempelkommun", caseNumberPrefix: "SN" },
  body: {
    name: "Socialnämnden",
    genitiveName: "Socialnämndens",
    slug: "socialnamnden",
    kind: "NAMND",
    appendedAttendanceList: false,
    seatCount: 5,
  },
  meeting: {
    id: "m1",
    slug: "socialnamnden-2024-03-14",
    status: "DRAFT",
    date: "2024-03-14",
    startTime: "13:00",
    endTime: "15:00",
    place: "Stadshuset",
    adjustmentPlace: "Stadshuset",
    adjustmentDate: "2024-03-21",
    adjustedOn: null,
  },
  secretary: { personId: "sek", name: "SEK" },
  adjusters: [{ personId: "b", name: "B" }],
  attendance: [member("a", "CHAIR"), member("b"), member("c"), member("d"), member("e"), member("sek", "OTHER")],
  paragraphs: [paragraph(12), paragraph(13), paragraph(14)],
  notice: null,
  signatures: [],
});

const NOW: CheckProtocolOptions = { now: "2024-03-15" };

const withParagraph = (index: number, extra: Partial<ParagraphDTO>) => (p: ProtocolDTO) => {
  p.paragraphs[index] = { ...p.paragraphs[index]!, ...extra };
};

const withAdjusters =
  (...adjusters: ProtocolDTO["adjusters"]) =>
  (p: ProtocolDTO) => {
    p.adjusters = adjusters;
  };

const codes = (mutate: (p: ProtocolDTO) => void, options: CheckProtocolOptions = NOW) => {
  const p = clean();
  mutate(p);
  return checkProtocol(p, options).map((f) => `${f.code}@${f.paragraphNumber ?? "-"}:${f.field}`);
};

describe("findPlaceholder", () => {
  itMaps("%j → %j", findPlaceholder, [
    ["Här finns text som återvunnits från tjänsteskrivelse", "Här finns text som återvunnits från tjänsteskrivelse"],
    ["Klicka eller tryck här för att ange text.", "Klicka eller tryck här för att ange text"],
    ["Här finns text som ska ersättas", "Här finns text som"],
    ["[Skriv beslutet här]", "Skriv beslutet här"], // a known phrase wins over the bracket pattern
    ["[Skriv motiveringen]", "[Skriv motiveringen]"],
    ["Dnr [ange dnr]", "[ange dnr]"],
    ["<infoga datum>", "<infoga datum>"],
    ["Lorem ipsum dolor sit amet", "Lorem ipsum"],
    ["Tjänsteskrivelse daterad 2021-XX-XX", "XX"],
    ["Dnr 2021/XX", "XX"],
    ["Sammanträdet hölls ÅÅÅÅ-MM-DD", "ÅÅÅÅ-MM-DD"],
  ]);

  itGivesNull("no placeholder in %j", findPlaceholder, [
    "Budget 2022 samt plan för 2022-2024",
    "Kommunchefsberedningens sammanträde 2021-11-11 § 67",
    "Inplanerade frågestundsittningar och utbildningar under v.46, v.47 och v.48",
    "Bilaga 1 – detaljerad intäktsbudget",
    "effektiviseringsuppdrag på 4,4% på budget 2022 (motsvarande 5 miljoner)",
    "Inköp av XXL-tröjor och Xbox-kontroller", // X inside words
    "Här finns ingen text att hämta",
    "Texten skrivs här nedan av sekreteraren",
    "Se bilaga [1] och [2]",
    "",
  ]);
});

describe("findForeignDecidingBody", () => {
  it.each([
    [
      "Kommunchefsberedningen beslutar föreslå direktionen att noterna informationen till protokollet.",
      "Direktionen",
      "Kommunchefsberedningen",
    ],
    ["Direktionen beslutar notera informationen till protokollet.", "Direktionen", null],
    ["Direktionen beslutar:", "Direktionen", null],
    ["Nämnden beslutar att godkänna redovisningen.", "Socialnämnden", null],
    ["Socialnämnden beslutar att godkänna redovisningen.", "Socialnämnden", null],
    ["Arbetsutskottet beslutar att …", "Kommunstyrelsens arbetsutskott", null],
    ["Kommunstyrelsens arbetsutskott beslutar att …", "Kommunstyrelsens arbetsutskott", null],
    ["Kommunstyrelsen föreslår kommunfullmäktige besluta att anta planen.", "Kommunstyrelsen", null],
    ["Kommunstyrelsen föreslår kommunfullmäktige besluta att anta planen.", "Kommunfullmäktige", "Kommunstyrelsen"],
    ["Kommunfullmäktige beslutar att anta planen.", "Kommunstyrelsen", "Kommunfullmäktige"],
    ["Direktionen beslutar", "Förbundsdirektionen", null],
    ["Förbundsdirektionen beslutar", "Direktionen", null],
    ["Ordföranden beslutar att ajournera sammanträdet.", "Direktionen", null], // a person, not a body
    ["att uppdra åt förbundsdirektören att återkomma.", "Direktionen", null],
    ["att Kommunchefsberedningen beslutar om sina egna sammanträdesdagar", "Direktionen", null], // a task given
    ["Direktionen beslutar att Kommunchefsberedningen beslutar om sina dagar.", "Direktionen", null],
    ["Tekniska nämnden beslutade 2024-01-10 att föreslå …", "Socialnämnden", "Tekniska nämnden"],
    ["Socialnämndens arbetsutskott beslutar att …", "Socialnämnden", "Socialnämndens arbetsutskott"],
  ])("%j in %s → %s", (sentence, body, expected) => {
    expect(findForeignDecidingBody(sentence, body)).toBe(expected);
  });
});

describe("signatureParagraphsText", () => {
  it.each([
    [[59, 60, 61, 62, 63, 64, 65, 66, 67], "Paragrafer 59-67"],
    [[12], "Paragraf 12"],
    [[12, 13, 15], "Paragrafer 12-13, 15"],
  ])("%j → %s", (numbers, expected) => {
    expect(signatureParagraphsText({ paragraphs: numbers.map((n) => paragraph(n)) })).toBe(expected);
  });
});

describe("checkProtocol", () => {
  it.each([
    ["a clean protocol", () => {}, NOW, []],
    ["no justerare", withAdjusters(), NOW, ["ADJUSTER_MISSING@-:adjusters"]],
    // Independent signers (signers.rules.ts), as errors in the checker.
    [
      "a justerare who did not take part",
      (p: ProtocolDTO) => {
        p.adjusters = [{ personId: "e2", name: "E2" }];
        p.attendance.push(member("e2", "SUBSTITUTE"));
      },
      NOW,
      ["SIGNER_NOT_SERVING@12:adjusters[0]"],
    ],
    [
      "a justerare with jäv in § 13",
      withParagraph(1, { recusals: [{ personId: "b", name: "B", reason: "Släkt med sökanden." }] }),
      NOW,
      ["SIGNER_NOT_SERVING@13:adjusters[0]"],
    ],
    [
      "the secretary as sole justerare",
      withAdjusters({ personId: "sek", name: "SEK" }),
      NOW,
      ["SIGNER_SECRETARY_ADJUSTS@-:secretary", "SIGNER_NOT_SERVING@12:adjusters[0]"],
    ],
    [
      "the secretary as chair and sole justerare",
      (p: ProtocolDTO) => {
        p.attendance = [member("sek", "CHAIR"), member("b"), member("c"), member("d"), member("e")];
        p.adjusters = [{ personId: "sek", name: "SEK" }];
      },
      NOW,
      ["SIGNER_SECRETARY_ADJUSTS@-:secretary"],
    ],
    ["the chair as justerare", withAdjusters({ personId: "a", name: "A" }), NOW, ["SIGNER_SAME_PERSON@-:adjusters[0]"]],
    [
      "two chairs",
      (p: ProtocolDTO) => {
        p.attendance[2] = member("c", "CHAIR");
      },
      NOW,
      ["SIGNER_CHAIR_MULTIPLE@-:attendance[2]"],
    ],
    [
      "no secretary",
      (p: ProtocolDTO) => {
        p.secretary = null;
      },
      NOW,
      ["SECRETARY_MISSING@-:secretary"],
    ],
    ["justering overdue", () => {}, { now: "2024-03-29" }, ["ADJUSTMENT_OVERDUE@-:meeting.adjustedOn"]],
    [
      "now as an instant: 23:30 UTC on 28 March is already the 29th in Sweden",
      () => {},
      { now: new Date("2024-03-28T23:30:00Z") },
      ["ADJUSTMENT_OVERDUE@-:meeting.adjustedOn"],
    ],
    ["now as an instant, the 28th in Sweden", () => {}, { now: new Date("2024-03-28T22:30:00Z") }, []],
    [
      "a duplicate § number",
      withParagraph(2, { number: 13 }),
      NOW,
      ["PARAGRAPH_NUMBER_DUPLICATE@13:paragraphs[2].number"],
    ],
    ["a gap in the numbering", withParagraph(2, { number: 16 }), NOW, ["PARAGRAPH_NUMBER_GAP@16:number"]],
    [
      "§§ out of order",
      (p: ProtocolDTO) => {
        p.paragraphs.reverse();
      },
      NOW,
      ["PARAGRAPH_ORDER@-:paragraphs"],
    ],
    ["the signature block matches", () => {}, { ...NOW, signatureParagraphs: "Paragrafer 12-14" }, []],
    ["the signature block matches, written otherwise", () => {}, { ...NOW, signatureParagraphs: "§§ 12, 13-14" }, []],
    [
      "the signature block does not match",
      () => {},
      { ...NOW, signatureParagraphs: "Paragrafer 12-13" },
      ["SIGNATURE_PARAGRAPHS_MISMATCH@-:signatures"],
    ],
    [
      "the signature block cannot be read",
      () => {},
      { ...NOW, signatureParagraphs: "tolv till fjorton" },
      ["SIGNATURE_PARAGRAPHS_MISMATCH@-:signatures"],
    ],
    [
      "numbering runs on from the year's previous meeting",
      () => {},
      {
        ...NOW,
        otherMeetingsThisYear: [
          { meetingDate: "2024-02-15", paragraphNumbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
          { meetingDate: "2024-04-11", paragraphNumbers: [15, 16] },
        ],
      },
      [],
    ],
    [
      "numbering skips after the previous meeting",
      () => {},
      { ...NOW, otherMeetingsThisYear: [{ meetingDate: "2024-02-15", paragraphNumbers: [1, 2, 3, 4, 5, 6, 7, 8, 9] }] },
      ["PARAGRAPH_NUMBER_GAP@12:number"],
    ],
    [
      "numbers already used earlier in the year",
      () => {},
      {
        ...NOW,
        otherMeetingsThisYear: [
          { meetingDate: "2024-02-15", paragraphNumbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] },
        ],
      },
      ["PARAGRAPH_NUMBER_DUPLICATE@12:number"],
    ],
    [
      "the year's first meeting must start at § 1 (last year's meetings do not count)",
      () => {},
      { ...NOW, otherMeetingsThisYear: [{ meetingDate: "2023-12-14", paragraphNumbers: [10, 11] }] },
      ["PARAGRAPH_NUMBER_GAP@12:number"],
    ],
    ["a missing title", withParagraph(0, { title: " " }), NOW, ["TITLE_MISSING@12:title"]],
    [
      "a missing decision",
      withParagraph(0, { decision: { intro: "", clauses: [] } }),
      NOW,
      ["DECISION_MISSING@12:decision.intro"],
    ],
    [
      "a decision by another body in an att-clause's intro",
      withParagraph(1, { decision: { intro: "Kommunstyrelsen beslutar:", clauses: ["att godkänna redovisningen"] } }),
      NOW,
      ["FOREIGN_BODY_DECISION@13:decision.intro"],
    ],
    [
      "a decision by another body in a second sentence",
      withParagraph(1, {
        decision: {
          intro:
            "Socialnämnden beslutar att godkänna redovisningen. Kommunstyrelsen beslutar att lägga den till handlingarna.",
          clauses: [],
        },
      }),
      NOW,
      ["FOREIGN_BODY_DECISION@13:decision.intro"],
    ],
    [
      "an empty section",
      withParagraph(0, {
        sections: [section("Sammanfattning av ärendet", "Text."), section("Yrkanden"), section("Ärendet", "", " ")],
      }),
      NOW,
      ["EMPTY_SECTION@12:sections[1]", "EMPTY_SECTION@12:sections[2]"],
    ],
    [
      "placeholders in the decision, a section and the basis documents",
      withParagraph(0, {
        decision: { intro: "Socialnämnden beslutar:", clauses: ["att anta [skriv beslutet här]"] },
        sections: [section("Ärendet", "Här finns text som återvunnits från tjänsteskrivelse")],
        basisDocuments: ["Tjänsteskrivelse daterad ÅÅÅÅ-MM-DD"],
      }),
      NOW,
      [
        "PLACEHOLDER_TEXT@12:decision.clauses[0]",
        "PLACEHOLDER_TEXT@12:sections[0]",
        "PLACEHOLDER_TEXT@12:basisDocuments[0]",
      ],
    ],
    ["a missing Dnr", withParagraph(2, { caseNumber: null }), NOW, ["CASE_NUMBER_MISSING@14:caseNumber"]],
    [
      "no Dnr nor dispatch is expected for procedural items",
      withParagraph(0, { title: "Val av justerare", caseNumber: null, dispatch: [] }),
      NOW,
      [],
    ],
    ["no dispatch", withParagraph(1, { dispatch: [] }), NOW, ["DISPATCH_MISSING@13:dispatch"]],
    [
      "attendance and decision rules are included",
      (p: ProtocolDTO) => {
        p.attendance = p.attendance.filter((a) => !["c", "d", "e"].includes(a.personId)); // 2 of 5 left
        p.paragraphs[0] = { ...p.paragraphs[0]!, reservations: [{ personId: "sek", name: "SEK", reasons: null }] };
      },
      NOW,
      // One QUORUM finding for §§ 12-14 (issue 14, point 11), at protocol level.
      ["QUORUM@-:attendance", "RESERVATION_NOT_PARTICIPANT@12:reservations[0]"],
    ],
  ] as const)("%s", (_label, mutate, options, expected) => {
    expect(codes(mutate, options)).toEqual(expected);
  });

  it("gives Swedish messages that say what to do", () => {
    const p = clean();
    p.paragraphs[0] = {
      ...p.paragraphs[0]!,
      decision: { intro: "Kommunstyrelsen beslutar att godkänna redovisningen.", clauses: [] },
    };
    expect(checkProtocol(p, NOW).map((f) => f.message)).toEqual([
      'Beslutet i § 12 anges som fattat av Kommunstyrelsen, men protokollet är socialnämndens. Skriv beslutet som socialnämndens eget, t.ex. "Socialnämnden beslutar att …".',
    ]);
  });

  it("isReadyForAdjustment: warnings do not block, errors do", () => {
    const p = clean();
    p.paragraphs[1] = { ...p.paragraphs[1]!, dispatch: [] };
    expect(isReadyForAdjustment(checkProtocol(p, NOW))).toBe(true);
    p.adjusters = [];
    expect(isReadyForAdjustment(checkProtocol(p, NOW))).toBe(false);
  });
});

// Bugs a careless change could plant without the tests above noticing: a gap of exactly one §,
// a placeholder left in a field other than the decision, sections and basis documents.
describe("checkProtocol: boundaries and every text field", () => {
  it.each([
    ["§§ 12, 13, 15: one § missing", [12, 13, 15], ["PARAGRAPH_NUMBER_GAP@15:number"]],
    ["§§ 12, 14, 15: one § missing after the first", [12, 14, 15], ["PARAGRAPH_NUMBER_GAP@14:number"]],
    [
      "§§ 12, 14, 16: two gaps of one",
      [12, 14, 16],
      ["PARAGRAPH_NUMBER_GAP@14:number", "PARAGRAPH_NUMBER_GAP@16:number"],
    ],
    ["§§ 12, 13, 14: no gap", [12, 13, 14], []],
    ["§ 12 alone: no gap", [12], []],
  ] as const)("%s", (_label, numbers, expected) => {
    expect(
      codes((p) => {
        p.paragraphs = numbers.map((n) => paragraph(n));
      }),
    ).toEqual(expected);
  });

  it("says which § is missing when one is", () => {
    const p = clean();
    p.paragraphs = [paragraph(12), paragraph(13), paragraph(15)];
    expect(checkProtocol(p, NOW).map((f) => f.message)).toEqual([
      "Numreringen hoppar från § 13 till § 15; § 14 saknas. Paragraferna ska numreras i en följd; numrera om.",
    ]);
  });

  it.each([
    ["continues exactly after the previous meeting", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], []],
    [
      "skips exactly one § after the previous meeting",
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      ["PARAGRAPH_NUMBER_GAP@12:number"],
    ],
    [
      "overlaps the previous meeting by exactly one §",
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      ["PARAGRAPH_NUMBER_DUPLICATE@12:number"],
    ],
  ] as const)("numbering across the year: %s", (_label, earlier, expected) => {
    expect(
      codes(() => {}, { ...NOW, otherMeetingsThisYear: [{ meetingDate: "2024-02-15", paragraphNumbers: earlier }] }),
    ).toEqual(expected);
  });

  it("a year's first meeting starting at § 1 is fine, at § 2 is a gap", () => {
    const at = (first: number) =>
      codes(
        (p) => {
          p.paragraphs = [paragraph(first), paragraph(first + 1)];
        },
        { ...NOW, otherMeetingsThisYear: [] },
      );
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual(["PARAGRAPH_NUMBER_GAP@2:number"]);
  });

  const mover = { personId: "c", name: "C" };
  it.each([
    ["title", { title: "Ärende XX" }, "title"],
    [
      "a motion",
      {
        motions: [
          {
            ...mover,
            kind: "MOTION" as const,
            text: "att [namn] får i uppdrag att utreda frågan",
            amendsIndex: null,
            withdrawn: false,
          },
        ],
        propositions: ["Ordföranden ställer förslaget under proposition."],
      },
      "motions[0]",
    ],
    [
      "a second motion",
      {
        motions: [
          {
            ...mover,
            kind: "MOTION" as const,
            text: "att avslå förslaget i sin helhet",
            amendsIndex: null,
            withdrawn: false,
          },
          {
            ...mover,
            kind: "MOTION" as const,
            text: "Lorem ipsum dolor sit amet",
            amendsIndex: null,
            withdrawn: false,
          },
        ],
        propositions: ["Ordföranden ställer förslagen under proposition."],
      },
      "motions[1]",
    ],
    [
      "the propositionsordning",
      { propositions: ["Ordföranden ställer [skriv förslaget] under proposition."] },
      "propositions[0]",
    ],
    ["a protokollsanteckning", { notes: [{ personId: "c", name: "C", text: "Skriv text här" }] }, "notes[0]"],
    ["the dispatch", { dispatch: ["Akt", "<infoga mottagare>"] }, "dispatch[1]"],
    [
      "the decision intro",
      { decision: { intro: "Socialnämnden beslutar att anta planen daterad ÅÅÅÅ-MM-DD.", clauses: [] } },
      "decision.intro",
    ],
    ["a section heading", { sections: [section("[Rubrik]", "Förvaltningen redovisar ärendet.")] }, "sections[0]"],
  ] as const)("finds a template placeholder in %s", (_label, extra, field) => {
    expect(codes(withParagraph(1, extra as Partial<ParagraphDTO>))).toEqual([`PLACEHOLDER_TEXT@13:${field}`]);
  });
});
