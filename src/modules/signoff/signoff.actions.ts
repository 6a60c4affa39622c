"use server";

import { revalidatePath } from "next/cache";
import { actionContext } from "@/server/action-context";
import type { ActionResult } from "@/server/action";
import { addCorrection, returnProtocol, sendForAdjustment, signProtocol } from "./signoff.mutations";

/** What the sign-off forms show after an answer (they work without JavaScript). */
export interface FormState {
  ok: boolean;
  message: string | null;
  fieldErrors: Record<string, string[]>;
}

function toState(result: ActionResult<unknown>, success: string, slug: string): FormState {
  if (result.ok) {
    revalidatePath(`/moten/${slug}`);
    revalidatePath("/att-justera");
    return { ok: true, message: success, fieldErrors: {} };
  }
  return { ok: false, message: result.message, fieldErrors: result.code === "VALIDATION" ? result.fieldErrors : {} };
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

export async function sendForAdjustmentFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await sendForAdjustment(await actionContext(), { meetingId: field(form, "meetingId") });
  return toState(result, "Protokollet är skickat till justering. Ordförande och justerare har fått det i sin lista.", field(form, "slug"));
}

export async function signFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await signProtocol(await actionContext(), { meetingId: field(form, "meetingId"), password: field(form, "password") });
  const complete = result.ok && result.data.complete;
  return toState(result, complete ? "Du har signerat. Alla har nu signerat: protokollet är justerat och anslaget." : "Du har signerat protokollet.", field(form, "slug"));
}

export async function returnFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await returnProtocol(await actionContext(), { meetingId: field(form, "meetingId"), comment: field(form, "comment") });
  return toState(result, "Protokollet är skickat tillbaka till sekreteraren med din kommentar.", field(form, "slug"));
}

export async function correctionFormAction(_prev: FormState, form: FormData): Promise<FormState> {
  const result = await addCorrection(await actionContext(), {
    meetingId: field(form, "meetingId"),
    paragraphNumber: field(form, "paragraphNumber"),
    text: field(form, "text"),
    password: field(form, "password"),
  });
  return toState(result, "Rättelsen är signerad och tillagd i protokollet.", field(form, "slug"));
}
