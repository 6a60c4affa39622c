import { NextResponse, type NextRequest } from "next/server";

// The largest request body the app takes: a 20 MB bilaga or PDF to verify, plus the form's other
// fields. Next.js buffers what goes through this proxy only up to `proxyClientMaxBodySize`
// (next.config.mjs, the same 21 MB) and silently cuts the rest, which made every upload over
// 10 MB a bare 500; a larger body is refused here by its declared length, before it is read.
const MAX_BODY_BYTES = 21 * 1024 * 1024;

// A path with broken percent-encoding (e.g. "/protokoll/%zz") would make Next.js fail while
// decoding the dynamic segment and answer a bare 500. Answer 400 with a Swedish sentence instead.
export function proxy(request: NextRequest) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return text("Filen är för stor: högst 20 MB kan skickas.", 413);
  }
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return text("Adressen är felaktigt kodad.", 400);
  }
  return NextResponse.next();
}

function text(body: string, status: number) {
  return new NextResponse(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

// Only routes with dynamic segments, and the verification form's posts (for their size; the page
// itself stays prerendered and never passes here). Public protocol addresses only when they
// contain a "%": the proxy costs about as much as serving a cached page, and the public pages must stay fast (an
// unknown or malformed slug is a 404 from the page itself, never cached).
export const config = {
  matcher: ["/protokoll/:path(.*%.*)", "/moten/:path*", "/organ/:path*", "/admin/:path*", "/api/:path*", { source: "/verifiera", has: [{ type: "header", key: "next-action" }] }],
};
