import type { Metadata } from "next";
import { AdminPage, AuditTable, listOrganisationAudit, requireAdminPage } from "@/modules/administration";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "Händelselogg" };

type Props = { searchParams: Promise<{ fore?: string | string[] }> };

export default async function AuditLogPage({ searchParams }: Props) {
  const { organisationId } = await requireAdminPage("/admin/logg", "admin.readAuditLog");
  const fore = (await searchParams).fore;
  const before = typeof fore === "string" && fore.length <= 64 ? fore : undefined;
  const { rows, next } = await listOrganisationAudit(getDb(), organisationId, before);
  return (
    <AdminPage here="Händelselogg" title="Händelselogg">
      <p className="mt-2">
        Vem som har skapat och ändrat användare, roller, organ, uppdrag, personer och organisationens uppgifter.
        Händelser i ett sammanträde finns på sammanträdets sida.
      </p>
      <AuditTable rows={rows} next={next} />
    </AdminPage>
  );
}
