// HTTP plumbing shared by the open data routes: the public base URL, JSON and error responses with
// the CORS header OParl asks for (any web client may read public data), and one wrapper that turns
// an unexpected failure into a Swedish JSON error instead of an HTML page. Each handler runs in a
// tenancy scope of its own (src/server/tenancy.ts): it enters the organisation of what it serves,
// and nothing it enters outlives it.
import type { PrismaClient } from "@/generated/prisma/client";
import { appBaseUrl } from "@/server/config";
import { getDb } from "@/server/db";
import { currentScope, runInScope } from "@/server/tenancy";

export const CORS_HEADERS = { "access-control-allow-origin": "*" } as const;

export function jsonResponse(body: unknown, init: { status?: number; cache?: string } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...CORS_HEADERS,
      // Short: a meeting becomes public the moment the last signature is in.
      "cache-control": init.cache ?? "public, max-age=60",
      "x-content-type-options": "nosniff",
    },
  });
}

export function errorResponse(status: 400 | 404 | 500, message: string): Response {
  return jsonResponse({ error: { status, message } }, { status, cache: "no-store" });
}

const CONTROL = /[\u0000-\u001f\u007f]/;

export const NOT_FOUND_MESSAGE = "Objektet finns inte eller är inte offentligt.";

export const notFound = (message = NOT_FOUND_MESSAGE) => errorResponse(404, message);

export interface OpenDataRequest {
  db: PrismaClient;
  url: URL;
  baseUrl: string;
  /** The request's If-None-Match header (conditional downloads). */
  ifNoneMatch: string | null;
}

/**
 * Runs a handler with the database and base URL; an unexpected error becomes a JSON 500. `params`
 * are the route's dynamic segments, checked like the path (Next.js hands them over decoded). The
 * handler starts in the request's scope (nothing, in the server: scripts/serve.mjs) in a store of
 * its own, so that the organisation it enters ends with it (a test or script calling handlers of
 * two organisations one after the other gets two answers, not an error).
 */
export async function serveOpenData(
  req: Request,
  handler: (r: OpenDataRequest) => Promise<Response>,
  params: Record<string, string> = {},
): Promise<Response> {
  const url = new URL(req.url);
  // Control characters (NUL above all, which PostgreSQL refuses) never name a public object.
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return errorResponse(400, "Adressen är felaktigt kodad.");
  }
  if (CONTROL.test(path) || Object.values(params).some((v) => CONTROL.test(v))) return notFound();
  if ([...url.searchParams.values()].some((v) => CONTROL.test(v)))
    return errorResponse(400, "Frågan innehåller ett otillåtet tecken.");
  try {
    const r = { db: getDb(), url, baseUrl: appBaseUrl(), ifNoneMatch: req.headers.get("if-none-match") };
    return await runInScope(currentScope(), () => handler(r));
  } catch (error) {
    console.error("Öppna data: oväntat fel", error);
    return errorResponse(500, "Något gick fel på servern. Försök igen om en stund.");
  }
}
