"use server";

import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import { actionContext } from "@/server/action-context";
import type { ActionResult } from "@/server/action";
import { now } from "@/server/clock";
import { addCorrection, editNotice, returnProtocol, sendForAdjustment, signProtocol } from "./signoff.mutations";

/** What the sign-off forms show after an answer (they work without JavaScript). */
export interface FormState {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string[]>;
}

/** Outcomes shown on the meeting page after a successful step (?klart=…). */
export type Done = "skickat" | "signerat" | "justerat" | "tillbaka" | "rattelse" | "anslag";

function toState(result: ActionResult<unknown>, done: Done, slug: string): FormState {
  if (result.ok) {
    revalidatePath("/att-justera");
    // Public pages and feeds (anslagstavla, protocol pages, Atom, OParl) follow justering,
    // rättelser and changed notice dates.
    if (done === "justerat" || done === "rattelse" || done === "anslag") updateTag("public");
    // The form that was used may no longer apply (a signed protocol has no sign form): say what
    // happened on the page itself.
    redirect(`/moten/${encodeURIComponent(slug)}?klart=${done}`);
  }
  return { ok: false, message: result.message, fieldErrors: result.code === "VALIDATION" ? result.fieldErrors : {} };
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function sendForAdjustmentFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await sendForAdjustment(await actionContext(), { meetingId: field(form, "meetingId") });
  return toState(result, "skickat", field(form, "slug"));
}

export async function signFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await signProtocol(await actionContext(), { meetingId: field(form, "meetingId"), password: field(form, "password") });
  return toState(result, result.ok && result.data.complete ? "justerat" : "signerat", field(form, "slug"));
}

export async function returnFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await returnProtocol(await actionContext(), { meetingId: field(form, "meetingId"), comment: field(form, "comment") });
  return toState(result, "tillbaka", field(form, "slug"));
}

export async function correctionFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await addCorrection(await actionContext(), {
    meetingId: field(form, "meetingId"),
    paragraphNumber: field(form, "paragraphNumber"),
    text: field(form, "text"),
    password: field(form, "password"),
  });
  return toState(result, "rattelse", field(form, "slug"));
}

/** The notice form also gets back what was typed, since React resets a form after its action. */
export interface NoticeFormState extends FormState {
  values: { postedOn: string; takeDownOn: string } | null;
  attempt: number;
}

export async function noticeFormAction(prev: NoticeFormState, form: FormData): Promise<NoticeFormState> {
  const values = { postedOn: field(form, "postedOn"), takeDownOn: field(form, "takeDownOn") };
  // "Today" for the rules is the request's (the test clock in e2e, the real one otherwise).
  const result = await editNotice({ ...(await actionContext()), now: now() }, { meetingId: field(form, "meetingId"), ...values });
  return { ...toState(result, "anslag", field(form, "slug")), values, attempt: prev.attempt + 1 };
}
