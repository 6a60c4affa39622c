import { handlingResponse } from "@/modules/agenda";
import { getDb } from "@/server/db";
import { getCurrentUser } from "@/server/session";

/**
 * Download a handling of an ärende, for those who may read the body's ärenden (its secretaries,
 * admins, members and ersättare; confidential handlingar only to them as well). Anyone else gets
 * the same 404 as for a handling that does not exist.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  return handlingResponse(getDb(), await getCurrentUser(), id, documentId);
}
