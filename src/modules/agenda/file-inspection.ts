// A look inside an uploaded handling before it is stored or read (red team, issue 15): the first
// bytes (files.ts sniffFile) only say what a file claims to be. A DOCX must be a real Word
// package — a zip with word/document.xml declared as a wordprocessing document — and small enough
// unpacked that reading it cannot tie up the server (a "zip bomb" of a few hundred kB can unpack
// to gigabytes). A PDF must not carry actions that run on opening or on a page (JavaScript,
// Launch): handlingar go to members and, in the public kungörelse bundle, to anyone.
import JSZip from "jszip";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from "pdf-lib";
import { ENCRYPTED, NOT_PDF_OR_DOCX, sniffFile } from "./files";

/** The most word/document.xml may unpack to, and the whole package (text, styles, images). */
export const MAX_DOCUMENT_XML_BYTES = 20 * 1024 * 1024;
export const MAX_PACKAGE_BYTES = 100 * 1024 * 1024;

export const DOCX_TOO_LARGE_UNPACKED =
  "Word-filen är för stor uppackad (över 100 MB, eller texten över 20 MB) och läses inte. Dela upp dokumentet eller spara det som PDF.";
export const NOT_A_WORD_PACKAGE = "Filen är inte ett Word-dokument (DOCX). Spara den som .docx i Word och försök igen.";
export const DOCX_DAMAGED = "Word-filen kunde inte läsas; den kan vara skadad. Öppna och spara den i Word igen.";
export const PDF_WITH_SCRIPT =
  "PDF-filen innehåller skript eller åtgärder som körs när den öppnas (JavaScript, start av program). Skriv ut den som PDF igen (Skriv ut → Spara som PDF) och ladda upp den nya filen.";
export const PDF_DAMAGED = "PDF-filen kunde inte läsas; den kan vara skadad. Spara den som PDF igen och försök igen.";

export type Inspected = { ok: true; kind: "pdf" | "docx" } | { ok: false; message: string };

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

/** Unpacked size of an entry, from the zip's central directory (nothing is inflated to learn it). */
function unpackedSize(entry: JSZip.JSZipObject): number {
  const data = (entry as unknown as { _data?: { uncompressedSize?: number } })._data;
  // Unknown size: count it as too large rather than inflate it to find out.
  return typeof data?.uncompressedSize === "number" ? data.uncompressedSize : Number.POSITIVE_INFINITY;
}

/** A real Word package, not too large unpacked. Reads only the directory and [Content_Types].xml. */
export async function inspectDocx(bytes: Uint8Array): Promise<Inspected> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return { ok: false, message: DOCX_DAMAGED };
  }
  const document = zip.file("word/document.xml");
  const types = zip.file("[Content_Types].xml");
  if (!document || !types) return { ok: false, message: NOT_A_WORD_PACKAGE };
  let total = 0;
  zip.forEach((_, entry) => {
    if (!entry.dir) total += unpackedSize(entry);
  });
  if (unpackedSize(document) > MAX_DOCUMENT_XML_BYTES || total > MAX_PACKAGE_BYTES) {
    return { ok: false, message: DOCX_TOO_LARGE_UNPACKED };
  }
  if (unpackedSize(types) > 1024 * 1024) return { ok: false, message: DOCX_TOO_LARGE_UNPACKED };
  let contentTypes: string;
  try {
    contentTypes = await types.async("string");
  } catch {
    return { ok: false, message: DOCX_DAMAGED };
  }
  if (!contentTypes.includes(WORD_MAIN)) return { ok: false, message: NOT_A_WORD_PACKAGE };
  return { ok: true, kind: "docx" };
}

const ACTION_TYPES = new Set(["/JavaScript", "/Launch"]);
const SCRIPT_KEYS = ["JS", "JavaScript"].map((k) => PDFName.of(k));

/** Whether a PDF object is an action that runs script or starts a program. */
function isScriptAction(dict: PDFDict): boolean {
  const s = dict.get(PDFName.of("S"));
  if (s instanceof PDFName && ACTION_TYPES.has(s.asString())) return true;
  return SCRIPT_KEYS.some((k) => dict.has(k));
}

/**
 * Whether an object holds such an action, written in it directly or a few levels down (a page's
 * /AA, an annotation's /A, a /Names entry); objects referred to are indirect objects of their own
 * and are checked as such.
 */
function holdsScript(value: unknown, depth: number): boolean {
  const dict = value instanceof PDFStream ? value.dict : value instanceof PDFDict ? value : null;
  if (dict) {
    if (isScriptAction(dict)) return true;
    return depth > 0 && dict.values().some((v) => holdsScript(v, depth - 1));
  }
  if (value instanceof PDFArray) return depth > 0 && value.asArray().some((v) => holdsScript(v, depth - 1));
  return false;
}

/** No JavaScript or Launch action anywhere in the file (object streams are unpacked by pdf-lib). */
export async function inspectPdf(bytes: Uint8Array): Promise<Inspected> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return { ok: false, message: PDF_DAMAGED };
  }
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (holdsScript(object, 4)) return { ok: false, message: PDF_WITH_SCRIPT };
  }
  // The document's names tree may hold JavaScript by name.
  const catalog = pdf.context.lookupMaybe(pdf.context.trailerInfo.Root, PDFDict);
  const names = catalog?.lookupMaybe(PDFName.of("Names"), PDFDict);
  if (names?.has(PDFName.of("JavaScript"))) return { ok: false, message: PDF_WITH_SCRIPT };
  return { ok: true, kind: "pdf" };
}

/** What an uploaded handling is, checked inside: a safe PDF or a real, reasonably sized DOCX. */
export async function inspectUpload(bytes: Uint8Array): Promise<Inspected> {
  const kind = sniffFile(bytes);
  if (kind === "encrypted") return { ok: false, message: ENCRYPTED };
  if (kind === "pdf") return inspectPdf(bytes);
  if (kind === "docx") return inspectDocx(bytes);
  return { ok: false, message: NOT_PDF_OR_DOCX };
}
