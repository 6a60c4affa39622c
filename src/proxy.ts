import { NextResponse, type NextRequest } from "next/server";

// A path with broken percent-encoding (e.g. "/protokoll/%zz") would make Next.js fail while
// decoding the dynamic segment and answer a bare 500. Answer 400 with a Swedish sentence instead.
export function proxy(request: NextRequest) {
  let path: string;
  try {
    path = decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return text("Adressen är felaktigt kodad.", 400);
  }
  // Public protocol pages are cached per slug after their first render: a slug that cannot be a
  // meeting is answered here, so hostile URLs never reach the page cache.
  const slug = /^\/protokoll\/([^/]+)/.exec(path)?.[1];
  if (slug !== undefined && !MEETING_SLUG.test(slug)) return text("Protokollet finns inte.", 404);
  return NextResponse.next();
}

// The same rule as isMeetingSlug in src/modules/public/public.rules.ts (kept here so the proxy
// bundle stays free of application modules).
const MEETING_SLUG = /^[a-z0-9åäö][a-z0-9åäö-]{0,150}$/;

function text(body: string, status: number) {
  return new NextResponse(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

// Only the routes with dynamic segments; static files and the notice board go straight through.
export const config = {
  matcher: ["/protokoll/:path+", "/moten/:path*", "/organ/:path*", "/admin/:path*", "/api/:path*"],
};
