/**
 * appendDocumentTimestamp: a document timestamp (PAdES B-LTA, ETSI EN 319 142-1 5.4): a signature
 * field whose /Contents is an RFC 3161 TimeStampToken over the SHA-256 of the whole revision
 * (/Type /DocTimeStamp, /SubFilter ETSI.RFC3161). Added after the DSS, it seals the validation
 * data too; a later one (before the TSA's certificate expires) renews the archive.
 */
import { readTimestampToken, type TimestampFn } from "./cms";
import { fillSignature, prepareSignature } from "./signature-field";

export interface DocumentTimestampOptions {
  /** The field's /T (default "Dokumenttidsstämpel <n>"). */
  fieldName?: string;
  /** Bytes reserved for the token (default 6144); too little costs one more attempt. */
  reserve?: number;
}

export async function appendDocumentTimestamp(
  pdf: Uint8Array,
  timestamp: TimestampFn,
  opts: DocumentTimestampOptions = {},
): Promise<Uint8Array> {
  let contentsLength = opts.reserve ?? 6144;
  const count = (
    Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
      .toString("latin1")
      .match(/\/DocTimeStamp/g) ?? []
  ).length;
  const fieldName = opts.fieldName ?? `Dokumenttidsstämpel ${count + 1}`;
  for (let attempt = 0; ; attempt++) {
    const prepared = await prepareSignature(pdf, {
      fieldName,
      description: "Dokumenttidsstämpel för långtidsvalidering",
      dictionaryEntries: ["/Type /DocTimeStamp", "/Filter /Adobe.PPKLite", "/SubFilter /ETSI.RFC3161"],
      contentsLength,
    });
    const token = await timestamp(prepared.digest);
    const { imprint } = readTimestampToken(token);
    if (!Buffer.from(imprint).equals(prepared.digest)) throw new Error("Tidsstämpeln gäller inte det här dokumentet.");
    if (token.length <= contentsLength) return fillSignature(prepared, token);
    if (attempt > 0) throw new Error("Tidsstämpeln blev större än platsen som reserverats för den.");
    contentsLength = token.length + 256;
  }
}
