import Link from "next/link";
import { bodyRoleKindTerms } from "@/domain/vocabulary";
import { linkClass } from "@/ui/data-table";
import { AdminTable } from "./admin-table";
import type { UserListItem } from "@/modules/administration/admin.queries";

export function UsersTable({ users }: { users: UserListItem[] }) {
  return (
    <AdminTable
      caption="Användare"
      rows={users}
      rowKey={(u) => u.id}
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
  );
}
