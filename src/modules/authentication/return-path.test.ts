import { describe, expect, it } from "vitest";
import { MAX_RETURN_PATH_LENGTH, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  // Each of these sends a browser to another host, or would after one more decoding.
  const hostile: [string, unknown][] = [
    ["scheme-relative", "//evil.example"],
    ["scheme-relative with path", "//evil.example/moten"],
    ["backslash after slash", "/\\evil.example"],
    ["two backslashes", "/\\\\evil"],
    ["leading backslashes", "\\\\evil.example"],
    ["backslash then slash", "\\/evil.example"],
    ["tab before slashes", "\t//evil"],
    ["slash tab slash", "/\t/evil.example"],
    ["slash newline slash", "/\n/evil.example"],
    ["slash CR slash", "/\r/evil.example"],
    ["NUL inside", "/\u0000/evil.example"],
    ["C1 control", "/\u0085/evil.example"],
    ["leading space", " //evil.example"],
    ["encoded tab", "/%09/evil"],
    ["encoded newline", "/%0a/evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded second slash", "/%2fevil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded whole value", "%2F%2Fevil.example"],
    ["dot segment collapsing to //", "/.//evil.example"],
    ["parent segment collapsing to //", "/a/..//evil.example"],
    ["encoded dot segment", "/%2e//evil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute http", "http://evil.example/logga-in"],
    ["scheme without slashes", "https:evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["javascript upper case", "JaVaScRiPt:alert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "moten/x"],
    ["empty", ""],
    ["malformed encoding", "/moten/%E0%A4%A"],
    ["very long", "/" + "a".repeat(MAX_RETURN_PATH_LENGTH)],
    ["not a string", ["/moten"]],
    ["undefined", undefined],
    ["null", null],
  ];
  it.each(hostile)("refuses %s", (_name, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  const fine: [string, string][] = [
    ["/", "/"],
    ["/moten/direktionen-2021-11-18", "/moten/direktionen-2021-11-18"],
    ["/moten/direktionen-2021-11-18/redigera#p-62", "/moten/direktionen-2021-11-18/redigera#p-62"],
    ["/protokoll?q=ekonomi&sida=2", "/protokoll?q=ekonomi&sida=2"],
    ["/protokoll?q=v%C3%A4g", "/protokoll?q=v%C3%A4g"],
    ["/moten/a/../b", "/moten/b"],
    ["/att-justera", "/att-justera"],
  ];
  it.each(fine)("keeps %s", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });
});
