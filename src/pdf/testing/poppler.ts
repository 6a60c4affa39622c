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

/** A node of the structure tree as `pdfinfo -struct-text` prints it. */
export interface StructNode {
  type: string;
  /** Attributes as printed ("/Scope /Column"). */
  attributes: string[];
  /** The text of the node's own marked content, one entry per printed string. */
  text: string[];
  kids: StructNode[];
}

/**
 * The structure tree (`pdfinfo -struct-text`, or `-struct` with `text: false`), parsed: two
 * spaces of indentation per level, an element line ("TH:", "P (block)"), its attribute lines
 * ("/Scope /Row") and its text lines
 * in double quotes. The root's kids are the top-level elements (normally one Document).
 */
export function pdfStructTree(pdf: Uint8Array, opts: { text?: boolean } = {}): StructNode {
  // -struct-text runs a text extraction over the page for every element (seconds for 16
  // pages); -struct gives the same tree without text, in milliseconds.
  const flag = opts.text === false ? "-struct" : "-struct-text";
  const out = withFile(pdf, (file) => run("pdfinfo", [flag, file]));
  const root: StructNode = { type: "(root)", attributes: [], text: [], kids: [] };
  const stack: { node: StructNode; indent: number }[] = [{ node: root, indent: -2 }];
  for (const line of out.split("\n")) {
    if (!line.trim()) continue;
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (body.startsWith('"') || body.startsWith("/")) {
      // Text or attributes of the element above (at a smaller indentation).
      while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      const owner = stack[stack.length - 1]!.node;
      if (body.startsWith('"')) owner.text.push(body.slice(1, -1));
      else owner.attributes.push(body);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const node: StructNode = { type: body.split(/[\s:]/)[0]!, attributes: [], text: [], kids: [] };
    stack[stack.length - 1]!.node.kids.push(node);
    stack.push({ node, indent });
  }
  return root;
}

/** Every node of `tree` in document (reading) order. */
export function structNodes(tree: StructNode): StructNode[] {
  const out: StructNode[] = [];
  const walk = (n: StructNode) => {
    out.push(n);
    n.kids.forEach(walk);
  };
  tree.kids.forEach(walk);
  return out;
}

/** The text of a node and its descendants, in order, the strings joined by a space. */
export function structText(node: StructNode): string {
  return [...node.text, ...node.kids.map(structText)].filter((t) => t.length > 0).join(" ");
}
