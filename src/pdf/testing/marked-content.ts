/**
 * Reads the content streams of a PDF's pages back and checks their marked content, for tests of
 * tagged PDFs: every text-showing operator and every XObject drawn lies in a marked-content
 * sequence that is either an artifact or carries an MCID (so it is in the structure tree), and
 * BT/ET nest properly with BDC/BMC/EMC. Test support only.
 */
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from "pdf-lib";

export interface MarkedContentReport {
  pages: number;
  /** Text operators (Tj, TJ, ', ") and XObjects (Do) by what encloses them. */
  tagged: number;
  artifact: number;
  /** Problems found, e.g. "page 3: Tj outside marked content". */
  problems: string[];
  /** MCIDs per page, in content order. */
  mcids: number[][];
}

type Token = { kind: "op"; value: string } | { kind: "operand"; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "%") {
      while (i < n && src[i] !== "\n") i++;
    } else if (c === "(") {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        const d = src[i]!;
        if (d === "\\") i++;
        else if (d === "(") depth++;
        else if (d === ")" && --depth === 0) break;
      }
      i++;
      tokens.push({ kind: "operand", value: src.slice(start, i) });
    } else if (c === "<" && src[i + 1] === "<") {
      tokens.push({ kind: "operand", value: "<<" });
      i += 2;
    } else if (c === ">" && src[i + 1] === ">") {
      tokens.push({ kind: "operand", value: ">>" });
      i += 2;
    } else if (c === "<") {
      const end = src.indexOf(">", i);
      tokens.push({ kind: "operand", value: src.slice(i, end + 1) });
      i = end + 1;
    } else if (c === "[" || c === "]") {
      tokens.push({ kind: "operand", value: c });
      i++;
    } else if (c === "/") {
      const m = /^\/[^\s/<>[\]()]*/.exec(src.slice(i, i + 128))!;
      tokens.push({ kind: "operand", value: m[0] });
      i += m[0].length;
    } else if (/[-+.\d]/.test(c)) {
      const m = /^[-+.\d]+/.exec(src.slice(i, i + 64))!;
      tokens.push({ kind: "operand", value: m[0] });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z'"*]+/.exec(src.slice(i, i + 16));
      if (!m) throw new Error(`Unexpected character in content stream: ${JSON.stringify(c)}`);
      tokens.push({ kind: "op", value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export async function checkMarkedContent(pdf: Uint8Array): Promise<MarkedContentReport> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const report: MarkedContentReport = { pages: 0, tagged: 0, artifact: 0, problems: [], mcids: [] };
  doc.getPages().forEach((page, p) => {
    report.pages++;
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    let src = "";
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) throw new Error("A page's content is not a raw stream.");
      src += `${Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1")}\n`;
    }
    const mcids: number[] = [];
    // BT and marked-content sequences on one stack, so that their nesting is checked too.
    const stack: ("BT" | "artifact" | "mcid" | "other")[] = [];
    let operands: string[] = [];
    const problem = (text: string) => report.problems.push(`page ${p + 1}: ${text}`);
    for (const token of tokenize(src)) {
      if (token.kind === "operand") {
        operands.push(token.value);
        continue;
      }
      const op = token.value;
      if (op === "BT") stack.push("BT");
      else if (op === "ET") {
        if (stack.pop() !== "BT") problem("ET closes a marked-content sequence opened inside BT");
      } else if (op === "BMC" || op === "BDC") {
        const tag = operands[0];
        const mcid = op === "BDC" ? /\/MCID (\d+)/.exec(operands.join(" ")) : null;
        if (tag === "/Artifact") stack.push("artifact");
        else if (mcid) {
          stack.push("mcid");
          mcids.push(Number(mcid[1]));
        } else stack.push("other");
      } else if (op === "EMC") {
        const top = stack.pop();
        if (top === undefined || top === "BT") problem("EMC without its BMC/BDC (or inside another BT)");
      } else if (op === "Tj" || op === "TJ" || op === "'" || op === '"' || op === "Do") {
        const marked = [...stack].reverse().find((s) => s !== "BT");
        if (marked === "artifact") report.artifact++;
        else if (marked === "mcid") report.tagged++;
        else problem(`${op} ${operands[operands.length - 1] ?? ""} outside marked content`);
      }
      operands = [];
    }
    if (stack.length > 0) problem(`unclosed at the end of the page: ${stack.join(", ")}`);
    if (new Set(mcids).size !== mcids.length) problem("an MCID is used twice");
    report.mcids.push(mcids);
  });
  return report;
}
