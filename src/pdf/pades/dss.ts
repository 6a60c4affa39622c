/**
 * appendDss: the Document Security Store (ISO 32000-2 12.8.4.3, ETSI EN 319 142-1 5.4; PAdES
 * B-LT) in an incremental update: /DSS in the catalog with /Certs, /OCSPs and /CRLs, each an
 * array of streams holding one DER object (certificate, OCSPResponse, CRL). An existing DSS is
 * kept and extended; data already in it is not added twice. No /VRI (optional in PAdES).
 */
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } from "pdf-lib";
import { openRevision, serialize, writeUpdate, type UpdateObject } from "./pdf-update";

export interface DssData {
  /** X.509 certificates, DER: the chains of every signature and timestamp, OCSP responders. */
  certificates: Uint8Array[];
  /** OCSPResponse (RFC 6960), DER. */
  ocspResponses?: Uint8Array[];
  /** CertificateList (RFC 5280), DER. */
  crls?: Uint8Array[];
}

const KEYS = { certificates: "Certs", ocspResponses: "OCSPs", crls: "CRLs" } as const;

export async function appendDss(pdf: Uint8Array, data: DssData): Promise<Uint8Array> {
  const revision = await openRevision(pdf);
  const { context, catalog } = revision.doc;
  let next = revision.nextObjectNumber;
  const updates: UpdateObject[] = [];

  const dssEntry = catalog.get(PDFName.of("DSS"));
  const dss = dssEntry === undefined ? (context.obj({}) as PDFDict) : context.lookup(dssEntry, PDFDict).clone(context);
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const items = data[field] ?? [];
    const arrayEntry = dss.get(PDFName.of(key));
    const array = arrayEntry === undefined ? context.obj([]) : context.lookup(arrayEntry, PDFArray).clone(context);
    // What the store holds already (our streams are unfiltered).
    const present = new Set<string>();
    for (const item of array.asArray()) {
      const stream = context.lookup(item);
      if (stream instanceof PDFRawStream && !stream.dict.has(PDFName.of("Filter"))) {
        present.add(Buffer.from(stream.getContents()).toString("base64"));
      }
    }
    let added = 0;
    for (const der of items) {
      const id = Buffer.from(der).toString("base64");
      if (present.has(id)) continue;
      present.add(id);
      const ref = PDFRef.of(next++);
      const body = Buffer.concat([
        Buffer.from(`<<\n/Length ${der.length}\n>>\nstream\n`, "latin1"),
        Buffer.from(der),
        Buffer.from("\nendstream", "latin1"),
      ]);
      updates.push({ ref, body });
      array.push(ref);
      added++;
    }
    if (added === 0) continue;
    if (arrayEntry instanceof PDFRef) updates.push({ ref: arrayEntry, body: serialize(array) });
    else dss.set(PDFName.of(key), array);
  }
  if (updates.length === 0) return pdf;

  dss.set(PDFName.of("Type"), PDFName.of("DSS"));
  if (dssEntry instanceof PDFRef) updates.push({ ref: dssEntry, body: serialize(dss) });
  else {
    const dssRef = PDFRef.of(next++);
    updates.push({ ref: dssRef, body: serialize(dss) });
    const newCatalog = catalog.clone(context);
    newCatalog.set(PDFName.of("DSS"), dssRef);
    updates.push({ ref: revision.root, body: serialize(newCatalog) });
  }
  return writeUpdate(revision, updates, next).bytes;
}
