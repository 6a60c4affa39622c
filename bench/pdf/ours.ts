/**
 * Our side of the PDF benchmark. Imported by run.ts for timing (compiled, in the harness process,
 * interleaved with Chromium so that both see the same load), and run as a child process for
 * memory (its peak RSS is its own, untouched by Chromium or the harness):
 *   node ours.mjs seed|200 [warm renders]   → one JSON line
 */
import { pathToFileURL } from "node:url";
import type { ProtocolDTO } from "../../src/domain/protocol/protocol.types";
import { drawProtocolStream } from "../../src/pdf/draw-document";
import { renderProtocolPdf } from "../../src/pdf/render-protocol";
import { generatedProtocol, seedProtocol } from "../../src/pdf/testing/fixtures";

export function protocolFor(which: string): ProtocolDTO {
  return which === "seed" ? seedProtocol() : generatedProtocol(Number(which));
}

export { renderProtocolPdf };

/** The same protocol without tagging (no marked content, no structure tree): the cost of tagging. */
export function renderUntaggedPdf(protocol: ProtocolDTO): Promise<Uint8Array> {
  return drawProtocolStream(protocol, undefined, { tagged: false });
}

export interface MemoryResult {
  case: string;
  pages: number;
  bytes: number;
  coldMs: number;
  /** RSS before the first render (Node, modules, the protocol DTO). */
  restingRssMB: number;
  /** Peak RSS after the first (cold) render. */
  afterFirstRssMB: number;
  /** Peak RSS after the warm renders too. */
  peakRssMB: number;
}

async function main(): Promise<void> {
  const which = process.argv[2] ?? "seed";
  const warm = Number(process.argv[3] ?? 10);
  const protocol = protocolFor(which);
  const restingRssMB = process.memoryUsage().rss / 1024 / 1024;
  const t = performance.now();
  const first = await renderProtocolPdf(protocol);
  const coldMs = performance.now() - t;
  // maxRSS is in kilobytes (getrusage).
  const afterFirstRssMB = process.resourceUsage().maxRSS / 1024;
  for (let i = 0; i < warm; i++) await renderProtocolPdf(protocol);
  const result: MemoryResult = {
    case: which,
    pages: (
      Buffer.from(first)
        .toString("latin1")
        .match(/\/Type \/Page\b/g) ?? []
    ).length,
    bytes: first.length,
    coldMs,
    restingRssMB,
    afterFirstRssMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
