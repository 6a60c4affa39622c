// The permission table as a full grid: every permission × every role × every meeting state,
// compared with a table written out by hand below. The table is deliberately NOT derived from
// PERMISSIONS: a reviewer reads it as the specification, and a change to PERMISSIONS that is not
// also made here fails (a permission allowing `protocol.return` in DRAFT, say).
import { describe, expect, it } from "vitest";
import type { MeetingStatus } from "@/domain/protocol/protocol.types";
import { MEETING_STATUSES } from "@/domain/lifecycle";
import {
  AGENDA_PERMISSIONS,
  authorize,
  authorizeAgenda,
  authorizeForBody,
  authorizeGlobal,
  authorizeTemplates,
  GLOBAL_PERMISSIONS,
  meetingWhereForActor,
  PERMISSIONS,
  rolesFor,
  TEMPLATE_PERMISSIONS,
  type Actor,
  type AgendaPermission,
  type GlobalPermission,
  type MeetingPermission,
  type MeetingResource,
  type Role,
  type TemplatePermission,
} from "./authz";

const BODY = "b-direktionen";
const STATUSES = ["DRAFT", "READY_FOR_ADJUSTMENT", "ADJUSTED"] as const satisfies readonly MeetingStatus[];

const meeting = (status: MeetingStatus): MeetingResource => ({
  bodyId: BODY,
  status,
  secretaryPersonId: "p-meeting-secretary",
  chairPersonId: "p-chair",
  adjusterPersonIds: ["p-adjuster-1", "p-adjuster-2"],
  seatPersonIds: ["p-seat"],
});

// One actor per role, each holding exactly that one role towards the meeting (and nothing else:
// the chair and the justerare have no body role, the meeting's secretary is not the body's).
const actor = (personId: string | null, extra: Partial<Actor> = {}): Actor => ({
  userId: `u-${personId}`,
  isAdmin: false,
  organisationBodyIds: [BODY],
  personId,
  bodyRoles: [],
  ...extra,
});
const ACTORS: Record<Role | "none", Actor> = {
  admin: actor(null, { isAdmin: true, organisationId: "o-itsam" }),
  secretary: actor("p-body-secretary", { bodyRoles: [{ bodyId: BODY, role: "SECRETARY" }] }),
  member: actor("p-member", { bodyRoles: [{ bodyId: BODY, role: "MEMBER" }] }),
  meetingSecretary: actor("p-meeting-secretary"),
  chair: actor("p-chair"),
  adjuster: actor("p-adjuster-2"),
  // A ledamot or ersättare of the body by Membership, without any account role.
  seatHolder: actor("p-seat"),
  none: actor("p-nobody", { bodyRoles: [{ bodyId: "b-other", role: "SECRETARY" }] }),
};

