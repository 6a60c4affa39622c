// OParl File: a stored PDF of a justerat meeting.
import { serveOpenData, getFile } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getFile(r, id), { id });
}
