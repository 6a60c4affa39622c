// OParl File: a stored PDF of a justerat meeting.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getFile } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getFile(r, id), { id });
}
