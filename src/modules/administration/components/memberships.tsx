"use client";

import { addMembershipFormAction, removeMembershipFormAction } from "@/modules/administration/admin.actions";
import { bodyPositionTerms, membershipRoleTerms } from "@/domain/vocabulary";
import type { BodyMemberships, MembershipRow } from "@/modules/administration/admin.queries";
import { BODY_POSITIONS, MEMBERSHIP_ROLES, NEW_PERSON } from "@/modules/administration/admin.schema";
import { CheckboxField, FormStatus, InputField, SelectField, SubmitButton, useAdminForm } from "./form-controls";
import { RowActionForm } from "./row-action-form";
import { DataTable } from "@/ui/data-table";

function roleText(m: Pick<MembershipRow, "role" | "position">) {
  const role = membershipRoleTerms[m.role].label;
  return m.position ? `${role}, ${bodyPositionTerms[m.position].word}` : role;
}

export function MembershipTable({ body }: { body: Pick<BodyMemberships, "name" | "memberships"> }) {
  if (body.memberships.length === 0)
    return <p className="mt-2">{body.name} har inga ledamöter eller ersättare registrerade.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={`Ledamöter och ersättare i ${body.name}`}
        rows={body.memberships}
        rowKey={(m) => m.id}
        rowClassName="border-b border-slate-200 align-top"
        columns={[
          { header: "Namn", cell: (m) => m.personName },
          { header: "Uppdrag", cell: roleText },
          { header: "Representerar", cell: (m) => m.represents },
          {
            header: "Mandatperiod",
            cell: (m) => `${m.termStart} – ${m.termEnd}`,
            className: "whitespace-nowrap",
          },
          { header: "Rösträtt", cell: (m) => (m.hasVotingRight ? "Ja" : "Nej") },
          {
            header: "Åtgärd",
            cell: (m) => (
              <RowActionForm
                action={removeMembershipFormAction}
                fields={{ membershipId: m.id }}
                pendingText="Tar bort…"
              >
                Ta bort<span className="sr-only"> uppdraget för {m.personName}</span>
              </RowActionForm>
            ),
          },
        ]}
      />
    </div>
  );
}

export function AddMembershipForm({
  body,
  defaultTerm,
}: {
  body: Pick<BodyMemberships, "id" | "people">;
  defaultTerm: { start: string; end: string };
}) {
  const { state, action, err, value } = useAdminForm(addMembershipFormAction);
  const F = "uppdrag";
  return (
    <form key={state.attempt} id={F} action={action} className="mt-4 max-w-2xl space-y-4" noValidate>
      <input type="hidden" name="bodyId" value={body.id} />
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          form={F}
          name="personId"
          label="Person"
          required
          defaultValue={value("personId")}
          error={err("personId")}
        >
          <option value="">Välj person</option>
          <option value={NEW_PERSON}>Ny person …</option>
          {body.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <InputField
          form={F}
          name="newPersonName"
          label="Namn på ny person"
          autoComplete="off"
          defaultValue={value("newPersonName")}
          error={err("newPersonName")}
          hint="Fyll bara i om du valt Ny person."
        />
        <SelectField
          form={F}
          name="role"
          label="Uppdrag"
          required
          defaultValue={value("role", "MEMBER")}
          error={err("role")}
        >
          {MEMBERSHIP_ROLES.map((r) => (
            <option key={r} value={r}>
              {membershipRoleTerms[r].label}
            </option>
          ))}
        </SelectField>
        <SelectField
          form={F}
          name="position"
          label="Ordförandeskap"
          defaultValue={value("position")}
          error={err("position")}
        >
          <option value="">Inget</option>
          {BODY_POSITIONS.map((p) => (
            <option key={p} value={p}>
              {bodyPositionTerms[p].label}
            </option>
          ))}
        </SelectField>
        <InputField
          form={F}
          name="represents"
          label="Representerar"
          required
          autoComplete="off"
          defaultValue={value("represents")}
          error={err("represents")}
          hint="Kommun eller parti, t.ex. Vimmerby kommun."
          className="sm:col-span-2"
        />
        <InputField
          form={F}
          name="termStart"
          label="Mandatperioden börjar"
          type="date"
          required
          defaultValue={value("termStart", defaultTerm.start)}
          error={err("termStart")}
        />
        <InputField
          form={F}
          name="termEnd"
          label="Mandatperioden slutar"
          type="date"
          required
          defaultValue={value("termEnd", defaultTerm.end)}
          error={err("termEnd")}
        />
      </div>
      <CheckboxField
        form={F}
        name="hasVotingRight"
        label="Rösträtt"
        defaultChecked={state.status === "failed" ? state.values["hasVotingRight"] === "on" : true}
        error={err("hasVotingRight")}
      />
      <SubmitButton pendingText="Lägger till…">Lägg till uppdrag</SubmitButton>
    </form>
  );
}
