// Real DOCX files for the import tests and the bench, built with the docx package (a zip with
// word/document.xml, numbering.xml, styles.xml as Word writes them): a tjänsteskrivelse with
// headings, a table, a numbered list and a förslag till beslut; and some that are not one.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

function budgetSection(n: number): (Paragraph | Table)[] {
  return [
    new Paragraph({ text: `Ärendet, del ${n}`, heading: HeadingLevel.HEADING_2 }),
    new Paragraph({
      children: [
        new TextRun("Förbundet har tagit fram ett förslag till "),
        new TextRun({ text: "budget för 2026", bold: true }),
        new TextRun(" med plan för 2027–2028. Intäkterna består av medlemsavgifter och ersättning för tjänster."),
      ],
    }),
    new Table({
      rows: [
        new TableRow({ children: [cell("Post", true), cell("Belopp (tkr)", true)] }),
        new TableRow({ children: [cell("Medlemsavgifter"), cell("12 500")] }),
        new TableRow({ children: [cell("Tjänster"), cell("3 200")] }),
      ],
    }),
    new Paragraph({ text: "Budgeten bygger på tre antaganden:" }),
    new Paragraph({ text: "Oförändrat antal medlemmar", numbering: { reference: "nummer", level: 0 } }),
    new Paragraph({ text: "Löneökning om 3 procent", numbering: { reference: "nummer", level: 0 } }),
    new Paragraph({ text: "Inga nya uppdrag", numbering: { reference: "nummer", level: 0 } }),
  ];
}

const numbering = {
  config: [
    {
      reference: "nummer",
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
    },
  ],
};

/** A tjänsteskrivelse; `sections` more "Ärendet" parts make it longer (about 2 per page). */
export async function tjansteskrivelseDocx(options: { sections?: number; pageBreaks?: boolean } = {}): Promise<Buffer> {
  const parts = Array.from({ length: options.sections ?? 1 }, (_, i) => [
    ...budgetSection(i + 1),
    ...(options.pageBreaks && i % 2 === 1 ? [new Paragraph({ children: [new PageBreak()] })] : []),
  ]).flat();
  const doc = new Document({
    numbering,
    sections: [
      {
        children: [
          new Paragraph({ text: "Budget 2026 med plan för 2027–2028", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Sammanfattning", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Förbundsdirektören lämnar förslag till budget för 2026." }),
          new Paragraph({ text: "Förvaltningens förslag till beslut", heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: "Direktionen föreslås besluta" }),
          new Paragraph({ text: "att fastställa budget för 2026 med plan för 2027–2028," }),
          new Paragraph({ text: "att medlemsavgifterna för 2026 ska vara oförändrade." }),
          ...parts,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A DOCX without any text. */
export async function emptyDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: "" })] }] }));
}

/** The first bytes of a password-protected Word file: a Compound File, not a zip. */
export function encryptedDocx(): Buffer {
  const header = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.write("EncryptionInfo EncryptedPackage", 512, "utf16le");
  return header;
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
