/**
 * Protocols for the PDF tests and the benchmark: the Itsam seed, a generated protocol of any
 * number of §§ built from the seed's own §§, and small edge cases.
 */
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { BallotChoice, ParagraphDTO, ProtocolDTO, RichDoc, TableRowNode } from "@/domain/protocol/protocol.types";

export function seedProtocol(): ProtocolDTO {
  const meeting = itsamSeed.meetings[0];
  if (!meeting) throw new Error("The Itsam seed has no meeting.");
  return structuredClone(meeting);
}

/** A protocol of `count` §§, cycling through the seed's §§ (renumbered from 1). */
export function generatedProtocol(count: number): ProtocolDTO {
  const base = seedProtocol();
  const source = base.paragraphs;
  const paragraphs: ParagraphDTO[] = Array.from({ length: count }, (_, i) => {
    const p = structuredClone(source[i % source.length]!);
    return {
      ...p,
      id: `gen-${i + 1}`,
      number: i + 1,
      caseNumber: `ITSAM 2021/${100 + i}`,
      title: `${p.title} (${i + 1})`,
    };
  });
  return {
    ...base,
    meeting: { ...base.meeting, id: `generated-${count}`, slug: `generated-${count}` },
    attendance: base.attendance.map((a) => ({ ...a, ranges: [] })),
    paragraphs,
  };
}

export function emptyParagraph(number: number, title: string): ParagraphDTO {
  return blankParagraph(number, { title });
}

export function tableDoc(rows: number): RichDoc {
  const row = (cells: string[], header = false): TableRowNode => ({
    type: "tableRow",
    content: cells.map((text) => ({
      type: header ? "tableHeader" : "tableCell",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    })),
  });
  return {
    type: "doc",
    content: [
      {
        type: "table",
        content: [
          row(["Kommun", "Antal konton", "Kostnad (tkr)"], true),
          ...Array.from({ length: rows }, (_, i) =>
            row([`Tabellrad ${i + 1} Åtvidaberg`, `${1000 + i}`, `${(i * 37) % 1000} ${100 + i}`]),
          ),
        ],
      },
    ],
  };
}

export const LONG_WORD =
  "Kommunalförbundsdirektionssammanträdesprotokollsjusteringsanslagstavlebevisutdragsbestyrkandeförteckning";

/**
 * A justerat protocol with the edge cases: names with å ä ö é ü, a § with only a title, a word
 * longer than the line, a 60-row table, a vote, a reservation, a protokollsanteckning and jäv.
 */
