import { describe, expect, it } from "vitest";
import { MEETING_STATUSES } from "@/domain/lifecycle";
import {
  authorize,
  authorizeAccountCredentials,
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

// The organisation's bodies (the admin's reach; issue 19.1).
const ORG_BODIES = [BODY, "kcb"];

const actors: Record<string, Actor | null> = {
  anonymous: null,
  member: {
    userId: "u1",
    isAdmin: false,
    organisationBodyIds: ORG_BODIES,
    personId: "p-member",
    bodyRoles: [{ bodyId: BODY, role: "MEMBER" }],
  },
  chair: {
    userId: "u2",
    isAdmin: false,
    organisationBodyIds: ORG_BODIES,
    personId: "p-chair",
    bodyRoles: [{ bodyId: BODY, role: "MEMBER" }],
  },
  adjuster: {
    userId: "u3",
    isAdmin: false,
    organisationBodyIds: ORG_BODIES,
    personId: "p-adjuster",
    bodyRoles: [{ bodyId: BODY, role: "MEMBER" }],
  },
  adjusterOfAnotherMeeting: {
    userId: "u4",
    isAdmin: false,
    organisationBodyIds: ORG_BODIES,
    personId: "p-other-adjuster",
    bodyRoles: [],
  },
  secretaryOfAnotherBody: {
    userId: "u5",
    isAdmin: false,
    organisationBodyIds: ORG_BODIES,
    personId: "p-other",
    bodyRoles: [{ bodyId: "kcb", role: "SECRETARY" }],
  },
  secretary: {
    userId: "u6",
    isAdmin: false,
    organisationBodyIds: ORG_BODIES,
    personId: "p-secretary",
    bodyRoles: [{ bodyId: BODY, role: "SECRETARY" }],
  },
  admin: {
    userId: "u7",
    isAdmin: true,
    organisationId: "o-itsam",
    organisationBodyIds: ORG_BODIES,
    personId: null,
    bodyRoles: [],
  },
};

// The expected table, written out by hand: a change to PERMISSIONS must change this too. A row:
// the status the permission is tried in, then Y or N for each actor in the order of `actors`:
// anonymous, member, chair, adjuster, adjusterOfAnotherMeeting, secretaryOfAnotherBody, secretary, admin.
const Y = true;
const N = false;
const row = (status: MeetingResource["status"], ...flags: boolean[]) => {
  const who = Object.keys(actors);
  if (flags.length !== who.length) throw new Error(`A row needs ${who.length} Y/N, one for each actor.`);
  return { status, allowed: Object.fromEntries(who.map((w, i) => [w, flags[i]!])) };
};
const expected: Record<MeetingPermission, { status: MeetingResource["status"]; allowed: Record<string, boolean> }> = {
  "meeting.read": row("DRAFT", N, Y, Y, Y, N, N, Y, Y),
  "meeting.create": row("DRAFT", N, N, N, N, N, N, Y, Y),
  "meeting.edit": row("DRAFT", N, N, N, N, N, N, Y, Y),
  "meeting.delete": row("DRAFT", N, N, N, N, N, N, Y, Y),
  "protocol.sendForAdjustment": row("DRAFT", N, N, N, N, N, N, Y, Y),
  "protocol.sign": row("READY_FOR_ADJUSTMENT", N, N, Y, Y, N, N, Y, N),
  "protocol.return": row("READY_FOR_ADJUSTMENT", N, N, Y, Y, N, N, N, N),
  "protocol.correct": row("ADJUSTED", N, N, N, N, N, N, Y, Y),
  "notice.edit": row("ADJUSTED", N, N, N, N, N, N, Y, Y),
  "audit.read": row("ADJUSTED", N, N, N, N, N, N, Y, Y),
  "agenda.toProtocol": row("DRAFT", N, N, N, N, N, N, Y, Y),
  "members.readAgenda": row("DRAFT", N, Y, Y, Y, N, N, Y, Y),
  "members.readConfidential": row("DRAFT", N, Y, Y, Y, N, N, Y, Y),
  // Only a ledamot/ersättare by Membership (seatPersonIds; none here): authz.grid.test.ts.
  "absence.report": row("DRAFT", N, N, N, N, N, N, N, N),
  "absence.read": row("ADJUSTED", N, N, N, N, N, N, Y, Y),
  "summons.send": row("DRAFT", N, N, N, N, N, N, Y, Y),
  "earkiv.export": row("ADJUSTED", N, N, N, N, N, N, Y, Y),
  "meeting.live": row("DRAFT", N, N, Y, N, N, N, Y, Y),
  "meeting.liveSeat": row("DRAFT", N, N, N, N, N, N, N, N),
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
    ["agenda.toProtocol", "ADJUSTED"],
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

describe("an organisation's admin (issue 19.1)", () => {
  const adminElsewhere: Actor = { ...actors.admin!, organisationBodyIds: ["b-other-organisation"] };
  it("has no say over another organisation's meetings, in any state", () => {
    for (const permission of Object.keys(PERMISSIONS) as MeetingPermission[]) {
      for (const status of MEETING_STATUSES) {
        expect(authorize(adminElsewhere, permission, meeting(status)).ok, `${permission} ${status}`).toBe(false);
      }
    }
    expect(meetingWhereForActor(adminElsewhere)).toEqual({ bodyId: { in: ["b-other-organisation"] } });
  });
});

describe("an account's password and e-mail (issue 19.1: one account, several organisations)", () => {
  const account = (organisationIds: string[], isPlatformAdmin = false) => ({
    userId: "u-target",
    isPlatformAdmin,
    organisationIds,
  });
  const admin = actors.admin!;
  it("are the admin's to change when they administer every organisation of the account", () => {
    expect(authorizeAccountCredentials(admin, account(["o-itsam"]), ["o-itsam"]).ok).toBe(true);
    expect(authorizeAccountCredentials(admin, account(["o-itsam", "o-ydre"]), ["o-itsam", "o-ydre"]).ok).toBe(true);
  });
  it("are not when the account is also another organisation's, or the platform admin's", () => {
    expect(authorizeAccountCredentials(admin, account(["o-itsam", "o-ydre"]), ["o-itsam"])).toMatchObject({
      ok: false,
      reason: "forbidden",
      message: expect.stringMatching(/annan organisation/),
    });
    expect(authorizeAccountCredentials(admin, account(["o-itsam"], true), ["o-itsam"]).ok).toBe(false);
  });
  it("are the account's own, and never a non-admin's", () => {
    expect(authorizeAccountCredentials(admin, { ...account(["o-itsam", "o-ydre"], true), userId: "u7" }, []).ok).toBe(
      true,
    );
    expect(authorizeAccountCredentials(actors.secretary!, account(["o-itsam"]), ["o-itsam"]).ok).toBe(false);
    expect(authorizeAccountCredentials(null, account(["o-itsam"]), ["o-itsam"]).ok).toBe(false);
  });
});

describe("meetingWhereForActor", () => {
  it("lets admins see their organisation's bodies and others their bodies and their own meetings", () => {
    expect(meetingWhereForActor(actors.admin!)).toEqual({ bodyId: { in: ORG_BODIES } });
    const where = meetingWhereForActor(actors.adjusterOfAnotherMeeting!);
    expect(where.OR).toContainEqual({ adjusters: { some: { personId: "p-other-adjuster" } } });
    expect(where.OR).toContainEqual({ bodyId: { in: [] } });
  });
});
