import { revalidateTag } from "next/cache";
import { setTestClock, testClockEnabled, now } from "@/server/clock";

// End-to-end tests move the server's clock here (PARAGRAF_TEST_CLOCK=1 only; otherwise the
// address does not exist). Body: {"now": "2026-12-20T12:00:00Z"} or {"now": null} for real time.
export async function POST(request: Request) {
  if (!testClockEnabled()) return new Response("Sidan finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const body: unknown = await request.json().catch(() => null);
  const value = body && typeof body === "object" && "now" in body ? body.now : undefined;
  const instant = typeof value === "string" ? new Date(value) : null;
  if (value === undefined || (typeof value === "string" && Number.isNaN(instant!.getTime())) || (value !== null && typeof value !== "string")) {
    return Response.json({ error: "Ange now som en ISO-tidpunkt eller null." }, { status: 400 });
  }
  setTestClock(instant);
  // What the public sees follows from the date: expire the cached pages now, not in the background.
  revalidateTag("public", { expire: 0 });
  return Response.json({ now: now().toISOString() });
}
