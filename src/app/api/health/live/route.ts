import { instanceId } from "@/server/instance";

// Liveness: the process answers. Nothing else is checked, so a load balancer or orchestrator
// restarts only a process that has stopped answering, not every instance when the database blinks.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", instance: instanceId }, { headers: { "Cache-Control": "no-store" } });
}
