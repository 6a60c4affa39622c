"use server";

import { formField as field, type FormState } from "@/lib/form-state";
import { actionContext } from "@/server/action-context";
import { meetingFormResult as toState } from "@/server/meeting-form";
import { redirect } from "next/navigation";
import { startEidCorrection, startEidSigning } from "./signoff.eid";
import { addCorrection, returnProtocol, sendForAdjustment, signProtocol } from "./signoff.mutations";

export async function sendForAdjustmentFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await sendForAdjustment(await actionContext(), { meetingId: field(form, "meetingId") });
  return toState(result, "skickat", field(form, "slug"));
}

export async function signFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await signProtocol(await actionContext(), {
    meetingId: field(form, "meetingId"),
    password: field(form, "password"),
  });
  return toState(result, result.ok && result.data.complete ? "justerat" : "signerat", field(form, "slug"));
}

export async function returnFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await returnProtocol(await actionContext(), {
    meetingId: field(form, "meetingId"),
    comment: field(form, "comment"),
  });
  return toState(result, "tillbaka", field(form, "slug"));
}

export async function correctionFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (field(form, "via") === "e-legitimation") {
    // A fresh e-legitimation bound to this rättelse; it is written when the provider answers.
    const started = await startEidCorrection(await actionContext(), {
      meetingId: field(form, "meetingId"),
      paragraphNumber: field(form, "paragraphNumber"),
      text: field(form, "text"),
    });
    if (started.ok) redirect(started.data.url);
    return {
      ok: false,
      message: started.message,
      fieldErrors: started.code === "VALIDATION" ? started.fieldErrors : {},
    };
  }
  const result = await addCorrection(await actionContext(), {
    meetingId: field(form, "meetingId"),
    paragraphNumber: field(form, "paragraphNumber"),
    text: field(form, "text"),
    password: field(form, "password"),
  });
  return toState(result, "rattelse", field(form, "slug"));
}

/** "Signera med e-legitimation": on to the provider, or the reason it cannot start. */
export async function startEidFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await startEidSigning(await actionContext(), { meetingId: field(form, "meetingId") });
  if (result.ok) redirect(result.data.url);
  return { ok: false, message: result.message, fieldErrors: result.code === "VALIDATION" ? result.fieldErrors : {} };
}
