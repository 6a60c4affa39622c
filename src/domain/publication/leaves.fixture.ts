// Test support: every leaf (string, number, boolean) of a plain JSON-like object, with its path,
// and a way to change one leaf of a copy. Paths name array elements "[]", so one documented path
// ("paragraphs[].recusals[].name") stands for the field in every element.

export type Key = string | number;
export interface Leaf {
  path: Key[];
  /** The path with indices as "[]": "paragraphs[].motions[].name". */
  name: string;
  value: string | number | boolean;
}

export function pathName(path: readonly Key[]): string {
  return path.map((k, i) => (typeof k === "number" ? "[]" : i === 0 ? k : `.${k}`)).join("");
}

export function leaves(value: unknown, path: Key[] = []): Leaf[] {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return [{ path, name: pathName(path), value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/** A deep copy of `root` with the leaf at `path` replaced. */
export function withLeaf<T>(root: T, path: readonly Key[], value: unknown): T {
  const copy = structuredClone(root);
  let target = copy as Record<Key, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<Key, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** The same leaf, changed: text extended, a number moved by one, a yes/no flipped. */
export function changed(value: string | number | boolean): string | number | boolean {
  if (typeof value === "string") return `${value}x`;
  if (typeof value === "number") return value + 1;
  return !value;
}
