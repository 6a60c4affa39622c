import Link from "next/link";
import { bodyRoleKindTerms } from "@/domain/vocabulary";
import type { UserListItem } from "@/modules/administration/admin.queries";

export function UsersTable({ users }: { users: UserListItem[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-3 w-full border-collapse text-left">
        <caption className="sr-only">Användare</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              Namn
            </th>
            <th scope="col" className="py-2 pr-4">
              E-postadress
            </th>
            <th scope="col" className="py-2 pr-4">
              Roller
            </th>
            <th scope="col" className="py-2">
              Person i protokollen
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4">
                <Link
                  href={`/admin/anvandare/${u.id}`}
                  className="text-[var(--color-brand)] underline underline-offset-2"
                >
                  {u.name}
                </Link>
              </td>
              <td className="py-2 pr-4 break-all">{u.email}</td>
              <td className="py-2 pr-4">
                {[
                  ...(u.isAdmin ? ["Administratör"] : []),
                  ...u.bodyRoles.map((r) => `${bodyRoleKindTerms[r.role].label}, ${r.bodyName}`),
                ].join("; ") || "–"}
              </td>
              <td className="py-2">{u.personName ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
