// THE permission table: who may do what to a meeting's protocol, in which state. Every server
// action and route handler asks `authorize` (through defineAction); every list query spreads
// `meetingWhereForActor` into its where. Pure: no Next.js, no Prisma client (only its types).
import type { Prisma } from "@/generated/prisma/client";
import type { MeetingStatus } from "@/domain/protocol/protocol.types";
import { ADJUSTED_STATUSES, EDITABLE_STATUSES, MEETING_STATUSES } from "@/domain/lifecycle";

export interface Actor {
  userId: string;
  /** The admin of the organisation the actor works in now (OrganisationUser.isAdmin; issue 19.1). */
  isAdmin: boolean;
  /**
   * The bodies of that organisation (src/server/session.ts). The admin role reaches these only:
   * an organisation's admin has no say over another's meetings, whatever else goes wrong.
   */
  organisationBodyIds: readonly string[];
  /** That organisation (absent or null: none — organisation-wide actions are refused). */
  organisationId?: string | null;
  /** The platform's admin (User.isAdmin): creates organisations. */
  isPlatformAdmin?: boolean;
  personId: string | null;
  bodyRoles: readonly { bodyId: string; role: "SECRETARY" | "MEMBER" }[];
}

/** What the table needs to know about a meeting. */
export interface MeetingResource {
  bodyId: string;
  status: MeetingStatus;
  secretaryPersonId: string | null;
  chairPersonId: string | null;
  adjusterPersonIds: readonly string[];
  /**
   * Signers per § (MeetingSigner), when the meeting has any: then they, not the three fields
   * above, are the meeting's secretaries, chairs and justerare (signers.rules.ts signerAssignments).
   */
  signers?: readonly { personId: string; role: "SECRETARY" | "CHAIR" | "ADJUSTER" }[];
  /**
   * The ledamöter and ersättare of the meeting's body on the meeting day (Membership whose term
   * covers it): they read the kallelse and report förhinder (src/modules/members). Unknown
   * (undefined) gives nobody that role.
   */
  seatPersonIds?: readonly string[];
}

/** Roles an actor can hold relative to one meeting. */
export type Role =
  | "admin" // system administrator
  | "secretary" // secretary of the meeting's body
  | "member" // member of the meeting's body
  | "meetingSecretary" // the person recorded as this meeting's secretary (signs)
  | "chair" // ordförande at this meeting
  | "adjuster" // justerare of this meeting
  | "seatHolder"; // ledamot or ersättare of the meeting's body on its day (Membership), with or without an account role

// The states, from the protocol's lifecycle (src/domain/lifecycle.ts).
const ALL = MEETING_STATUSES;
const DRAFT = EDITABLE_STATUSES;
const ADJUSTED = ADJUSTED_STATUSES;

