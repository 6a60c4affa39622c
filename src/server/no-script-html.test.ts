import http from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import { afterEach, describe, expect, it } from "vitest";
import { noScriptCsp, workspaceCsp } from "./csp.mjs";
import { stripScripts, stripScriptsFromNoScriptPages } from "./no-script-html.mjs";
import { gzipGet } from "../../tests/support/gzip-get";

const PAGE = [
  "<!DOCTYPE html><html lang=sv><head>",
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
  '<link rel="preload" href="/fonts/x.woff2" as="font" crossorigin=""/>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  "</head><body><h1>Protokoll</h1><p>Direktionens beslut</p>",
  // Longer than compression's threshold (1 kB), as every real page is.
  `<p>${"Direktionen beslutar att godkänna redovisningen. ".repeat(40)}</p>`,
  '<script>self.__next_f.push([1,"\\u003c/script\\u003e<h1>Protokoll</h1>"])</script>',
  '<SCRIPT type="text/javascript">alert(1)</SCRIPT >',
  "<noscript>utan skript</noscript>",
  "</body></html>",
].join("");

describe("stripScripts", () => {
  it("removes every script element and script preload, and nothing else", () => {
    const out = stripScripts(PAGE);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("b.js");
    expect(out).not.toContain("c.js");
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(out).toContain('href="/fonts/x.woff2" as="font"');
    expect(out).toContain("<h1>Protokoll</h1><p>Direktionens beslut</p>");
    expect(out).toContain("<noscript>utan skript</noscript>");
    expect(out.split("<h1>Protokoll</h1>").length - 1).toBe(1);
  });

  it("leaves a document without scripts byte for byte as it was", () => {
    const html = "<html><body><p>Ingen <b>skript</b> här; a &lt;script&gt; i text</p></body></html>";
    expect(stripScripts(html)).toBe(html);
  });
});

// A real HTTP server with the same wrapping as scripts/serve.mjs: compression outside, the script
// removal inside, and a handler that writes as Next.js does (headers set, flushed, then streamed).
let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(handler: (res: http.ServerResponse) => void) {
  const compress = compression();
  server = http.createServer((req, res) =>
    compress(req as never, res as never, () => {
      stripScriptsFromNoScriptPages(res);
      handler(res);
    }),
  );
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

const streamed =
  (csp: string, type = "text/html; charset=utf-8") =>
  (res: http.ServerResponse) => {
    res.setHeader("content-type", type);
    res.setHeader("content-security-policy", csp);
    res.flushHeaders();
    const half = Math.floor(PAGE.length / 2);
    res.write(PAGE.slice(0, half));
    setTimeout(() => res.end(PAGE.slice(half)), 5);
  };

describe("stripScriptsFromNoScriptPages (behind compression, as in scripts/serve.mjs)", () => {
  it("sends a streamed page under the no-script policy without its scripts, compressed", async () => {
    const { encoding, body } = await gzipGet(await serve(streamed(noScriptCsp)));
    expect(encoding).toBe("gzip");
    expect(body).toBe(stripScripts(PAGE));
  });

  it("sends a page whose length was set without its scripts and without the stale length", async () => {
    const url = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", noScriptCsp);
      res.setHeader("content-length", Buffer.byteLength(PAGE));
      res.end(PAGE);
    });
    const { body } = await gzipGet(url);
    expect(body).toBe(stripScripts(PAGE));
  });

  it("leaves a workspace page (scripts allowed with a nonce) and non-HTML responses untouched", async () => {
    expect((await gzipGet(await serve(streamed(workspaceCsp("bm9uY2U="))))).body).toBe(PAGE);
    expect((await gzipGet(await serve(streamed(noScriptCsp, "text/x-component")))).body).toBe(PAGE);
  });
});
