"use client";

import { createUserFormAction } from "@/modules/administration/admin.actions";
import type { PersonOption } from "@/modules/administration/admin.queries";
import { MIN_PASSWORD_LENGTH } from "@/domain/rules/password.policy";
import { NEW_PERSON } from "@/modules/administration/admin.constants";
import { AdminForm, CheckboxField, NamedOptions, SelectField, SubmitButton, useAdminForm } from "./form-controls";
import { ADMIN_LABEL, NameAndEmailFields, NewPasswordFields } from "./user-fields";

const F = "ny-anvandare";

/** Creates an account; on success the server action opens the new user's page. */
export function CreateUserForm({
  people,
  organisations,
}: {
  people: PersonOption[];
  organisations: { id: string; name: string }[];
}) {
  const { state, action, err, field, box } = useAdminForm(createUserFormAction, F);
  const groups = organisations
    .map((o) => ({ ...o, people: people.filter((p) => p.organisationId === o.id) }))
    .filter((g) => g.people.length > 0);
  const onlyOrganisation = organisations.length === 1 ? organisations[0] : undefined;
  return (
    <AdminForm id={F} state={state} action={action}>
      <NameAndEmailFields
        field={field}
        emailHint="Användaren loggar in med den. Stora och små bokstäver spelar ingen roll."
      />
      <SelectField
        {...field("personLink")}
        label="Person i protokollen"
        hint="Koppla kontot till personen som står i närvarolistor, så kan användaren signera som ordförande, justerare eller sekreterare."
      >
        <option value="">Ingen koppling</option>
        <option value={NEW_PERSON}>Ny person med samma namn</option>
        {groups.map((g) => (
          <optgroup key={g.id} label={g.name}>
            <NamedOptions items={g.people} />
          </optgroup>
        ))}
      </SelectField>
      {onlyOrganisation ? (
        <input type="hidden" name="organisationId" value={onlyOrganisation.id} />
      ) : (
        <SelectField
          options={organisations}
          {...field("organisationId")}
          label="Organisation för ny person"
          hint="Behövs bara om du valt Ny person."
        >
          <option value="">Välj organisation</option>
        </SelectField>
      )}
      <NewPasswordFields
        form={F}
        err={err}
        labels={{ password: "Lösenord", passwordConfirm: "Upprepa lösenordet" }}
        hint={`Minst ${MIN_PASSWORD_LENGTH} tecken. Lämna det till användaren på ett säkert sätt.`}
      />
      <CheckboxField {...box("isAdmin", false)} label={ADMIN_LABEL} />
      <SubmitButton pendingText="Skapar…">Skapa användare</SubmitButton>
    </AdminForm>
  );
}
