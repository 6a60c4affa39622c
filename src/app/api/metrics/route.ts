import { timingSafeEqual } from "node:crypto";
import { scrape } from "@/server/metrics";

// Prometheus metrics (src/server/metrics.ts; dashboards in docs/observability.md). Only with a
// bearer token equal to PARAGRAF_METRICS_TOKEN (at least 16 characters); without that variable
// the address answers 404, with a wrong or missing token 401. Never cached.
export const dynamic = "force-dynamic";

const text = (body: string, status: number, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", ...extra } });

function authorised(request: Request, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function GET(request: Request) {
  const token = process.env.PARAGRAF_METRICS_TOKEN?.trim() ?? "";
  if (token.length < 16) return text("Sidan finns inte.", 404);
  if (!authorised(request, token)) {
    return text("Ange rätt token: Authorization: Bearer <PARAGRAF_METRICS_TOKEN>.", 401, {
      "www-authenticate": 'Bearer realm="metrics"',
    });
  }
  const { contentType, body } = await scrape();
  return new Response(body, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
