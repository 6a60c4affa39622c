// Where the browser goes after login (`/logga-in?next=…`). The value is chosen by whoever wrote
// the link, so it must never send the user to another site: browsers strip tabs and newlines
// from a URL, read `\` as `/`, and take `//host` as another host, so "starts with a slash" is not
// enough. The value is checked the way a browser will read it (WHATWG URL parsing) and, because a
// link may be decoded once more on its way, also after one percent-decoding.

/** Longer than any path Paragraf links to; longer values are not worth parsing. */
export const MAX_RETURN_PATH_LENGTH = 2048;

// A host that cannot exist (RFC 6761): a value that resolves elsewhere has left it.
const BASE = "http://paragraf.invalid";

/** A same-origin path (with query and fragment) to redirect to, or "/" for anything else. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_RETURN_PATH_LENGTH) return "/";
  const path = sameOriginPath(value);
  if (path === null) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return "/";
  }
  if (decoded !== value && sameOriginPath(decoded) === null) return "/";
  return path;
}

/** The normalised path when `value` stays on this origin however a browser reads it, else null. */
function sameOriginPath(value: string): string | null {
  // Control characters (tab, CR, LF, NUL…) and backslashes have no place in our own links, and
  // browsers drop or rewrite them before resolving the URL.
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse into a scheme-relative path ("/.//evil" → "//evil").
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return path;
}
