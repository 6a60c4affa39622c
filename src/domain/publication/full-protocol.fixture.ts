// Test support: a justerat protocol with every field of every DTO filled (every array non-empty,
// every optional and nullable field set, every rich-text node and attribute used). Typed as
// Filled<ProtocolDTO>, so a field added to a DTO is a type error here too until the fixture fills
// it; the property tests of the public projection and the hash payload walk every leaf of it.
import type { Mark, ParagraphNode, ProtocolDTO, RichDoc, TextAlign } from "@/domain/protocol/protocol.types";

/** T with every optional and nullable field required and set, every array non-empty. */
export type Filled<T> = T extends readonly (infer U)[]
  ? [Filled<U>, ...Filled<U>[]]
  : T extends object
    ? { [K in keyof T]-?: Filled<NonNullable<T[K]>> }
    : NonNullable<T>;

/** A paragraph aligned `textAlign` of one text with `marks`. */
function para(textAlign: TextAlign, text: string, ...marks: [Mark, ...Mark[]]): Filled<ParagraphNode> {
  return { type: "paragraph", attrs: { textAlign }, content: [{ type: "text", text, marks }] };
}

function doc(words: string): Filled<RichDoc> {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        attrs: { textAlign: "left" },
        content: [
          { type: "text", text: `${words} stycke`, marks: [{ type: "bold" }, { type: "italic" }] },
          { type: "hardBreak" },
        ],
      },
      {
        type: "heading",
        attrs: { level: 3 },
        content: [{ type: "text", text: `${words} rubrik`, marks: [{ type: "bold" }] }],
      },
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              para("center", `${words} punkt`, { type: "italic" }),
              {
                type: "bulletList",
                content: [
                  {
                    type: "listItem",
                    content: [para("right", `${words} underpunkt`, { type: "bold" })],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              {
                type: "tableHeader",
                attrs: { colspan: 1, rowspan: 1 },
                content: [para("left", `${words} kolumn`, { type: "bold" })],
              },
              {
                type: "tableCell",
                attrs: { colspan: 2, rowspan: 3 },
                content: [para("right", `${words} 113 083`, { type: "italic" })],
              },
            ],
          },
        ],
      },
    ],
  };
}

function paragraph(number: number, words: string, isConfidential: boolean): Filled<ProtocolDTO["paragraphs"][number]> {
  return {
    id: `p-${number}`,
    number,
    caseNumber: `ITSAM 2021/${number}`,
    title: `${words} titel`,
    decision: { intro: `${words} beslutar:`, clauses: [`att ${words} första`, `att ${words} andra`] },
    sections: [
      { kind: "SUMMARY", heading: `${words} sammanfattning`, content: doc(`${words} sammanfattning`) },
      { kind: "CASE", heading: `${words} ärendet`, content: doc(`${words} ärendet`) },
    ],
    basisDocuments: [`${words} tjänsteskrivelse`],
    dispatch: [`${words} expediering`],
    attachments: [{ id: `a-${number}`, label: `${words} bilaga`, fileName: `${words}-bilaga.pdf` }],
    motions: [
      {
        personId: "per-a",
        name: "Anna Ledamot",
        kind: "BIFALL",
        text: `${words} bifallsyrkande`,
        amendsIndex: 1,
        withdrawn: true,
      },
      {
        personId: "per-b",
        name: "Bertil Ledamot",
        kind: "ANDRING",
        text: `${words} ändringsyrkande`,
        amendsIndex: 0,
        withdrawn: false,
      },
    ],
    propositions: [`${words} proposition`],
    votes: [
      {
        question: `${words} fråga`,
        ballots: [
          { personId: "per-a", name: "Anna Ledamot", choice: "JA" },
          { personId: "per-b", name: "Bertil Ledamot", choice: "NEJ" },
        ],
        // Every field filled: totals too (a real vote has either names or totals).
        counts: { ja: 1, nej: 1, avstar: 0 },
        result: `${words} resultat`,
        outcome: "JA",
      },
    ],
    reservations: [
      { personId: "per-b", name: "Bertil Ledamot", reasons: `${words} reservationsskäl`, writtenLater: true },
    ],
    notes: [{ personId: "per-a", name: "Anna Ledamot", text: `${words} anteckning` }],
    recusals: [{ personId: "per-c", name: "Cecilia Ersättare", reason: `${words} jävsgrund` }],
    isConfidential,
    withholdingGround: `${words} grund`,
    redactedNames: [`${words} privatperson`],
    isImmediatelyAdjusted: true,
  };
}

