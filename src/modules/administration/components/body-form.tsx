"use client";

// A body (organ): its name, genitive, kind, seats, the body it reports to and its protocols' layout;
// and the order its ersättare are called in. Plain forms posting to server actions (they work without JavaScript).
import type { ReactNode } from "react";
import { bodyKindLabel, decisionPlacementLabel } from "@/domain/vocabulary";
import { suggestGenitive } from "@/domain/rules/bodies.rules";
import {
  createBodyFormAction,
  setCallOrderFormAction,
  updateBodyFormAction,
} from "@/modules/administration/bodies.actions";
import type { BodyDetail } from "@/modules/administration/bodies.queries";
import { BODY_KINDS, DECISION_PLACEMENTS } from "@/modules/administration/bodies.constants";
import { AdminTable } from "./admin-table";
import {
  AdminForm,
  CheckboxField,
  InputField,
  SelectField,
  SubmitButton,
  choices,
  useAdminForm,
} from "./form-controls";
import { TextLink } from "@/ui/text-link";

type Editable = Pick<
  BodyDetail,
  | "id"
  | "name"
  | "genitiveName"
  | "kind"
  | "seatCount"
  | "parentBodyId"
  | "decisionPlacement"
  | "appendedAttendanceList"
  | "summonsLeadDays"
  | "liveSelfVoting"
  | "openingTitles"
  | "slug"
>;

/** A group of an existing body's settings under its legend. */
function Settings({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Create (no `body`) or edit a body of the organisation; editing also sets its protocols' layout. */
export function BodyForm({
  organisationId,
  body,
  otherBodies,
}: {
  organisationId: string;
  body?: Editable;
  otherBodies: readonly { id: string; name: string }[];
}) {
  const F = body ? "organ" : "nytt-organ";
  const { state, action, field, box } = useAdminForm(body ? updateBodyFormAction : createBodyFormAction, F);
  return (
    <AdminForm
      id={F}
      state={state}
      action={action}
      hidden={body ? { bodyId: body.id } : { organisationId }}
      className="mt-4 max-w-2xl space-y-4"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          {...field("name", body?.name)}
          label="Namn"
          required
          autoComplete="off"
          hint="T.ex. Kommunstyrelsens arbetsutskott. Adressen bildas av namnet när organet skapas."
        />
        <InputField
          {...field("genitiveName", body?.genitiveName)}
          label="Genitiv"
          required
          autoComplete="off"
          hint={`Används i rubriker som ”${body ? body.genitiveName : "Arbetsutskottets"} beslut”.${
            body ? ` Förslag utifrån namnet: ${suggestGenitive(body.name)}.` : ""
          }`}
        />
        <SelectField
          {...field("kind", body?.kind)}
          label="Slags organ"
          required
          options={choices(BODY_KINDS, (k) => bodyKindLabel[k])}
        >
          <option value="">Välj slags organ</option>
        </SelectField>
        <InputField
          {...field("seatCount", body?.seatCount.toString())}
          label="Antal ledamotsplatser"
          required
          autoComplete="off"
          hint="Beslutsförheten räknas på platserna: mer än hälften ska vara närvarande."
        />
        <SelectField
          options={otherBodies}
          {...field("parentBodyId", body?.parentBodyId ?? "")}
          label="Rapporterar till"
          hint="T.ex. ett utskott till sin styrelse eller nämnd."
        >
          <option value="">Inget organ</option>
        </SelectField>
      </div>
      {body && (
        <>
          <Settings legend="Protokollets uppställning">
            <SelectField
              {...field("decisionPlacement", body.decisionPlacement)}
              label={`Var står ${body.genitiveName.toLowerCase()} beslut i varje paragraf?`}
              hint="Gäller protokoll som skrivs ut från nu; ett justerat protokoll behåller den PDF som signerades."
              options={choices(DECISION_PLACEMENTS, (p) => decisionPlacementLabel[p])}
            />
            <CheckboxField
              {...box("appendedAttendanceList", body.appendedAttendanceList)}
              label="Beslutande enligt bifogad närvaro- och omröstningslista"
              hint="Försättsbladet hänvisar till en lista efter paragraferna: närvaro, tjänstgörande ersättare och en kolumn per omröstning (som fullmäktiges protokoll brukar skrivas)."
            />
          </Settings>
          <Settings legend="Före sammanträdet">
            <InputField
              {...field("summonsLeadDays", body.summonsLeadDays.toString())}
              label="Kallelsen skickas senast så här många dagar före sammanträdet"
              autoComplete="off"
              className="w-24"
              hint="Som arbetsordningen eller reglementet säger. För fullmäktige ska kungörelsen dessutom sitta uppe minst en vecka före (5 kap. 53 § KL)."
            />
            <div>
              <p className="font-medium">Inledande paragrafer</p>
              <p className="text-sm">
                {body.openingTitles.length > 0
                  ? `${body.openingTitles.join(", ")}.`
                  : "Inga ännu (t.ex. Upprop, Val av justerare, Godkännande av dagordningen)."}{" "}
                Ett nytt sammanträde och ärendelistan som förs över till protokollet kan börja med dem.
              </p>
              <p className="mt-1">
                <TextLink href={`/organ/${body.slug}/mallar`}>Organets paragrafmallar</TextLink>
              </p>
            </div>
          </Settings>
          <Settings legend="Under sammanträdet">
            <CheckboxField
              {...box("liveSelfVoting", body.liveSelfVoting)}
              label="Ledamöterna röstar på egna enheter vid öppen omröstning"
              hint="Tjänstgörande ledamöter och ersättare lägger sin egen röst i livevyn för ledamöter. Sekreteraren ser varje röst och kan rätta den."
            />
          </Settings>
        </>
      )}
      <SubmitButton pendingText="Sparar…">{body ? "Spara organet" : "Skapa organet"}</SubmitButton>
    </AdminForm>
  );
}

function CallOrderForm({ row }: { row: BodyDetail["substitutes"][number] }) {
  const F = `ordning-${row.membershipId}`;
  const { state, action, field } = useAdminForm(setCallOrderFormAction, F);
  return (
    <form key={state.attempt} id={F} action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="membershipId" value={row.membershipId} />
      <InputField
        {...field("callOrder", row.callOrder?.toString())}
        label={<span className="sr-only">Plats i ersättarordningen för {row.personName}</span>}
        autoComplete="off"
        className="w-20"
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
  return (
    <AdminTable
      empty={`${body.name} har inga ersättare registrerade.`}
      caption={`Ersättarordning i ${body.name}`}
      rows={body.substitutes}
      rowKey={(s) => s.membershipId}
      columns={[
        { header: "Plats", cell: (s) => s.callOrder ?? "–" },
        { header: "Ersättare", cell: (s) => s.personName },
        { header: "Representerar", cell: (s) => s.represents },
        { header: "Mandatperiod", cell: (s) => `${s.termStart} – ${s.termEnd}`, className: "whitespace-nowrap" },
        { header: "Ändra plats", cell: (s) => <CallOrderForm row={s} /> },
      ]}
    />
  );
}
