"use client";

import { useActionState } from "react";
import { grantBodyRoleFormAction, revokeBodyRoleFormAction } from "@/modules/administration/admin.actions";
import {
  fieldError,
  INITIAL_FORM_STATE,
  valueOf,
  type AdminFormState,
} from "@/modules/administration/admin.form-state";
import { bodyRoleKindTerms } from "@/domain/vocabulary";
import type { BodyOption, UserDetail } from "@/modules/administration/admin.queries";
import { FormStatus, SelectField, SubmitButton } from "./form-controls";
import { RowActionForm } from "./row-action-form";

/** The user's roles per body, each with a button to revoke it, and a form to grant one more. */
export function BodyRoles({
  user,
  bodies,
}: {
  user: Pick<UserDetail, "id" | "name" | "bodyRoles">;
  bodies: BodyOption[];
}) {
  const [state, action] = useActionState<AdminFormState, FormData>(grantBodyRoleFormAction, INITIAL_FORM_STATE);
  const err = (name: string) => fieldError(state, name);
  const F = "roll";
  return (
    <>
      {user.bodyRoles.length === 0 ? (
        <p className="mt-2">{user.name} har inga roller i något organ.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-left">
          <caption className="sr-only">Roller i organ för {user.name}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">
                Organ
              </th>
              <th scope="col" className="py-2 pr-4">
                Roll
              </th>
              <th scope="col" className="py-2">
                Åtgärd
              </th>
            </tr>
          </thead>
          <tbody>
            {user.bodyRoles.map((r) => (
              <tr key={`${r.bodyId}-${r.role}`} className="border-b border-slate-200">
                <td className="py-2 pr-4">{r.bodyName}</td>
                <td className="py-2 pr-4">{bodyRoleKindTerms[r.role].label}</td>
                <td className="py-2">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
            defaultValue={valueOf(state, "bodyId")}
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
            defaultValue={valueOf(state, "role", "SECRETARY")}
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
