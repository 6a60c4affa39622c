"use client";

import { setPasswordFormAction, updateUserFormAction } from "@/modules/administration/admin.actions";
import { MIN_PASSWORD_LENGTH } from "@/domain/rules/password.policy";
import { AdminForm, CheckboxField, SubmitButton, useAdminForm } from "./form-controls";
import { ADMIN_LABEL, NameAndEmailFields, NewPasswordFields } from "./user-fields";

export function EditUserForm({
  user,
  isSelf,
}: {
  user: { id: string; name: string; email: string; isAdmin: boolean };
  isSelf: boolean;
}) {
  const F = "uppgifter";
  const { state, action, err, field, box } = useAdminForm(updateUserFormAction, F);
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ userId: user.id }}>
      <NameAndEmailFields field={field} stored={user} />
      {isSelf && user.isAdmin ? (
        // The server refuses self-demotion too; here the box cannot even be unticked.
        <>
          <input type="hidden" name="isAdmin" value="on" />
          <CheckboxField
            form={F}
            name="isAdminLocked"
            label={ADMIN_LABEL}
            defaultChecked
            disabled
            error={err("isAdmin")}
            hint="Du kan inte ta bort din egen administratörsbehörighet. Be en annan administratör göra det."
          />
        </>
      ) : (
        <CheckboxField {...box("isAdmin", user.isAdmin)} label={ADMIN_LABEL} />
      )}
      <SubmitButton pendingText="Sparar…">Spara ändringar</SubmitButton>
    </AdminForm>
  );
}

export function SetPasswordForm({ userId }: { userId: string }) {
  const { state, action, err } = useAdminForm(setPasswordFormAction);
  const F = "losenord";
  return (
    <AdminForm id={F} state={state} action={action} hidden={{ userId }}>
      <NewPasswordFields
        form={F}
        err={err}
        labels={{ password: "Nytt lösenord", passwordConfirm: "Upprepa det nya lösenordet" }}
        hint={`Minst ${MIN_PASSWORD_LENGTH} tecken.`}
      />
      <SubmitButton pendingText="Sparar…">Byt lösenord</SubmitButton>
    </AdminForm>
  );
}
