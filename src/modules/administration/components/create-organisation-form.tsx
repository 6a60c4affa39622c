"use client";

import { createOrganisationFormAction } from "@/modules/administration/platform.actions";
import { AdminForm, InputField, SelectField, SubmitButton, useAdminForm } from "./form-controls";
import { NewPasswordFields } from "./user-fields";

const F = "ny-organisation";
const KINDS = [
  { id: "KOMMUN", name: "Kommun" },
  { id: "KOMMUNALFORBUND", name: "Kommunalförbund" },
  { id: "REGION", name: "Region" },
];

/** A new organisation and its first admin (the platform admin's form; works without JavaScript). */
export function CreateOrganisationForm() {
  const { state, action, err, field } = useAdminForm(createOrganisationFormAction, F);
  return (
    <AdminForm id={F} state={state} action={action}>
      <InputField {...field("name")} label="Namn" required autoComplete="off" hint="T.ex. Ydre kommun." />
      <InputField
        {...field("slug")}
        label="Adress"
        required
        autoComplete="off"
        hint="Den publika anslagstavlan blir /adress/anslagstavla. Små bokstäver a–z, siffror och bindestreck."
      />
      <SelectField {...field("kind", "KOMMUN")} label="Slag" options={KINDS} required />
      <InputField {...field("caseNumberPrefix")} label="Diarieprefix" required hint="T.ex. KS i ”KS 2026/12”." />
      <InputField
        {...field("adminEmail")}
        label="Första administratörens e-postadress"
        type="email"
        required
        autoComplete="off"
        hint="Har personen redan ett konto (i en annan organisation) läggs kontot till; annars skapas ett nytt."
      />
      <InputField {...field("adminName")} label="Namn (bara för ett nytt konto)" autoComplete="off" />
      <NewPasswordFields
        form={F}
        err={err}
        labels={{ password: "Lösenord (bara för ett nytt konto)", passwordConfirm: "Upprepa lösenordet" }}
        hint="Minst 12 tecken. Lämna det till personen på ett säkert sätt."
      />
      <SubmitButton pendingText="Skapar…">Skapa organisation</SubmitButton>
    </AdminForm>
  );
}
