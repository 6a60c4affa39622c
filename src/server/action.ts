// defineMeetingAction: the one way a server action touches a protocol. It parses the input with
// the module's zod schema (Swedish field errors), finds the meeting the input concerns, asks the
// permission table, runs the mutation and maps AppError to a typed result. The handler takes the
// actor and database explicitly, so integration tests call it without a web request; the
// "use server" files wrap it with the session user.
import { z } from "@/lib/zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { findMeetingAccess, type MeetingAccess } from "@/server/meeting-access";
import { authorize, authorizeForBody, type Actor, type MeetingPermission } from "./authz";
import { now } from "./clock";
import { AppError } from "./errors";

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
}

/** What a mutation gets: the context with its actor signed in and its instant fixed. */
export type RunContext = ActionContext & { actor: Actor; now: Date };

export type Handler<T> = (ctx: ActionContext, raw: unknown) => Promise<ActionResult<T>>;

/** zod issues → { "sections.0.heading": ["Skriv en rubrik."] } */
export function toFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Maps what a mutation threw to a typed failure; unknown errors are logged, never shown. */
export function fromError(e: unknown): ActionFailure {
  // The database refused a change to a frozen protocol (the triggers of the signoff migration).
  const text = e instanceof Error ? e.message : "";
  if (text.includes("Protokollet är låst") || text.includes("kan inte ändras")) {
    return { ok: false, code: "STATE", message: "Protokollet är låst: det har skickats till justering eller justerats. Ändringar efter justering görs som rättelse." };
  }
  if (e instanceof AppError) {
    if (e.code === "CONFLICT") return { ok: false, code: "CONFLICT", message: e.message, current: e.details?.current ?? null };
    if (e.code === "VALIDATION")
      return { ok: false, code: "VALIDATION", message: e.message, fieldErrors: e.details?.fieldErrors ?? {} };
    return { ok: false, code: e.code, message: e.message };
  }
  console.error(e);
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

type Locate<I> = (input: I, db: PrismaClient) => Promise<{ id: string } | { slug: string } | null>;

/** The usual `locate`: the input names the meeting by its id. */
export const byMeetingId = async ({ meetingId }: { meetingId: string }) => ({ id: meetingId });

export function defineMeetingAction<S extends z.ZodType, T>(
  options: { schema: S; permission: MeetingPermission; locate: Locate<z.infer<S>> },
  run: (ctx: RunContext & { input: z.infer<S>; meeting: MeetingAccess }) => Promise<T>,
): Handler<T> {
  return async (ctx, raw) => {
    if (!ctx.actor) return { ok: false, code: "UNAUTHENTICATED", message: "Logga in igen för att spara." };
    const unstorable = refuseUnstorable(raw);
    if (unstorable) return unstorable;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, code: "VALIDATION", message: VALIDATION_MESSAGE, fieldErrors: toFieldErrors(parsed.error) };
    try {
      const where = await options.locate(parsed.data, ctx.db);
      const meeting = where ? await findMeetingAccess(ctx.db, where) : null;
      // Someone who may not read the meeting learns nothing about whether it exists.
      if (!meeting || !authorize(ctx.actor, "meeting.read", meeting).ok) {
        return { ok: false, code: "NOT_FOUND", message: "Sammanträdet eller paragrafen finns inte." };
      }
      const decision = authorize(ctx.actor, options.permission, meeting);
      if (!decision.ok) return { ok: false, code: decision.reason === "state" ? "STATE" : "FORBIDDEN", message: decision.message };
      return { ok: true, data: await run({ ...ctx, actor: ctx.actor, now: ctx.now ?? now(), input: parsed.data, meeting }) };
    } catch (e) {
      return fromError(e);
    }
  };
}

export function defineBodyAction<S extends z.ZodType<{ bodyId: string }>, T>(
  options: { schema: S; permission: "meeting.create" },
  run: (ctx: RunContext & { input: z.infer<S> }) => Promise<T>,
): Handler<T> {
  return async (ctx, raw) => {
    if (!ctx.actor) return { ok: false, code: "UNAUTHENTICATED", message: "Logga in igen för att spara." };
    const unstorable = refuseUnstorable(raw);
    if (unstorable) return unstorable;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, code: "VALIDATION", message: VALIDATION_MESSAGE, fieldErrors: toFieldErrors(parsed.error) };
    const decision = authorizeForBody(ctx.actor, options.permission, parsed.data.bodyId);
    if (!decision.ok) return { ok: false, code: "FORBIDDEN", message: decision.message };
    try {
      return { ok: true, data: await run({ ...ctx, actor: ctx.actor, now: ctx.now ?? now(), input: parsed.data }) };
    } catch (e) {
      return fromError(e);
    }
  };
}
