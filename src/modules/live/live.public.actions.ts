"use server";
// The public stream's switch: the session user and client address, then the mutation.
import { actionContext } from "@/server/action-context";
import { setLivePublic } from "./live.public.mutations";

export async function setLivePublicAction(input: unknown) {
  return setLivePublic(await actionContext(), input);
}