export function edgeCaseProtocol(): ProtocolDTO {
  const base = seedProtocol();
  const people = {
    chair: { personId: "p-chair", name: "Åsa Öberg-Müller" },
    member: { personId: "p-member", name: "Zoë Ångström" },
    adjuster: { personId: "p-adj", name: "René Ärlebäck" },
    secretary: { personId: "p-sec", name: "Jürgen Östlund" },
  };
  const titleOnly = emptyParagraph(1, "Sammanträdets öppnande");
  const longWord: ParagraphDTO = {
    ...emptyParagraph(2, "Ett mycket långt ord"),
    caseNumber: "ITSAM 2024/1",
    decision: { intro: `Direktionen beslutar att godkänna ${LONG_WORD} enligt förslaget.`, clauses: [] },
  };
  const bigTable: ParagraphDTO = {
    ...emptyParagraph(3, "Kontoredovisning per kommun"),
    caseNumber: "ITSAM 2024/2",
    decision: { intro: "Direktionen beslutar:", clauses: ["att lägga redovisningen till handlingarna."] },
    sections: [{ kind: "SUMMARY", heading: "Sammanfattning av ärendet", content: tableDoc(60) }],
    dispatch: ["Akt"],
  };
  const contested: ParagraphDTO = {
    ...emptyParagraph(4, "Ändrad prislista"),
    caseNumber: "ITSAM 2024/3",
    decision: { intro: "Direktionen beslutar att anta den ändrade prislistan.", clauses: [] },
    motions: [
      { ...people.chair, kind: "BIFALL", text: "", amendsIndex: null, withdrawn: false },
      { ...people.member, kind: "AVSLAG", text: "", amendsIndex: null, withdrawn: false },
    ],
    propositions: [
      "Ordföranden ställer proposition på bifall och avslag och finner att direktionen bifaller förslaget. Votering begärs.",
    ],
    votes: [
      {
        question: "Den som vill bifalla förslaget röstar ja, den som vill avslå röstar nej.",
        ballots: [
          { ...people.chair, choice: "JA" },
          { ...people.adjuster, choice: "JA" },
          { ...people.member, choice: "NEJ" },
          { personId: "p-x", name: "Élise Üstün", choice: "AVSTAR" },
        ],
        result: "Med 2 ja-röster mot 1 nej-röst, 1 avstår, beslutar direktionen att bifalla förslaget.",
        outcome: "JA",
        counts: null,
      },
    ],
    reservations: [{ ...people.member, reasons: "Prishöjningen drabbar de minsta kommunerna hårdast." }],
    notes: [
      {
        personId: people.adjuster.personId,
        name: people.adjuster.name,
        text: "Jag vill att prislistan följs upp efter ett år.",
      },
    ],
    recusals: [{ personId: "p-y", name: "Öjvind Ärlig", reason: "styrelseledamot i leverantörens bolag" }],
    dispatch: ["Akt", "Medlemskommunerna"],
  };
  return {
    ...base,
    meeting: {
      ...base.meeting,
      id: "edge",
      slug: "direktionen-2024-03-14",
      status: "ADJUSTED",
      date: "2024-03-14",
      adjustmentPlace: "Digitalt",
      adjustmentDate: "2024-03-18",
      adjustedOn: "2024-03-18",
    },
    secretary: people.secretary,
    adjusters: [people.adjuster],
    attendance: [
      {
        ...people.chair,
        role: "CHAIR",
        represents: "Vimmerby kommun",
        title: null,
        ranges: [],
        replacesPersonId: null,
      },
      {
        ...people.member,
        role: "MEMBER",
        represents: "Ödeshögs kommun",
        title: null,
        ranges: [{ from: 1, to: 3 }],
        replacesPersonId: null,
      },
      {
        ...people.adjuster,
        role: "MEMBER",
        represents: "Åtvidabergs kommun",
        title: null,
        ranges: [],
        replacesPersonId: null,
      },
      {
        ...people.secretary,
        role: "OTHER",
        represents: null,
        title: "sekreterare",
        ranges: [],
        replacesPersonId: null,
      },
      // Characters beyond Latin-1 take the wide font; one the font lacks (🙂) is drawn as "?".
      {
        personId: "p-guest",
        name: "Łukasz Dvořák-Şahin",
        role: "OTHER",
        represents: null,
        title: "gäst 🙂",
        ranges: [{ from: 4, to: 4 }],
        replacesPersonId: null,
      },
    ],
    paragraphs: [titleOnly, longWord, bigTable, contested],
    notice: { postedOn: "2024-03-19", takeDownOn: "2024-04-10", storagePlace: "Itsams kansli, Linköping" },
    signatures: [
      {
        ...people.secretary,
        role: "SECRETARY",
        signedAt: "2024-03-18T08:15:00Z",
        contentHash: "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a",
      },
      {
        ...people.chair,
        role: "CHAIR",
        signedAt: "2024-03-18T09:02:00Z",
        contentHash: "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a",
      },
      {
        ...people.adjuster,
        role: "ADJUSTER",
        signedAt: "2024-03-18T13:47:00Z",
        contentHash: "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a",
      },
    ],
  };
}

/**
 * A kommunfullmäktige protocol printed with "beslutande enligt bifogad närvaro- och
 * omröstningslista" (issue 14): 11 seats, parties as represents, a ledamot absent (an ersättare
 * serving for them), a ledamot leaving after § 12 (an ersättare serving §§ 13-14), two votes in
 * § 12 (the propositionsordning, then the main question), a totals-only vote in § 13.
 */
