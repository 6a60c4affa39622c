import { workspaceSummonsResponse } from "@/modules/summons";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/**
 * The kallelse with the PDF handlingar after it, bookmarked: the members' version, or the public one for a
 * reader from outside the body.
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return workspaceSummonsResponse(req, getDb(), (await params).slug, "handlingar");
}
