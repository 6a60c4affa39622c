// OParl Person: name and seats, never e-mail.
import { serveOpenData, getPerson } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getPerson(r, id), { id });
}
