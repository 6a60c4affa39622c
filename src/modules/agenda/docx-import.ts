// Reading a tjänsteskrivelse (DOCX) with mammoth: its HTML becomes the stored rich-text subset
// (domain/richtext/html-to-richdoc.ts, validated by the domain schema), and the förslag till
// beslut is read from it (tjansteskrivelse.ts). Anything that is not a readable DOCX gets a
// Swedish message; nothing is stored here.
import mammoth from "mammoth";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { htmlToRichDoc } from "@/domain/richtext/html-to-richdoc";
import { richDocSchema } from "@/domain/richtext/richtext.schema";
import { isEmptyDoc, toPlainText } from "@/domain/richtext/richtext.text";
import { ENCRYPTED, sniffFile } from "./files";
import { inspectDocx } from "./file-inspection";
import { splitTjansteskrivelse, type Proposal } from "./tjansteskrivelse";

export type ImportResult =
  | { ok: true; summary: RichDoc | null; summaryPlain: string; proposal: Proposal | null }
  | { ok: false; message: string };

// Swedish Word templates sometimes name their own heading styles; the built-in ones are read by
// mammoth's default map (Heading 1–6 → h1–h6).
const STYLE_MAP = [
  "p[style-name='Rubrik 1'] => h1:fresh",
  "p[style-name='Rubrik 2'] => h2:fresh",
  "p[style-name='Rubrik 3'] => h3:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Rubrik'] => h1:fresh",
];

const NOT_DOCX = "Filen är inte ett Word-dokument (DOCX). Spara tjänsteskrivelsen som .docx och försök igen.";

export async function readTjansteskrivelse(bytes: Uint8Array): Promise<ImportResult> {
  const kind = sniffFile(bytes);
  if (kind === "encrypted") return { ok: false, message: ENCRYPTED };
  if (kind !== "docx") return { ok: false, message: NOT_DOCX };
  // A real Word package, small enough unpacked: mammoth inflates all of it.
  const inspected = await inspectDocx(bytes);
  if (!inspected.ok) return { ok: false, message: inspected.message };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: STYLE_MAP,
        // Images have no place in the stored text; their bytes are not even read.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
      },
    );
    html = result.value;
  } catch {
    return { ok: false, message: "Word-filen kunde inte läsas; den kan vara skadad. Öppna och spara den i Word igen." };
  }
  const doc = htmlToRichDoc(html);
  const parsed = richDocSchema.safeParse(doc);
  if (!parsed.success) {
    return {
      ok: false,
      message: "Dokumentets text kunde inte tolkas som ärendebeskrivning (för stort eller för djupt).",
    };
  }
  if (isEmptyDoc(parsed.data)) return { ok: false, message: "Dokumentet är tomt; det finns ingen text att hämta." };
  const { summary, proposal } = splitTjansteskrivelse(parsed.data);
  const hasSummary = !isEmptyDoc(summary);
  return {
    ok: true,
    summary: hasSummary ? summary : null,
    summaryPlain: hasSummary ? toPlainText(summary) : "",
    proposal,
  };
}
