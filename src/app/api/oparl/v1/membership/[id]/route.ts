// OParl Membership: one seat.
import { serveOpenData, getMembership } from "@/modules/publication";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveOpenData(req, (r) => getMembership(r, id), { id });
}
