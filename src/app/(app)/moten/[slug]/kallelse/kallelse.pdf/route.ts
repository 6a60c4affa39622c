import { workspaceSummonsResponse } from "@/modules/summons";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** The kallelse PDF, members' version (every ärende in full); for those who may read the meeting. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return workspaceSummonsResponse(req, getDb(), (await params).slug, "kallelse");
}
