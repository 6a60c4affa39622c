// Public-page benchmark: requests per second and p99 latency on loopback for /anslagstavla, a
// protocol page and a static file served by the same `next start`, then the ratios.
// Target (issue 7): each page ≥ 50 % of the static file's throughput, p99 < 50 ms.
//   npx next build && npx tsx bench/public/run.ts     (BENCH_SECONDS=20, BENCH_CONNECTIONS=20)
//
// Also printed: the server's CPU time per request (from /proc, so other load on the machine does
// not blur it), and the same figures for /verifiera, a page prerendered at build time with no data
// at all: the least any page rendered by Next.js costs. When nginx is installed, the same pages
// once more through deploy/nginx-paragraf.conf.template (the proxy production needs for TLS).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { startBenchApp } from "../lib/app-server";
import { startNginx } from "../../scripts/lib/nginx";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

interface Row {
  name: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMs: number;
  errors: number;
  non2xx: number;
}

/** utime + stime of a process, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

async function load(pid: number, name: string, url: string): Promise<Row> {
  // Warm the route (first render, data cache) before measuring.
  let bytes = 0;
  for (let i = 0; i < 5; i++) bytes = (await fetch(url).then((r) => r.arrayBuffer())).byteLength;
  const before = cpuMs(pid);
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  const used = cpuMs(pid) - before;
  return {
    name,
    bytes,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMs: used / r.requests.total,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

const app = await startBenchApp({ justera: true });
const nginx = await startNginx(app.base);
try {
  const rows = [
    await load(app.pid, "static file (/robots.txt)", `${app.base}/robots.txt`),
    await load(app.pid, "/anslagstavla", `${app.base}/anslagstavla`),
    await load(app.pid, "protocol page", `${app.base}/protokoll/direktionen-2021-11-18`),
    await load(app.pid, "floor: /verifiera (no data)", `${app.base}/verifiera`),
  ];
  if (nginx) {
    // The proxy must answer the public pages from its cache and pass the workspace through.
    for (const [url, expected] of [
      ["/anslagstavla", "HIT"],
      ["/protokoll/direktionen-2021-11-18", "HIT"],
      ["/logga-in", "MISS"],
    ] as const) {
      await fetch(`${nginx.base}${url}`).then((r) => r.arrayBuffer());
      const status = (await fetch(`${nginx.base}${url}`)).headers.get("x-cache-status");
      if (status !== expected) throw new Error(`nginx: ${url} gav X-Cache-Status ${status}, väntat ${expected}`);
    }
  }
  const viaNginx = nginx
    ? [
        await load(app.pid, "nginx: /anslagstavla", `${nginx.base}/anslagstavla`),
        await load(app.pid, "nginx: protocol page", `${nginx.base}/protokoll/direktionen-2021-11-18`),
      ]
    : [];
  const base = rows[0]!;
  console.log(`\nPublic pages: ${connections} connections, ${seconds} s each, loopback, one next start`);
  console.log(
    "route                          bytes    req/s  p50 ms  p99 ms  errors  non-2xx  vs static  Next.js CPU ms/req",
  );
  for (const r of [...rows, ...viaNginx]) {
    console.log(
      `${r.name.padEnd(28)} ${String(r.bytes).padStart(7)}  ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${((r.rps / base.rps) * 100).toFixed(0).padStart(7)} %  ${r.cpuMs.toFixed(3).padStart(8)} (${(r.cpuMs / base.cpuMs).toFixed(1)}×)`,
    );
  }
  console.log("Target: each page ≥ 50 % of the static file's req/s (from next start), p99 < 50 ms.");
  if (!nginx)
    console.log("(nginx is not installed: the rows through deploy/nginx-paragraf.conf.template were skipped.)");
} finally {
  await nginx?.stop();
  await app.stop();
}
