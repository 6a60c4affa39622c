import { NextResponse, type NextRequest } from "next/server";

// A path with broken percent-encoding (e.g. "/protokoll/%zz") would make Next.js fail while
// decoding the dynamic segment and answer a bare 500. Answer 400 with a Swedish sentence instead.
export function proxy(request: NextRequest) {
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

// Only routes with dynamic segments. Public protocol addresses only when they contain a "%": the
// proxy costs about as much as serving a cached page, and the public pages must stay fast (an
// unknown or malformed slug is a 404 from the page itself, never cached).
export const config = {
  matcher: ["/protokoll/:path(.*%.*)", "/moten/:path*", "/organ/:path*", "/admin/:path*", "/api/:path*"],
};