// ok = allowed, F = forbidden (the role may never do it), S = refused because of the state.
// Columns: DRAFT, READY_FOR_ADJUSTMENT, ADJUSTED (every stored state; whether the notice is up follows
// from its dates, not from the status).
const GRID = `
meeting.read                admin             ok  ok  ok
meeting.read                secretary         ok  ok  ok
meeting.read                member            ok  ok  ok
meeting.read                meetingSecretary  ok  ok  ok
meeting.read                chair             ok  ok  ok
meeting.read                adjuster          ok  ok  ok
meeting.read                seatHolder        F   F   F
meeting.read                none              F   F   F

meeting.create              admin             ok  ok  ok
meeting.create              secretary         ok  ok  ok
meeting.create              member            F   F   F
meeting.create              meetingSecretary  F   F   F
meeting.create              chair             F   F   F
meeting.create              adjuster          F   F   F
meeting.create              seatHolder        F   F   F
meeting.create              none              F   F   F

meeting.edit                admin             ok  S   S
meeting.edit                secretary         ok  S   S
meeting.edit                member            F   F   F
meeting.edit                meetingSecretary  F   F   F
meeting.edit                chair             F   F   F
meeting.edit                adjuster          F   F   F
meeting.edit                seatHolder        F   F   F
meeting.edit                none              F   F   F

meeting.delete              admin             ok  S   S
meeting.delete              secretary         ok  S   S
meeting.delete              member            F   F   F
meeting.delete              meetingSecretary  F   F   F
meeting.delete              chair             F   F   F
meeting.delete              adjuster          F   F   F
meeting.delete              seatHolder        F   F   F
meeting.delete              none              F   F   F

protocol.sendForAdjustment  admin             ok  S   S
protocol.sendForAdjustment  secretary         ok  S   S
protocol.sendForAdjustment  member            F   F   F
protocol.sendForAdjustment  meetingSecretary  F   F   F
protocol.sendForAdjustment  chair             F   F   F
protocol.sendForAdjustment  adjuster          F   F   F
protocol.sendForAdjustment  seatHolder        F   F   F
protocol.sendForAdjustment  none              F   F   F

protocol.sign               admin             F   F   F
protocol.sign               secretary         F   F   F
protocol.sign               member            F   F   F
protocol.sign               meetingSecretary  S   ok  S
protocol.sign               chair             S   ok  S
protocol.sign               adjuster          S   ok  S
protocol.sign               seatHolder        F   F   F
protocol.sign               none              F   F   F

protocol.return             admin             F   F   F
protocol.return             secretary         F   F   F
protocol.return             member            F   F   F
protocol.return             meetingSecretary  F   F   F
protocol.return             chair             S   ok  S
protocol.return             adjuster          S   ok  S
protocol.return             seatHolder        F   F   F
protocol.return             none              F   F   F

protocol.correct            admin             S   S   ok
protocol.correct            secretary         S   S   ok
protocol.correct            member            F   F   F
protocol.correct            meetingSecretary  F   F   F
protocol.correct            chair             F   F   F
protocol.correct            adjuster          F   F   F
protocol.correct            seatHolder        F   F   F
protocol.correct            none              F   F   F

notice.edit                 admin             S   S   ok
notice.edit                 secretary         S   S   ok
notice.edit                 member            F   F   F
notice.edit                 meetingSecretary  F   F   F
notice.edit                 chair             F   F   F
notice.edit                 adjuster          F   F   F
notice.edit                 seatHolder        F   F   F
notice.edit                 none              F   F   F

audit.read                  admin             ok  ok  ok
audit.read                  secretary         ok  ok  ok
audit.read                  member            F   F   F
audit.read                  meetingSecretary  F   F   F
audit.read                  chair             F   F   F
audit.read                  adjuster          F   F   F
audit.read                  seatHolder        F   F   F
audit.read                  none              F   F   F

agenda.toProtocol           admin             ok  S   S
agenda.toProtocol           secretary         ok  S   S
agenda.toProtocol           member            F   F   F
agenda.toProtocol           meetingSecretary  F   F   F
agenda.toProtocol           chair             F   F   F
agenda.toProtocol           adjuster          F   F   F
agenda.toProtocol           seatHolder        F   F   F
agenda.toProtocol           none              F   F   F

members.readAgenda          admin             ok  ok  ok
members.readAgenda          secretary         ok  ok  ok
members.readAgenda          member            ok  ok  ok
members.readAgenda          meetingSecretary  ok  ok  ok
members.readAgenda          chair             ok  ok  ok
members.readAgenda          adjuster          ok  ok  ok
members.readAgenda          seatHolder        ok  ok  ok
members.readAgenda          none              F   F   F

members.readConfidential    admin             ok  ok  ok
members.readConfidential    secretary         ok  ok  ok
members.readConfidential    member            ok  ok  ok
members.readConfidential    meetingSecretary  F   F   F
members.readConfidential    chair             F   F   F
members.readConfidential    adjuster          F   F   F
members.readConfidential    seatHolder        ok  ok  ok
members.readConfidential    none              F   F   F

absence.report              admin             F   F   F
absence.report              secretary         F   F   F
absence.report              member            F   F   F
absence.report              meetingSecretary  F   F   F
absence.report              chair             F   F   F
absence.report              adjuster          F   F   F
absence.report              seatHolder        ok  S   S
absence.report              none              F   F   F

absence.read                admin             ok  ok  ok
absence.read                secretary         ok  ok  ok
absence.read                member            F   F   F
absence.read                meetingSecretary  F   F   F
absence.read                chair             F   F   F
absence.read                adjuster          F   F   F
absence.read                seatHolder        F   F   F
absence.read                none              F   F   F

summons.send                admin             ok  S   S
summons.send                secretary         ok  S   S
summons.send                member            F   F   F
summons.send                meetingSecretary  F   F   F
summons.send                chair             F   F   F
summons.send                adjuster          F   F   F
summons.send                seatHolder        F   F   F
summons.send                none              F   F   F

earkiv.export               admin             S   S   ok
earkiv.export               secretary         S   S   ok
earkiv.export               member            F   F   F
earkiv.export               meetingSecretary  F   F   F
earkiv.export               chair             F   F   F
earkiv.export               adjuster          F   F   F
earkiv.export               seatHolder        F   F   F
earkiv.export               none              F   F   F

meeting.live                admin             ok  S   S
meeting.live                secretary         ok  S   S
meeting.live                member            F   F   F
meeting.live                meetingSecretary  ok  S   S
meeting.live                chair             ok  S   S
meeting.live                adjuster          F   F   F
meeting.live                seatHolder        F   F   F
meeting.live                none              F   F   F

meeting.liveSeat            admin             F   F   F
meeting.liveSeat            secretary         F   F   F
meeting.liveSeat            member            F   F   F
meeting.liveSeat            meetingSecretary  F   F   F
meeting.liveSeat            chair             F   F   F
meeting.liveSeat            adjuster          F   F   F
meeting.liveSeat            seatHolder        ok  S   S
meeting.liveSeat            none              F   F   F
`;

