// What a signer's field shows once signed (issue 18): who, role, time, and how identified.
import { describe, expect, it } from "vitest";
import { signatureAppearanceLines } from "./signoff.pades";

const signedAt = new Date("2026-12-05T08:12:30Z");

describe("signatureAppearanceLines", () => {
  it("names the person and role, the Swedish time and the e-legitimation with its level and provider", () => {
    const lines = signatureAppearanceLines({
      name: "Jacob Käll",
      roles: ["CHAIR"],
      signedAt,
      who: {
        method: "EID",
        idpName: "Freja eID+",
        identity: {
          issuer: "https://idp.example",
          subject: "s",
          personnummer: "198112189876",
          name: "Jacob Käll",
          acr: "http://id.elegnamnden.se/loa/1.0/loa3",
          authTime: signedAt,
        },
      },
    });
    expect(lines).toEqual([
      "Signerat digitalt av Jacob Käll, ordförande",
      "Tid: 2026-12-05 kl. 09:12",
      "Identifierad med e-legitimation (tillitsnivå 3) via Freja eID+",
    ]);
    expect(lines.join(" ")).not.toContain("198112189876");
  });

  it("labels the password as the weaker level, and joins two roles", () => {
    const lines = signatureAppearanceLines({
      name: "Anna Andersson",
      roles: ["SECRETARY", "ADJUSTER"],
      signedAt,
      who: { method: "PASSWORD" },
    });
    expect(lines[0]).toBe("Signerat digitalt av Anna Andersson, sekreterare och justerare");
    expect(lines[2]).toBe("Identifierad med lösenord – svagare nivå");
  });
});
