/**
 * What a render worker (render-worker.mjs) runs: the renderers themselves, on the worker's own
 * thread. The request thread only sends the protocol and receives the bytes (render-pool.ts).
 */
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { renderExtractPdf } from "./render-extract";
import { renderNoticePdf } from "./render-notice";
import { renderProtocolPdf } from "./render-protocol";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import { renderSummonsPdf } from "./render-summons";
import type { SummonsVersion } from "./summons-model";
import type { SigningLayout } from "./protocol-model";

export type RenderJob =
  | { kind: "protocol"; protocol: ProtocolDTO; signing?: SigningLayout }
  | { kind: "notice"; protocol: ProtocolDTO }
  | { kind: "extract"; protocol: ProtocolDTO; paragraphNumbers: number[] }
  | { kind: "summons"; summons: SummonsDTO; version: SummonsVersion };

export function runRenderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case "protocol":
      return renderProtocolPdf(job.protocol, job.signing);
    case "notice":
      return renderNoticePdf(job.protocol);
    case "extract":
      return renderExtractPdf(job.protocol, job.paragraphNumbers);
    case "summons":
      return renderSummonsPdf(job.summons, job.version);
  }
}
