/**
 * Seals a finished PDF with the organisation's certificate: a PAdES baseline B-B signature
 * (ETSI EN 319 142-1). Checked with pdfsig (poppler/NSS) and `openssl cms -verify`.
 *
 * - The placeholder is added with pdf-lib (@signpdf/placeholder-pdf-lib): an invisible signature
 *   field (widget with a zero rectangle and an empty appearance, print flag set, as PDF/A wants)
 *   on page 1, its /Sig dictionary with SubFilter ETSI.CAdES.detached and /M = signingTime, in the
 *   AcroForm with SigFlags 3. The rest of the document (XMP, output intent, fonts, info
 *   dictionary, trailer ID) is loaded and written back untouched: no JavaScript, no encryption,
 *   so a PDF/A-2b input stays PDF/A-2b (ISO 19005-2 allows signatures, 6.4.3).
 * - In a tagged PDF (tagging.ts) the widget is in the structure tree, as PDF/UA-1 7.18.1 and 7.18.4
 *   want for an annotation that is not hidden: a Form element (with /Alt) at the end of the
 *   Document, its kid an OBJR to the widget, the widget's /StructParent a new ParentTree key, and
 *   the field's /TU its description. Hiding the widget instead (the Hidden flag, which exempts it)
 *   is not open to us: PDF/A-2 (ISO 19005-2 6.3.2) wants the Print flag set and Hidden, Invisible,
 *   NoView and ToggleNoView clear. Pages keep /Tabs /S from the tagging.
 * - @signpdf/signpdf fills the ByteRange and hands the signed bytes to CadesSigner below, which
 *   builds the CMS SignedData itself: @signpdf/signer-p12 (node-forge's PKCS#7) writes
 *   adbe.pkcs7.detached-style attributes (signing-time, no signing certificate), and node-forge
 *   cannot encode any other attribute. CAdES-B-B as PAdES wants it: content-type, message-digest
 *   and ESS signing-certificate-v2 (SHA-256 of the certificate, issuer and serial) as signed
 *   attributes, and no CMS signing-time (PAdES forbids it; the claimed time is /M).
 * - node-forge only opens the PKCS#12 (pkcs12.ts, shared with the signing CA); hashing and the
 *   signature itself use node:crypto (RSA PKCS#1 v1.5 or ECDSA, SHA-256).
 *
 * Deterministic for RSA keys: the same PDF, certificate and signingTime give the same bytes.
 * Not done here: signature timestamps (B-T), revocation data / DSS (B-LT, B-LTA).
 */
import { createHash, type KeyObject, sign as cryptoSign } from "node:crypto";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { openPkcs12 } from "./pkcs12";
import { SignPdf, Signer } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from "pdf-lib";

export interface SealOptions {
  /** PKCS#12 (PFX) with the private key and its certificate (chain), see seal-certificate.ts. */
  p12: Uint8Array;
  passphrase: string;
  /** /Reason, e.g. "Justerat protokoll". */
  reason: string;
  /** /Name: who seals, e.g. the organisation. */
  name: string;
  /** /Location, e.g. the organisation's town. */
  location: string;
  /** The claimed signing time, written as /M (the caller's clock, never read here). */
  signingTime: Date;
}

// ---------------------------------------------------------------------------------------------
// DER: the few constructions CMS needs, and a reader for certificates
// ---------------------------------------------------------------------------------------------

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const seq = (...content: Buffer[]) => tlv(0x30, ...content);
/** SET OF in DER order (ascending encodings, X.690 11.6). */
const setOf = (items: Buffer[]) => tlv(0x31, ...[...items].sort(Buffer.compare));
const octets = (bytes: Buffer) => tlv(0x04, bytes);
const smallInt = (n: number) => tlv(0x02, Buffer.from([n]));
const NULL = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const parts = dotted.split(".").map(Number);
  const bytes = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  ecdsaWithSHA256: "1.2.840.10045.4.3.2",
};

