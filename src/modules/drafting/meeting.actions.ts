"use server";

import { redirect } from "next/navigation";
import { actionContext } from "@/server/action-context";
import type { ActionFailure } from "@/server/action";
import * as mutations from "./meeting.mutations";

export async function saveMeetingHeaderAction(input: unknown) {
  return mutations.saveMeetingHeader(await actionContext(), input);
}

export async function saveAttendanceAction(input: unknown) {
  return mutations.saveAttendance(await actionContext(), input);
}

export async function addAttendancePersonAction(input: unknown) {
  return mutations.addAttendancePerson(await actionContext(), input);
}

/** Form action (works without JavaScript): create the meeting and open its editor. */
export async function createMeetingFormAction(
  _prev: ActionFailure | null,
  form: FormData,
): Promise<ActionFailure | null> {
  const result = await mutations.createMeeting(await actionContext(), {
    bodyId: form.get("bodyId"),
    date: form.get("date"),
    startTime: form.get("startTime") ?? "",
    endTime: form.get("endTime") ?? "",
    place: form.get("place"),
    attendanceFrom: form.get("attendanceFrom"),
    firstParagraphNumber: form.get("firstParagraphNumber") ?? "",
    withOpening: form.get("withOpening") === "on",
  });
  if (!result.ok) return result;
  redirect(`/moten/${result.data.slug}/redigera`);
}
