// Observability on real PostgreSQL: the JSON log line of a signing carries ids and the outcome,
// never the protocol's text, the signer's name or address, or a personnummer; GET /api/metrics
// answers only with the token and shows the series after some requests (by route and status),
// an action's latency, a PDF render and the job queue's depth; X-Request-Id is believed from a
// trusted proxy only and always answered.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { sendForAdjustment, signProtocol, signProtocolWithEid } from "@/modules/justering/signoff.mutations";
import { renderProtocolPdf } from "@/pdf";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";
import { scrub, setLogDestination } from "@/server/log";
import { metrics, useRoutePatterns } from "@/server/metrics";
import { findProtocolBySlug } from "@/server/protocol.queries";
import { logContextStorage, observeResponse, REQUEST_ID_HEADER, requestIdFor } from "@/server/request-id.mjs";
import { parseTrustProxy } from "@/server/trust-proxy.mjs";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let url: string;
let drop: () => Promise<void>;
let meetingId: string;
let runner: JobRunner;
const lines: string[] = [];
const TOKEN = "metrics-token-for-the-test-0123456789";
const PERSONNUMMER = "198112189876";
const saved = { PARAGRAF_METRICS_TOKEN: process.env.PARAGRAF_METRICS_TOKEN, SMTP_URL: process.env.SMTP_URL };

beforeAll(async () => {
  ({ db, url, drop } = await createSeededDatabase("metrics"));
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  delete process.env.SMTP_URL;
  process.env.PARAGRAF_METRICS_TOKEN = TOKEN;
  await fixSeedDefects(db, meetingId);
  metrics();
  runner = await startJobRunner({ connectionString: url, db, schedule: false, local: false });
  setLogDestination(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
        done();
      },
    }),
    "info",
  );
}, 180_000);
afterAll(async () => {
  setLogDestination(null);
  useRoutePatterns(null);
  await runner?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await drop?.();
});

