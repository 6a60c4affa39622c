import type { Prisma } from "@/generated/prisma/client";

export interface AuditInput {
  userId: string | null;
  meetingId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  data?: Prisma.InputJsonValue;
}

/** One audit row, written inside the same transaction as the change it records. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
