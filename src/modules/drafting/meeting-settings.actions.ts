"use server";

import { formField as field, type FormState } from "@/lib/form-state";
import { actionContext } from "@/server/action-context";
import { meetingFormResult } from "@/server/meeting-form";
import { saveNoticeSettings, setFirstParagraphNumber } from "./meeting-settings.mutations";

/** The form also gets back what was typed, since React resets a form after its action. */
export interface SettingsFormState extends FormState {
  values: Record<string, string> | null;
  attempt: number;
}

export async function firstNumberFormAction(prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = { firstNumber: field(form, "firstNumber") };
  const result = await setFirstParagraphNumber(await actionContext(), {
    meetingId: field(form, "meetingId"),
    ...values,
  });
  return { ...meetingFormResult(result, "numrering", field(form, "slug")), values, attempt: prev.attempt + 1 };
}

export async function noticeSettingsFormAction(prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = {
    storagePlace: field(form, "storagePlace"),
    noticeBoard: field(form, "noticeBoard"),
    certifier: field(form, "certifier"),
  };
  const result = await saveNoticeSettings(await actionContext(), { meetingId: field(form, "meetingId"), ...values });
  return { ...meetingFormResult(result, "anslagsuppgifter", field(form, "slug")), values, attempt: prev.attempt + 1 };
}
