// A stored PDF as an HTTP response: its SHA-256 as ETag (304 when the client has it), nosniff,
// and the caller's caching and file name. Shared by the protocol PDFs and the scanned protocols.

export interface StoredPdf {
  bytes: Uint8Array;
  sha256: string;
}

export function storedPdfResponse(
  req: Request,
  pdf: StoredPdf,
  options: { cacheControl: string; contentDisposition: string; noindex?: boolean },
): Response {
  const headers = {
    "cache-control": options.cacheControl,
    etag: `"${pdf.sha256}"`,
    "x-content-type-options": "nosniff",
    // The organisation's rule for old public copies (domain/publication/retention.ts).
    ...(options.noindex ? { "x-robots-tag": "noindex" } : {}),
  };
  const known = req.headers
    .get("if-none-match")
    ?.split(",")
    .some((tag) => tag.trim().replace(/^W\//, "") === headers.etag);
  if (known) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      ...headers,
      "content-type": "application/pdf",
      "content-length": String(pdf.bytes.length),
      "content-disposition": options.contentDisposition,
    },
  });
}
