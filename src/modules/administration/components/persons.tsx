"use client";

// The organisation's people: rename, merge a duplicate into a person, remove a person nobody refers
// to. Plain forms posting to server actions (they work without JavaScript).
import {
  mergePersonsFormAction,
  removePersonFormAction,
  renamePersonFormAction,
  setPersonIdentityFormAction,
} from "@/modules/administration/persons.actions";
import type { OrganisationPeople, PersonRow } from "@/modules/administration/persons.queries";
import { AdminForm, InputField, SelectField, SubmitButton, useAdminForm } from "./form-controls";
import { AdminTable } from "./admin-table";
import { RowActionForm } from "./row-action-form";

function RenameForm({ person }: { person: PersonRow }) {
  const F = `namn-${person.id}`;
  const { state, action, field } = useAdminForm(renamePersonFormAction, F);
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ personId: person.id }} className="space-y-2">
      <InputField
        {...field("name", person.name)}
        label={`Nytt namn för ${person.name}`}
        required
        autoComplete="off"
        hint={
          person.lockedMeetings > 0
            ? "Protokoll som skickats till justering behåller namnet de signerades med."
            : undefined
        }
      />
      <SubmitButton pendingText="Sparar…">Byt namn</SubmitButton>
    </AdminForm>
  );
}

/** The personnummer an e-legitimation must carry for the person to sign; never shown again once saved. */
function IdentityForm({ person }: { person: PersonRow }) {
  const F = `personnummer-${person.id}`;
  const { state, action, field } = useAdminForm(setPersonIdentityFormAction, F);
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ personId: person.id }} className="space-y-2">
      <InputField
        {...field("personnummer", "")}
        label={`Personnummer för e-legitimation (${person.name})`}
        autoComplete="off"
        hint={
          person.hasIdentity
            ? "Ett personnummer är registrerat (det visas inte). Skriv ett nytt för att byta, eller lämna tomt och spara för att ta bort det."
            : "ÅÅÅÅMMDD-NNNN. Används bara för att känna igen personens e-legitimation vid signering; sparas inte i klartext."
        }
      />
      <SubmitButton pendingText="Sparar…">Spara personnummer</SubmitButton>
    </AdminForm>
  );
}

function MergeForm({ person, others }: { person: PersonRow; others: readonly PersonRow[] }) {
  const { state, action, err, value } = useAdminForm(mergePersonsFormAction);
  const F = `sla-ihop-${person.id}`;
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ personId: person.id }} className="space-y-2">
      <SelectField
        options={others}
        form={F}
        name="duplicateId"
        label={`Dubblett att slå ihop med ${person.name}`}
        hint={`Dubbletten tas bort; dess uppdrag, konto och förekomster i utkast flyttas till ${person.name}.`}
        defaultValue={value("duplicateId")}
        error={err("duplicateId")}
      >
        <option value="">Välj dubbletten</option>
      </SelectField>
      <SubmitButton pendingText="Slår ihop…">Slå ihop</SubmitButton>
    </AdminForm>
  );
}

function uses(p: PersonRow): string {
  const parts = [
    p.userName ? "användarkonto" : null,
    p.memberships > 0 ? `${p.memberships} uppdrag` : null,
    p.draftMeetings > 0 ? `${p.draftMeetings} utkast` : null,
    p.lockedMeetings > 0 ? `${p.lockedMeetings} justerade eller låsta protokoll` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "Används inte";
}

export function PeopleTable({ organisation }: { organisation: OrganisationPeople }) {
  return (
    <AdminTable
      empty={`${organisation.name} har inga personer ännu.`}
      caption={`Personer i ${organisation.name}`}
      rows={organisation.people}
      rowKey={(p) => p.id}
      columns={[
        { header: "Namn", cell: (p) => p.name },
        { header: "Används i", cell: uses },
        {
          header: "Åtgärd",
          cell: (p) => (
            <div className="space-y-2">
              <details>
                <summary className="cursor-pointer text-[var(--color-brand)] underline underline-offset-2">
                  Byt namn eller slå ihop<span className="sr-only"> för {p.name}</span>
                </summary>
                <div className="mt-2 space-y-4">
                  <RenameForm person={p} />
                  <IdentityForm person={p} />
                  <MergeForm person={p} others={organisation.people.filter((o) => o.id !== p.id)} />
                </div>
              </details>
              {p.userName === null && p.memberships === 0 && p.draftMeetings === 0 && p.lockedMeetings === 0 && (
                <RowActionForm action={removePersonFormAction} fields={{ personId: p.id }} pendingText="Tar bort…">
                  Ta bort<span className="sr-only"> {p.name}</span>
                </RowActionForm>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
