"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formField as field, type FormState } from "@/lib/form-state";
import { actionContext } from "@/server/action-context";
import { turnAgendaIntoParagraphs } from "./agenda-to-protocol.mutations";

/** The form also gets back what was chosen and typed, since React resets a form after its action. */
export interface AgendaToProtocolFormState extends FormState {
  values: { fates: Record<string, string>; reasons: Record<string, string>; includeOpening: boolean } | null;
  attempt: number;
}

/** zod's "items.2.reason" → the form's "reason.<id>" (the field the message belongs beside). */
function fieldErrorsFor(errors: Record<string, string[]>, itemIds: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^items\.(\d+)\.(fate|reason|itemId)$/.exec(key);
    const id = m ? itemIds[Number(m[1])] : undefined;
    const name = m && id && m[2] !== "itemId" ? `${m[2]}.${id}` : /^(fate|reason)\./.test(key) ? key : "_";
    (out[name] ??= []).push(...messages);
  }
  return out;
}

export async function agendaToProtocolAction(
  prev: AgendaToProtocolFormState,
  form: FormData,
): Promise<AgendaToProtocolFormState> {
  const slug = field(form, "slug");
  const itemIds = form.getAll("item").filter((v): v is string => typeof v === "string");
  const values = {
    fates: Object.fromEntries(itemIds.map((id) => [id, field(form, `fate.${id}`)])),
    reasons: Object.fromEntries(itemIds.map((id) => [id, field(form, `reason.${id}`)])),
    includeOpening: field(form, "includeOpening") === "on",
  };
  const version = field(form, "agendaVersion");
  const result = await turnAgendaIntoParagraphs(await actionContext(), {
    meetingId: field(form, "meetingId"),
    agendaVersion: /^\d{1,9}$/.test(version) ? Number(version) : Number.NaN,
    includeOpening: values.includeOpening,
    items: itemIds.map((id) => ({ itemId: id, fate: values.fates[id], reason: values.reasons[id] })),
  });
  if (result.ok) {
    revalidatePath(`/moten/${slug}`, "layout");
    redirect(`/moten/${encodeURIComponent(slug)}/till-protokoll?klart=1`);
  }
  return {
    ok: false,
    message: result.message,
    fieldErrors: result.code === "VALIDATION" ? fieldErrorsFor(result.fieldErrors, itemIds) : {},
    values,
    attempt: prev.attempt + 1,
  };
}