export const PERMISSIONS = {
  /** Read the protocol in the workspace, drafts included. */
  "meeting.read": { roles: ["admin", "secretary", "member", "meetingSecretary", "chair", "adjuster"], statuses: ALL },
  /** Create a meeting for the body. */
  "meeting.create": { roles: ["admin", "secretary"], statuses: ALL },
  /** Change anything in the protocol: header, attendance, §§ (draft only; KL 5:69 justering freezes it). */
  "meeting.edit": { roles: ["admin", "secretary"], statuses: DRAFT },
  /** Delete a meeting that was never sent for justering. */
  "meeting.delete": { roles: ["admin", "secretary"], statuses: DRAFT },
  "protocol.sendForAdjustment": { roles: ["admin", "secretary"], statuses: DRAFT },
  "protocol.sign": { roles: ["meetingSecretary", "chair", "adjuster"], statuses: ["READY_FOR_ADJUSTMENT"] },
  "protocol.return": { roles: ["chair", "adjuster"], statuses: ["READY_FOR_ADJUSTMENT"] },
  /** Rättelse: an appended, signed note after justering; the original stays. */
  "protocol.correct": { roles: ["admin", "secretary"], statuses: ADJUSTED },
  /** Once justerat; a notice that has come down (by its dates) is refused by notice.rules.ts. */
  "notice.edit": { roles: ["admin", "secretary"], statuses: ADJUSTED },
  "audit.read": { roles: ["admin", "secretary"], statuses: ALL },
  /** Turn the meeting's ärendelista into §§ (src/modules/agenda), while the protocol is a draft. */
  "agenda.toProtocol": { roles: ["admin", "secretary"], statuses: DRAFT },
  /** The members' view: the meeting's ärendelista and its public handlingar (src/modules/members). */
  "members.readAgenda": {
    roles: ["admin", "secretary", "member", "meetingSecretary", "chair", "adjuster", "seatHolder"],
    statuses: ALL,
  },
  /** Confidential ärenden and handlingar: only the body's own (secretaries, members, ledamöter and ersättare). */
  "members.readConfidential": { roles: ["admin", "secretary", "member", "seatHolder"], statuses: ALL },
  /** Report or withdraw one's own förhinder (the mutation checks it is one's own and before the start). */
  "absence.report": { roles: ["seatHolder"], statuses: DRAFT },
  /** The secretary's list of förhinder and the ersättare to call in. */
  "absence.read": { roles: ["admin", "secretary"], statuses: ALL },
  /**
   * Send the kallelse to the body's ledamöter and ersättare (and post a fullmäktige's kungörelse);
   * before the meeting, so while the protocol is a draft. Reading it is "meeting.read".
   */
  "summons.send": { roles: ["admin", "secretary"], statuses: DRAFT },
  /**
   * Export the e-arkiv package (SIP, src/modules/earkiv): the signed original with its confidential
   * §§, the copies, bilagor and audit events, for the organisation's own archive. Once justerat.
   */
  "earkiv.export": { roles: ["admin", "secretary"], statuses: ADJUSTED },
  /** The live meeting (src/modules/live): roll call, arrivals, jäv, current § as they happen; while a draft. */
  "meeting.live": { roles: ["admin", "secretary", "meetingSecretary", "chair"], statuses: DRAFT },
  /**
   * A ledamot or ersättare on their own device during the live meeting (/moten/<slug>/live/ledamot):
   * ask for the floor, replik, withdraw, and their own ballot when the body lets them. Always for
   * themself: the mutation takes the person from the session, never from the form.
   */
  "meeting.liveSeat": { roles: ["seatHolder"], statuses: DRAFT },
} as const satisfies Record<string, { roles: readonly Role[]; statuses: readonly MeetingStatus[] }>;

export type MeetingPermission = keyof typeof PERMISSIONS;

/** Who holds a global permission: an organisation's admin, or the platform's (issue 19.1). */
export type GlobalRole = "admin" | "platformAdmin";

/** Global permissions, not tied to a meeting. */
export const GLOBAL_PERMISSIONS = {
  "admin.manageUsers": ["admin"],
  /** Create and edit the organisation's bodies (organ) and their ersättare order. */
  "admin.manageBodies": ["admin"],
  /** The organisation's own settings: name, förvaringsplats, anslagstavla, the notice's wording. */
  "admin.manageOrganisation": ["admin"],
  /** The organisation's people: rename, merge, remove. */
  "admin.managePeople": ["admin"],
  /** The organisation's administration log (/admin/logg): who changed users, roles, bodies, people. */
  "admin.readAuditLog": ["admin"],
  /** Create organisations and give each its first admin (the platform's, not an organisation's). */
  "platform.manageOrganisations": ["platformAdmin"],
} as const satisfies Record<string, readonly GlobalRole[]>;
export type GlobalPermission = keyof typeof GLOBAL_PERMISSIONS;

export function rolesFor(actor: Actor, meeting: Pick<MeetingResource, "bodyId"> & Partial<MeetingResource>): Set<Role> {
  const roles = new Set<Role>();
  if (actor.isAdmin && actor.organisationBodyIds.includes(meeting.bodyId)) roles.add("admin");
  for (const r of actor.bodyRoles) {
    if (r.bodyId !== meeting.bodyId) continue;
    roles.add(r.role === "SECRETARY" ? "secretary" : "member");
  }
  if (actor.personId && meeting.signers && meeting.signers.length > 0) {
    const signerRole: Record<"SECRETARY" | "CHAIR" | "ADJUSTER", Role> = {
      SECRETARY: "meetingSecretary",
      CHAIR: "chair",
      ADJUSTER: "adjuster",
    };
    for (const s of meeting.signers) if (s.personId === actor.personId) roles.add(signerRole[s.role]);
  } else if (actor.personId) {
    if (meeting.secretaryPersonId === actor.personId) roles.add("meetingSecretary");
    if (meeting.chairPersonId === actor.personId) roles.add("chair");
    if (meeting.adjusterPersonIds?.includes(actor.personId)) roles.add("adjuster");
  }
  if (actor.personId && meeting.seatPersonIds?.includes(actor.personId)) roles.add("seatHolder");
  return roles;
}

export type Decision =
  { ok: true; roles: Set<Role> } | { ok: false; reason: "unauthenticated" | "forbidden" | "state"; message: string };

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

