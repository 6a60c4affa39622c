"use server";
// The live view's server actions: the session user and client address, then the mutation.
import { actionContext } from "@/server/action-context";
import { closeLiveMeeting, recordLiveEvent } from "./live.mutations";

export async function recordLiveEventAction(input: unknown) {
  return recordLiveEvent(await actionContext(), input);
}

export async function closeLiveMeetingAction(input: unknown) {
  return closeLiveMeeting(await actionContext(), input);
}
