import type { Prisma } from "@/generated/prisma/client";

export interface AuditInput {
  userId: string | null;
  meetingId: string | null;
  /** With no meeting: the organisation whose administration it records (null: the platform's). */
  organisationId?: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  ip: string | null;
  data?: Prisma.InputJsonValue;
}

/**
 * One audit row, written inside the same transaction as the change it records. Without RETURNING
 * (createMany): an organisation may write a row it may not read back — the platform's rows
 * (meetingId and organisationId null: sign-ins, platform administration) are visible to the
 * platform only (row-level security, migrations 20261205100000_tenancy and
 * 20261207000200_audit_organisation).
 */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  await tx.auditLog.createMany({ data: [entry] });
}
