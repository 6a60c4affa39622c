import { afterEach, describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_MARK } from "./trust-proxy.mjs";

const g = globalThis as Record<symbol, unknown>;

describe("clientAddress", () => {
  afterEach(() => {
    delete g[CLIENT_ADDRESS_MARK];
  });
  it("reads the server's header in a process the Paragraf server runs", () => {
    g[CLIENT_ADDRESS_MARK] = true;
    expect(
      clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.9", "x-forwarded-for": "203.0.113.66" })),
    ).toBe("198.51.100.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.66" }))).toBeNull();
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "not an address" }))).toBeNull();
  });
  it("believes no header where nobody removed forged ones (next dev, a bare next start)", () => {
    expect(
      clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.9", "x-forwarded-for": "203.0.113.66" })),
    ).toBeNull();
  });
});
