"use client";

import { grantBodyRoleFormAction, revokeBodyRoleFormAction } from "@/modules/administration/admin.actions";
import { bodyRoleKindTerms } from "@/domain/vocabulary";
import type { BodyOption, UserDetail } from "@/modules/administration/admin.queries";
import { FormStatus, SelectField, SubmitButton, useAdminForm } from "./form-controls";
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
  const { state, action, err, value } = useAdminForm(grantBodyRoleFormAction);
  const F = "roll";
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
      <form key={state.attempt} id={F} action={action} className="mt-4 max-w-xl space-y-4" noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <FormStatus state={state} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            form={F}
            name="bodyId"
            label="Organ"
            required
            defaultValue={value("bodyId")}
            error={err("bodyId")}
          >
            <option value="">Välj organ</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({b.organisationName})
              </option>
            ))}
          </SelectField>
          <SelectField
            form={F}
            name="role"
            label="Roll"
            required
            defaultValue={value("role", "SECRETARY")}
            error={err("role")}
          >
            <option value="SECRETARY">{bodyRoleKindTerms.SECRETARY.label} (skriver protokoll)</option>
            <option value="MEMBER">{bodyRoleKindTerms.MEMBER.label} (läser protokoll)</option>
          </SelectField>
        </div>
        <SubmitButton pendingText="Lägger till…">Lägg till roll</SubmitButton>
      </form>
    </>
  );
}
