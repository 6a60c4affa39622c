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

/** A table of inputs `fn` refuses: one test an input, each asserting that `fn(input)` is null. */
export function itGivesNull<I>(title: string, fn: (input: I) => unknown, inputs: ReadonlyArray<I>): void {
  it.each(inputs)(title, (input) => {
    expect(fn(input)).toBeNull();
  });
}
