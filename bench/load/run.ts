// Load: the public pages at a steady 200 requests per second for 60 seconds on loopback, with
// zero errors (issue 8). Bounded: a fixed rate and duration, then it stops by itself.
//   npx next build && npx tsx bench/load/run.ts     (LOAD_RATE=200, LOAD_SECONDS=60)
import autocannon from "autocannon";
import { startBenchApp } from "../lib/app-server";

const rate = Number(process.env.LOAD_RATE ?? 200);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);

const app = await startBenchApp({ justera: true });
try {
  const r = await autocannon({
    url: app.base,
    connections: 20,
    overallRate: rate,
    duration: seconds,
    requests: [
      { path: "/anslagstavla" },
      { path: "/protokoll/direktionen-2021-11-18" },
      { path: "/protokoll?q=budget" },
      { path: "/verifiera" },
    ],
  });
  const errors = r.errors + r.timeouts + r.non2xx;
  console.log(`\nLoad: ${rate} req/s for ${seconds} s over 4 public pages (loopback)`);
  console.log(
    `requests ${r.requests.total}  achieved ${r.requests.average.toFixed(0)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  errors ${errors}`,
  );
  if (errors > 0 || r.requests.average < rate * 0.95) process.exitCode = 1;
} finally {
  await app.stop();
}
