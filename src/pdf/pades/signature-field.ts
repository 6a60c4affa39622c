/**
 * One signature in an incremental update: an invisible signature field (widget with a zero
 * rectangle, print flag, an empty appearance, as PDF/A wants) on page 1, listed in the AcroForm
 * with SigFlags 3, and its signature dictionary with a /Contents placeholder. The caller turns the
 * digest of the signed byte ranges into the DER that goes into /Contents.
 */
import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObject, PDFRef, PDFString, PDFHexString } from "pdf-lib";
import { appearanceObjects, type SignatureAppearance } from "./appearance";
import {
  openRevision,
  firstPageRef,
  serialize,
  textString,
  writeUpdate,
  type PdfRevision,
  type UpdateObject,
} from "./pdf-update";

export interface SignatureFieldOptions {
  /** The field's /T, unique in the document (e.g. "Signatur 1 Anna Andersson"). */
  fieldName: string;
  /** The field's /TU: its description for assistive technology. */
  description: string;
  /** The signature dictionary's entries besides /ByteRange and /Contents, as PDF source. */
  dictionaryEntries: string[];
  /** Room for the DER in /Contents, in bytes. */
  contentsLength: number;
  /**
   * Fill the document's empty signature field of this name (placed when the PDF was rendered,
   * already on its page and in the structure tree) instead of adding a new invisible one: only
   * the field gets its /V. Refused when there is no such field or it is signed already.
   */
  existingField?: boolean;
  /**
   * With existingField: text drawn in the field's widget (its /AP /N), e.g. "Signerat digitalt
   * av …". Without it the field keeps its empty appearance.
   */
  appearance?: SignatureAppearance;
}

export interface PreparedSignature {
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** SHA-256 over the two signed ranges. */
  digest: Buffer;
  /** Offset of the first hex digit inside /Contents <…>. */
  contentsAt: number;
  contentsLength: number;
}

const BYTE_RANGE_PLACEHOLDER = "/ByteRange [0 0000000000 0000000000 0000000000]";

function fieldNames(revision: PdfRevision, fields: PDFArray | undefined): string[] {
  return namedFields(revision, fields).map((f) => f.name);
}

/** The AcroForm's top-level fields with a /T: name, reference, dictionary. */
function namedFields(
  revision: PdfRevision,
  fields: PDFArray | undefined,
): { name: string; ref: PDFRef | undefined; dict: PDFDict }[] {
  const out: { name: string; ref: PDFRef | undefined; dict: PDFDict }[] = [];
  for (const item of fields?.asArray() ?? []) {
    const field = revision.doc.context.lookup(item);
    if (!(field instanceof PDFDict)) continue;
    const t = field.get(PDFName.of("T"));
    if (t instanceof PDFString || t instanceof PDFHexString)
      out.push({ name: t.decodeText(), ref: item instanceof PDFRef ? item : undefined, dict: field });
  }
  return out;
}

/** Writes the update with the signature dictionary; where its /ByteRange and /Contents landed. */
function finishPrepared(
  revision: PdfRevision,
  updates: UpdateObject[],
  next: number,
  sigRef: PDFRef,
  opts: SignatureFieldOptions,
): PreparedSignature {
  const contents = `/Contents <${"0".repeat(2 * opts.contentsLength)}>`;
  const sigBody = ["<<", ...opts.dictionaryEntries, BYTE_RANGE_PLACEHOLDER, contents, ">>"].join("\n");
  updates.push({ ref: sigRef, body: Buffer.from(sigBody, "latin1") });

  const written = writeUpdate(revision, updates, next);
  const bytes = written.bytes;
  const sigAt = written.bodyOffsets.get(sigRef.objectNumber)!;
  const rangeAt = sigAt + sigBody.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsStart = sigAt + sigBody.indexOf(contents) + "/Contents ".length; // at "<"
  const contentsEnd = contentsStart + contents.length - "/Contents ".length; // after ">"
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const rangeText = `/ByteRange [${byteRange.join(" ")}]`;
  if (rangeText.length > BYTE_RANGE_PLACEHOLDER.length) throw new Error("PDF:en är för stor för en signatur.");
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).write(
    rangeText.padEnd(BYTE_RANGE_PLACEHOLDER.length, " "),
    rangeAt,
    "latin1",
  );
  const digest = createHash("sha256")
    .update(bytes.subarray(0, contentsStart))
    .update(bytes.subarray(contentsEnd))
    .digest();
  return { bytes, byteRange, digest, contentsAt: contentsStart + 1, contentsLength: opts.contentsLength };
}

/**
 * Fills the empty field `opts.fieldName`: the field (a merged field and widget, as the renderer
 * writes it) gets /V; SigFlags 3 is set if the AcroForm lacks it. Page, annotations and the
 * structure tree stay as they were.
 */
