// Test support: a GET as a browser asking for gzip makes it, read off the wire: how many bytes were
// sent, with which content-encoding, and the body decoded. (fetch would decode it silently.)
import http from "node:http";
import { gunzipSync } from "node:zlib";

export function gzipGet(url: string): Promise<{ sent: number; encoding: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          resolve({ sent: raw.length, encoding, body: (encoding === "gzip" ? gunzipSync(raw) : raw).toString("utf8") });
        });
      })
      .on("error", reject);
  });
}
