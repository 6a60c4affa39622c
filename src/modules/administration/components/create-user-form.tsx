"use client";

import { createUserFormAction } from "@/modules/administration/admin.actions";
import type { PersonOption } from "@/modules/administration/admin.queries";
import { MIN_PASSWORD_LENGTH, NEW_PERSON } from "@/modules/administration/admin.schema";
import { CheckboxField, FormStatus, InputField, SelectField, SubmitButton, useAdminForm } from "./form-controls";

const F = "ny-anvandare";

/** Creates an account; on success the server action opens the new user's page. */
export function CreateUserForm({
  people,
  organisations,
}: {
  people: PersonOption[];
  organisations: { id: string; name: string }[];
}) {
  const { state, action, err, value } = useAdminForm(createUserFormAction);
  const groups = organisations
    .map((o) => ({ ...o, people: people.filter((p) => p.organisationId === o.id) }))
    .filter((g) => g.people.length > 0);
  const onlyOrganisation = organisations.length === 1 ? organisations[0] : undefined;
  return (
    <form key={state.attempt} id={F} action={action} className="mt-4 max-w-xl space-y-4" noValidate>
      <FormStatus state={state} />
      <InputField
        form={F}
        name="name"
        label="Namn"
        required
        autoComplete="off"
        defaultValue={value("name")}
        error={err("name")}
      />
      <InputField
        form={F}
        name="email"
        label="E-postadress"
        type="email"
        required
        autoComplete="off"
        defaultValue={value("email")}
        error={err("email")}
        hint="Användaren loggar in med den. Stora och små bokstäver spelar ingen roll."
      />
      <SelectField
        form={F}
        name="personLink"
        label="Person i protokollen"
        defaultValue={value("personLink")}
        error={err("personLink")}
        hint="Koppla kontot till personen som står i närvarolistor, så kan användaren signera som ordförande, justerare eller sekreterare."
      >
        <option value="">Ingen koppling</option>
        <option value={NEW_PERSON}>Ny person med samma namn</option>
        {groups.map((g) => (
          <optgroup key={g.id} label={g.name}>
            {g.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {onlyOrganisation ? (
        <input type="hidden" name="organisationId" value={onlyOrganisation.id} />
      ) : (
        <SelectField
          form={F}
          name="organisationId"
          label="Organisation för ny person"
          defaultValue={value("organisationId")}
          error={err("organisationId")}
          hint="Behövs bara om du valt Ny person."
        >
          <option value="">Välj organisation</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      <InputField
        form={F}
        name="password"
        label="Lösenord"
        type="password"
        required
        autoComplete="new-password"
        error={err("password")}
        hint={`Minst ${MIN_PASSWORD_LENGTH} tecken. Lämna det till användaren på ett säkert sätt.`}
      />
      <InputField
        form={F}
        name="passwordConfirm"
        label="Upprepa lösenordet"
        type="password"
        required
        autoComplete="new-password"
        error={err("passwordConfirm")}
      />
      <CheckboxField
        form={F}
        name="isAdmin"
        label="Administratör (får hantera användare och organ)"
        defaultChecked={value("isAdmin") === "on"}
        error={err("isAdmin")}
      />
      <SubmitButton pendingText="Skapar…">Skapa användare</SubmitButton>
    </form>
  );
}
