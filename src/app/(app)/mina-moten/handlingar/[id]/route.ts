import { handlingResponse } from "@/modules/agenda";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * A handling of an ärende on a meeting's ärendelista, for those the permission table lets read
 * the agenda (confidential ones only for the body's own). Not found for everyone else.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handlingResponse(getDb(), await getCurrentUser(), null, id);
}
