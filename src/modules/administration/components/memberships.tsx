"use client";

import { addMembershipFormAction, removeMembershipFormAction } from "@/modules/administration/admin.actions";
import { bodyPositionTerms, membershipRoleTerms } from "@/domain/vocabulary";
import type { BodyMemberships, MembershipRow } from "@/modules/administration/admin.queries";
import { BODY_POSITIONS, MEMBERSHIP_ROLES, NEW_PERSON } from "@/modules/administration/admin.constants";
import {
  AdminForm,
  CheckboxField,
  InputField,
  SelectField,
  SubmitButton,
  choices,
  useAdminForm,
} from "./form-controls";
import { AdminTable } from "./admin-table";
import { RowActionForm } from "./row-action-form";

function roleText(m: Pick<MembershipRow, "role" | "position">) {
  const role = membershipRoleTerms[m.role].label;
  return m.position ? `${role}, ${bodyPositionTerms[m.position].word}` : role;
}

export function MembershipTable({ body }: { body: Pick<BodyMemberships, "name" | "memberships"> }) {
  return (
    <AdminTable
      empty={`${body.name} har inga ledamöter eller ersättare registrerade.`}
      caption={`Ledamöter och ersättare i ${body.name}`}
      rows={body.memberships}
      rowKey={(m) => m.id}
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
            <RowActionForm action={removeMembershipFormAction} fields={{ membershipId: m.id }} pendingText="Tar bort…">
              Ta bort<span className="sr-only"> uppdraget för {m.personName}</span>
            </RowActionForm>
          ),
        },
      ]}
    />
  );
}

export function AddMembershipForm({
  body,
  defaultTerm,
}: {
  body: Pick<BodyMemberships, "id" | "people">;
  defaultTerm: { start: string; end: string };
}) {
  const F = "uppdrag";
  const { state, action, field, box } = useAdminForm(addMembershipFormAction, F);
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ bodyId: body.id }} className="mt-4 max-w-2xl space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField {...field("personId")} label="Person" required options={body.people}>
          <option value="">Välj person</option>
          <option value={NEW_PERSON}>Ny person …</option>
        </SelectField>
        <InputField
          {...field("newPersonName")}
          label="Namn på ny person"
          autoComplete="off"
          hint="Fyll bara i om du valt Ny person."
        />
        <SelectField
          {...field("role", "MEMBER")}
          label="Uppdrag"
          required
          options={choices(MEMBERSHIP_ROLES, (r) => membershipRoleTerms[r].label)}
        />
        <SelectField
          {...field("position")}
          label="Ordförandeskap"
          options={choices(BODY_POSITIONS, (p) => bodyPositionTerms[p].label)}
        >
          <option value="">Inget</option>
        </SelectField>
        <InputField
          {...field("represents")}
          label="Representerar"
          required
          autoComplete="off"
          hint="Kommun eller parti, t.ex. Vimmerby kommun."
          className="sm:col-span-2"
        />
        <InputField {...field("termStart", defaultTerm.start)} label="Mandatperioden börjar" type="date" required />
        <InputField {...field("termEnd", defaultTerm.end)} label="Mandatperioden slutar" type="date" required />
      </div>
      <CheckboxField {...box("hasVotingRight", true)} label="Rösträtt" />
      <SubmitButton pendingText="Lägger till…">Lägg till uppdrag</SubmitButton>
    </AdminForm>
  );
}
