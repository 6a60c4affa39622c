// The scanned PDF of a historical protocol as an HTTP response: the bytes as registered, never
// re-rendered or sealed (it was not signed here), with its SHA-256 as ETag.
import { storedPdfResponse } from "@/server/pdf-response";
import type { HistoricalPdf } from "./historical.queries";

/** "Protokoll 2019-03-14 åäö.pdf" → an ASCII fallback and the UTF-8 name (RFC 6266/5987). */
function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "protokoll.pdf";
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function historicalPdfResponse(req: Request, pdf: HistoricalPdf | null, cacheControl: string): Response {
  if (!pdf) {
    return new Response("Protokollet finns inte.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
    });
  }
  return storedPdfResponse(req, pdf, { cacheControl, contentDisposition: contentDisposition(pdf.fileName) });
}
