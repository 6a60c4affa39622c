"use client";

// A body (organ): its name, genitive, kind, seats and the body it reports to; and the order its
// ersättare are called in. Plain forms posting to server actions (they work without JavaScript).
import { bodyKindLabel } from "@/domain/vocabulary";
import { suggestGenitive } from "@/domain/rules/bodies.rules";
import {
  createBodyFormAction,
  setCallOrderFormAction,
  updateBodyFormAction,
} from "@/modules/administration/bodies.actions";
import type { BodyDetail } from "@/modules/administration/bodies.queries";
import { BODY_KINDS } from "@/modules/administration/bodies.schema";
import { DataTable } from "@/ui/data-table";
import { FormStatus, InputField, SelectField, SubmitButton, useAdminForm } from "./form-controls";

type Editable = Pick<BodyDetail, "id" | "name" | "genitiveName" | "kind" | "seatCount" | "parentBodyId">;

/** Create (no `body`) or edit a body of the organisation. */
export function BodyForm({
  organisationId,
  body,
  otherBodies,
}: {
  organisationId: string;
  body?: Editable;
  otherBodies: readonly { id: string; name: string }[];
}) {
  const { state, action, err, value } = useAdminForm(body ? updateBodyFormAction : createBodyFormAction);
  const F = body ? "organ" : "nytt-organ";
  return (
    <form key={state.attempt} id={F} action={action} className="mt-4 max-w-2xl space-y-4" noValidate>
      {body ? (
        <input type="hidden" name="bodyId" value={body.id} />
      ) : (
        <input type="hidden" name="organisationId" value={organisationId} />
      )}
      <FormStatus state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          form={F}
          name="name"
          label="Namn"
          required
          autoComplete="off"
          hint="T.ex. Kommunstyrelsens arbetsutskott. Adressen bildas av namnet när organet skapas."
          defaultValue={value("name", body?.name ?? "")}
          error={err("name")}
        />
        <InputField
          form={F}
          name="genitiveName"
          label="Genitiv"
          required
          autoComplete="off"
          hint={`Används i rubriker som ”${body ? body.genitiveName : "Arbetsutskottets"} beslut”.${
            body ? ` Förslag utifrån namnet: ${suggestGenitive(body.name)}.` : ""
          }`}
          defaultValue={value("genitiveName", body?.genitiveName ?? "")}
          error={err("genitiveName")}
        />
        <SelectField
          form={F}
          name="kind"
          label="Slags organ"
          required
          defaultValue={value("kind", body?.kind ?? "")}
          error={err("kind")}
        >
          <option value="">Välj slags organ</option>
          {BODY_KINDS.map((k) => (
            <option key={k} value={k}>
              {bodyKindLabel[k]}
            </option>
          ))}
        </SelectField>
        <InputField
          form={F}
          name="seatCount"
          label="Antal ledamotsplatser"
          required
          autoComplete="off"
          hint="Beslutsförheten räknas på platserna: mer än hälften ska vara närvarande."
          defaultValue={value("seatCount", body ? String(body.seatCount) : "")}
          error={err("seatCount")}
        />
        <SelectField
          form={F}
          name="parentBodyId"
          label="Rapporterar till"
          hint="T.ex. ett utskott till sin styrelse eller nämnd."
          defaultValue={value("parentBodyId", body?.parentBodyId ?? "")}
          error={err("parentBodyId")}
        >
          <option value="">Inget organ</option>
          {otherBodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitButton pendingText="Sparar…">{body ? "Spara organet" : "Skapa organet"}</SubmitButton>
    </form>
  );
}

function CallOrderForm({ row }: { row: BodyDetail["substitutes"][number] }) {
  const { state, action, err, value } = useAdminForm(setCallOrderFormAction);
  const F = `ordning-${row.membershipId}`;
  return (
    <form key={state.attempt} id={F} action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="membershipId" value={row.membershipId} />
      <InputField
        form={F}
        name="callOrder"
        label={<span className="sr-only">Plats i ersättarordningen för {row.personName}</span>}
        autoComplete="off"
        className="w-20"
        defaultValue={value("callOrder", row.callOrder?.toString() ?? "")}
        error={err("callOrder")}
      />
      <SubmitButton pendingText="Sparar…">
        Spara<span className="sr-only"> ordningen för {row.personName}</span>
      </SubmitButton>
      {state.status === "failed" && state.failure.code !== "VALIDATION" && (
        <p role="alert" className="text-sm text-red-800">
          {state.failure.message}
        </p>
      )}
      {state.status === "saved" && (
        <p role="status" className="text-sm text-green-900">
          Sparad.
        </p>
      )}
    </form>
  );
}

/** Ersättarordning: the order in which the body's ersättare are called in (1 first). */
export function SubstituteOrder({ body }: { body: Pick<BodyDetail, "name" | "substitutes"> }) {
  if (body.substitutes.length === 0) return <p className="mt-2">{body.name} har inga ersättare registrerade.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={`Ersättarordning i ${body.name}`}
        rows={body.substitutes}
        rowKey={(s) => s.membershipId}
        rowClassName="border-b border-slate-200 align-top"
        columns={[
          { header: "Plats", cell: (s) => s.callOrder ?? "–" },
          { header: "Ersättare", cell: (s) => s.personName },
          { header: "Representerar", cell: (s) => s.represents },
          { header: "Mandatperiod", cell: (s) => `${s.termStart} – ${s.termEnd}`, className: "whitespace-nowrap" },
          { header: "Ändra plats", cell: (s) => <CallOrderForm row={s} /> },
        ]}
      />
    </div>
  );
}
