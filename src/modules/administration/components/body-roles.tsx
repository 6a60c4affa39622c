"use client";

import { grantBodyRoleFormAction, revokeBodyRoleFormAction } from "@/modules/administration/admin.actions";
import { bodyRoleKindTerms } from "@/domain/vocabulary";
import type { BodyOption, UserDetail } from "@/modules/administration/admin.queries";
import { AdminForm, SelectField, SubmitButton, useAdminForm } from "./form-controls";
import { RowActionForm } from "./row-action-form";
import { DataTable } from "@/ui/data-table";

/** The user's roles per body, each with a button to revoke it, and a form to grant one more. */
export function BodyRoles({
  user,
  bodies,
}: {
  user: Pick<UserDetail, "id" | "name" | "bodyRoles">;
  bodies: BodyOption[];
}) {
  const F = "roll";
  const { state, action, field } = useAdminForm(grantBodyRoleFormAction, F);
  return (
    <>
      {user.bodyRoles.length === 0 ? (
        <p className="mt-2">{user.name} har inga roller i något organ.</p>
      ) : (
        <DataTable
          caption={`Roller i organ för ${user.name}`}
          rows={user.bodyRoles}
          rowKey={(r) => `${r.bodyId}-${r.role}`}
          columns={[
            { header: "Organ", cell: (r) => r.bodyName },
            { header: "Roll", cell: (r) => bodyRoleKindTerms[r.role].label },
            {
              header: "Åtgärd",
              cell: (r) => (
                <RowActionForm
                  action={revokeBodyRoleFormAction}
                  fields={{ userId: user.id, bodyId: r.bodyId, role: r.role }}
                  pendingText="Tar bort…"
                >
                  Ta bort
                  <span className="sr-only">
                    {" "}
                    rollen {bodyRoleKindTerms[r.role].word} i {r.bodyName}
                  </span>
                </RowActionForm>
              ),
            },
          ]}
        />
      )}
      <AdminForm id={F} state={state} action={action} hidden={{ userId: user.id }}>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField {...field("bodyId")} label="Organ" required>
            <option value="">Välj organ</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.organisationName})
              </option>
            ))}
          </SelectField>
          <SelectField {...field("role", "SECRETARY")} label="Roll" required>
            <option value="SECRETARY">{bodyRoleKindTerms.SECRETARY.label} (skriver protokoll)</option>
            <option value="MEMBER">{bodyRoleKindTerms.MEMBER.label} (läser protokoll)</option>
          </SelectField>
        </div>
        <SubmitButton pendingText="Lägger till…">Lägg till roll</SubmitButton>
      </AdminForm>
    </>
  );
}