describe("logs", () => {
  it("writes a signing as one JSON line with ids and the outcome, without content, names or personnummer", async () => {
    expect((await sendForAdjustment(await contextFor(db, "secretary"), { meetingId })).ok).toBe(true);
    const chair = await contextFor(db, "chair");
    lines.length = 0;
    expect(await signProtocol(chair, { meetingId, password: "paragraf-demo" })).toMatchObject({ ok: true });
    // An e-legitimation signing whose proof (with the signer's personnummer) no longer matches.
    const adjuster = await contextFor(db, "adjuster");
    const proof = {
      method: "EID" as const,
      contentHash: "0".repeat(64),
      requestId: "req-1",
      identityHmac: "f".repeat(64),
      idpName: "Test-IdP",
      identity: {
        issuer: "https://idp.example",
        subject: "sub-1",
        personnummer: PERSONNUMMER,
        name: "Annicki Oscarsson",
        acr: "http://id.elegnamnden.se/loa/1.0/loa3",
        authTime: new Date(),
      },
    };
    const refused = await signProtocolWithEid(proof as Parameters<typeof signProtocolWithEid>[0])(adjuster, {
      meetingId,
    });
    expect(refused.ok).toBe(false);

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const signing = parsed.filter((l) => l.action === "protocol.sign");
    expect(signing).toHaveLength(2);
    expect(signing[0]).toMatchObject({ level: "info", msg: "Åtgärd", outcome: "ok", userId: chair.actor!.userId });
    expect(signing[0]!.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(signing[1]).toMatchObject({ outcome: expect.not.stringMatching(/^ok$/), userId: adjuster.actor!.userId });

    const p = (await findProtocolBySlug(db, SEED_SLUG))!;
    const secrets = [
      PERSONNUMMER,
      "19811218-9876",
      "Jacob Käll",
      "Annicki Oscarsson",
      "ordforande@itsam.example",
      "justerare@itsam.example",
      ...p.paragraphs.slice(0, 5).map((x) => x.title),
      "Direktionen beslutar att notera informationen",
    ];
    const all = lines.join("\n");
    for (const s of secrets) expect(all, s).not.toContain(s);
  }, 120_000);

  it("scrubs addresses and personnummer from error messages", () => {
    expect(scrub("550 <anna.berg@kommun.example> okänd; pnr 19811218-9876 och 8112189876")).toBe(
      "550 <[e-post]> okänd; pnr [personnummer] och [personnummer]",
    );
  });
});

describe("metrics", () => {
  let server: http.Server;
  let base: string;
  let trustLoopback = false;

  beforeAll(async () => {
    useRoutePatterns(["/page", "/moten/[slug]/page", "/api/metrics/route", "/(public)/anslagstavla/page"]);
    const logContext = logContextStorage();
    // The pieces of scripts/serve.mjs around a stand-in for Next.js's handler.
    server = http.createServer((req, res) => {
      const trust = parseTrustProxy(trustLoopback ? "loopback" : "");
      const requestId = requestIdFor(req, trust);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      observeResponse(req, res, process.hrtime.bigint());
      logContext.run({ requestId }, async () => {
        const path = req.url ?? "/";
        if (path.startsWith("/api/metrics")) {
          const headers = new Headers();
          if (req.headers.authorization) headers.set("authorization", req.headers.authorization);
          const answer = await metricsRoute(new Request(`http://localhost${path}`, { headers }));
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          res.end(await answer.text());
        } else if (path === "/" || path.startsWith("/moten/") || path === "/anslagstavla") {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end("ok");
        } else {
          res.writeHead(404);
          res.end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers X-Request-Id: a new one for a client, the trusted proxy's own", async () => {
    const forged = await fetch(`${base}/`, { headers: { "x-request-id": "forged-request-id-123" } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    trustLoopback = true;
    const proxied = await fetch(`${base}/`, { headers: { "x-request-id": "proxy-request-id-123" } });
    expect(proxied.headers.get("x-request-id")).toBe("proxy-request-id-123");
    const silly = await fetch(`${base}/`, { headers: { "x-request-id": "<script>" } });
    expect(silly.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    trustLoopback = false;
  });

  it("refuses a scrape without the token (401), and answers 404 without PARAGRAF_METRICS_TOKEN", async () => {
    expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer fel-token-fel-token-fel" } });
    expect(wrong.status).toBe(401);
    delete process.env.PARAGRAF_METRICS_TOKEN;
    expect((await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    process.env.PARAGRAF_METRICS_TOKEN = TOKEN;
  });

  it("shows requests by route and status, action latency, PDF render time and queue depth", async () => {
    for (const path of ["/moten/direktionen-2021-11-18", "/moten/annat-mote", "/moten/ett-till", "/finns/inte"]) {
      await (await fetch(`${base}${path}`)).text();
    }
    // Renders so far (sending for justering renders the document to sign), then one more.
    const rendersBefore = async () => {
      const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      return Number(/paragraf_pdf_render_duration_seconds_count\{kind="protocol"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await rendersBefore();
    await renderProtocolPdf((await findProtocolBySlug(db, SEED_SLUG))!);
    const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await res.text();
    expect(body).toContain('paragraf_http_requests_total{method="GET",route="/moten/[slug]",status="200"} 3');
    expect(body).toContain('paragraf_http_requests_total{method="GET",route="other",status="404"} 1');
    expect(body).toContain('paragraf_http_requests_total{method="GET",route="/api/metrics",status="401"} 2');
    expect(body).toMatch(/paragraf_http_request_duration_seconds_count\{method="GET",route="\/moten\/\[slug\]"\} 3/);
    expect(body).toMatch(/paragraf_action_duration_seconds_count\{action="protocol.sign",outcome="ok"\} 1/);
    expect(body).toMatch(/paragraf_action_duration_seconds_bucket\{le="\+Inf",action="protocol.sign",outcome="ok"\} 1/);
    expect(body).toContain(`paragraf_pdf_render_duration_seconds_count{kind="protocol"} ${before + 1}`);
    for (const q of ["mail-send", "mail-sweep", "reminders", "notice-takedown", "mail-cleanup"]) {
      expect(body).toMatch(new RegExp(`paragraf_job_queue_size\\{queue="${q}"\\} \\d+`));
    }
    expect(body).toMatch(/paragraf_mail_outbox_unsent \d+/);
    expect(body).toContain("paragraf_process_cpu_seconds_total");
    // The path a client typed is never a label.
    expect(body).not.toContain("annat-mote");
    expect(body).not.toContain("/finns/inte");
  }, 60_000);
});
