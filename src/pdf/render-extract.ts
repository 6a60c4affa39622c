import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { drawDocument, fontMetrics } from "./draw-document";
import { layoutExtract } from "./protocol-model";

/**
 * "Utdrag ur protokoll": the meeting header, the chosen §§ in protocol order and the
 * utdragsbestyrkande. Throws (in Swedish) when a § is not in the protocol.
 */
export async function renderExtractPdf(protocol: ProtocolDTO, paragraphNumbers: number[]): Promise<Uint8Array> {
  return drawDocument(layoutExtract(protocol, paragraphNumbers, fontMetrics()));
}
