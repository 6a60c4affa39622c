// The request id (X-Request-Id), decided by the HTTP server in front of Next.js (scripts/serve.mjs;
// plain JavaScript like trust-proxy.mjs): the id a trusted proxy (TRUST_PROXY) sent, if it is a
// sane token, else a new one. A client that is not a trusted proxy cannot choose it (it could
// otherwise plant ids in the logs). It goes back in the response's X-Request-Id and onto every
// log line of the request (src/server/log.ts reads the same AsyncLocalStorage).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";
const SANE = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id for `req`: the trusted proxy's (when sane) or a new UUID; set on the request's headers. */
export function requestIdFor(req, trust) {
  const sent = req.headers[REQUEST_ID_HEADER];
  const fromProxy = trust.isTrusted(req.socket.remoteAddress ?? "") && typeof sent === "string" && SANE.test(sent);
  const id = fromProxy ? sent : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  return id;
}

/** The log context store shared with src/server/log.ts (the same symbol on globalThis). */
export function logContextStorage() {
  const key = Symbol.for("paragraf.logContext");
  return (globalThis[key] ??= new AsyncLocalStorage());
}

/** Reports a finished response to src/server/metrics.ts, once that has installed its observer. */
export function observeResponse(req, res, startedAt) {
  res.once("finish", () => {
    const observe = globalThis[Symbol.for("paragraf.http.observe")];
    if (typeof observe !== "function") return;
    observe({
      method: req.method ?? "GET",
      path: req.url ?? "/",
      status: res.statusCode,
      seconds: Number(process.hrtime.bigint() - startedAt) / 1e9,
    });
  });
}
