// The public PDF of a File: the same bytes as /protokoll/<slug>/protokoll.pdf.
import { serveOpenData, downloadFile } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => downloadFile(r, id), { id });
}
