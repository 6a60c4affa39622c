/**
 * Protocols for the PDF tests and the benchmark: the Itsam seed, a generated protocol of any
 * number of §§ built from the seed's own §§, and small edge cases.
 */
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import type { ParagraphDTO, ProtocolDTO, RichDoc, TableRowNode } from "@/domain/protocol/protocol.types";

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
