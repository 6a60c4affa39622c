import { getDb } from "@/server/db";
import { instanceId } from "@/server/instance";

// Readiness: this instance can serve requests — the database answers, as the app's role, with the
// schema this build expects (the newest table it needs exists). A proxy sends traffic only to a
// ready instance. 503 with a Swedish reason otherwise; never details of the error.
export const dynamic = "force-dynamic";

const TIMEOUT_MS = 2_000;

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1 FROM "OrganisationUser" LIMIT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS)),
    ]);
    return Response.json({ status: "ok", instance: instanceId }, { headers });
  } catch {
    return Response.json(
      { status: "unavailable", instance: instanceId, reason: "Databasen svarar inte eller saknar tabeller." },
      { status: 503, headers },
    );
  }
}
