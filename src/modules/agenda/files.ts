// What an uploaded file really is, by its first bytes (the type the browser claims is not
// trusted), and the safe name to store and serve it under.

export type FileKind = "pdf" | "docx" | "encrypted" | "other";

export const PDF_MIME = "application/pdf";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * A PDF starts with "%PDF-". A DOCX is a zip ("PK\3\4") naming word/document.xml in its
 * directory. A password-protected Word file is not a zip at all but a Compound File (CFB,
 * D0 CF 11 E0 A1 B1 1A E1) holding the encrypted package; so is an old .doc.
 */
export function sniffFile(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "encrypted";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && Buffer.from(bytes).includes("word/document.xml", 0, "latin1")) {
    return "docx";
  }
  return "other";
}

/** Letters, digits and a few signs; the extension the kind of file has. */
export function safeFileName(name: string, kind: "pdf" | "docx"): string {
  const clean = name
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .slice(0, 200)
    .trim();
  const ext = `.${kind}`;
  if (clean === "") return `handling${ext}`;
  return clean.toLowerCase().endsWith(ext) ? clean : `${clean}${ext}`;
}

export const NOT_PDF_OR_DOCX = "Filen är varken PDF eller Word (DOCX). Spara den som PDF eller DOCX och försök igen.";
export const ENCRYPTED =
  "Filen är lösenordsskyddad eller en äldre Word-fil (.doc). Ta bort lösenordet eller spara den som DOCX och försök igen.";
