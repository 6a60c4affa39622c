// OParl Paper list of a Body: one per case number (Dnr) of public §§.
import { serveOpenData, listBodyPapers } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return serveOpenData(req, (r) => listBodyPapers(r, org), { org });
}
