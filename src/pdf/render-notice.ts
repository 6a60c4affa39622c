import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { drawDocument, fontMetrics } from "./draw-document";
import { layoutNotice } from "./protocol-model";

/** The notice (anslag/bevis) that the protocol is justerat, on a page of its own. */
export async function renderNoticePdf(protocol: ProtocolDTO): Promise<Uint8Array> {
  return drawDocument(layoutNotice(protocol, fontMetrics()));
}
