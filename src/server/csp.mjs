// Content-Security-Policy, in two shapes. Plain JavaScript so that next.config.mjs (the public
// shape, a static header) and src/proxy.ts (the workspace shape, with a nonce per request) share it.
//
// Next.js hydrates a page with inline scripts (the RSC payload, self.__next_f.push(…)) whose text
// differs per page, so a script-src without 'unsafe-inline' needs either a nonce (the page must be
// rendered per request) or no scripts at all.
// - The workspace is rendered per request anyway (login): each request gets a fresh nonce, which
//   Next.js reads from the request's content-security-policy header and puts on every script it
//   emits. The code-split chunks (TipTap, …) load from 'self'. No 'strict-dynamic': it lets any
//   running script add inline scripts without the nonce (measured in Chromium), and everything
//   this app loads is its own.
// - The public pages are served from the route cache and the proxy in front, the same bytes for
//   every reader, so a nonce in them would be public and worth nothing, and hashes of their inline
//   scripts cannot be known before the page is rendered. They need no script: links, the archive
//   search (GET form) and /verifiera (a server action posted as a plain form) work without one.
//   So they run none.
// Styles: the public pages have no inline style, so 'self' only. The workspace keeps
// 'unsafe-inline' for styles: TipTap writes style attributes (text-align) into the editor, and a
// nonce cannot cover attributes.

const common = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Every response without a nonce: public pages, API, files. No script runs. */
export const noScriptCsp = ["script-src 'none'", "style-src 'self'", ...common].join("; ");

/**
 * A workspace page: scripts only with this request's nonce or from this origin. React's
 * development build uses eval for its error overlay; production never does.
 * @param {string} nonce base64, fresh for every request
 * @param {boolean} [dev]
 */
export function workspaceCsp(nonce, dev = false) {
  return [
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ...common,
  ].join("; ");
}
