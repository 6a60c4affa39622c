// Immutable edits of a list in the editor's state: change, remove or move one item.

/** The list with item i merged with the patch. */
export function patchAt<T>(list: readonly T[], i: number, patch: Partial<T>): T[] {
  return list.map((x, j) => (j === i ? { ...x, ...patch } : x));
}

/** The list without item i. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** The list with items a and b swapped; unchanged when b lies outside it. */
export function swap<T>(list: readonly T[], a: number, b: number): T[] {
  const copy = [...list];
  if (b < 0 || b >= copy.length) return copy;
  [copy[a], copy[b]] = [copy[b]!, copy[a]!];
  return copy;
}
