"use server";
// The members' live page's server action: the session user and client address, then the mutation.
import { actionContext } from "@/server/action-context";
import { recordSeatEvent } from "./member.mutations";

export async function recordSeatEventAction(input: unknown) {
  return recordSeatEvent(await actionContext(), input);
}
