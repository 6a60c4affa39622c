import { createHash } from "node:crypto";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { protocolHashPayload } from "./hash-payload";
import { canonicalJson } from "@/domain/rules/signoff.rules";

/** SHA-256 (hex) over the canonical JSON of the protocol's content: the verification code. */
export function protocolContentHash(p: ProtocolDTO): string {
  return createHash("sha256")
    .update(canonicalJson(protocolHashPayload(p)), "utf8")
    .digest("hex");
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
