/**
 * Reading our PDFs back as a reader would, with poppler-utils (pdftotext, pdfinfo, pdffonts).
 * Test support only.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

function withFile<T>(pdf: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "paragraf-pdf-"));
  const file = path.join(dir, "doc.pdf");
  try {
    writeFileSync(file, pdf);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error(`${cmd} is missing: the PDF tests need poppler-utils (apt-get install -y poppler-utils).`);
    }
    throw error;
  }
}

/** What pdfsig reports about the document's signatures ("Signature is Valid.", "Signing Time: …"). */
export function pdfSignatures(pdf: Uint8Array): string {
  return withFile(pdf, (file) => run("pdfsig", [file]));
}

/** The text of the whole document, or of pages first..last (1-based, inclusive). */
export function pdfToText(pdf: Uint8Array, opts: { first?: number; last?: number; layout?: boolean } = {}): string {
  return withFile(pdf, (file) => {
    const args: string[] = ["-enc", "UTF-8"];
    if (opts.layout) args.push("-layout");
    if (opts.first) args.push("-f", String(opts.first));
    if (opts.last) args.push("-l", String(opts.last));
    return run("pdftotext", [...args, file, "-"]);
  });
}

/** The text laid out as on the page, each run of spaces and tabs as one space ("Organ Direktionen"). */
export function pdfLayoutText(pdf: Uint8Array): string {
  return pdfToText(pdf, { layout: true }).replace(/[ \t]+/g, " ");
}

/** The text of each page, from one pdftotext run (pages are separated by form feeds). */
export function pdfPageTexts(pdf: Uint8Array, opts: { layout?: boolean } = {}): string[] {
  const pages = pdfToText(pdf, opts).split("\f");
  if (pages[pages.length - 1]!.trim() === "") pages.pop();
  return pages;
}

/** `pdftotext -f N -l N` for each page N: one process per page, as the issue describes. */
export function pdfTextOfEachPage(pdf: Uint8Array, pageCount: number, opts: { layout?: boolean } = {}): string[] {
  const mode = opts.layout ? ["-layout"] : [];
  return withFile(pdf, (file) =>
    Array.from({ length: pageCount }, (_, i) =>
      run("pdftotext", ["-enc", "UTF-8", ...mode, "-f", String(i + 1), "-l", String(i + 1), file, "-"]),
    ),
  );
}

export function pdfInfo(pdf: Uint8Array, args: string[] = []): string {
  return withFile(pdf, (file) => run("pdfinfo", [...args, file]));
}

export interface FontRow {
  name: string;
  type: string;
  encoding: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(pdf: Uint8Array): FontRow[] {
  const out = withFile(pdf, (file) => run("pdffonts", [file]));
  return out
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`Unexpected pdffonts line: ${line}`);
      return {
        name: m[1]!,
        type: m[2]!,
        encoding: m[3]!,
        embedded: m[4] === "yes",
        subset: m[5] === "yes",
        unicode: m[6] === "yes",
      };
    });
}
