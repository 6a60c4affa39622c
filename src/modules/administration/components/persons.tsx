"use client";

// The organisation's people: rename, merge a duplicate into a person, remove a person nobody refers
// to. Plain forms posting to server actions (they work without JavaScript).
import {
  mergePersonsFormAction,
  removePersonFormAction,
  renamePersonFormAction,
} from "@/modules/administration/persons.actions";
import type { OrganisationPeople, PersonRow } from "@/modules/administration/persons.queries";
import { DataTable } from "@/ui/data-table";
import { FormStatus, InputField, SelectField, SubmitButton, useAdminForm } from "./form-controls";
import { RowActionForm } from "./row-action-form";

function RenameForm({ person }: { person: PersonRow }) {
  const { state, action, err, value } = useAdminForm(renamePersonFormAction);
  const F = `namn-${person.id}`;
  return (
    <form key={state.attempt} id={F} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="personId" value={person.id} />
      <FormStatus state={state} />
      <InputField
        form={F}
        name="name"
        label={`Nytt namn för ${person.name}`}
        required
        autoComplete="off"
        defaultValue={value("name", person.name)}
        error={err("name")}
        hint={
          person.lockedMeetings > 0
            ? "Protokoll som skickats till justering behåller namnet de signerades med."
            : undefined
        }
      />
      <SubmitButton pendingText="Sparar…">Byt namn</SubmitButton>
    </form>
  );
}

function MergeForm({ person, others }: { person: PersonRow; others: readonly PersonRow[] }) {
  const { state, action, err, value } = useAdminForm(mergePersonsFormAction);
  const F = `sla-ihop-${person.id}`;
  return (
    <form key={state.attempt} id={F} action={action} className="space-y-2" noValidate>
      <input type="hidden" name="personId" value={person.id} />
      <FormStatus state={state} />
      <SelectField
        form={F}
        name="duplicateId"
        label={`Dubblett att slå ihop med ${person.name}`}
        hint={`Dubbletten tas bort; dess uppdrag, konto och förekomster i utkast flyttas till ${person.name}.`}
        defaultValue={value("duplicateId")}
        error={err("duplicateId")}
      >
        <option value="">Välj dubbletten</option>
        {others.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingText="Slår ihop…">Slå ihop</SubmitButton>
    </form>
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
  if (organisation.people.length === 0) return <p className="mt-2">{organisation.name} har inga personer ännu.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={`Personer i ${organisation.name}`}
        rows={organisation.people}
        rowKey={(p) => p.id}
        rowClassName="border-b border-slate-200 align-top"
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
    </div>
  );
}
