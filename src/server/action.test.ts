import { describe, expect, it } from "vitest";
import { refuseUnstorable } from "./action";

describe("refuseUnstorable", () => {
  it.each([
    ["plain Swedish text and emoji", { title: "Budget 2022 – åäö 😀", clauses: ["att fastställa"] }],
    ["numbers, null, nested objects", { version: 3, content: { a: null, b: [1, { c: "x" }] } }],
  ])("lets %s through", (_name, raw) => {
    expect(refuseUnstorable(raw)).toBeNull();
  });

  it.each([
    ["NUL in a nested string", { content: { clauses: ["ok", "a\u0000b"] } }, "content.clauses.1", "NUL"],
    [
      "a lone high surrogate (half an emoji)",
      { content: { clauses: ["😀😀\uD83D"] } },
      "content.clauses.0",
      "ett halvt Unicode-tecken",
    ],
    ["a lone low surrogate", { title: "\uDE00x" }, "title", "ett halvt Unicode-tecken"],
    ["an unstorable key", { ["k\uD800"]: "v" }, "k\uD800", "ett halvt Unicode-tecken"],
  ])("refuses %s in Swedish, naming the field", (_name, raw, field, what) => {
    const r = refuseUnstorable(raw);
    expect(r).toEqual({
      ok: false,
      code: "VALIDATION",
      message: `Texten innehåller ett tecken som inte kan sparas (${what}). Ta bort det och försök igen.`,
      fieldErrors: { [field]: [`Ta bort det otillåtna tecknet (${what}) ur texten.`] },
    });
  });
});
