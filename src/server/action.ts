// defineAction: the one way a server action runs. It refuses a caller who is not signed in, parses
// the input with the module's zod schema (Swedish field errors), asks the permission table in the
// action's scope (a meeting, a body, a global permission, one's own account), runs the mutation
// and maps AppError to a typed result. defineMeetingAction, defineBodyAction, defineAdminAction and
// defineSelfAction are its configurations. The handler takes the actor and database explicitly,
// so integration tests call it without a web request; the "use server" files wrap it with the
// session user.
import { z } from "@/lib/zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { findMeetingAccess, type MeetingAccess, type MeetingWhere } from "@/server/meeting-access";
import {
  authorize,
  authorizeAgenda,
  authorizeForBody,
  authorizeGlobal,
  authorizeHistorical,
  authorizeTemplates,
  type Actor,
  type AgendaPermission,
  type Decision,
  type GlobalPermission,
  type HistoricalPermission,
  type MeetingPermission,
  type TemplatePermission,
} from "./authz";
import { now } from "./clock";
import { dbDate, toSwedishDate } from "@/lib/iso-date";
import { AppError } from "./errors";
import { reportActionCall, reportActionError } from "./observe";

export type ActionFailure =
  | { ok: false; code: "VALIDATION"; message: string; fieldErrors: Record<string, string[]> }
  | { ok: false; code: "CONFLICT"; message: string; current: unknown }
  | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "STATE" | "NOT_FOUND" | "INTERNAL"; message: string };

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export interface ActionContext {
  actor: Actor | null;
  db: PrismaClient;
  ip: string | null;
  /**
   * The request's instant, for rules that depend on today and for the times it stores (the test
   * clock in e2e). The action wrapper fills it from server/clock when the caller does not.
   */
  now?: Date;
  /** Why there is no actor, when there is a session (server/action-context.ts): said instead of "sign in". */
  signedOutBecause?: string;
}

/** What a mutation gets: the context with its actor signed in and its instant fixed. */
export type RunContext = ActionContext & { actor: Actor; now: Date };

export type Handler<T> = (ctx: ActionContext, raw: unknown) => Promise<ActionResult<T>>;

/** zod issues → { "sections.0.heading": ["Skriv en rubrik."] } */
function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Maps what a mutation threw to a typed failure; unknown errors are logged, never shown. */
function fromError(e: unknown): ActionFailure {
  // The database refused a change to a frozen protocol (the triggers of the signoff migration).
  // (Only the database's own refusals: an AppError says what it means itself.)
  const text = e instanceof Error && !(e instanceof AppError) ? e.message : "";
  if (text.includes("Protokollet är låst") || text.includes("kan inte ändras")) {
    return {
      ok: false,
      code: "STATE",
      message:
        "Protokollet är låst: det har skickats till justering eller justerats. Ändringar efter justering görs som rättelse.",
    };
  }
  if (e instanceof AppError) {
    if (e.code === "CONFLICT")
      return { ok: false, code: "CONFLICT", message: e.message, current: e.details?.current ?? null };
    if (e.code === "VALIDATION")
      return { ok: false, code: "VALIDATION", message: e.message, fieldErrors: e.details?.fieldErrors ?? {} };
    return { ok: false, code: e.code, message: e.message };
  }
  reportActionError(e);
  return {
    ok: false,
    code: "INTERNAL",
    message: "Något gick fel på servern och ändringen sparades inte. Din text finns kvar här; försök igen om en stund.",
  };
}

/**
 * Text PostgreSQL cannot store: the NUL character, and half a Unicode character (a lone UTF-16
 * surrogate, which no keyboard produces but a pasted binary or a hostile request can; JSON
 * columns refuse it). Refused with a Swedish message before parsing, wherever it is in the input.
 */
