// The historical protocols' permissions, written out by hand as the specification (like
// authz.grid.test.ts): who may register, read (non-public included) and remove one, per body.
import { describe, expect, it } from "vitest";
import { authorizeHistorical, HISTORICAL_PERMISSIONS, type Actor, type HistoricalPermission } from "./authz";

const BODY = "b-direktionen";
const actor = (extra: Partial<Actor>): Actor => ({
  userId: "u",
  isAdmin: false,
  organisationBodyIds: [BODY],
  personId: "p",
  bodyRoles: [],
  ...extra,
});
const ACTORS = {
  admin: actor({ isAdmin: true, organisationId: "o-itsam" }),
  secretary: actor({ bodyRoles: [{ bodyId: BODY, role: "SECRETARY" }] }),
  member: actor({ bodyRoles: [{ bodyId: BODY, role: "MEMBER" }] }),
  otherBodySecretary: actor({ bodyRoles: [{ bodyId: "b-other", role: "SECRETARY" }] }),
  nobody: actor({}),
};

const GRID: Record<HistoricalPermission, Record<keyof typeof ACTORS, boolean>> = {
  "historical.register": { admin: true, secretary: true, member: false, otherBodySecretary: false, nobody: false },
  "historical.read": { admin: true, secretary: true, member: true, otherBodySecretary: false, nobody: false },
  "historical.delete": { admin: true, secretary: false, member: false, otherBodySecretary: false, nobody: false },
};

describe("authorizeHistorical", () => {
  it("covers every permission", () => {
    expect(Object.keys(GRID).sort()).toEqual(Object.keys(HISTORICAL_PERMISSIONS).sort());
  });
  for (const [permission, row] of Object.entries(GRID) as [HistoricalPermission, Record<string, boolean>][]) {
    for (const [who, allowed] of Object.entries(row)) {
      it(`${permission} ${who}: ${allowed ? "allowed" : "forbidden"}`, () => {
        const decision = authorizeHistorical(ACTORS[who as keyof typeof ACTORS], permission, BODY);
        expect(decision.ok).toBe(allowed);
        if (!decision.ok) expect(decision.reason).toBe("forbidden");
      });
    }
  }
  it("asks an anonymous caller to sign in", () => {
    expect(authorizeHistorical(null, "historical.read", BODY)).toMatchObject({ ok: false, reason: "unauthenticated" });
  });
});
