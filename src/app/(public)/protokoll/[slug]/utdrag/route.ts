import { publicExtractResponse } from "@/modules/publication";
import { getDb } from "@/server/db";

/**
 * Utdrag ur ett offentligt protokoll: GET /protokoll/<slug>/utdrag?paragraf=59. Public §§ only,
 * through the public projection; a confidential § is refused (modules/publication/extracts.ts).
 */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return publicExtractResponse(getDb(), slug, req.url);
}
