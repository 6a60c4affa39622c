import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { drawProtocolStream } from "./draw-document";
import type { SigningLayout } from "./protocol-model";

/**
 * The protocol as municipalities print it: A4, PDF/A-2b, fonts embedded, byte-identical for the
 * same input. A draft carries the "UTKAST" mark; a justerat protocol shows who signed and when,
 * and the verification code.
 */
export async function renderProtocolPdf(protocol: ProtocolDTO, signing?: SigningLayout): Promise<Uint8Array> {
  return drawProtocolStream(protocol, undefined, { signing });
}