// The Swedish sentence each state refusal gives, written out so a lost or swapped message fails.
const STATE_MESSAGES: Record<MeetingPermission, string> = {
  "meeting.read": "Protokollet kan inte visas.",
  "meeting.create": "Sammanträdet kan inte skapas.",
  "meeting.edit":
    "Protokollet kan inte ändras: det är skickat till justering eller justerat. Efter justering görs ändringar som rättelse.",
  "meeting.delete": "Sammanträdet kan inte tas bort: protokollet har skickats till justering.",
  "protocol.sendForAdjustment": "Protokollet kan bara skickas till justering när det är ett utkast.",
  "protocol.sign": "Protokollet kan bara signeras när det väntar på justering.",
  "protocol.return": "Protokollet kan bara skickas tillbaka när det väntar på justering.",
  "protocol.correct": "Rättelse görs först när protokollet är justerat; ändra utkastet i stället.",
  "notice.edit": "Anslaget kan bara ändras när protokollet är justerat och anslaget inte tagits ned.",
  "audit.read": "Händelseloggen kan inte visas.",
  "agenda.toProtocol":
    "Ärendelistan kan bara föras över till protokollet medan protokollet är ett utkast; det är skickat till justering eller justerat.",
  "members.readAgenda": "Ärendelistan kan inte visas.",
  "members.readConfidential": "Ärendet kan inte visas.",
  "absence.report": "Förhinder kan bara anmälas före sammanträdet, medan protokollet är ett utkast.",
  "absence.read": "Förhindren kan inte visas.",
  "summons.send": "Kallelsen kan bara skickas innan protokollet har skickats till justering.",
  "earkiv.export": "E-arkivpaketet kan bara skapas när protokollet är justerat.",
  "meeting.live": "Sammanträdet kan bara föras live medan protokollet är ett utkast.",
  "meeting.liveSeat": "Sammanträdet pågår inte längre: protokollet har skickats till justering.",
};
const FORBIDDEN = "Du har inte behörighet till det här protokollet.";
const UNAUTHENTICATED = "Logga in för att fortsätta.";

type Cell = "ok" | "F" | "S";
const rows = GRID.trim()
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const [permission, role, ...cells] = line.trim().split(/\s+/);
    return { permission: permission as MeetingPermission, role: role as Role | "none", cells: cells as Cell[] };
  });

describe("the permission grid (permission × role × state)", () => {
  it("is complete: every permission × every role exactly once, one cell per state", () => {
    const keys = rows.map((r) => `${r.permission} ${r.role}`);
    expect(new Set(keys).size).toBe(keys.length);
    const want = Object.keys(PERMISSIONS).flatMap((p) => Object.keys(ACTORS).map((r) => `${p} ${r}`));
    expect(keys.sort()).toEqual(want.sort());
    for (const r of rows) expect(r.cells, `${r.permission} ${r.role}`).toHaveLength(STATUSES.length);
    expect(STATUSES).toEqual(MEETING_STATUSES);
  });

  const cases = rows.flatMap((r) => STATUSES.map((status, i) => [r.permission, r.role, status, r.cells[i]!] as const));
  it.each(cases)("%s by %s in %s → %s", (permission, role, status, cell) => {
    const decision = authorize(ACTORS[role], permission, meeting(status));
    if (cell === "ok") {
      expect(decision.ok).toBe(true);
      // The roles handed on are exactly the one role the actor holds.
      if (decision.ok) expect([...decision.roles]).toEqual([role]);
    } else if (cell === "F") {
      expect(decision).toEqual({ ok: false, reason: "forbidden", message: FORBIDDEN });
    } else {
      expect(decision).toEqual({ ok: false, reason: "state", message: STATE_MESSAGES[permission] });
    }
  });

  it.each(Object.keys(PERMISSIONS).flatMap((p) => STATUSES.map((s) => [p as MeetingPermission, s] as const)))(
    "%s in %s without a session → unauthenticated",
    (permission, status) => {
      expect(authorize(null, permission, meeting(status))).toEqual({
        ok: false,
        reason: "unauthenticated",
        message: UNAUTHENTICATED,
      });
    },
  );
});

