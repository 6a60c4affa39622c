// Who is the client? The pure part of the answer, shared by the HTTP server in front of Next.js
// (scripts/serve.mjs, plain JavaScript so it starts without a compiler) and its tests.
//
// A header such as X-Forwarded-For is only as trustworthy as whoever wrote it. The socket's peer
// is the only fact; a forwarded address counts only when the peer is a proxy the operator named
// in TRUST_PROXY, and then only its right-most entries up to the first one that is not itself a
// trusted proxy (everything left of that was written by the client and may be forged).
import net from "node:net";

/** The headers a client could use to claim an address; removed from every request. */
export const CLIENT_ADDRESS_HEADERS = [
  "x-forwarded-for",
  "x-real-ip",
  "forwarded",
  "x-client-ip",
  "true-client-ip",
  "cf-connecting-ip",
];

/** The one header the server sets for the handlers (read through src/server/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = "x-paragraf-client-address";

/** Set on globalThis by the server: handlers believe the header only in a process that has it. */
export const CLIENT_ADDRESS_MARK = Symbol.for("paragraf.clientAddressFromSocket");

export class TrustProxyError extends Error {}

/**
 * An address as written in a header or by the socket, without port, brackets or the IPv4-mapped
 * IPv6 prefix; null when it is not an IP address.
 * @param {string | undefined | null} value
 * @returns {string | null}
 */
export function normalizeAddress(value) {
  if (typeof value !== "string") return null;
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1] ?? "";
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1] ?? "";
  if (v.includes("%")) return null; // zone ids are local to the sender
  const family = net.isIP(v);
  if (family === 0) return null;
  return family === 6 ? v.toLowerCase() : v;
}

/**
 * TRUST_PROXY: empty (trust no proxy), or a comma-separated list of IP addresses, CIDR ranges and
 * the word "loopback" (127.0.0.0/8 and ::1).
 * @param {string | undefined} spec
 * @returns {{ entries: string[], isTrusted: (address: string) => boolean }}
 */
export function parseTrustProxy(spec) {
  const list = new net.BlockList();
  const entries = (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry.toLowerCase() === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [ip, bits, ...rest] = entry.split("/");
    const address = normalizeAddress(ip);
    const family = address ? net.isIP(address) : 0;
    if (!address || rest.length > 0)
      throw new TrustProxyError(`TRUST_PROXY: "${entry}" är varken en IP-adress, ett CIDR-intervall eller "loopback".`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d+$/.test(bits) || prefix > (family === 6 ? 128 : 32))
      throw new TrustProxyError(`TRUST_PROXY: "${entry}" har en ogiltig prefixlängd.`);
    list.addSubnet(address, prefix, type);
  }
  return {
    entries,
    isTrusted(address) {
      const a = normalizeAddress(address);
      if (!a) return false;
      return list.check(a, net.isIP(a) === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client's address: the socket peer, or — only when the peer is a trusted proxy — the
 * right-most X-Forwarded-For entry that is not a trusted proxy. When every entry is trusted the
 * left-most one is the client (e.g. a browser on the proxy's own machine); an entry that is not an
 * address ends the walk at the last trusted hop, which vouched for nothing better.
 * @param {{ peer: string | undefined, forwardedFor: string | string[] | undefined,
 *   trust: { isTrusted: (a: string) => boolean } }} input
 * @returns {string | null}
 */
export function resolveClientAddress({ peer, forwardedFor, trust }) {
  let client = normalizeAddress(peer);
  if (!client) return null;
  if (!trust.isTrusted(client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return client;
    client = hop;
    if (!trust.isTrusted(hop)) return hop;
  }
  return client;
}

/**
 * Rewrites a request's headers in place: removes every client-address header the client may
 * have sent and sets CLIENT_ADDRESS_HEADER (and X-Forwarded-For, so Next.js does not fill in its
 * own) to the resolved address. The X-Forwarded-Host/-Proto/-Port headers are kept only from a
 * trusted proxy: Next.js and next-auth build absolute URLs and check origins from them.
 * @param {import("node:http").IncomingMessage} req
 * @param {{ isTrusted: (a: string) => boolean }} trust
 * @returns {string | null}
 */
export function applyClientAddress(req, trust) {
  const peerTrusted = trust.isTrusted(req.socket.remoteAddress ?? "");
  const address = resolveClientAddress({
    peer: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trust,
  });
  for (const name of [...CLIENT_ADDRESS_HEADERS, CLIENT_ADDRESS_HEADER]) delete req.headers[name];
  if (!peerTrusted)
    for (const name of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete req.headers[name];
  if (address) {
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    req.headers["x-forwarded-for"] = address;
  }
  return address;
}
