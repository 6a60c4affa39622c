// Public-page benchmark: requests per second and p99 latency on loopback for /anslagstavla, a
// protocol page and a static file served by the same `next start`, then the ratios.
// Target (issue 7): each page ≥ 50 % of the static file's throughput, p99 < 50 ms.
//   npx next build && npx tsx bench/public/run.ts     (BENCH_SECONDS=20, BENCH_CONNECTIONS=20)
import autocannon from "autocannon";
import { startBenchApp } from "../lib/app-server";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(name: string, url: string): Promise<Row> {
  // Warm the route (first render, data cache) before measuring.
  for (let i = 0; i < 5; i++) await fetch(url).then((r) => r.arrayBuffer());
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const app = await startBenchApp({ justera: true });
try {
  const rows = [
    await load("static file (/robots.txt)", `${app.base}/robots.txt`),
    await load("/anslagstavla", `${app.base}/anslagstavla`),
    await load("protocol page", `${app.base}/protokoll/direktionen-2021-11-18`),
  ];
  const staticRps = rows[0]!.rps;
  console.log(`\nPublic pages: ${connections} connections, ${seconds} s each, loopback, next start`);
  console.log("route                        req/s     p50 ms  p99 ms  errors  non-2xx  vs static");
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(28)} ${r.rps.toFixed(0).padStart(7)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${String(r.errors).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${((r.rps / staticRps) * 100).toFixed(0).padStart(6)} %`,
    );
  }
} finally {
  await app.stop();
}
