// OParl Person: name and seats, never e-mail.
import { serveOpenData } from "@/modules/publication/opendata/opendata.http";
import { getPerson } from "@/modules/publication/opendata/oparl.handlers";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getPerson(r, id), { id });
}
