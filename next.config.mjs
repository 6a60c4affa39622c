import { fileURLToPath } from "node:url";
import { noScriptCsp } from "./src/server/csp.mjs";

const securityHeaders = [
  // No script may run, unless src/proxy.ts replaces this with a per-request nonce (the workspace
  // pages): see src/server/csp.mjs. A page the proxy does not reach runs no script (fails closed).
  { key: "Content-Security-Policy", value: noScriptCsp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next.js's route cache, except that 404 pages are not stored (see the file).
  cacheHandler: fileURLToPath(new URL("./src/server/route-cache-handler.mjs", import.meta.url)),
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // What a shared cache in front (the TLS proxy, a CDN) may keep. Next.js's own headers say "a
      // year" for protocol pages, but only Next.js's cache hears a revalidation: after a rättelse or
      // new notice dates a proxy would keep serving the old page. The notice board follows the date.
      { source: "/anslagstavla", headers: [{ key: "Cache-Control", value: "public, max-age=0, s-maxage=30" }] },
      {
        source: "/protokoll/:slug",
        headers: [{ key: "Cache-Control", value: "public, max-age=0, s-maxage=60, stale-while-revalidate=60" }],
      },
      // The same per organisation (/<org>/anslagstavla, /<org>/protokoll/<slug>).
      { source: "/:org/anslagstavla", headers: [{ key: "Cache-Control", value: "public, max-age=0, s-maxage=30" }] },
      {
        source: "/:org/protokoll/:slug",
        headers: [{ key: "Cache-Control", value: "public, max-age=0, s-maxage=60, stale-while-revalidate=60" }],
      },
    ];
  },
  // Pages with a time-based revalidate (only the anslagstavla, 30 s) are never served older than
  // this: past it, the next request waits for a fresh render instead of getting the stale copy.
  expireTime: 60,
  reactStrictMode: true,
  poweredByHeader: false,
  // scripts/serve.mjs compresses, after the public pages have lost the scripts they may not run
  // (src/server/no-script-html.mjs); compressed here, they would reach it compressed.
  compress: false,
  // Next.js hashes the whole page for an ETag on every response it serves from the route cache;
  // for a 100 kB protocol page that costs more than the rest of the request. The cached public
  // pages are served without one (dynamic pages never had one).
  generateEtags: false,
  // Native/binary-heavy server packages load from node_modules instead of being bundled: faster
  // builds (toolchain.md measured 34 s → 17 s for pdf-lib) and the wasm/query compiler stays intact.
  serverExternalPackages: [
    "pdf-lib",
    "@pdf-lib/fontkit",
    "@signpdf/signpdf",
    "@signpdf/placeholder-pdf-lib",
    "@signpdf/utils",
    "node-forge",
    "@node-rs/argon2",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
  ],
  // Bilagor and protocols to verify (PDF, at most 20 MB each) go through server actions. The
  // proxy (src/proxy.ts) sees those bodies too and Next.js buffers them for it only up to
  // proxyClientMaxBodySize (default 10 MB, the rest silently cut): both limits are 20 MB plus
  // room for the other form fields, and the proxy refuses a larger body by its Content-Length.
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
  // `npm test` runs tsc over the whole project as its own step; not again inside the build.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
