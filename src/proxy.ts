import { NextResponse, type NextRequest } from "next/server";
import { workspaceCsp } from "@/server/csp.mjs";

// The largest request body the app takes: a 20 MB bilaga or PDF to verify, plus the form's other
// fields. Next.js buffers what goes through this proxy only up to `proxyClientMaxBodySize`
// (next.config.mjs, the same 21 MB) and silently cuts the rest, which made every upload over
// 10 MB a bare 500; a larger body is refused here by its declared length, before it is read.
const MAX_BODY_BYTES = 21 * 1024 * 1024;

// A path with broken percent-encoding (e.g. "/protokoll/%zz") would make Next.js fail while
// decoding the dynamic segment and answer a bare 500. Answer 400 with a Swedish sentence instead.
// Workspace pages get a Content-Security-Policy with a fresh nonce (src/server/csp.mjs).
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge(pathname);
  try {
    decodeURIComponent(pathname);
  } catch {
    return text("Adressen är felaktigt kodad.", 400);
  }
  if (isPublic(pathname)) return NextResponse.next();
  // Next.js reads the nonce from the request's header and puts it on every script it renders; the
  // response's header (replacing next.config.mjs's no-script policy) lets the browser run them.
  const csp = workspaceCsp(
    btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18)))),
    process.env.NODE_ENV === "development",
  );
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

// The matcher's public entries: the API (no pages), protocol addresses with a "%" and the
// verification form's posts (they keep the public no-script policy), also under an
// organisation's address (/<org>/protokoll/…, /<org>/verifiera).
const WORKSPACE_PREFIX =
  /^\/(logga-in|att-justera|konto|mina-moten|arenden|moten|organ|admin|plattform|signering)(\/|$)/;
const isPublic = (pathname: string) =>
  /^\/(api|protokoll|verifiera)(\/|$)/.test(pathname) ||
  (/^\/[^/]+\/(protokoll|verifiera)(\/|$)/.test(pathname) && !WORKSPACE_PREFIX.test(pathname));

/**
 * A body over the limit, as a page: the public pages run no script (src/server/csp.mjs), so the
 * verification form posts without JavaScript and its reader must see a sentence and a way back.
 */
function tooLarge(pathname: string) {
  const back = /^\/[a-z0-9/åäö-]*$/i.test(pathname) ? pathname : "/";
  const html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Filen är för stor – Paragraf</title></head><body><main><h1>Filen är för stor</h1><p role="status">Filen är för stor: den är större än 20 MB och togs inte emot. Ett protokoll eller en bilaga får vara högst 20 MB.</p><p><a href="${back}">Tillbaka</a></p></main></body></html>`;
  return new NextResponse(html, { status: 413, headers: { "content-type": "text/html; charset=utf-8" } });
}

function text(body: string, status: number) {
  return new NextResponse(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

// The workspace ((app) routes: rendered per request anyway, so a nonce costs nothing), plus public
// addresses only where needed: the API, protocol addresses only when they contain a "%", and the
// verification form's posts (for their size; the page itself stays prerendered and never passes
// here). The proxy costs about as much as serving a cached page, and the public pages must stay
// fast (an unknown or malformed slug is a 404 from the page itself, never cached). A workspace
// route missing here keeps next.config.mjs's policy and runs no script: add it.
export const config = {
  matcher: [
    "/",
    "/logga-in",
    "/att-justera",
    "/konto",
    "/mina-moten/:path*",
    "/arenden/:path*",
    "/protokoll/:path(.*%.*)",
    "/:org/protokoll/:path(.*%.*)",
    // An organisation's address with a "%" (its segment is decoded like a slug's).
    "/:org([^/]*%[^/]*)/:path*",
    "/moten/:path*",
    "/organ/:path*",
    "/admin/:path*",
    "/plattform",
    "/signering/:path*",
    "/api/:path*",
    // The public live stream's page (issue 20): rendered per request, it runs its own script (the
    // live update) under this request's nonce; every other public page runs none.
    "/:org/moten/:slug/live",
    // Posts with a file: with JavaScript (next-action) or as a plain form (multipart, no header).
    { source: "/verifiera", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/verifiera", has: [{ type: "header", key: "next-action" }] },
    { source: "/:org/verifiera", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
    { source: "/:org/verifiera", has: [{ type: "header", key: "next-action" }] },
  ],
};
