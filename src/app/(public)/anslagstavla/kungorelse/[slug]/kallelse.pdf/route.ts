import { publicSummonsResponse } from "@/modules/summons";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** The public kallelse PDF of a kungörelse that is up on the anslagstavla (404 otherwise). */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  return publicSummonsResponse(req, getDb(), (await params).slug, "kallelse");
}