interface Node {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

function readNode(der: Buffer, offset: number): Node {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f)
    throw new Error("Ogiltig DER-kodning i certifikatet.");
  let length = first;
  let contentStart = offset + 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new Error("Ogiltig DER-längd i certifikatet.");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[contentStart + i] ?? 0);
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > der.length) throw new Error("Avkortad DER-kodning i certifikatet.");
  return { tag, start: offset, contentStart, end };
}

function children(der: Buffer, node: Node): Node[] {
  const out: Node[] = [];
  for (let at = node.contentStart; at < node.end;) {
    const child = readNode(der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

const raw = (der: Buffer, node: Node) => der.subarray(node.start, node.end);

/** TBSCertificate's serialNumber, signature (AlgorithmIdentifier) and issuer, as encoded. */
function tbsFields(der: Buffer, tbs: Node): { serial: Buffer; algorithm: Buffer; issuer: Buffer } {
  const fields = children(der, tbs);
  const at = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] version
  const [serial, algorithm, issuer] = [fields[at], fields[at + 1], fields[at + 2]];
  if (!serial || !algorithm || !issuer) throw new Error("Certifikatet saknar utfärdare eller serienummer.");
  return { serial: raw(der, serial), algorithm: raw(der, algorithm), issuer: raw(der, issuer) };
}

// ---------------------------------------------------------------------------------------------
// The signer's identity, from PKCS#12
// ---------------------------------------------------------------------------------------------

interface SealIdentity {
  key: KeyObject;
  /** SignerInfo.signatureAlgorithm (DER). */
  signatureAlgorithm: Buffer;
  /** The certificates to embed (DER): the signing certificate and the rest of the chain. */
  certificates: Buffer[];
  issuer: Buffer;
  serial: Buffer;
  /** SHA-256 of the signing certificate, for ESS signing-certificate-v2. */
  certHash: Buffer;
  /** Upper bound of the CMS length in bytes: sizes the /Contents placeholder. */
  maxCmsLength: number;
}

function signatureShape(key: KeyObject): { algorithm: Buffer; maxLength: number } {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") {
    return {
      algorithm: seq(oid(OID.sha256WithRSAEncryption), NULL),
      maxLength: Math.ceil((details.modulusLength ?? 4096) / 8),
    };
  }
  if (key.asymmetricKeyType === "ec") {
    const bits = { prime256v1: 256, secp384r1: 384, secp521r1: 521 }[details.namedCurve ?? ""] ?? 521;
    const n = Math.ceil(bits / 8) + 1; // INTEGER r and s, each possibly with a leading zero
    return { algorithm: seq(oid(OID.ecdsaWithSHA256)), maxLength: 2 * (n + 3) + 4 };
  }
  throw new Error(
    `Sigillcertifikatets nyckeltyp (${key.asymmetricKeyType ?? "okänd"}) stöds inte; använd RSA eller EC.`,
  );
}

function parseP12(p12: Uint8Array, passphrase: string): SealIdentity {
  const { key, certificate, chain } = openPkcs12(p12, passphrase, "Sigillcertifikatet (PKCS#12)");
  const signing = Buffer.from(certificate);
  const tbs = readNode(signing, readNode(signing, 0).contentStart);
  const { issuer, serial } = tbsFields(signing, tbs);
  const { algorithm, maxLength } = signatureShape(key);
  const identity: SealIdentity = {
    key,
    signatureAlgorithm: algorithm,
    // The signing certificate first, then its chain.
    certificates: [signing, ...chain.map((c) => Buffer.from(c))],
    issuer,
    serial,
    certHash: createHash("sha256").update(signing).digest(),
    maxCmsLength: 0,
  };
  identity.maxCmsLength = buildCms(identity, Buffer.alloc(32), () => Buffer.alloc(maxLength)).length;
  return identity;
}

/** Parsed identities by hash of file and passphrase: opening a PKCS#12 costs tens of ms. */
const identities = new Map<string, SealIdentity>();

function loadIdentity(p12: Uint8Array, passphrase: string): SealIdentity {
  const cacheKey = createHash("sha256").update(p12).update("\0").update(passphrase).digest("hex");
  let identity = identities.get(cacheKey);
  if (!identity) {
    identity = parseP12(p12, passphrase);
    if (identities.size >= 8) identities.delete(identities.keys().next().value!);
    identities.set(cacheKey, identity);
  }
  return identity;
}

// ---------------------------------------------------------------------------------------------
// CMS SignedData (RFC 5652) with CAdES-B-B signed attributes (ETSI EN 319 122-1)
// ---------------------------------------------------------------------------------------------

function buildCms(identity: SealIdentity, digest: Buffer, signBytes: (data: Buffer) => Buffer): Buffer {
  const sha256 = seq(oid(OID.sha256));
  const attribute = (type: string, value: Buffer) => seq(oid(type), setOf([value]));
  // SigningCertificateV2 { certs [ ESSCertIDv2 { certHash (hashAlgorithm: default SHA-256),
  //   issuerSerial { GeneralNames [ directoryName [4] issuer ], serialNumber } } ] }
  const essCertId = seq(octets(identity.certHash), seq(seq(tlv(0xa4, identity.issuer)), identity.serial));
  const signedAttributes = setOf([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, seq(seq(essCertId))),
  ]);
  // The signature covers the attributes' DER with the SET OF tag; in SignerInfo they are [0] IMPLICIT.
  const signature = signBytes(signedAttributes);
  const signerInfo = seq(
    smallInt(1),
    seq(identity.issuer, identity.serial),
    sha256,
    Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]),
    identity.signatureAlgorithm,
    octets(signature),
  );
  const signedData = seq(
    smallInt(1),
    setOf([sha256]),
    seq(oid(OID.data)), // detached: no eContent
    tlv(0xa0, ...identity.certificates),
    setOf([signerInfo]),
  );
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