export function refuseUnstorable(raw: unknown): ActionFailure | null {
  const found = unstorablePath(raw, []);
  if (found === null) return null;
  const what = found.kind === "nul" ? "NUL" : "ett halvt Unicode-tecken";
  return {
    ok: false,
    code: "VALIDATION",
    message: `Texten innehåller ett tecken som inte kan sparas (${what}). Ta bort det och försök igen.`,
    fieldErrors: { [found.path.join(".") || "_"]: [`Ta bort det otillåtna tecknet (${what}) ur texten.`] },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableText(text: string): "nul" | "surrogate" | null {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "surrogate" : null;
}

type Found = { path: (string | number)[]; kind: "nul" | "surrogate" };

function unstorablePath(value: unknown, path: (string | number)[], depth = 0): Found | null {
  if (depth > 40) return null;
  if (typeof value === "string") {
    const kind = unstorableText(value);
    return kind ? { path, kind } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = unstorablePath(v, [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) {
      const kind = unstorableText(k);
      if (kind) return { path: [...path, k], kind };
      const found = unstorablePath(v, [...path, k], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

export const VALIDATION_MESSAGE = "Några uppgifter behöver rättas innan de kan sparas.";

/** An answer of the permission table: go on (with what the mutation may know), or a failure. */
type Allowed<X> = { ok: true; extra: X } | ActionFailure;

/**
 * Who may run an action, asked of the permission table (server/authz.ts) in one of four ways:
 * for a meeting, for a body, globally (admin), or for oneself. `before` is asked before the input
 * is read, so that someone it refuses learns nothing from validation messages; `check` once the
 * input is valid, and it says what the mutation gets to know (the meeting).
 */
export interface ActionScope<I, X> {
  /** The permission asked (the action's name in metrics and logs unless it has its own). */
  name?: string;
  before?: (actor: Actor) => ActionFailure | null;
  check: (actor: Actor, input: I, db: PrismaClient) => Promise<Allowed<X>> | Allowed<X>;
}

/** What the user is told when the action cannot start: not signed in, input not valid. */
export interface ActionMessages {
  unauthenticated: string;
  validation: string;
}

const MESSAGES: ActionMessages = { unauthenticated: "Logga in igen för att spara.", validation: VALIDATION_MESSAGE };

/**
 * THE action wrapper; the scopes below are its configurations. In order: no actor →
 * UNAUTHENTICATED; the scope's `before`; text PostgreSQL cannot store → VALIDATION; the module's
 * zod schema → VALIDATION with Swedish field errors; the scope's `check`; the mutation, with the
 * request's instant (ctx.now, else server/clock); whatever it throws → fromError.
 */
export function defineAction<S extends z.ZodType, X, T>(
  options: {
    schema: S;
    scope: ActionScope<z.infer<S>, X>;
    messages?: Partial<ActionMessages>;
    /** For the metrics and the log line: the action's name (default: its scope's permission). */
    name?: string;
  },
  run: (ctx: RunContext & { input: z.infer<S> } & X) => Promise<T>,
): Handler<T> {
  const messages = { ...MESSAGES, ...options.messages };
  const name = options.name ?? options.scope.name ?? "action";
  // One log line and one latency observation per call: ids, the outcome and the time, no input.
  const handler: Handler<T> = async (ctx, raw) => {
    const { actor } = ctx;
    if (!actor)
      return { ok: false, code: "UNAUTHENTICATED", message: ctx.signedOutBecause ?? messages.unauthenticated };
    const refused = options.scope.before?.(actor);
    if (refused) return refused;
    const unstorable = refuseUnstorable(raw);
    if (unstorable) return unstorable;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, code: "VALIDATION", message: messages.validation, fieldErrors: toFieldErrors(parsed.error) };
    }
    try {
      const allowed = await options.scope.check(actor, parsed.data, ctx.db);
      if (!allowed.ok) return allowed;
      const data = await run({ ...ctx, actor, now: ctx.now ?? now(), input: parsed.data, ...allowed.extra });
      return { ok: true, data };
    } catch (e) {
      return fromError(e);
    }
  };
  return async (ctx, raw) => {
    const started = performance.now();
    const result = await handler(ctx, raw);
    const seconds = (performance.now() - started) / 1000;
    const outcome = result.ok ? "ok" : result.code;
    reportActionCall({ action: name, outcome, seconds, userId: ctx.actor?.userId ?? null });
    return result;
  };
}

/** A refusal of the permission table as a typed failure. */
function refusal(decision: Exclude<Decision, { ok: true }>): ActionFailure {
  return { ok: false, code: decision.reason === "state" ? "STATE" : "FORBIDDEN", message: decision.message };
}

/**
 * Where the input names its meeting: by id, by slug, or by a § of it (`{ paragraphId }`, resolved
 * in the same query as the meeting's access data, src/server/meeting-access.ts); null: nowhere.
 */
type Locate<I> = (input: I, db: PrismaClient) => Promise<MeetingWhere | null> | MeetingWhere | null;

/** The usual `locate`: the input names the meeting by its id. */
export const byMeetingId = ({ meetingId }: { meetingId: string }): MeetingWhere => ({ id: meetingId });

/**
 * A meeting's protocol: the input names the meeting (`locate`), the table is asked about it.
 * `visibleWith` is what makes the meeting visible at all ("meeting.read", the workspace; the
 * members' view uses "members.readAgenda").
 */
function meetingScope<I>(
  permission: MeetingPermission,
  locate: Locate<I>,
  visibleWith: MeetingPermission = "meeting.read",
): ActionScope<I, { meeting: MeetingAccess }> {
  return {
    name: permission,
    async check(actor, input, db) {
      const where = await locate(input, db);
      const meeting = where ? await findMeetingAccess(db, where) : null;
      // Someone who may not read the meeting learns nothing about whether it exists.
      if (!meeting || !authorize(actor, visibleWith, meeting).ok) {
        return { ok: false, code: "NOT_FOUND", message: "Sammanträdet eller paragrafen finns inte." };
      }
      const decision = authorize(actor, permission, meeting);
      return decision.ok ? { ok: true, extra: { meeting } } : refusal(decision);
    },
  };
}

/** A body, before any meeting of it exists (creating one): the input names the body. */
function bodyScope<I extends { bodyId: string }>(permission: "meeting.create"): ActionScope<I, object> {
  return {
    name: permission,
    check(actor, input) {
      const decision = authorizeForBody(actor, permission, input.bodyId);
      return decision.ok ? { ok: true, extra: {} } : { ok: false, code: "FORBIDDEN", message: decision.message };
    },
  };
}

/** A global permission (administration), asked before the input is even read. */
function globalScope(permission: GlobalPermission): ActionScope<unknown, object> {
  return {
    name: permission,
    before(actor) {
      const decision = authorizeGlobal(actor, permission);
      return decision.ok ? null : { ok: false, code: "FORBIDDEN", message: decision.message };
    },
    check: () => ({ ok: true, extra: {} }),
  };
}

/** The signed-in user's own account: being signed in is the permission. */
const selfScope: ActionScope<unknown, object> = { name: "self", check: () => ({ ok: true, extra: {} }) };

export function defineMeetingAction<S extends z.ZodType, T>(
  options: {
    schema: S;
    permission: MeetingPermission;
    locate: Locate<z.infer<S>>;
    visibleWith?: MeetingPermission;
  },
  run: (ctx: RunContext & { input: z.infer<S>; meeting: MeetingAccess }) => Promise<T>,
): Handler<T> {
  return defineAction(
    { schema: options.schema, scope: meetingScope(options.permission, options.locate, options.visibleWith) },
    run,
  );
}

export function defineBodyAction<S extends z.ZodType<{ bodyId: string }>, T>(
  options: { schema: S; permission: "meeting.create" },
  run: (ctx: RunContext & { input: z.infer<S> }) => Promise<T>,
): Handler<T> {
  return defineAction({ schema: options.schema, scope: bodyScope<z.infer<S>>(options.permission) }, run);
}

/** The admin pages: the global permission (default "admin.manageUsers") is asked before the input is parsed. */
export function defineAdminAction<S extends z.ZodType, T>(
  options: { schema: S; permission?: GlobalPermission },
  run: (ctx: RunContext & { input: z.infer<S> }) => Promise<T>,
): Handler<T> {
  return defineAction({ schema: options.schema, scope: globalScope(options.permission ?? "admin.manageUsers") }, run);
}

/** What a signed-in user does to their own account (e.g. change the password). */
export function defineSelfAction<S extends z.ZodType, T>(
  options: { schema: S; messages?: Partial<ActionMessages> },
  run: (ctx: RunContext & { input: z.infer<S> }) => Promise<T>,
): Handler<T> {
  return defineAction({ schema: options.schema, scope: selfScope, messages: options.messages }, run);
}

type LocateBody<I> = (input: I, db: PrismaClient) => Promise<{ bodyId: string } | null>;

/**
 * An action on something of a body (`locate` names the body from the input): not found when there
 * is no such thing or the actor may not even see it (`visible`), else the table's `decision`.
 */
function bodyThingScope<I>(
  locate: LocateBody<I>,
  notFound: string,
  visible: (actor: Actor, bodyId: string) => boolean,
  decide: (actor: Actor, bodyId: string) => Decision,
): ActionScope<I, { bodyId: string }> {
  return {
    async check(actor, input, db) {
      const found = await locate(input, db);
      if (!found || !visible(actor, found.bodyId)) return { ok: false, code: "NOT_FOUND", message: notFound };
      const decision = decide(actor, found.bodyId);
      return decision.ok ? { ok: true, extra: { bodyId: found.bodyId } } : refusal(decision);
    },
  };
}

/**
 * A body's historical protocols (src/modules/historical): `locate` names the body from the input
 * (the body itself, or the body of a registered protocol); someone the table refuses learns
 * nothing about whether it exists.
 */
export function defineHistoricalAction<S extends z.ZodType, T>(
  options: { schema: S; permission: HistoricalPermission; locate: LocateBody<z.infer<S>> },
  run: (ctx: RunContext & { input: z.infer<S>; bodyId: string }) => Promise<T>,
): Handler<T> {
  const scope = bodyThingScope(
    options.locate,
    "Organet eller protokollet finns inte.",
    (actor, bodyId) => authorizeHistorical(actor, "historical.read", bodyId).ok,
    (actor, bodyId) => authorizeHistorical(actor, options.permission, bodyId),
  );
  return defineAction({ schema: options.schema, scope, name: options.permission }, run);
}

/**
 * A body's § templates (src/modules/templates): `locate` names the body from the input (the body
 * itself, or the body of a template); a template that does not exist is not found, anyone the
 * table refuses is told so (the body's templates are not secret, only kept by its secretaries).
 */
export function defineTemplateAction<S extends z.ZodType, T>(
  options: { schema: S; permission: TemplatePermission; locate: LocateBody<z.infer<S>> },
  run: (ctx: RunContext & { input: z.infer<S>; bodyId: string }) => Promise<T>,
): Handler<T> {
  // Everyone sees that a body's template exists; the table decides who may change it.
  const decide = (actor: Actor, bodyId: string) => authorizeTemplates(actor, options.permission, bodyId);
  const notFound = "Organet eller mallen finns inte.";
  return defineAction(
    {
      schema: options.schema,
      scope: bodyThingScope(options.locate, notFound, () => true, decide),
      name: options.permission,
    },
    run,
  );
}

/** Where an ärende (or the body's pool) is, as the agenda's permissions need it. */
export interface AgendaLocation {
  bodyId: string;
  /** The meeting whose ärendelista it is on; null: the body's pool. */
  meeting: { id: string; status: MeetingAccess["status"] } | null;
}

/**
 * True when the actor's person is a ledamot or ersättare of the body on `day` (a Membership whose
 * term covers it): the "bodyMember" role of the agenda's permissions.
 */
export async function isBodyMember(db: PrismaClient, actor: Actor, bodyId: string, day: Date): Promise<boolean> {
  if (!actor.personId) return false;
  const date = dbDate(toSwedishDate(day));
  const found = await db.membership.findFirst({
    where: { bodyId, personId: actor.personId, termStart: { lte: date }, termEnd: { gte: date } },
    select: { id: true },
  });
  return found !== null;
}

/**
 * A body's ärenden (src/modules/agenda): `locate` names the body and the meeting the ärende is on
 * (or would be put on); someone who may not read the body's ärenden learns nothing about whether
 * it exists. The mutation gets the location.
 */
export function defineAgendaAction<S extends z.ZodType, T>(
  options: {
    schema: S;
    permission: AgendaPermission;
    locate: (input: z.infer<S>, db: PrismaClient) => Promise<AgendaLocation | null>;
  },
  run: (ctx: RunContext & { input: z.infer<S>; location: AgendaLocation }) => Promise<T>,
): Handler<T> {
  const scope: ActionScope<z.infer<S>, { location: AgendaLocation }> = {
    name: options.permission,
    async check(actor, input, db) {
      const location = await options.locate(input, db);
      const resource = location && {
        bodyId: location.bodyId,
        meetingStatus: location.meeting?.status ?? null,
        actorIsBodyMember: await isBodyMember(db, actor, location.bodyId, now()),
      };
      if (!location || !resource || !authorizeAgenda(actor, "agenda.read", resource).ok) {
        return { ok: false, code: "NOT_FOUND", message: "Ärendet eller organet finns inte." };
      }
      const decision = authorizeAgenda(actor, options.permission, resource);
      return decision.ok ? { ok: true, extra: { location } } : refusal(decision);
    },
  };
  return defineAction({ schema: options.schema, scope }, run);
}
