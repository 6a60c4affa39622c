// The answer of a meeting page's form action (justering, rättelse, anslag): on success the pages
// that follow the step are refreshed and the browser goes back to the meeting page with ?klart=…;
// on failure the form shows the message and the field errors.
import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import type { ActionResult } from "./action";

/** Outcomes shown on the meeting page after a successful step (?klart=…). */
export type Done =
  "skickat" | "signerat" | "justerat" | "tillbaka" | "rattelse" | "anslag" | "numrering" | "anslagsuppgifter";

export function meetingFormResult(result: ActionResult<unknown>, done: Done, slug: string): FormState {
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
