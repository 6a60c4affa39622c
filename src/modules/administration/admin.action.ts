// defineAdminAction: defineMeetingAction's counterpart for the admin pages. It asks the global
// permission table ("admin.manageUsers") before it even parses the input, so someone who is not an
// administrator learns nothing from validation messages; then it parses with the module's zod
// schema (Swedish field errors), runs the mutation and maps AppError to a typed result.
import type { z } from "@/lib/zod";
import { fromError, refuseUnstorable, toFieldErrors, VALIDATION_MESSAGE, type Handler, type RunContext } from "@/server/action";
import { authorizeGlobal } from "@/server/authz";
import { now } from "@/server/clock";

export function defineAdminAction<S extends z.ZodType, T>(
  options: { schema: S },
  run: (ctx: RunContext & { input: z.infer<S> }) => Promise<T>,
): Handler<T> {
  return async (ctx, raw) => {
    if (!ctx.actor) return { ok: false, code: "UNAUTHENTICATED", message: "Logga in igen för att spara." };
    const decision = authorizeGlobal(ctx.actor, "admin.manageUsers");
    if (!decision.ok) return { ok: false, code: "FORBIDDEN", message: decision.message };
    const unstorable = refuseUnstorable(raw);
    if (unstorable) return unstorable;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return { ok: false, code: "VALIDATION", message: VALIDATION_MESSAGE, fieldErrors: toFieldErrors(parsed.error) };
    try {
      return { ok: true, data: await run({ ...ctx, actor: ctx.actor, now: ctx.now ?? now(), input: parsed.data }) };
    } catch (e) {
      return fromError(e);
    }
  };
}
