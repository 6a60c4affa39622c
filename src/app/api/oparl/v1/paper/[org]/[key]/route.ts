// OParl Paper: one case number (Dnr) and the public §§ that handled it.
import { serveOpenData, getPaper } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ org: string; key: string }> }) {
  const { org, key } = await params;
  return serveOpenData(req, (r) => getPaper(r, org, key), { org, key });
}