describe("rolesFor", () => {
  const m = meeting("READY_FOR_ADJUSTMENT");

  it("gives a chair without any body role the role chair, so they can read and sign", () => {
    const chair = ACTORS.chair;
    expect(chair.bodyRoles).toEqual([]);
    expect([...rolesFor(chair, m)]).toEqual(["chair"]);
    expect(authorize(chair, "meeting.read", m).ok).toBe(true);
    expect(authorize(chair, "protocol.sign", m).ok).toBe(true);
    expect(authorize(chair, "protocol.return", m).ok).toBe(true);
    expect(authorize(chair, "meeting.edit", meeting("DRAFT"))).toMatchObject({ reason: "forbidden" });
  });

  it("finds every justerare in the list, not only the first", () => {
    expect([...rolesFor(actor("p-adjuster-1"), m)]).toEqual(["adjuster"]);
    expect([...rolesFor(actor("p-adjuster-2"), m)]).toEqual(["adjuster"]);
  });

  it("adds up the roles one person holds", () => {
    const both = actor("p-chair", {
      isAdmin: true,
      bodyRoles: [
        { bodyId: BODY, role: "SECRETARY" },
        { bodyId: BODY, role: "MEMBER" },
      ],
    });
    expect([...rolesFor(both, { ...m, adjusterPersonIds: ["p-chair"], secretaryPersonId: "p-chair" })].sort()).toEqual(
      ["admin", "adjuster", "chair", "meetingSecretary", "member", "secretary"].sort(),
    );
  });

  it("ignores body roles in another body", () => {
    expect([
      ...rolesFor(
        actor("p-x", {
          bodyRoles: [
            { bodyId: "b-other", role: "SECRETARY" },
            { bodyId: "b-other", role: "MEMBER" },
          ],
        }),
        m,
      ),
    ]).toEqual([]);
  });

  it("never matches a user without a person against a meeting without a secretary, chair or justerare", () => {
    const empty = {
      bodyId: BODY,
      status: "DRAFT" as const,
      secretaryPersonId: null,
      chairPersonId: null,
      adjusterPersonIds: [],
    };
    expect([...rolesFor(actor(null), empty)]).toEqual([]);
    // …and a meeting known only by its body (creating one) gives no personal roles at all.
    expect([...rolesFor(actor("p-chair"), { bodyId: BODY })]).toEqual([]);
  });

  it("gives a ledamot or ersättare of the body (Membership on the day) the role seatHolder, and no other", () => {
    expect([...rolesFor(ACTORS.seatHolder, m)]).toEqual(["seatHolder"]);
    // Seats not read (undefined) or of another meeting: no role; a user without a person: none.
    expect([...rolesFor(ACTORS.seatHolder, { ...m, seatPersonIds: undefined })]).toEqual([]);
    expect([...rolesFor(ACTORS.seatHolder, { ...m, seatPersonIds: ["p-other"] })]).toEqual([]);
    expect([...rolesFor(actor(null), m)]).toEqual([]);
    expect(authorize(ACTORS.seatHolder, "meeting.read", m)).toMatchObject({ ok: false, reason: "forbidden" });
  });

  it("gives an admin no role but admin", () => {
    expect([...rolesFor(ACTORS.admin, m)]).toEqual(["admin"]);
  });
});

