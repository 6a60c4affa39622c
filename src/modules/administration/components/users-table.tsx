import Link from "next/link";
import { bodyRoleKindTerms } from "@/domain/vocabulary";
import { DataTable, linkClass } from "@/ui/data-table";
import type { UserListItem } from "@/modules/administration/admin.queries";

export function UsersTable({ users }: { users: UserListItem[] }) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption="Användare"
        rows={users}
        rowKey={(u) => u.id}
        rowClassName="border-b border-slate-200 align-top"
        columns={[
          {
            header: "Namn",
            cell: (u) => (
              <Link href={`/admin/anvandare/${u.id}`} className={linkClass}>
                {u.name}
              </Link>
            ),
          },
          { header: "E-postadress", cell: (u) => u.email, className: "break-all" },
          {
            header: "Roller",
            cell: (u) =>
              [
                ...(u.isAdmin ? ["Administratör"] : []),
                ...u.bodyRoles.map((r) => `${bodyRoleKindTerms[r.role].label}, ${r.bodyName}`),
              ].join("; ") || "–",
          },
          { header: "Person i protokollen", cell: (u) => u.personName ?? "–" },
        ]}
      />
    </div>
  );
}
