// Test support for the leak crawler (e2e/zz-crawl.spec.ts): everything a reader can get out of a
// PDF, read with poppler-utils as a reader's tools would, to be checked like an HTML page: the
// text of every page, the document info and XMP metadata, and embedded files (names and content).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pdfInfo, pdfToText } from "../../src/pdf/testing/poppler";

export interface PdfReadable {
  /** pdftotext of the whole document. */
  text: string;
  /** pdfinfo (Title, Subject, Keywords, Author, …) and pdfinfo -meta (the XMP packet). */
  metadata: string;
  /** Embedded files: name and content (as text; a PDF among them is read with pdftotext). */
  attachments: { name: string; content: string }[];
}

function embeddedFiles(pdf: Uint8Array): { name: string; content: string }[] {
  const dir = mkdtempSync(path.join(tmpdir(), "paragraf-pdfdetach-"));
  try {
    const file = path.join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    const out = path.join(dir, "out");
    mkdirSync(out);
    execFileSync("pdfdetach", ["-saveall", "-o", out, file]);
    return readdirSync(out).map((name) => {
      const bytes = readFileSync(path.join(out, name));
      const content = bytes.subarray(0, 5).toString("latin1") === "%PDF-" ? pdfToText(bytes) : bytes.toString("utf8");
      return { name, content };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything readable in `pdf`; throws when poppler cannot read it (a broken public PDF is a finding too). */
export function readPdf(pdf: Uint8Array): PdfReadable {
  return {
    text: pdfToText(pdf),
    metadata: `${pdfInfo(pdf)}\n${pdfInfo(pdf, ["-meta"])}`,
    attachments: embeddedFiles(pdf),
  };
}

/**
 * The texts to check, each also with its line breaks joined: a phrase or a personnummer broken
 * over two lines ("strategi- och\nprojektchef", "850709-\n9805") is still found.
 */
export function pdfTextsToCheck(pdf: Uint8Array): string[] {
  const r = readPdf(pdf);
  const texts = [r.text, r.metadata, ...r.attachments.flatMap((a) => [a.name, a.content])];
  return texts.flatMap((t) => [t, t.replace(/\s+/g, " "), t.replace(/-\s*\n\s*/g, "-")]);
}
