// The client's address for the audit log and rate limits, from the one header the Paragraf
// server (scripts/serve.mjs) sets after removing whatever the client sent (see trust-proxy.mjs).
// The header counts only in a process started by that server: under `next dev` or a bare `next
// start` anyone could send it, so there the address is unknown (null) rather than forged.
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_MARK, normalizeAddress } from "./trust-proxy.mjs";

interface HeaderSource {
  get(name: string): string | null;
}

/** The client's address, or null when this process cannot know it. */
export function clientAddress(headers: HeaderSource): string | null {
  if ((globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_MARK] !== true) return null;
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
}
