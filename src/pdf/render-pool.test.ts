import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { renderNoticePdf, renderProtocolPdf } from "./index";
import { RenderBusyError, renderPoolState } from "./render-pool";
import { renderProtocolPdf as renderHere } from "./render-protocol";
import { renderNoticePdf as renderNoticeHere } from "./render-notice";
import { generatedProtocol, seedProtocol } from "./testing/fixtures";

/** The share of time the calling thread's event loop was busy while `work` ran (0…1). */
/** How busy this thread's event loop was during `work`: the share of the time, and the ms in all. */
async function busy(work: () => Promise<unknown>): Promise<{ share: number; activeMs: number }> {
  const start = performance.eventLoopUtilization();
  await work();
  const { utilization, active } = performance.eventLoopUtilization(start);
  return { share: utilization, activeMs: active };
}

describe("the render pool", () => {
  it("gives the same bytes as rendering in this thread", { timeout: 60_000 }, async () => {
    const protocol = seedProtocol();
    const [pooled, notice] = await Promise.all([renderProtocolPdf(protocol), renderNoticePdf(protocol)]);
    expect(Buffer.from(pooled).equals(Buffer.from(await renderHere(protocol)))).toBe(true);
    expect(Buffer.from(notice).equals(Buffer.from(await renderNoticeHere(protocol)))).toBe(true);
  });

  it("keeps the calling thread free while six long protocols render", { timeout: 120_000 }, async () => {
    const protocol = generatedProtocol(60);
    await renderProtocolPdf(seedProtocol()); // the worker is started and warm
    const here = await busy(() => Promise.all(Array.from({ length: 2 }, () => renderHere(protocol))));
    const pooled = await busy(() => Promise.all(Array.from({ length: 6 }, () => renderProtocolPdf(protocol))));
    // In this thread the renders keep the loop busy nearly all the time (other requests wait
    // their turn between pages); through the pool the loop only sends protocols and receives
    // bytes: per protocol, a small part of the work a render here keeps it busy for. (Compared
    // per protocol rather than as a share of the time, which a machine busy with other tests
    // stretched past a fixed bound: both figures are this thread's time, stretched alike.)
    expect(here.share).toBeGreaterThan(0.7);
    expect(pooled.activeMs / 6, JSON.stringify({ here, pooled })).toBeLessThan((here.activeMs / 2) * 0.2);
  });

  it("refuses renders beyond its queue at once instead of piling them up", { timeout: 120_000 }, async () => {
    const { maxWorkers, maxQueue } = renderPoolState();
    const protocol = seedProtocol();
    const results = await Promise.allSettled(
      Array.from({ length: maxWorkers + maxQueue + 5 }, () => renderNoticePdf(protocol)),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RenderBusyError);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(maxWorkers + maxQueue);
    expect(renderPoolState()).toMatchObject({ running: 0, queued: 0 });
  });
});
