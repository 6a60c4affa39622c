import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflateRanges } from "./deflate-pool";

describe("deflateRanges", () => {
  it("gives the bytes deflateSync gives, range by range, even if the buffer changes meanwhile", async () => {
    const bytes = new TextEncoder().encode(
      "BT /F1 11 Tf (Direktionen beslutar att notera informationen.) Tj ET\n".repeat(200),
    );
    const ranges: [number, number][] = [
      [0, 1000],
      [1000, 1000],
      [1000, 9000],
      [9000, bytes.length],
    ];
    const pending = deflateRanges(bytes, ranges, 1);
    const expected = ranges.map(([a, b]) => new Uint8Array(deflateSync(bytes.subarray(a, b), { level: 1 })));
    bytes.fill(0);
    const out = await pending;
    expect(out.map((o) => Buffer.from(o).toString("hex"))).toEqual(expected.map((e) => Buffer.from(e).toString("hex")));
    expect(inflateSync(out[2]!).length).toBe(8000);
  });

  it("answers concurrent calls each with its own result", async () => {
    const a = new Uint8Array(5000).fill(65);
    const b = new Uint8Array(3000).fill(66);
    const [ra, rb] = await Promise.all([deflateRanges(a, [[0, 5000]], 1), deflateRanges(b, [[0, 3000]], 1)]);
    expect(inflateSync(ra![0]!)).toEqual(Buffer.from(a));
    expect(inflateSync(rb![0]!)).toEqual(Buffer.from(b));
  });
});