/** § 10 open, § 11 confidential; a rättelse to each. */
export function fullProtocol(): Filled<ProtocolDTO> {
  return {
    organisation: {
      name: "Testförbundet",
      caseNumberPrefix: "ITSAM",
      caseNumberExample: "ITSAM 2021/8",
      publicRetention: { namesYears: 10, noindexAfterAppeal: true },
    },
    body: {
      name: "Direktionen",
      genitiveName: "Direktionens",
      slug: "direktionen",
      kind: "DIREKTION",
      seatCount: 7,
      appendedAttendanceList: false,
      decisionPlacement: "AFTER_SECTIONS",
    },
    meeting: {
      id: "m-1",
      slug: "direktionen-2021-11-18",
      status: "ADJUSTED",
      date: "2021-11-18",
      startTime: "10:00",
      endTime: "12:00",
      place: "Zoom",
      adjustmentPlace: "Linköping",
      adjustmentDate: "2021-11-25",
      adjustmentTime: "10:00",
      adjustedOn: "2021-11-26",
    },
    secretary: { personId: "per-s", name: "Sara Sekreterare" },
    adjusters: [{ personId: "per-j", name: "Johan Justerare" }],
    signers: [{ personId: "per-j", name: "Johan Justerare", role: "ADJUSTER", ranges: [{ from: 10, to: 11 }] }],
    attendance: [
      {
        personId: "per-a",
        name: "Anna Ledamot",
        role: "CHAIR",
        represents: "Vimmerby kommun",
        title: "ordförande",
        ranges: [{ from: 10, to: 11 }],
        replacesPersonId: "per-frånvarande",
        arrivalTime: "10:05",
        departureTime: "11:50",
      },
      {
        personId: "per-c",
        name: "Cecilia Ersättare",
        role: "SERVING_SUBSTITUTE",
        represents: "Kinda kommun",
        title: "ersättare",
        ranges: [{ from: 10, to: 10 }],
        replacesPersonId: "per-borta",
        arrivalTime: "10:40",
        departureTime: "11:30",
      },
    ],
    paragraphs: [paragraph(10, "Öppen", false), paragraph(11, "Hemlig", true)],
    notice: {
      postedOn: "2021-11-29",
      takeDownOn: "2021-12-20",
      storagePlace: "Itsam, Linköping",
      noticeBoard: "https://www.itsam.se/anslagstavla",
      certifiedBy: "Joakim Karlsson, sekreterare",
      wording: "Justeringen av protokollet har tillkännagivits genom anslag.",
      revisedAt: "2021-12-01T09:00:00.000Z",
    },
    signatures: [
      {
        personId: "per-s",
        name: "Sara Sekreterare",
        role: "SECRETARY",
        ranges: [{ from: 10, to: 11 }],
        signedAt: "2021-11-26T10:00:00.000Z",
        contentHash: "ab".repeat(32),
        method: "EID",
        assuranceLevel: "http://id.elegnamnden.se/loa/1.0/loa3",
        idpName: "BankID via Itsams e-legitimationstjänst",
      },
      {
        personId: "per-a",
        name: "Anna Ledamot",
        role: "CHAIR",
        ranges: [{ from: 10, to: 10 }],
        signedAt: "2021-11-26T11:00:00.000Z",
        contentHash: "ab".repeat(32),
        method: "EID",
        assuranceLevel: "http://id.elegnamnden.se/loa/1.0/loa3",
        idpName: "BankID via Itsams e-legitimationstjänst",
      },
    ],
    corrections: [
      {
        paragraphNumber: 10,
        text: "Öppen rättelse",
        signedBy: "Sara Sekreterare",
        signedAt: "2021-11-30T10:00:00.000Z",
      },
      {
        paragraphNumber: 11,
        text: "Hemlig rättelse",
        signedBy: "Sara Sekreterare",
        signedAt: "2021-11-30T11:00:00.000Z",
      },
    ],
  };
}
