"use client";

// A body's protocol layout (issue 14 point 7): whether each § prints the decision before or
// after the ärendebeskrivning. Many bodies print the decision last.
import { updateBodyLayoutFormAction } from "@/modules/administration/admin.actions";
import type { BodyMemberships } from "@/modules/administration/admin.queries";
import { DECISION_PLACEMENTS } from "@/modules/administration/admin.schema";
import { decisionPlacementLabel } from "@/domain/vocabulary";
import { AdminForm, CheckboxField, SelectField, SubmitButton, useAdminForm } from "./form-controls";

export function BodyLayoutForm({
  body,
}: {
  body: Pick<BodyMemberships, "id" | "genitiveName" | "decisionPlacement" | "appendedAttendanceList">;
}) {
  const F = "uppstallning";
  const { state, action, field, box } = useAdminForm(updateBodyLayoutFormAction, F);
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ bodyId: body.id }}>
      <SelectField
        {...field("decisionPlacement", body.decisionPlacement)}
        label={`Var står ${body.genitiveName.toLowerCase()} beslut i varje paragraf?`}
        hint="Gäller protokoll som skrivs ut från nu; ett justerat protokoll behåller den PDF som signerades."
      >
        {DECISION_PLACEMENTS.map((p) => (
          <option key={p} value={p}>
            {decisionPlacementLabel[p]}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        {...box("appendedAttendanceList", body.appendedAttendanceList)}
        label="Beslutande enligt bifogad närvaro- och omröstningslista"
        hint="Försättsbladet hänvisar till en lista efter paragraferna: närvaro, tjänstgörande ersättare och en kolumn per omröstning (som fullmäktiges protokoll brukar skrivas)."
      />
      <SubmitButton pendingText="Sparar…">Spara uppställningen</SubmitButton>
    </AdminForm>
  );
}