export function authorize(actor: Actor | null, permission: MeetingPermission, meeting: MeetingResource): Decision {
  if (!actor) return { ok: false, reason: "unauthenticated", message: "Logga in för att fortsätta." };
  const rule = PERMISSIONS[permission];
  const roles = rolesFor(actor, meeting);
  if (!rule.roles.some((r) => roles.has(r))) {
    return { ok: false, reason: "forbidden", message: "Du har inte behörighet till det här protokollet." };
  }
  if (!(rule.statuses as readonly MeetingStatus[]).includes(meeting.status)) {
    return { ok: false, reason: "state", message: STATE_MESSAGES[permission] };
  }
  return { ok: true, roles };
}

/** Body-level check (creating a meeting before it exists). */
export function authorizeForBody(actor: Actor | null, permission: "meeting.create", bodyId: string): Decision {
  return authorize(actor, permission, {
    bodyId,
    status: "DRAFT",
    secretaryPersonId: null,
    chairPersonId: null,
    adjusterPersonIds: [],
  });
}

export function authorizeGlobal(actor: Actor | null, permission: GlobalPermission): Decision {
  if (!actor) return { ok: false, reason: "unauthenticated", message: "Logga in för att fortsätta." };
  const roles = new Set<GlobalRole>(actor.isAdmin && actor.organisationId ? ["admin"] : []);
  if (actor.isPlatformAdmin) roles.add("platformAdmin");
  return (GLOBAL_PERMISSIONS[permission] as readonly GlobalRole[]).some((r) => roles.has(r))
    ? { ok: true, roles: new Set<Role>(roles.has("admin") ? ["admin"] : []) }
    : { ok: false, reason: "forbidden", message: "Bara administratörer får göra det här." };
}

/**
 * A user account's password, e-mail (the login, and single sign-on's key) and name (how every
 * organisation of the account sees it, in lists and audit logs). The account is the
 * platform's and may belong to several organisations (issue 19.1): changing them changes who can
 * act in every one of them. So an organisation's admin changes them only for an account whose
 * every organisation they administer too, never the platform admin's; the account itself may.
 */
export interface AccountResource {
  userId: string;
  /** The account is the platform's admin (User.isAdmin). */
  isPlatformAdmin: boolean;
  /** Every organisation the account belongs to (read as the platform: row-level security shows one). */
  organisationIds: readonly string[];
}

export function authorizeAccountCredentials(
  actor: Actor | null,
  account: AccountResource,
  /** The organisations the actor administers, all of them (read as the platform). */
  actorAdminOf: readonly string[],
): Decision {
  const decision = authorizeGlobal(actor, "admin.manageUsers");
  if (!decision.ok || actor?.userId === account.userId) return decision;
  if (account.isPlatformAdmin || !account.organisationIds.every((id) => actorAdminOf.includes(id))) {
    return {
      ok: false,
      reason: "forbidden",
      message:
        "Kontot används också i en annan organisation som du inte administrerar. Namn, e-postadress och lösenord kan du därför inte ändra; användaren byter själv sitt lösenord.",
    };
  }
  return decision;
}

/**
 * A body's historical protocols (justerade on paper, registered with their scanned PDF;
 * src/modules/historical). Not a meeting: they have no lifecycle, so no state column.
 */
