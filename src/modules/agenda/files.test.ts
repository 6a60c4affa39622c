import { describe, expect, it } from "vitest";
import { safeFileName, sniffFile } from "./files";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("sniffFile", () => {
  it.each([
    ["a PDF", bytes("%PDF-1.7\n"), "pdf"],
    ["a DOCX", bytes([0x50, 0x4b, 0x03, 0x04], "....[Content_Types].xml....word/document.xml"), "docx"],
    ["a zip without word/document.xml", bytes([0x50, 0x4b, 0x03, 0x04], "xl/workbook.xml"), "other"],
    [
      "an encrypted OOXML (CFB)",
      bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "EncryptedPackage"),
      "encrypted",
    ],
    ["text", bytes("hello"), "other"],
    ["nothing", new Uint8Array(), "other"],
    ["HTML claiming to be a PDF", bytes("<html>%PDF-"), "other"],
  ])("%s → %s", (_name, input, kind) => {
    expect(sniffFile(input)).toBe(kind);
  });
});

describe("safeFileName", () => {
  it.each([
    ["Tjänsteskrivelse.docx", "docx", "Tjänsteskrivelse.docx"],
    ["budget", "pdf", "budget.pdf"],
    ["../../etc/passwd", "pdf", ".._.._etc_passwd.pdf"],
    ['a"b<c>.pdf', "pdf", "a_b_c_.pdf"],
    ["", "docx", "handling.docx"],
  ] as const)("%s (%s) → %s", (name, kind, want) => {
    expect(safeFileName(name, kind)).toBe(want);
  });
});
