import { createHash } from "node:crypto";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { protocolHashPayload } from "./hash-payload";
import { canonicalJson } from "@/domain/rules/signoff.rules";

/**
 * SHA-256 (hex) over the canonical JSON of the protocol's content: the verification code. `salt`
 * (Meeting.hashSalt, secret) is covered with it, so the published code cannot confirm a guess of
 * what the public copy withholds; null for protocols sent before salts existed (their payload
 * stays as it was). Left out, the hash is the unsalted one: a caller that forgets the salt gets a
 * code that does not match the stored one, so signing refuses (fails closed).
 */
export function protocolContentHash(p: ProtocolDTO, salt: string | null = null): string {
  const payload = protocolHashPayload(p) as Record<string, unknown>;
  return createHash("sha256")
    .update(canonicalJson(salt === null ? payload : { ...payload, salt }), "utf8")
    .digest("hex");
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
