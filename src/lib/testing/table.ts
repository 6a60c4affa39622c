import { expect, it } from "vitest";

/**
 * A table-driven test: one test a row `[input, expected]`, each asserting that `fn(input)` is
 * (`toBe`) the expected value. `title` is vitest's it.each title, filled from the row.
 */
export function itMaps<I, O>(title: string, fn: (input: I) => O, rows: ReadonlyArray<[I, O]>): void {
  it.each(rows)(title, (input, expected) => {
    expect(fn(input)).toBe(expected);
  });
}
