import { revalidateTag } from "next/cache";
import { z } from "@/lib/zod";
import { now, setTestClock, testClockEnabled } from "@/server/clock";

// End-to-end tests move the server's clock here (PARAGRAF_TEST_CLOCK=1 only; otherwise the
// address does not exist). Body: {"now": "2026-12-20T12:00:00Z"}, or {"now": null} for real time.
const Body = z.object({ now: z.iso.datetime({ offset: true }).nullable() });

export async function POST(request: Request) {
  if (!testClockEnabled())
    return new Response("Sidan finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const body = Body.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "Ange now som en ISO-tidpunkt eller null." }, { status: 400 });
  setTestClock(body.data.now === null ? null : new Date(body.data.now));
  // What the public sees follows from the date: expire the cached pages now, not in the background.
  revalidateTag("public", { expire: 0 });
  return Response.json({ now: now().toISOString() });
}
