import { describe, expect, it } from "vitest";
import { firstAdminRefusal, passwordMustChangeAfterSet } from "./account.rules";

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
