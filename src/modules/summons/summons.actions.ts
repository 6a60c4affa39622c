"use server";

import { revalidatePath, updateTag } from "next/cache";
import { formField as field, type FormState } from "@/lib/form-state";
import { actionContext } from "@/server/action-context";
import { sendSummons } from "./summons.mutations";

export interface SummonsFormState extends FormState {
  /** The names the secretary must reach another way (no e-mail, or the mail failed). */
  withoutEmail: string[];
  failed: string[];
}

/** "Skicka kallelse" from the kallelse page; works without JavaScript. */
export async function sendSummonsFormAction(_prev: SummonsFormState, form: FormData): Promise<SummonsFormState> {
  const slug = field(form, "slug");
  const result = await sendSummons(await actionContext(), {
    meetingId: field(form, "meetingId"),
    agendaVersion: field(form, "agendaVersion"),
  });
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.code === "VALIDATION" ? result.fieldErrors : {},
      withoutEmail: [],
      failed: [],
    };
  }
  const { resend, mailed, failed, withoutEmail } = result.data;
  revalidatePath(`/moten/${encodeURIComponent(slug)}/kallelse`);
  // A fullmäktige's kungörelse appears on the public anslagstavla.
  updateTag("public");
  const count = mailed.length === 1 ? "1 person" : `${mailed.length} personer`;
  return {
    ok: true,
    message: `${resend ? "Ny kallelse skickad" : "Kallelsen är skickad"} med e-post till ${count}.`,
    fieldErrors: {},
    withoutEmail,
    failed,
  };
}
