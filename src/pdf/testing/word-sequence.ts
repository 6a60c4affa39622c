/**
 * Word-sequence comparison of an original text with the text extracted from our PDF: the share
 * of the original's words that appear in the same order (longest common subsequence). Test
 * support only.
 */

/** Words compared case-sensitively, without surrounding punctuation; dashes separate words. */
export function words(text: string): string[] {
  return text
    .normalize("NFC")
    .replace(/<\/?i>/g, " ")
    .split(/[\s\-–—]+/)
    .map((w) => w.replace(/^[”“"'’‘(«»[]+|[”“"'’‘)»«\],.:;!?]+$/g, ""))
    .filter((w) => /[\p{L}\p{N}§]/u.test(w));
}

export interface SequenceResult {
  matched: number;
  total: number;
  coverage: number;
  /** Original words not matched, with their index, in order. */
  missing: { index: number; word: string }[];
}

/** Longest common subsequence of `original` in `rendered`, with the unmatched original words. */
export function compareWordSequences(original: readonly string[], rendered: readonly string[]): SequenceResult {
  const n = original.length;
  const m = rendered.length;
  // Dynamic programming over rows of `original`; keep a direction table as bits for backtracking.
  const ids = new Map<string, number>();
  const id = (w: string) => {
    let v = ids.get(w);
    if (v === undefined) ids.set(w, (v = ids.size));
    return v;
  };
  const a = Int32Array.from(original, id);
  const b = Int32Array.from(rendered, id);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  const take = new Uint8Array((n + 1) * (m + 1)); // 1 = diagonal match, 2 = up, 3 = left
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1]!;
    for (let j = 1; j <= m; j++) {
      if (ai === b[j - 1]) {
        cur[j] = prev[j - 1]! + 1;
        take[i * (m + 1) + j] = 1;
      } else if (prev[j]! >= cur[j - 1]!) {
        cur[j] = prev[j]!;
        take[i * (m + 1) + j] = 2;
      } else {
        cur[j] = cur[j - 1]!;
        take[i * (m + 1) + j] = 3;
      }
    }
    [prev, cur] = [cur, prev];
  }
  const matched = prev[m]!;
  const missing: { index: number; word: string }[] = [];
  let i = n;
  let j = m;
  while (i > 0) {
    const t = j > 0 ? take[i * (m + 1) + j] : 2;
    if (t === 1) {
      i--;
      j--;
    } else if (t === 2) {
      missing.push({ index: i - 1, word: original[i - 1]! });
      i--;
    } else {
      j--;
    }
  }
  missing.reverse();
  return { matched, total: n, coverage: n === 0 ? 1 : matched / n, missing };
}
