import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import {
  applyClientAddress,
  CLIENT_ADDRESS_HEADER,
  normalizeAddress,
  parseTrustProxy,
  resolveClientAddress,
  TrustProxyError,
} from "./trust-proxy.mjs";

describe("normalizeAddress", () => {
  itMaps("%s → %s", normalizeAddress, [
    ["127.0.0.1", "127.0.0.1"],
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["::FFFF:192.0.2.7", "192.0.2.7"],
    [" 198.51.100.3 ", "198.51.100.3"],
    ["198.51.100.3:4711", "198.51.100.3"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["2001:db8::1", "2001:db8::1"],
    ["unknown", null],
    ["evil.example", null],
    ["", null],
    ["fe80::1%eth0", null],
    ["1.2.3.4.5", null],
    [undefined, null],
  ]);
});

describe("parseTrustProxy", () => {
  it("trusts nothing when unset or empty", () => {
    for (const spec of [undefined, "", " , "]) {
      const trust = parseTrustProxy(spec);
      expect(trust.isTrusted("127.0.0.1")).toBe(false);
      expect(trust.isTrusted("::1")).toBe(false);
    }
  });
  it("knows loopback, single addresses and CIDR ranges of both families", () => {
    const trust = parseTrustProxy("loopback, 10.0.0.0/8, 192.0.2.10, 2001:db8:1::/48");
    expect(trust.isTrusted("127.0.0.1")).toBe(true);
    expect(trust.isTrusted("127.8.9.10")).toBe(true);
    expect(trust.isTrusted("::1")).toBe(true);
    expect(trust.isTrusted("::ffff:127.0.0.1")).toBe(true);
    expect(trust.isTrusted("10.200.3.4")).toBe(true);
    expect(trust.isTrusted("11.0.0.1")).toBe(false);
    expect(trust.isTrusted("192.0.2.10")).toBe(true);
    expect(trust.isTrusted("192.0.2.11")).toBe(false);
    expect(trust.isTrusted("2001:db8:1:ffff::5")).toBe(true);
    expect(trust.isTrusted("2001:db8:2::5")).toBe(false);
    expect(trust.isTrusted("not-an-ip")).toBe(false);
  });
  it.each(["proxy.example", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x", "10.0.0.0/8/8", "*"])(
    "refuses %s with a Swedish sentence",
    (spec) => {
      expect(() => parseTrustProxy(spec)).toThrow(TrustProxyError);
      expect(() => parseTrustProxy(spec)).toThrow(/TRUST_PROXY/);
    },
  );
});

describe("resolveClientAddress", () => {
  const none = parseTrustProxy("");
  const loopback = parseTrustProxy("loopback");
  const chain = parseTrustProxy("loopback, 10.0.0.0/8");

  it("uses the socket and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress({ peer: "::ffff:198.51.100.9", forwardedFor: "203.0.113.66", trust: none })).toBe(
      "198.51.100.9",
    );
    // Even from loopback: a local client could forge the header just as well.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.66", trust: none })).toBe("127.0.0.1");
  });
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress({ peer: "198.51.100.9", forwardedFor: "127.0.0.1", trust: loopback })).toBe(
      "198.51.100.9",
    );
  });
  it("takes the right-most untrusted entry behind a trusted proxy", () => {
    // The client wrote "203.0.113.66"; the proxy appended the real address.
    expect(
      resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.66, 198.51.100.9", trust: loopback }),
    ).toBe("198.51.100.9");
    expect(
      resolveClientAddress({ peer: "127.0.0.1", forwardedFor: ["203.0.113.66", "198.51.100.9"], trust: loopback }),
    ).toBe("198.51.100.9");
    // Through two trusted proxies.
    expect(
      resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.66, 198.51.100.9, 10.1.2.3", trust: chain }),
    ).toBe("198.51.100.9");
  });
  it("cannot be talked into a trusted address or garbage", () => {
    // A forged entry naming a trusted proxy is skipped over only if it is right of the real one.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "10.0.0.1, 198.51.100.9", trust: chain })).toBe(
      "198.51.100.9",
    );
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "198.51.100.9, garbage", trust: loopback })).toBe(
      "127.0.0.1",
    );
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "", trust: loopback })).toBe("127.0.0.1");
  });
  it("falls back to the socket when a trusted proxy sent no header, and to the left-most entry when all are trusted", () => {
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: undefined, trust: loopback })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "10.9.9.9, 127.0.0.1", trust: chain })).toBe(
      "10.9.9.9",
    );
  });
  it("has no address without a socket address", () => {
    expect(resolveClientAddress({ peer: undefined, forwardedFor: "198.51.100.9", trust: loopback })).toBeNull();
  });
});

describe("applyClientAddress", () => {
  const request = (peer: string, headers: Record<string, string | string[]>) =>
    ({ socket: { remoteAddress: peer }, headers: { ...headers } }) as unknown as IncomingMessage;

  it("removes every claimed address and sets the one header from the socket", () => {
    const req = request("198.51.100.9", {
      "x-forwarded-for": "203.0.113.66",
      "x-real-ip": "203.0.113.67",
      forwarded: "for=203.0.113.68",
      [CLIENT_ADDRESS_HEADER]: "203.0.113.69",
      "x-forwarded-host": "evil.example",
      host: "paragraf.example",
    });
    expect(applyClientAddress(req, parseTrustProxy("loopback"))).toBe("198.51.100.9");
    expect(req.headers).toEqual({
      host: "paragraf.example",
      [CLIENT_ADDRESS_HEADER]: "198.51.100.9",
      "x-forwarded-for": "198.51.100.9",
    });
  });
  it("keeps a trusted proxy's forwarded host and scheme", () => {
    const req = request("127.0.0.1", {
      "x-forwarded-for": "198.51.100.9",
      "x-forwarded-host": "paragraf.example",
      "x-forwarded-proto": "https",
    });
    applyClientAddress(req, parseTrustProxy("loopback"));
    expect(req.headers).toEqual({
      "x-forwarded-for": "198.51.100.9",
      [CLIENT_ADDRESS_HEADER]: "198.51.100.9",
      "x-forwarded-host": "paragraf.example",
      "x-forwarded-proto": "https",
    });
  });
});