describe("authorizeForBody and authorizeGlobal", () => {
  it("lets the body's secretary and an admin create a meeting, and nobody else", () => {
    expect(authorizeForBody(ACTORS.secretary, "meeting.create", BODY).ok).toBe(true);
    expect(authorizeForBody(ACTORS.admin, "meeting.create", BODY).ok).toBe(true);
    expect(authorizeForBody(ACTORS.secretary, "meeting.create", "b-other")).toEqual({
      ok: false,
      reason: "forbidden",
      message: FORBIDDEN,
    });
    expect(authorizeForBody(ACTORS.member, "meeting.create", BODY)).toEqual({
      ok: false,
      reason: "forbidden",
      message: FORBIDDEN,
    });
    // A chair of some meeting is not a secretary of the body.
    expect(authorizeForBody(ACTORS.chair, "meeting.create", BODY).ok).toBe(false);
    expect(authorizeForBody(null, "meeting.create", BODY)).toEqual({
      ok: false,
      reason: "unauthenticated",
      message: UNAUTHENTICATED,
    });
  });

  const ORGANISATION_PERMISSIONS = (Object.keys(GLOBAL_PERMISSIONS) as GlobalPermission[]).filter((p) =>
    p.startsWith("admin."),
  );
  it.each(ORGANISATION_PERMISSIONS)("lets only admins %s", (permission) => {
    expect(authorizeGlobal(ACTORS.admin, permission)).toEqual({ ok: true, roles: new Set(["admin"]) });
    for (const who of ["secretary", "member", "meetingSecretary", "chair", "adjuster", "seatHolder", "none"] as const) {
      expect(authorizeGlobal(ACTORS[who], permission)).toEqual({
        ok: false,
        reason: "forbidden",
        message: "Bara administratörer får göra det här.",
      });
    }
    expect(authorizeGlobal(null, permission)).toEqual({
      ok: false,
      reason: "unauthenticated",
      message: UNAUTHENTICATED,
    });
  });

  it("has exactly the global permissions of the admin pages", () => {
    expect(Object.keys(GLOBAL_PERMISSIONS).sort()).toEqual([
      "admin.manageBodies",
      "admin.manageOrganisation",
      "admin.managePeople",
      "admin.manageUsers",
      "admin.readAuditLog",
      "platform.manageOrganisations",
    ]);
  });

  it("keeps an organisation's admin out of the platform's work, and the platform's admin out of an organisation's", () => {
    const platform = actor(null, { isPlatformAdmin: true });
    expect(authorizeGlobal(platform, "platform.manageOrganisations").ok).toBe(true);
    expect(authorizeGlobal(ACTORS.admin, "platform.manageOrganisations").ok).toBe(false);
    for (const p of ORGANISATION_PERMISSIONS) expect(authorizeGlobal(platform, p).ok, p).toBe(false);
    // An admin flag without an organisation (the user belongs to none) is no admin.
    expect(authorizeGlobal(actor(null, { isAdmin: true }), "admin.manageUsers").ok).toBe(false);
  });
});

describe("meetingWhereForActor (the shape; tests/authz-matrix.int.test.ts runs it on PostgreSQL)", () => {
  it("gives admins every meeting of their organisation's bodies", () => {
    expect(meetingWhereForActor(ACTORS.admin)).toEqual({ bodyId: { in: [BODY] } });
  });

  it("gives a person their bodies, and the meetings they are secretary, justerare, chair or a signer of", () => {
    const a = actor("p-1", {
      bodyRoles: [
        { bodyId: "b-1", role: "MEMBER" },
        { bodyId: "b-2", role: "SECRETARY" },
      ],
    });
    expect(meetingWhereForActor(a)).toEqual({
      OR: [
        { bodyId: { in: ["b-1", "b-2"] } },
        { secretaryId: "p-1" },
        { adjusters: { some: { personId: "p-1" } } },
        { attendances: { some: { personId: "p-1", role: "CHAIR" } } },
        { signers: { some: { personId: "p-1" } } },
      ],
    });
  });

  it("gives a user without a person only their bodies' meetings", () => {
    expect(meetingWhereForActor(actor(null, { bodyRoles: [{ bodyId: "b-1", role: "MEMBER" }] }))).toEqual({
      OR: [{ bodyId: { in: ["b-1"] } }],
    });
  });
});

