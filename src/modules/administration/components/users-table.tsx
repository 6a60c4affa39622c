import { bodyRoleKindTerms } from "@/domain/vocabulary";
import { AdminTable } from "./admin-table";
import type { UserListItem } from "@/modules/administration/admin.queries";
import { TextLink } from "@/ui/text-link";

export function UsersTable({ users }: { users: UserListItem[] }) {
  return (
    <AdminTable
      caption="Användare"
      rows={users}
      rowKey={(u) => u.id}
      columns={[
        {
          header: "Namn",
          cell: (u) => <TextLink href={`/admin/anvandare/${u.id}`}>{u.name}</TextLink>,
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