/** @signpdf's Signer: gets the PDF without /Contents and returns the CMS. */
class CadesSigner extends Signer {
  constructor(private readonly identity: SealIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const digest = createHash("sha256").update(pdfBuffer).digest();
    return buildCms(this.identity, digest, (data) => cryptoSign("sha256", data, this.identity.key));
  }
}

// ---------------------------------------------------------------------------------------------
// The PDF side
// ---------------------------------------------------------------------------------------------

/**
 * A text string's body for pdf-lib's PDFString, which writes its value unescaped: printable
 * ASCII with ( ) \ escaped, anything else as UTF-16BE with BOM in octal escapes.
 */
function pdfText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/[\\()]/g, (c) => `\\${c}`);
  const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
  return Array.from(bytes, (b) => `\\${b.toString(8).padStart(3, "0")}`).join("");
}

function isSigned(doc: PDFDocument): boolean {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of("AcroForm"), PDFDict);
  const flags = acroForm?.lookupMaybe(PDFName.of("SigFlags"), PDFNumber);
  return flags !== undefined && (flags.asNumber() & 1) === 1;
}

import { SEAL_FIELD_DESCRIPTION } from "./protocol-model";
export { SEAL_FIELD_DESCRIPTION };

/** The page's last annotation: the widget pdflibAddPlaceholder has just added. */
function placeholderWidget(doc: PDFDocument): { ref: PDFRef; dict: PDFDict; page: PDFRef } {
  const page = doc.getPages()[0]!;
  const annots = page.node.lookup(PDFName.of("Annots"), PDFArray);
  const ref = annots.get(annots.size() - 1);
  if (!(ref instanceof PDFRef)) throw new Error("Sigillets signaturfält saknas på sidan 1.");
  const dict = doc.context.lookup(ref, PDFDict);
  if (dict.get(PDFName.of("Subtype")) !== PDFName.of("Widget")) throw new Error("Sigillets signaturfält saknas.");
  return { ref, dict, page: page.ref };
}

/** A /K value as a list of kids (a single kid, an array, or none). */
function kidsOf(dict: PDFDict, doc: PDFDocument): PDFArray {
  const k = dict.get(PDFName.of("K"));
  if (k instanceof PDFArray) return k;
  const array = doc.context.obj([]);
  if (k !== undefined) array.push(k);
  dict.set(PDFName.of("K"), array);
  return array;
}

