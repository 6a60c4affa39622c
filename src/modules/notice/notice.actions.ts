"use server";

import { formField as field, type FormState } from "@/lib/form-state";
import { actionContext } from "@/server/action-context";
import { meetingFormResult } from "@/server/meeting-form";
import { editNotice } from "./notice.mutations";

/** The notice form also gets back what was typed, since React resets a form after its action. */
export interface NoticeFormState extends FormState {
  values: { postedOn: string; takeDownOn: string; storagePlace: string; noticeBoard: string } | null;
  attempt: number;
}

export async function noticeFormAction(prev: NoticeFormState, form: FormData): Promise<NoticeFormState> {
  const values = {
    postedOn: field(form, "postedOn"),
    takeDownOn: field(form, "takeDownOn"),
    storagePlace: field(form, "storagePlace"),
    noticeBoard: field(form, "noticeBoard"),
  };
  const result = await editNotice(await actionContext(), { meetingId: field(form, "meetingId"), ...values });
  return { ...meetingFormResult(result, "anslag", field(form, "slug")), values, attempt: prev.attempt + 1 };
}
