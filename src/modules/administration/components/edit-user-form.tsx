"use client";

import { setPasswordFormAction, updateUserFormAction } from "@/modules/administration/admin.actions";
import { MIN_PASSWORD_LENGTH } from "@/modules/administration/admin.schema";
import { CheckboxField, FormStatus, InputField, SubmitButton, useAdminForm } from "./form-controls";

export function EditUserForm({
  user,
  isSelf,
}: {
  user: { id: string; name: string; email: string; isAdmin: boolean };
  isSelf: boolean;
}) {
  const { state, action, err, value } = useAdminForm(updateUserFormAction);
  const F = "uppgifter";
  return (
    <form key={state.attempt} id={F} action={action} className="mt-4 max-w-xl space-y-4" noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <FormStatus state={state} />
      <InputField
        form={F}
        name="name"
        label="Namn"
        required
        autoComplete="off"
        defaultValue={value("name", user.name)}
        error={err("name")}
      />
      <InputField
        form={F}
        name="email"
        label="E-postadress"
        type="email"
        required
        autoComplete="off"
        defaultValue={value("email", user.email)}
        error={err("email")}
      />
      {isSelf && user.isAdmin ? (
        // The server refuses self-demotion too; here the box cannot even be unticked.
        <>
          <input type="hidden" name="isAdmin" value="on" />
          <CheckboxField
            form={F}
            name="isAdminLocked"
            label="Administratör (får hantera användare och organ)"
            defaultChecked
            disabled
            error={err("isAdmin")}
            hint="Du kan inte ta bort din egen administratörsbehörighet. Be en annan administratör göra det."
          />
        </>
      ) : (
        <CheckboxField
          form={F}
          name="isAdmin"
          label="Administratör (får hantera användare och organ)"
          defaultChecked={state.status === "failed" ? state.values["isAdmin"] === "on" : user.isAdmin}
          error={err("isAdmin")}
        />
      )}
      <SubmitButton pendingText="Sparar…">Spara ändringar</SubmitButton>
    </form>
  );
}

export function SetPasswordForm({ userId }: { userId: string }) {
  const { state, action, err } = useAdminForm(setPasswordFormAction);
  const F = "losenord";
  return (
    <form key={state.attempt} id={F} action={action} className="mt-4 max-w-xl space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <FormStatus state={state} />
      <InputField
        form={F}
        name="password"
        label="Nytt lösenord"
        type="password"
        required
        autoComplete="new-password"
        error={err("password")}
        hint={`Minst ${MIN_PASSWORD_LENGTH} tecken.`}
      />
      <InputField
        form={F}
        name="passwordConfirm"
        label="Upprepa det nya lösenordet"
        type="password"
        required
        autoComplete="new-password"
        error={err("passwordConfirm")}
      />
      <SubmitButton pendingText="Sparar…">Byt lösenord</SubmitButton>
    </form>
  );
}
