/**
 * Incremental updates (ISO 32000-1 7.5.6): new and changed objects appended after the last
 * %%EOF, a new cross-reference section whose trailer points back with /Prev, and nothing before
 * it touched, so every earlier signature's byte range still hashes the same.
 *
 * Reading uses pdf-lib's parser (it reads every revision and keeps the newest definition of each
 * object); writing is ours, since pdf-lib's save() rewrites the whole file. Our renderer and
 * pdf-lib write classic cross-reference tables (useObjectStreams: false); a file whose last
 * section is a cross-reference stream is refused rather than extended half-right.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRef,
  PDFString,
  PDFHexString,
} from "pdf-lib";

export interface PdfRevision {
  bytes: Uint8Array;
  /** The whole file parsed (newest definition of each object). Read only: never saved. */
  doc: PDFDocument;
  /** Offset of the last cross-reference section (the new trailer's /Prev). */
  prevXref: number;
  /** The next free object number (the last trailer's /Size, or higher). */
  nextObjectNumber: number;
  root: PDFRef;
  info: PDFRef | undefined;
  id: PDFArray | undefined;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

export async function openRevision(pdf: Uint8Array): Promise<PdfRevision> {
  const tail = latin1(pdf.subarray(Math.max(0, pdf.length - 1024)));
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new Error("PDF:en saknar avslutande startxref/%%EOF och kan inte signeras.");
  const prevXref = Number(m[1]);
  const section = latin1(pdf.subarray(prevXref, Math.min(pdf.length, prevXref + 64)));
  if (!section.startsWith("xref")) {
    throw new Error(
      "PDF:ens korsreferenser är en xref-ström (eller trasiga); bara klassiska xref-tabeller kan utökas med signaturer.",
    );
  }
  const fromXref = latin1(pdf.subarray(prevXref));
  const trailerAt = fromXref.indexOf("trailer");
  const trailerText = trailerAt < 0 ? "" : fromXref.slice(trailerAt);
  const size = /\/Size\s+(\d+)/.exec(trailerText);
  if (!size) throw new Error("PDF:ens trailer saknar /Size.");

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    throw new Error(`PDF:en kunde inte läsas: ${(error as Error).message}`);
  }
  if (doc.isEncrypted) throw new Error("Krypterade PDF:er kan inte signeras.");
  const { Root, Info, ID } = doc.context.trailerInfo;
  if (!(Root instanceof PDFRef)) throw new Error("PDF:ens trailer saknar /Root.");
  return {
    bytes: pdf,
    doc,
    prevXref,
    nextObjectNumber: Math.max(Number(size[1]), doc.context.largestObjectNumber + 1),
    root: Root,
    info: Info instanceof PDFRef ? Info : undefined,
    id: ID instanceof PDFArray ? ID : undefined,
  };
}

/** An object's serialisation as pdf-lib writes it ("<<\n/Type /Page\n…>>"). */
export function serialize(object: PDFObject): Buffer {
  const out = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(out, 0);
  return out;
}

export interface UpdateObject {
  ref: PDFRef;
  /** The object's body, between "n g obj\n" and "\nendobj". */
  body: Uint8Array;
}

export interface WrittenUpdate {
  bytes: Uint8Array;
  /** Where each object's body starts in `bytes`, by object number. */
  bodyOffsets: Map<number, number>;
}

/** Appends `objects` as one incremental update. */
export function writeUpdate(revision: PdfRevision, objects: UpdateObject[], size: number): WrittenUpdate {
  const parts: Buffer[] = [Buffer.from(revision.bytes.buffer, revision.bytes.byteOffset, revision.bytes.byteLength)];
  let offset = revision.bytes.length;
  const push = (part: Buffer | string) => {
    const buf = typeof part === "string" ? Buffer.from(part, "latin1") : part;
    parts.push(buf);
    offset += buf.length;
  };
  const last = revision.bytes[revision.bytes.length - 1];
  if (last !== 0x0a && last !== 0x0d) push("\n");

  const sorted = [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  const entries: { number: number; generation: number; offset: number }[] = [];
  const bodyOffsets = new Map<number, number>();
  for (const { ref, body } of sorted) {
    entries.push({ number: ref.objectNumber, generation: ref.generationNumber, offset });
    const header = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
    bodyOffsets.set(ref.objectNumber, offset + header.length);
    push(header);
    push(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    push("\nendobj\n");
  }

  const xrefOffset = offset;
  let xref = "xref\n";
  for (let i = 0; i < entries.length;) {
    let j = i + 1;
    while (j < entries.length && entries[j]!.number === entries[j - 1]!.number + 1) j++;
    xref += `${entries[i]!.number} ${j - i}\n`;
    for (const e of entries.slice(i, j)) {
      xref += `${String(e.offset).padStart(10, "0")} ${String(e.generation).padStart(5, "0")} n \n`;
    }
    i = j;
  }
  push(xref);

  const trailer = revision.doc.context.obj({}) as PDFDict;
  trailer.set(PDFName.of("Size"), PDFNumber.of(size));
  trailer.set(PDFName.of("Root"), revision.root);
  if (revision.info) trailer.set(PDFName.of("Info"), revision.info);
  if (revision.id) trailer.set(PDFName.of("ID"), revision.id);
  trailer.set(PDFName.of("Prev"), PDFNumber.of(revision.prevXref));
  push("trailer\n");
  push(serialize(trailer));
  push(`\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return { bytes: new Uint8Array(Buffer.concat(parts)), bodyOffsets };
}

/** Page 1's reference, found through the page tree (pdf-lib's page API would normalise pages). */
export function firstPageRef(revision: PdfRevision): PDFRef {
  const { context } = revision.doc;
  let node: PDFDict = revision.doc.catalog;
  let ref: PDFRef | undefined;
  for (let depth = 0; depth < 64; depth++) {
    const next: PDFObject | undefined =
      depth === 0 ? node.get(PDFName.of("Pages")) : node.lookup(PDFName.of("Kids"), PDFArray).get(0);
    if (!(next instanceof PDFRef)) break;
    ref = next;
    node = context.lookup(next, PDFDict);
    if (node.get(PDFName.of("Type")) === PDFName.of("Page")) return ref;
  }
  throw new Error("PDF:en har ingen första sida.");
}

/** A text string (UTF-16BE with BOM when not ASCII), for /Name, /Reason, /T and so on. */
export function textString(text: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(text)
    ? PDFString.of(text.replace(/[\\()]/g, (c) => `\\${c}`))
    : PDFHexString.fromText(text);
}

/** D:YYYYMMDDHHmmSSZ, for /M. */
export function pdfDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error("Ogiltig tidpunkt för signaturen.");
  return `D:${date.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
}