// The body's ärenden (src/modules/agenda), by role × where the ärende is: in the body's pool, or on
// a meeting in each state. "bodyMember" is a ledamot or ersättare of the body (a Membership) with
// no user role in it; a member of another body is "none".
const AGENDA_GRID = `
agenda.read   admin       ok  ok  ok  ok
agenda.read   secretary   ok  ok  ok  ok
agenda.read   member      ok  ok  ok  ok
agenda.read   bodyMember  ok  ok  ok  ok
agenda.read   chair       F   F   F   F
agenda.read   none        F   F   F   F

agenda.edit   admin       ok  ok  S   S
agenda.edit   secretary   ok  ok  S   S
agenda.edit   member      F   F   F   F
agenda.edit   bodyMember  F   F   F   F
agenda.edit   chair       F   F   F   F
agenda.edit   none        F   F   F   F
`;
const WHERE = [null, "DRAFT", "READY_FOR_ADJUSTMENT", "ADJUSTED"] as const;
const AGENDA_STATE_MESSAGES: Record<AgendaPermission, string> = {
  "agenda.read": "Ärendet kan inte visas.",
  "agenda.edit": "Ärendelistan kan inte ändras: sammanträdets protokoll är skickat till justering eller justerat.",
};

describe("the agenda grid (permission × role × pool or meeting state)", () => {
  const agendaRows = AGENDA_GRID.trim()
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [permission, role, ...cells] = line.trim().split(/\s+/);
      return { permission: permission as AgendaPermission, role: role!, cells: cells as Cell[] };
    });
  const who = (role: string): { actor: Actor; member: boolean } =>
    role === "bodyMember"
      ? { actor: actor("p-ledamot"), member: true }
      : { actor: ACTORS[role as Role | "none"], member: false };

  it("covers every agenda permission", () => {
    expect([...new Set(agendaRows.map((r) => r.permission))].sort()).toEqual(Object.keys(AGENDA_PERMISSIONS).sort());
    for (const r of agendaRows) expect(r.cells).toHaveLength(WHERE.length);
  });

  const cases = agendaRows.flatMap((r) => WHERE.map((where, i) => [r.permission, r.role, where, r.cells[i]!] as const));
  it.each(cases)("%s by %s on %s → %s", (permission, role, where, cell) => {
    const { actor: a, member } = who(role);
    const decision = authorizeAgenda(a, permission, { bodyId: BODY, meetingStatus: where, actorIsBodyMember: member });
    if (cell === "ok") expect(decision.ok).toBe(true);
    else if (cell === "F")
      expect(decision).toEqual({
        ok: false,
        reason: "forbidden",
        message: "Du har inte behörighet till organets ärenden.",
      });
    else expect(decision).toEqual({ ok: false, reason: "state", message: AGENDA_STATE_MESSAGES[permission] });
  });

  it("refuses without a session", () => {
    expect(
      authorizeAgenda(null, "agenda.read", { bodyId: BODY, meetingStatus: null, actorIsBodyMember: true }),
    ).toEqual({ ok: false, reason: "unauthenticated", message: UNAUTHENTICATED });
  });
});

// A body's § templates (src/modules/templates), by role towards the body: its secretaries and the
// administrators keep them; every other role, and a secretary of another body ("none"), is refused.
const TEMPLATE_GRID = `
templates.manage  admin             ok
templates.manage  secretary         ok
templates.manage  member            F
templates.manage  meetingSecretary  F
templates.manage  chair             F
templates.manage  adjuster          F
templates.manage  seatHolder        F
templates.manage  none              F
`;

describe("the template grid (permission × role)", () => {
  const templateRows = TEMPLATE_GRID.trim()
    .split("\n")
    .map((line) => {
      const [permission, role, cell] = line.trim().split(/\s+/);
      return { permission: permission as TemplatePermission, role: role as Role | "none", cell: cell as Cell };
    });

  it("is complete: every template permission × every role exactly once", () => {
    const keys = templateRows.map((r) => `${r.permission} ${r.role}`);
    const want = Object.keys(TEMPLATE_PERMISSIONS).flatMap((p) => Object.keys(ACTORS).map((r) => `${p} ${r}`));
    expect(keys.sort()).toEqual(want.sort());
  });

  it.each(templateRows.map((r) => [r.permission, r.role, r.cell] as const))(
    "%s by %s → %s",
    (permission, role, cell) => {
      const decision = authorizeTemplates(ACTORS[role], permission, BODY);
      if (cell === "ok") expect(decision).toEqual({ ok: true, roles: new Set([role]) });
      else
        expect(decision).toEqual({
          ok: false,
          reason: "forbidden",
          message: "Bara organets sekreterare och administratörer får ändra organets paragrafmallar.",
        });
    },
  );

  it("refuses without a session", () => {
    expect(authorizeTemplates(null, "templates.manage", BODY)).toEqual({
      ok: false,
      reason: "unauthenticated",
      message: UNAUTHENTICATED,
    });
  });
});
