import { formatSigningTime } from "@/domain/protocol/protocol.format";
import { ADMIN_AUDIT_ACTIONS, type AuditRow } from "@/modules/administration/audit.queries";
import { AdminTable } from "./admin-table";
import { TextLink } from "@/ui/text-link";

/** The organisation's administration log, a page at a time (links, no client script). */
export function AuditTable({ rows, next }: { rows: AuditRow[]; next: string | null }) {
  return (
    <>
      <AdminTable
        caption="Händelser i administrationen, senaste först"
        empty="Inga ändringar i administrationen är registrerade ännu."
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { header: "När", cell: (r) => formatSigningTime(r.at.toISOString()), className: "whitespace-nowrap" },
          { header: "Vem", cell: (r) => r.by ?? "Borttaget konto" },
          { header: "Vad", cell: (r) => ADMIN_AUDIT_ACTIONS[r.action] ?? r.action },
          { header: "Gäller", cell: (r) => r.concerns ?? "–" },
        ]}
      />
      {next && (
        <p className="mt-4">
          <TextLink href={`/admin/logg?fore=${encodeURIComponent(next)}`}>Äldre händelser</TextLink>
        </p>
      )}
    </>
  );
}
