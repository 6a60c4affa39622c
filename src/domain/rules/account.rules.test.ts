import { describe, expect, it } from "vitest";
import {
  emailCodeExpiry,
  emailCodeProblem,
  firstAdminRefusal,
  normaliseEmailCode,
  passwordMustChangeAfterSet,
} from "./account.rules";

describe("passwordMustChangeAfterSet", () => {
  it("marks a password set by someone else, not one chosen by the holder", () => {
    expect(passwordMustChangeAfterSet("admin", "holder")).toBe(true);
    expect(passwordMustChangeAfterSet("holder", "holder")).toBe(false);
  });
});

describe("firstAdminRefusal", () => {
  const cases: [string, { hasPassword: boolean; passwordMustChange: boolean }, boolean, RegExp | null][] = [
    ["own password", { hasPassword: true, passwordMustChange: false }, false, null],
    ["own password, OIDC on", { hasPassword: true, passwordMustChange: false }, true, null],
    ["password set by an admin", { hasPassword: true, passwordMustChange: true }, false, /innehavaren inte har bytt/],
    ["password set by an admin, OIDC on", { hasPassword: true, passwordMustChange: true }, true, /Be innehavaren/],
    ["no password, no OIDC", { hasPassword: false, passwordMustChange: false }, false, /inget lösenord/],
    ["no password, OIDC on", { hasPassword: false, passwordMustChange: false }, true, null],
  ];
  it.each(cases)("%s", (_, account, oidc, refused) => {
    const answer = firstAdminRefusal(account, oidc);
    if (refused) expect(answer).toMatch(refused);
    else expect(answer).toBeNull();
  });
});

describe("the mailed code", () => {
  const at = new Date("2026-12-05T10:00:00.000Z");
  it("holds for half an hour from when it was sent", () => {
    expect(emailCodeExpiry(at).toISOString()).toBe("2026-12-05T10:30:00.000Z");
  });
  it("must have been sent and not have expired", () => {
    const expiresAt = emailCodeExpiry(at);
    expect(emailCodeProblem({ hash: null, expiresAt: null }, at)).toMatch(/Skicka kod/);
    expect(emailCodeProblem({ hash: "h", expiresAt }, new Date(expiresAt.getTime() - 1))).toBeNull();
    expect(emailCodeProblem({ hash: "h", expiresAt }, expiresAt)).toMatch(/gått ut/);
  });
  it("reads a code typed with spaces or dashes", () => {
    expect(normaliseEmailCode(" 1234-5678 ")).toBe("12345678");
    expect(normaliseEmailCode("1234 5678")).toBe("12345678");
  });
});