/**
 * Puts the signature widget in the structure tree of a tagged PDF (PDF/UA-1 7.18.1, 7.18.4): a
 * Form element with an OBJR at the end of the Document element, the widget's /StructParent a new
 * key of the ParentTree pointing at it. An untagged PDF only gets the field's /TU.
 */
function tagSignatureWidget(doc: PDFDocument): void {
  const widget = placeholderWidget(doc);
  widget.dict.set(PDFName.of("TU"), PDFString.of(pdfText(SEAL_FIELD_DESCRIPTION)));
  const treeRoot = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!treeRoot) return;
  const rootRef = doc.catalog.get(PDFName.of("StructTreeRoot"));
  // The Document element (tagging.ts writes exactly one under the root), else the root itself.
  const top = treeRoot.get(PDFName.of("K"));
  const documentElem = top instanceof PDFRef ? doc.context.lookupMaybe(top, PDFDict) : undefined;
  const [parentRef, parent] =
    top instanceof PDFRef && documentElem ? [top, documentElem] : [rootRef as PDFRef, treeRoot];

  const parentTree = treeRoot.lookup(PDFName.of("ParentTree"), PDFDict);
  const nextKey = treeRoot.lookupMaybe(PDFName.of("ParentTreeNextKey"), PDFNumber)?.asNumber() ?? 0;
  const nums = parentTree.lookupMaybe(PDFName.of("Nums"), PDFArray);
  // Keys in a number tree ascend; a key at or past every page's is the next one free.
  let key = nextKey;
  if (nums) {
    for (let i = 0; i < nums.size(); i += 2) {
      const k = nums.lookup(i, PDFNumber).asNumber();
      if (k >= key) key = k + 1;
    }
  }
  const form = doc.context.obj({
    Type: "StructElem",
    S: "Form",
    P: parentRef,
    Pg: widget.page,
    Alt: PDFString.of(pdfText(SEAL_FIELD_DESCRIPTION)),
    K: doc.context.obj({ Type: "OBJR", Obj: widget.ref, Pg: widget.page }),
  });
  const formRef = doc.context.register(form);
  kidsOf(parent, doc).push(formRef);
  if (nums) {
    nums.push(PDFNumber.of(key));
    nums.push(formRef);
  } else {
    // A ParentTree with /Kids: one more leaf for the new key.
    const kids = parentTree.lookup(PDFName.of("Kids"), PDFArray);
    kids.push(
      doc.context.register(
        doc.context.obj({ Limits: [PDFNumber.of(key), PDFNumber.of(key)], Nums: [PDFNumber.of(key), formRef] }),
      ),
    );
  }
  treeRoot.set(PDFName.of("ParentTreeNextKey"), PDFNumber.of(key + 1));
  widget.dict.set(PDFName.of("StructParent"), PDFNumber.of(key));
}

/** Seals `pdf` (PDF/A-2b from renderProtocolPdf) with a PAdES B-B signature. */
export async function sealPdf(pdf: Uint8Array, opts: SealOptions): Promise<Uint8Array> {
  if (Number.isNaN(opts.signingTime.getTime())) throw new Error("Ogiltig tidpunkt för förseglingen.");
  const identity = loadIdentity(opts.p12, opts.passphrase);
  // updateMetadata: false keeps the info dictionary (and so its match with the XMP) as it is.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (isSigned(doc)) throw new Error("PDF:en är redan förseglad; en ny försegling skulle bryta den första.");
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfText(opts.reason),
    contactInfo: "",
    name: pdfText(opts.name),
    location: pdfText(opts.location),
    signingTime: opts.signingTime,
    // In hex digits; a little room beyond the computed bound.
    signatureLength: 2 * (identity.maxCmsLength + 32),
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Paragraf",
  });
  tagSignatureWidget(doc);
  const prepared = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
  const signed = await new SignPdf().sign(
    Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength),
    new CadesSigner(identity),
    opts.signingTime,
  );
  return new Uint8Array(signed);
}
