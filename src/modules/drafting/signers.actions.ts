"use server";

import { actionContext } from "@/server/action-context";
import * as mutations from "./signers.mutations";

export async function saveSignersAction(input: unknown) {
  return mutations.saveSigners(await actionContext(), input);
}
