// The e-legitimation provider's answer (redirect_uri): the signature (or rättelse) is written here, or refused
// with a reason the page /signering/e-legitimation shows in Swedish. Nothing from the query is
// echoed back; only a fixed reason and the meeting's own slug.
import { revalidatePath, revalidateTag } from "next/cache";
import { completeEidSigning } from "@/modules/justering";
import { actionContext } from "@/server/action-context";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const outcome = await completeEidSigning(await actionContext(), new URL(req.url));
  // A relative Location: the browser stays on the address it used (req.url is the server's own
  // host name, which behind a proxy or on 127.0.0.1 is not the one the session cookie belongs to).
  const to = (path: string) => new Response(null, { status: 303, headers: { location: path } });
  if (outcome.ok) {
    revalidatePath("/att-justera");
    // Public pages and feeds follow justering and rättelser.
    if (outcome.complete || outcome.correction) revalidateTag("public", { expire: 0 });
    const done = outcome.correction ? "rattelse" : outcome.complete ? "justerat" : "signerat";
    return to(`/moten/${encodeURIComponent(outcome.slug)}?klart=${done}`);
  }
  const query = new URLSearchParams({ orsak: outcome.reason, ...(outcome.slug ? { mote: outcome.slug } : {}) });
  return to(`/signering/e-legitimation?${query}`);
}
