"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formField as field, type FormState } from "@/lib/form-state";
import { actionContext } from "@/server/action-context";
import type { ActionResult } from "@/server/action";
import { prefillAttendanceFromAbsences, reportAbsence, withdrawAbsence } from "./members.mutations";

function failed(result: Exclude<ActionResult<unknown>, { ok: true }>): FormState {
  return { ok: false, message: result.message, fieldErrors: result.code === "VALIDATION" ? result.fieldErrors : {} };
}

/** "Jag kan inte delta": the förhinder with its optional note; back to /mina-moten with the outcome. */
export async function reportAbsenceFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await reportAbsence(await actionContext(), {
    meetingId: field(form, "meetingId"),
    note: field(form, "note"),
  });
  if (!result.ok) return failed(result);
  revalidatePath("/mina-moten");
  redirect(`/mina-moten?klart=forhinder#mote-${encodeURIComponent(field(form, "meetingId"))}`);
}

export async function withdrawAbsenceFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await withdrawAbsence(await actionContext(), { meetingId: field(form, "meetingId") });
  if (!result.ok) return failed(result);
  revalidatePath("/mina-moten");
  redirect(`/mina-moten?klart=aterkallat#mote-${encodeURIComponent(field(form, "meetingId"))}`);
}

/** "Förifyll närvaron" on /moten/<slug>/forhinder. */
export async function prefillAttendanceFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const slug = field(form, "slug");
  const result = await prefillAttendanceFromAbsences(await actionContext(), {
    meetingId: field(form, "meetingId"),
    version: field(form, "version"),
  });
  if (!result.ok) return failed(result);
  revalidatePath(`/moten/${slug}`);
  redirect(
    `/moten/${encodeURIComponent(slug)}/forhinder?klart=${result.data.changed === 0 ? "oforandrad" : "forifylld"}`,
  );
}
