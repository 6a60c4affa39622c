import { describe, expect, it } from "vitest";
import {
  authorize,
  authorizeGlobal,
  meetingWhereForActor,
  PERMISSIONS,
  type Actor,
  type MeetingPermission,
  type MeetingResource,
} from "./authz";

const BODY = "direktionen";
const meeting = (status: MeetingResource["status"]): MeetingResource => ({
  bodyId: BODY,
  status,
  secretaryPersonId: "p-secretary",
  chairPersonId: "p-chair",
  adjusterPersonIds: ["p-adjuster"],
});

const actors: Record<string, Actor | null> = {
  anonymous: null,
  member: { userId: "u1", isAdmin: false, personId: "p-member", bodyRoles: [{ bodyId: BODY, role: "MEMBER" }] },
  chair: { userId: "u2", isAdmin: false, personId: "p-chair", bodyRoles: [{ bodyId: BODY, role: "MEMBER" }] },
  adjuster: { userId: "u3", isAdmin: false, personId: "p-adjuster", bodyRoles: [{ bodyId: BODY, role: "MEMBER" }] },
  adjusterOfAnotherMeeting: { userId: "u4", isAdmin: false, personId: "p-other-adjuster", bodyRoles: [] },
  secretaryOfAnotherBody: {
    userId: "u5",
    isAdmin: false,
    personId: "p-other",
    bodyRoles: [{ bodyId: "kcb", role: "SECRETARY" }],
  },
  secretary: {
    userId: "u6",
    isAdmin: false,
    personId: "p-secretary",
    bodyRoles: [{ bodyId: BODY, role: "SECRETARY" }],
  },
  admin: { userId: "u7", isAdmin: true, personId: null, bodyRoles: [] },
};

// The expected table, written out by hand: a change to PERMISSIONS must change this too.
const Y = true;
const N = false;
const expected: Record<MeetingPermission, { status: MeetingResource["status"]; allowed: Record<string, boolean> }> = {
  "meeting.read": {
    status: "DRAFT",
    allowed: {
      anonymous: N,
      member: Y,
      chair: Y,
      adjuster: Y,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "meeting.create": {
    status: "DRAFT",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "meeting.edit": {
    status: "DRAFT",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "meeting.delete": {
    status: "DRAFT",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "protocol.sendForAdjustment": {
    status: "DRAFT",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "protocol.sign": {
    status: "READY_FOR_ADJUSTMENT",
    allowed: {
      anonymous: N,
      member: N,
      chair: Y,
      adjuster: Y,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: N,
    },
  },
  "protocol.return": {
    status: "READY_FOR_ADJUSTMENT",
    allowed: {
      anonymous: N,
      member: N,
      chair: Y,
      adjuster: Y,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: N,
      admin: N,
    },
  },
  "protocol.correct": {
    status: "ADJUSTED",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "notice.edit": {
    status: "ADJUSTED",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
  "audit.read": {
    status: "ADJUSTED",
    allowed: {
      anonymous: N,
      member: N,
      chair: N,
      adjuster: N,
      adjusterOfAnotherMeeting: N,
      secretaryOfAnotherBody: N,
      secretary: Y,
      admin: Y,
    },
  },
};

describe("the permission table", () => {
  it("covers every permission in the expected matrix", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  const cases = Object.entries(expected).flatMap(([permission, { status, allowed }]) =>
    Object.entries(allowed).map(([who, ok]) => [permission as MeetingPermission, who, status, ok] as const),
  );
  it.each(cases)("%s by %s in %s → %s", (permission, who, status, ok) => {
    const decision = authorize(actors[who]!, permission, meeting(status));
    expect(decision.ok).toBe(ok);
    if (!decision.ok) expect(decision.message).toMatch(/[a-zåäö]/);
  });

  it.each([
    ["meeting.edit", "READY_FOR_ADJUSTMENT"],
    ["meeting.edit", "ADJUSTED"],
    ["protocol.sign", "DRAFT"],
    ["protocol.sign", "ADJUSTED"],
    ["protocol.correct", "DRAFT"],
    ["notice.edit", "READY_FOR_ADJUSTMENT"],
  ] as const)("refuses %s in state %s with a reason about the state", (permission, status) => {
    const who = permission === "protocol.sign" ? "chair" : "secretary";
    const decision = authorize(actors[who]!, permission, meeting(status));
    expect(decision).toMatchObject({ ok: false, reason: "state" });
  });

  it("says 'log in' to the anonymous and 'not allowed' to others", () => {
    expect(authorize(null, "meeting.read", meeting("DRAFT"))).toMatchObject({
      ok: false,
      reason: "unauthenticated",
      message: "Logga in för att fortsätta.",
    });
    expect(authorize(actors.member!, "meeting.edit", meeting("DRAFT"))).toMatchObject({
      ok: false,
      reason: "forbidden",
    });
  });

  it("lets only admins manage users", () => {
    expect(authorizeGlobal(actors.admin!, "admin.manageUsers").ok).toBe(true);
    expect(authorizeGlobal(actors.secretary!, "admin.manageUsers").ok).toBe(false);
    expect(authorizeGlobal(null, "admin.manageUsers").ok).toBe(false);
  });
});

describe("meetingWhereForActor", () => {
  it("lets admins see everything and others their bodies and their own meetings", () => {
    expect(meetingWhereForActor(actors.admin!)).toEqual({});
    const where = meetingWhereForActor(actors.adjusterOfAnotherMeeting!);
    expect(where.OR).toContainEqual({ adjusters: { some: { personId: "p-other-adjuster" } } });
    expect(where.OR).toContainEqual({ bodyId: { in: [] } });
  });
});
