import { workspaceSummonsResponse } from "@/modules/summons";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** The kallelse PDF for those who may read the meeting: the members' version for the body's own, else the public. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return workspaceSummonsResponse(req, getDb(), (await params).slug, "kallelse");
}
