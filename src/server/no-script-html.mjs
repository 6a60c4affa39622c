// A page whose Content-Security-Policy forbids every script (the public pages: src/server/csp.mjs)
// is sent without scripts. Next.js writes its hydration into every page anyway — the script tags
// of the client runtime and the RSC payload (self.__next_f.push(…)), which repeats the page's
// content a second time — and a browser obeying the policy runs none of it. So the HTML server in
// front of Next.js (scripts/serve.mjs) removes what cannot run: the protocol is sent once, and a
// citizen's phone gets a light page. The condition is the policy itself, so a page that may run
// scripts (the workspace, with its nonce) is never touched, and a new public page is light without
// anyone remembering to make it so. Plain JavaScript: the server starts without a compiler.

/**
 * Every <script> element (with its text) and every preload of a script removed from an HTML
 * document. The HTML parser ends a script's text at the first "</script", so a non-greedy match
 * to it takes exactly one element; Next.js escapes "<" inside its payload, so the payload cannot
 * end one early.
 * @param {string} html
 * @returns {string}
 */
export function stripScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)["']?[^>]*>/gi, (tag) =>
      /\bas=["']?script\b/i.test(tag) || /modulepreload/i.test(tag) ? "" : tag,
    );
}

/**
 * True when the response is an HTML page under a policy that runs no script.
 * @param {import("node:http").ServerResponse} res
 */
export function isNoScriptPage(res) {
  const type = String(res.getHeader("content-type") ?? "");
  const policy = [res.getHeader("content-security-policy") ?? ""].flat().join("; ");
  return /^text\/html\b/i.test(type) && /(^|;)\s*script-src\s+'none'\s*(;|$)/.test(policy);
}

/**
 * Makes `res` send no-script pages through stripScripts: such a page is collected (pages are at most
 * a few hundred kB) and sent at the end, without its Content-Length (the length changes); every
 * other response passes through as it is written. Decided at the first write or header flush, when
 * Next.js has set the headers.
 * @param {import("node:http").ServerResponse} res
 */
export function stripScriptsFromNoScriptPages(res) {
  const write = res.write;
  const end = res.end;
  const flushHeaders = res.flushHeaders;
  /** @type {"strip" | "pass" | null} */
  let mode = null;
  /** @type {Buffer[]} */
  const chunks = [];
  const decide = () => {
    if (mode === null) {
      mode = !res.headersSent && isNoScriptPage(res) ? "strip" : "pass";
      if (mode === "strip") res.removeHeader("content-length");
    }
    return mode;
  };
  const collect = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
  };
  // Next.js flushes the headers before it streams a dynamic page; a page being collected sends
  // them at its end.
  res.flushHeaders = function () {
    if (decide() === "pass") flushHeaders.apply(this, arguments);
  };
  res.write = function (chunk, encoding, callback) {
    if (decide() === "pass") return write.apply(this, arguments);
    collect(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (decide() === "pass") return end.apply(this, arguments);
    collect(chunk, encoding);
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    const html = stripScripts(Buffer.concat(chunks).toString("utf8"));
    return end.call(this, html, "utf8", done);
  };
}
