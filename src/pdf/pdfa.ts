/**
 * PDF/A-2b: XMP metadata that mirrors the document information dictionary, an sRGB output
 * intent, the document language, and a trailer ID derived from the input. PDF/A (ISO 19005-2) is
 * the preservation format Riksarkivet accepts (RA-FS 2009:2). Dates come from the caller, never
 * from the clock, and the ID from the content, so the same protocol gives byte-identical files.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from "pdf-lib";

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag of the text, e.g. "sv-SE". */
  language: string;
  /** Creation and modification instant: an ISO date ("2021-11-18") or instant ("…T14:03:00Z"). */
  date: string;
  /** The trailer /ID (32 hex digits), derived from the content by the writer. */
  id: string;
}

export const PRODUCER = "Paragraf (pdf-lib 1.17.1)";
export const CREATOR_TOOL = "Paragraf";

let iccProfile: Uint8Array | null = null;

function loadIccProfile(): Uint8Array {
  if (iccProfile) return iccProfile;
  const dirs: string[] = [];
  try {
    dirs.push(path.join(path.dirname(fileURLToPath(import.meta.url)), "icc"));
  } catch {
    // Bundled without file URLs: use the source tree.
  }
  dirs.push(path.join(process.cwd(), "src", "pdf", "icc"));
  for (const dir of dirs) {
    const file = path.join(dir, "sRGB.icc");
    if (existsSync(file)) {
      iccProfile = new Uint8Array(readFileSync(file));
      return iccProfile;
    }
  }
  throw new Error("ICC-profilen sRGB.icc saknas i src/pdf/icc.");
}

let iccCompressedCache: Uint8Array | null = null;
function compressedIccProfile(): Uint8Array {
  if (!iccCompressedCache) {
    const z = deflateSync(loadIccProfile(), { level: 9 });
    iccCompressedCache = new Uint8Array(z.buffer, z.byteOffset, z.byteLength);
  }
  return iccCompressedCache;
}

/** "2021-11-18" or "2021-12-16T14:03:00.000Z" → UTC parts. */
function parseInstant(value: string): { y: string; mo: string; d: string; h: string; mi: string; s: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!m) throw new Error(`Ogiltigt datum för PDF-metadata: ${value}`);
  let date = new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)),
  );
  const zone = m[7];
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.replace(/[+:-]/g, "");
    const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    date = new Date(date.getTime() - sign * offsetMin * 60_000);
  }
  const p = (n: number) => String(n).padStart(2, "0");
  return {
    y: String(date.getUTCFullYear()).padStart(4, "0"),
    mo: p(date.getUTCMonth() + 1),
    d: p(date.getUTCDate()),
    h: p(date.getUTCHours()),
    mi: p(date.getUTCMinutes()),
    s: p(date.getUTCSeconds()),
  };
}

export function pdfDate(value: string): string {
  const t = parseInstant(value);
  return `D:${t.y}${t.mo}${t.d}${t.h}${t.mi}${t.s}Z`;
}

export function xmpDate(value: string): string {
  const t = parseInstant(value);
  return `${t.y}-${t.mo}-${t.d}T${t.h}:${t.mi}:${t.s}Z`;
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * PDF/A allows only the XMP schemas it lists, and others declared in an extension schema: the
 * PDF/UA identification schema (ISO 14289-1, 5) is declared here, as PDF/UA-1 documents do.
 */
const PDFUA_EXTENSION = [
  '  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
  '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  "   <pdfaExtension:schemas>",
  "    <rdf:Bag>",
  '     <rdf:li rdf:parseType="Resource">',
  "      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>",
  "      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
  "      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
  "      <pdfaSchema:property>",
  "       <rdf:Seq>",
  '        <rdf:li rdf:parseType="Resource">',
  "         <pdfaProperty:name>part</pdfaProperty:name>",
  "         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>",
  "         <pdfaProperty:category>internal</pdfaProperty:category>",
  "         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>",
  "        </rdf:li>",
  "       </rdf:Seq>",
  "      </pdfaSchema:property>",
  "     </rdf:li>",
  "    </rdf:Bag>",
  "   </pdfaExtension:schemas>",
  "  </rdf:Description>",
  '  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
  "   <pdfuaid:part>1</pdfuaid:part>",
  "  </rdf:Description>",
];

/** The XMP packet; `tagged` claims PDF/A-2a and PDF/UA-1 (a tagged document), else PDF/A-2b. */
export function buildXmp(meta: PdfMetadata, tagged = false): string {
  const date = xmpDate(meta.date);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    "   <pdfaid:part>2</pdfaid:part>",
    `   <pdfaid:conformance>${tagged ? "A" : "B"}</pdfaid:conformance>`,
    "  </rdf:Description>",
    ...(tagged ? PDFUA_EXTENSION : []),
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "   <dc:format>application/pdf</dc:format>",
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    "  </rdf:Description>",
    '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `   <xmp:CreatorTool>${xml(CREATOR_TOOL)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    "  </rdf:Description>",
    '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `   <pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    `   <pdf:Keywords>${xml(meta.keywords.join(", "))}</pdf:Keywords>`,
    "  </rdf:Description>",
    " </rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ].join("\n");
}

/** Sets the info dictionary, XMP, output intent, language and trailer ID on `doc`. */
export function applyPdfA(doc: PDFDocument, meta: PdfMetadata, opts: { tagged?: boolean } = {}): void {
  const context = doc.context;
  const date = PDFString.of(pdfDate(meta.date));
  const info = context.obj({});
  info.set(PDFName.of("Title"), PDFHexString.fromText(meta.title));
  info.set(PDFName.of("Author"), PDFHexString.fromText(meta.author));
  info.set(PDFName.of("Subject"), PDFHexString.fromText(meta.subject));
  info.set(PDFName.of("Keywords"), PDFHexString.fromText(meta.keywords.join(", ")));
  info.set(PDFName.of("Creator"), PDFHexString.fromText(CREATOR_TOOL));
  info.set(PDFName.of("Producer"), PDFHexString.fromText(PRODUCER));
  info.set(PDFName.of("CreationDate"), date);
  info.set(PDFName.of("ModDate"), date);
  context.trailerInfo.Info = context.register(info);

  // The metadata stream stays uncompressed so that archive tools can read it without a PDF parser.
  const xmp = new TextEncoder().encode(buildXmp(meta, opts.tagged));
  const metadata = PDFRawStream.of(context.obj({ Type: "Metadata", Subtype: "XML" }) as PDFDict, xmp);

  const iccCompressed = compressedIccProfile();
  const iccStream = PDFRawStream.of(context.obj({ N: 3, Filter: "FlateDecode" }) as PDFDict, iccCompressed);
  const outputIntent = context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    Info: PDFString.of("sRGB IEC61966-2.1"),
    RegistryName: PDFString.of("http://www.color.org"),
    DestOutputProfile: context.register(iccStream),
  });

  const catalog = doc.catalog;
  catalog.set(PDFName.of("Metadata"), context.register(metadata));
  catalog.set(PDFName.of("OutputIntents"), context.obj([context.register(outputIntent)]));
  catalog.set(PDFName.of("Lang"), PDFString.of(meta.language));
  catalog.set(PDFName.of("ViewerPreferences"), context.obj({ DisplayDocTitle: true }));

  context.trailerInfo.ID = context.obj([PDFHexString.of(meta.id), PDFHexString.of(meta.id)]);
}