function prepareInExistingField(revision: PdfRevision, opts: SignatureFieldOptions): PreparedSignature {
  const { context, catalog } = revision.doc;
  let next = revision.nextObjectNumber;
  const updates: UpdateObject[] = [];
  const acroFormEntry = catalog.get(PDFName.of("AcroForm"));
  const acroForm = acroFormEntry === undefined ? undefined : context.lookup(acroFormEntry, PDFDict);
  const fieldsEntry = acroForm?.get(PDFName.of("Fields"));
  const fields = fieldsEntry === undefined ? undefined : context.lookup(fieldsEntry, PDFArray);
  const field = namedFields(revision, fields).find((f) => f.name === opts.fieldName);
  if (!acroForm || !field?.ref) throw new Error(`PDF:en har inget signaturfält "${opts.fieldName}".`);
  if (field.dict.get(PDFName.of("FT")) !== PDFName.of("Sig"))
    throw new Error(`Fältet "${opts.fieldName}" är inget signaturfält.`);
  if (field.dict.has(PDFName.of("V"))) throw new Error(`Signaturfältet "${opts.fieldName}" är redan signerat.`);
  const sigRef = PDFRef.of(next++);
  const widget = field.dict.clone(context);
  widget.set(PDFName.of("V"), sigRef);
  if (opts.appearance) {
    const rect = field.dict
      .lookup(PDFName.of("Rect"), PDFArray)
      .asArray()
      .map((n) => (n instanceof PDFNumber ? n.asNumber() : 0)) as [number, number, number, number];
    const drawn = appearanceObjects(context, next, rect, opts.appearance);
    next = drawn.next;
    updates.push(...drawn.objects);
    widget.set(PDFName.of("AP"), context.obj({ N: drawn.ref }));
  }
  updates.push({ ref: field.ref, body: serialize(widget) });
  const flags = acroForm.lookupMaybe(PDFName.of("SigFlags"), PDFNumber)?.asNumber() ?? 0;
  if ((flags & 3) !== 3) {
    if (!(acroFormEntry instanceof PDFRef)) throw new Error("PDF:ens AcroForm ligger inte i ett eget objekt.");
    const updated = acroForm.clone(context);
    updated.set(PDFName.of("SigFlags"), PDFNumber.of(flags | 3));
    updates.push({ ref: acroFormEntry, body: serialize(updated) });
  }
  return finishPrepared(revision, updates, next, sigRef, opts);
}

export async function prepareSignature(pdf: Uint8Array, opts: SignatureFieldOptions): Promise<PreparedSignature> {
  const revision = await openRevision(pdf);
  if (opts.existingField) return prepareInExistingField(revision, opts);
  const { context, catalog } = revision.doc;
  let next = revision.nextObjectNumber;
  const allocate = () => PDFRef.of(next++);
  const updates: UpdateObject[] = [];
  const update = (ref: PDFRef, object: PDFObject) => updates.push({ ref, body: serialize(object) });

  // The AcroForm: an indirect dictionary (updated), inline in the catalog, or none yet.
  const acroFormEntry = catalog.get(PDFName.of("AcroForm"));
  const acroForm =
    acroFormEntry === undefined ? (context.obj({}) as PDFDict) : context.lookup(acroFormEntry, PDFDict).clone(context);
  const fieldsEntry = acroForm.get(PDFName.of("Fields"));
  const fields = fieldsEntry === undefined ? context.obj([]) : context.lookup(fieldsEntry, PDFArray).clone(context);
  if (fieldNames(revision, fields).includes(opts.fieldName)) {
    throw new Error(`Signaturfältet "${opts.fieldName}" finns redan i PDF:en.`);
  }

  const pageRef = firstPageRef(revision);
  const page = context.lookup(pageRef, PDFDict).clone(context);
  const annotsEntry = page.get(PDFName.of("Annots"));
  const annots = annotsEntry === undefined ? context.obj([]) : context.lookup(annotsEntry, PDFArray).clone(context);

  const sigRef = allocate();
  const widgetRef = allocate();
  const appearanceRef = allocate();
  const widget = context.obj({
    Type: "Annot",
    Subtype: "Widget",
    FT: "Sig",
    T: textString(opts.fieldName),
    TU: textString(opts.description),
    V: sigRef,
    F: 4,
    Rect: [0, 0, 0, 0],
    P: pageRef,
    AP: { N: appearanceRef },
  });
  update(widgetRef, widget);
  // An empty form XObject: the widget has an appearance (PDF/A) that draws nothing.
  updates.push({
    ref: appearanceRef,
    body: Buffer.from(
      "<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 0 0]\n/Length 0\n>>\nstream\n\nendstream",
      "latin1",
    ),
  });

  annots.push(widgetRef);
  if (annotsEntry instanceof PDFRef) update(annotsEntry, annots);
  else page.set(PDFName.of("Annots"), annots);
  // PDF/UA: pages with annotations give the tab order by structure.
  page.set(PDFName.of("Tabs"), PDFName.of("S"));
  update(pageRef, page);

  fields.push(widgetRef);
  if (fieldsEntry instanceof PDFRef) update(fieldsEntry, fields);
  else acroForm.set(PDFName.of("Fields"), fields);
  acroForm.set(PDFName.of("SigFlags"), PDFNumber.of(3));
  if (acroFormEntry instanceof PDFRef) update(acroFormEntry, acroForm);
  else {
    const acroFormRef = allocate();
    update(acroFormRef, acroForm);
    const newCatalog = catalog.clone(context);
    newCatalog.set(PDFName.of("AcroForm"), acroFormRef);
    update(revision.root, newCatalog);
  }

  return finishPrepared(revision, updates, next, sigRef, opts);
}

/** Writes `der` into the placeholder (hex, zero-padded). */
export function fillSignature(prepared: PreparedSignature, der: Uint8Array): Uint8Array {
  if (der.length > prepared.contentsLength) throw new Error("Signaturen får inte plats i PDF:ens platshållare.");
  const out = prepared.bytes;
  Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(
    Buffer.from(der).toString("hex"),
    prepared.contentsAt,
    "latin1",
  );
  return out;
}