export function fullmaktigeProtocol(): ProtocolDTO {
  const base = seedProtocol();
  const p = (id: string, name: string) => ({ personId: id, name });
  const ledamot = (
    id: string,
    name: string,
    party: string,
    extra: Partial<ProtocolDTO["attendance"][number]> = {},
  ): ProtocolDTO["attendance"][number] => ({
    ...p(id, name),
    role: "MEMBER",
    represents: party,
    title: null,
    ranges: [],
    replacesPersonId: null,
    ...extra,
  });
  const attendance: ProtocolDTO["attendance"] = [
    ledamot("kf-1", "Anna Andersson", "S", { role: "CHAIR" }),
    ledamot("kf-2", "Bengt Berg", "M", { role: "VICE_CHAIR" }),
    ledamot("kf-3", "Cecilia Carlsson", "S"),
    ledamot("kf-4", "David Dahl", "SD"),
    ledamot("kf-5", "Eva Ek", "C", { ranges: [{ from: 10, to: 12 }] }),
    ledamot("kf-6", "Fredrik Falk", "KD"),
    ledamot("kf-7", "Gunilla Gran", "V"),
    ledamot("kf-8", "Hans Holm", "M"),
    ledamot("kf-9", "Ingrid Ivarsson", "L"),
    ledamot("kf-10", "Jonas Jakobsson", "S"),
    // Karin Kvist (MP), the 11th ledamot, is absent: Lars Lind serves for her the whole meeting.
    ledamot("kf-11", "Karin Kvist", "MP", { role: "ABSENT" }),
    ledamot("kf-12", "Lars Lind", "MP", { role: "SERVING_SUBSTITUTE", replacesPersonId: "kf-11" }),
    ledamot("kf-13", "Maria Mörk", "C", {
      role: "SERVING_SUBSTITUTE",
      ranges: [{ from: 13, to: 14 }],
      replacesPersonId: "kf-5",
    }),
    {
      ...p("kf-20", "Nils Nord"),
      role: "OTHER",
      represents: null,
      title: "kommunsekreterare",
      ranges: [],
      replacesPersonId: null,
    },
  ];
  const names = new Map(attendance.map((a) => [a.personId, a.name]));
  const ballots = (choices: Record<string, BallotChoice>) =>
    Object.entries(choices).map(([id, choice]) => ({ personId: id, name: names.get(id)!, choice }));
  const paragraphs: ParagraphDTO[] = [
    {
      ...emptyParagraph(10, "Val av justerare"),
      decision: { intro: "Kommunfullmäktige beslutar att utse Bengt Berg att justera protokollet.", clauses: [] },
      dispatch: ["Akt"],
    },
    {
      ...emptyParagraph(11, "Årsredovisning 2025"),
      caseNumber: "KS 2026/41",
      decision: { intro: "Kommunfullmäktige beslutar att godkänna årsredovisningen för 2025.", clauses: [] },
      dispatch: ["Ekonomiavdelningen"],
    },
    {
      ...emptyParagraph(12, "Skattesats 2027"),
      caseNumber: "KS 2026/117",
      decision: {
        intro: "Kommunfullmäktige beslutar att skattesatsen för 2027 ska vara oförändrad, 22,19 kr.",
        clauses: [],
      },
      motions: [
        { ...p("kf-1", "Anna Andersson"), kind: "BIFALL", text: "", amendsIndex: null, withdrawn: false },
        {
          ...p("kf-4", "David Dahl"),
          kind: "ANDRING",
          text: "att skattesatsen för 2027 sänks med 10 öre till 22,09 kr",
          amendsIndex: null,
          withdrawn: false,
        },
        { ...p("kf-7", "Gunilla Gran"), kind: "ATERREMISS", text: "", amendsIndex: null, withdrawn: false },
      ],
      propositions: [
        "Ordföranden ställer först proposition på om ärendet ska avgöras i dag eller återremitteras och finner att det ska avgöras i dag. Votering begärs.",
        "Ordföranden ställer sedan proposition på Anna Anderssons bifallsyrkande och David Dahls ändringsyrkande och finner bifall till Anna Anderssons yrkande. Votering begärs.",
      ],
      votes: [
        {
          question: "avgörande i dag (ja) mot återremiss (nej)",
          ballots: ballots({
            "kf-1": "JA",
            "kf-2": "JA",
            "kf-3": "JA",
            "kf-4": "JA",
            "kf-5": "JA",
            "kf-6": "JA",
            "kf-7": "NEJ",
            "kf-8": "JA",
            "kf-9": "AVSTAR",
            "kf-10": "JA",
            "kf-12": "NEJ",
          }),
          counts: null,
          result: "Med 8 ja-röster mot 2 nej-röster, 1 avstår, beslutar kommunfullmäktige att avgöra ärendet i dag.",
          outcome: "JA",
        },
        {
          question: "Anna Anderssons bifallsyrkande (ja) mot David Dahls ändringsyrkande (nej)",
          ballots: ballots({
            "kf-1": "JA",
            "kf-2": "NEJ",
            "kf-3": "JA",
            "kf-4": "NEJ",
            "kf-5": "JA",
            "kf-6": "NEJ",
            "kf-7": "JA",
            "kf-8": "NEJ",
            "kf-9": "DELTAR_EJ",
            "kf-10": "JA",
            "kf-12": "JA",
          }),
          counts: null,
          result: "Med 6 ja-röster mot 4 nej-röster beslutar kommunfullmäktige enligt Anna Anderssons yrkande.",
          outcome: "JA",
        },
      ],
      reservations: [{ ...p("kf-4", "David Dahl"), reasons: null }],
    },
    {
      ...emptyParagraph(13, "Motion om belysning i Storskogen"),
      caseNumber: "KS 2025/301",
      decision: { intro: "Kommunfullmäktige beslutar att avslå motionen.", clauses: [] },
      motions: [
        { ...p("kf-2", "Bengt Berg"), kind: "AVSLAG", text: "", amendsIndex: null, withdrawn: false },
        { ...p("kf-9", "Ingrid Ivarsson"), kind: "BIFALL", text: "", amendsIndex: null, withdrawn: false },
      ],
      propositions: ["Ordföranden ställer proposition på avslag och bifall och finner avslag. Votering begärs."],
      votes: [
        {
          question: "avslag (ja) mot bifall (nej)",
          ballots: [],
          counts: { ja: 7, nej: 3, avstar: 1 },
          result: "Med 7 ja-röster mot 3 nej-röster, 1 avstår, beslutar kommunfullmäktige att avslå motionen.",
          outcome: "JA",
        },
      ],
    },
    {
      ...emptyParagraph(14, "Val av ersättare i kommunstyrelsen"),
      caseNumber: "KS 2026/5",
      decision: {
        intro: "Kommunfullmäktige beslutar att välja Maria Mörk (C) till ersättare i kommunstyrelsen.",
        clauses: [],
      },
      dispatch: ["Den valda", "Löneenheten"],
    },
  ];
  return {
    ...base,
    organisation: { name: "Exempelby kommun", caseNumberPrefix: "KS" },
    body: {
      name: "Kommunfullmäktige",
      genitiveName: "Kommunfullmäktiges",
      slug: "kommunfullmaktige",
      kind: "FULLMAKTIGE",
      seatCount: 11,
      appendedAttendanceList: true,
    },
    meeting: {
      ...base.meeting,
      id: "kf-2026-06-15",
      slug: "kommunfullmaktige-2026-06-15",
      date: "2026-06-15",
      startTime: "18:00",
      endTime: "21:10",
      place: "Stadshuset, sessionssalen",
      adjustmentPlace: "Kommunkansliet",
      adjustmentDate: "2026-06-22",
    },
    secretary: p("kf-20", "Nils Nord"),
    adjusters: [p("kf-2", "Bengt Berg")],
    attendance,
    paragraphs,
    notice: { postedOn: "2026-06-23", takeDownOn: "2026-07-15", storagePlace: "Kommunkansliet" },
    signatures: [
      { ...p("kf-20", "Nils Nord"), role: "SECRETARY", signedAt: null, contentHash: null },
      { ...p("kf-1", "Anna Andersson"), role: "CHAIR", signedAt: null, contentHash: null },
      { ...p("kf-2", "Bengt Berg"), role: "ADJUSTER", signedAt: null, contentHash: null },
    ],
    corrections: [],
  };
}
