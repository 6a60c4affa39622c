// The HTTP server `npm start` runs (instead of `next start`): Next.js's own request handler
// behind a Node.js server that decides the client's address from the socket, so a client cannot
// choose the address the audit log and the rate limits see (src/server/trust-proxy.mjs).
// Plain JavaScript: it starts with `node`, without a compiler in the serving process.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import next from "next";
import { stripScriptsFromNoScriptPages } from "../src/server/no-script-html.mjs";
import { logContextStorage, observeResponse, REQUEST_ID_HEADER, requestIdFor } from "../src/server/request-id.mjs";
import { ownShutdown, runShutdown } from "../src/server/shutdown.mjs";
import { NO_SCOPE, tenancyStorage } from "../src/server/tenancy-scope.mjs";
import {
  applyClientAddress,
  CLIENT_ADDRESS_MARK,
  parseTrustProxy,
  TrustProxyError,
} from "../src/server/trust-proxy.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `node scripts/serve.mjs [--port N] [--hostname H]`; the port defaults to PORT, then 3000.
const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg("port") ?? process.env.PORT ?? 3000);
const hostname = arg("hostname");

let trust;
try {
  trust = parseTrustProxy(process.env.TRUST_PROXY);
} catch (e) {
  if (e instanceof TrustProxyError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

// Handlers believe the address header only in a process where this server removed forged ones.
globalThis[CLIENT_ADDRESS_MARK] = true;

// This server stops the process (below): background work registered with onShutdown is awaited.
ownShutdown();

const app = next({ dev: false, dir: ROOT, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

// No page of ours needs an address this long (a search query is a few hundred characters). A
// longer one gets a short Swedish answer instead of reaching Next.js, whose trailing-slash
// redirect would otherwise repeat it twice in the response headers (Location and Refresh).
const MAX_URL_LENGTH = 6_144;

// Compression here rather than in Next.js (compress: false in next.config.mjs), so that it comes
// after the no-script pages lose their scripts (src/server/no-script-html.mjs): compression wraps
// the response first, the script removal inside it, and Next.js writes into the latter.
const compress = compression();

const logContext = logContextStorage();
const tenancy = tenancyStorage();

const server = http.createServer((req, res) => {
  // The request id (from a trusted proxy, or new), in the response and on every log line of it;
  // the response counted in the metrics (src/server/request-id.mjs, src/server/metrics.ts).
  const requestId = requestIdFor(req, trust);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  observeResponse(req, res, process.hrtime.bigint());
  // Each request starts seeing no organisation's data; it enters one once it knows whose it reads
  // (src/server/tenancy.ts; the database pool hands it to row-level security).
  logContext.run({ requestId }, () => tenancy.run({ scope: NO_SCOPE }, () => serve(req, res)));
});

function serve(req, res) {
  if ((req.url ?? "").length > MAX_URL_LENGTH) {
    res.writeHead(414, { "content-type": "text/plain; charset=utf-8" });
    res.end("Adressen är för lång. Gå till startsidan och sök därifrån.");
    return;
  }
  applyClientAddress(req, trust);
  compress(req, res, () => {
    stripScriptsFromNoScriptPages(res);
    void handle(req, res);
  });
}
server.on("error", (e) => {
  console.error(e.code === "EADDRINUSE" ? `Port ${port} används redan av ett annat program.` : e);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const proxies = trust.entries.length ? ` Betrodda proxyer (TRUST_PROXY): ${trust.entries.join(", ")}.` : "";
  console.log(`Paragraf svarar på http://${hostname ?? "localhost"}:${port}.${proxies}`);
});

// At most this long for the job queue's current work (a mail being sent) before exiting anyway.
const SHUTDOWN_MS = 15_000;
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void runShutdown(SHUTDOWN_MS)
      .then((unfinished) => {
        if (unfinished) console.error(`${unfinished} bakgrundsarbete hann inte avslutas inom ${SHUTDOWN_MS / 1000} s.`);
      })
      .then(() => app.close())
      .finally(() => process.exit(0));
  });
}