export const HISTORICAL_PERMISSIONS = {
  /** Register one, with its dates and PDF (public or not). */
  "historical.register": ["admin", "secretary"],
  /** See the body's list in the workspace and the PDF of one that is not public. */
  "historical.read": ["admin", "secretary", "member"],
  /** Remove a wrong registration (audited); nothing else ever changes one. */
  "historical.delete": ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type HistoricalPermission = keyof typeof HISTORICAL_PERMISSIONS;

/** A body-level permission: the actor's roles towards the body (no meeting, no state) against `allowed`. */
function authorizeBodyRoles(
  actor: Actor | null,
  allowed: readonly Role[],
  bodyId: string,
  forbidden: string,
): Decision {
  if (!actor) return { ok: false, reason: "unauthenticated", message: "Logga in för att fortsätta." };
  const roles = rolesFor(actor, { bodyId });
  return allowed.some((r) => roles.has(r))
    ? { ok: true, roles }
    : { ok: false, reason: "forbidden", message: forbidden };
}

export function authorizeHistorical(actor: Actor | null, permission: HistoricalPermission, bodyId: string): Decision {
  return authorizeBodyRoles(
    actor,
    HISTORICAL_PERMISSIONS[permission],
    bodyId,
    permission === "historical.delete"
      ? "Bara administratörer får ta bort ett registrerat protokoll."
      : "Du har inte behörighet till organets inskannade protokoll.",
  );
}

/**
 * A body's § templates (src/modules/templates): its standard §§ and opening §§, kept by the body's
 * secretaries and the administrators. Using one in a protocol is "meeting.edit" of that meeting.
 */
export const TEMPLATE_PERMISSIONS = {
  /** See, create, edit, reorder and delete the body's templates. */
  "templates.manage": ["admin", "secretary"],
} as const satisfies Record<string, readonly Role[]>;
export type TemplatePermission = keyof typeof TEMPLATE_PERMISSIONS;

export function authorizeTemplates(actor: Actor | null, permission: TemplatePermission, bodyId: string): Decision {
  return authorizeBodyRoles(
    actor,
    TEMPLATE_PERMISSIONS[permission],
    bodyId,
    "Bara organets sekreterare och administratörer får ändra organets paragrafmallar.",
  );
}

/**
 * A body's ärenden before the meeting (src/modules/agenda): the pool, a meeting's ärendelista,
 * the handlingar. "bodyMember": the actor's person is a ledamot or ersättare of the body today
 * (a Membership; the caller looks it up and says so). Confidential ärenden and handlingar are
 * read only with "agenda.read", so only these roles ever see them. Editing needs the item's
 * meeting (if it is on one) to be a draft: an ärendelista that went to justering is history.
 */
export const AGENDA_PERMISSIONS = {
  /** See the body's ärenden and handlingar, confidential ones included. */
  "agenda.read": { roles: ["admin", "secretary", "member", "bodyMember"], statuses: ALL },
  /** Create, edit, move, reorder and delete ärenden; upload, order and delete handlingar; import. */
  "agenda.edit": { roles: ["admin", "secretary"], statuses: DRAFT },
} as const satisfies Record<string, { roles: readonly AgendaRole[]; statuses: readonly MeetingStatus[] }>;
export type AgendaPermission = keyof typeof AGENDA_PERMISSIONS;
export type AgendaRole = Role | "bodyMember";

/** What the table needs to know about an ärende (or the body's pool, with no meeting). */
export interface AgendaResource {
  bodyId: string;
  /** The state of the meeting whose ärendelista it is on; null in the body's pool. */
  meetingStatus: MeetingStatus | null;
  /** The actor's person is a ledamot or ersättare of the body (Membership for today). */
  actorIsBodyMember: boolean;
}

const AGENDA_STATE_MESSAGES: Record<AgendaPermission, string> = {
  "agenda.read": "Ärendet kan inte visas.",
  "agenda.edit": "Ärendelistan kan inte ändras: sammanträdets protokoll är skickat till justering eller justerat.",
};

export function authorizeAgenda(actor: Actor | null, permission: AgendaPermission, item: AgendaResource): Decision {
  if (!actor) return { ok: false, reason: "unauthenticated", message: "Logga in för att fortsätta." };
  const rule = AGENDA_PERMISSIONS[permission];
  const roles: Set<AgendaRole> = rolesFor(actor, { bodyId: item.bodyId });
  if (item.actorIsBodyMember) roles.add("bodyMember");
  if (!rule.roles.some((r) => roles.has(r))) {
    return { ok: false, reason: "forbidden", message: "Du har inte behörighet till organets ärenden." };
  }
  if (item.meetingStatus !== null && !(rule.statuses as readonly MeetingStatus[]).includes(item.meetingStatus)) {
    return { ok: false, reason: "state", message: AGENDA_STATE_MESSAGES[permission] };
  }
  return { ok: true, roles: new Set([...roles].filter((r): r is Role => r !== "bodyMember")) };
}

/** Prisma filter: the meetings an actor may read in the workspace ("meeting.read"). */
export function meetingWhereForActor(actor: Actor): Prisma.MeetingWhereInput {
  if (actor.isAdmin) return { bodyId: { in: [...actor.organisationBodyIds] } };
  const or: Prisma.MeetingWhereInput[] = [{ bodyId: { in: actor.bodyRoles.map((r) => r.bodyId) } }];
  if (actor.personId) {
    or.push(
      { secretaryId: actor.personId },
      { adjusters: { some: { personId: actor.personId } } },
      { attendances: { some: { personId: actor.personId, role: "CHAIR" } } },
      { signers: { some: { personId: actor.personId } } },
    );
  }
  return { OR: or };
}
