import type { Metadata } from "next";
import { ChangePasswordForm, SendPasswordCodeForm } from "@/modules/authentication";
import { MUST_CHANGE_PASSWORD_MESSAGE } from "@/domain/rules/account.rules";
import { requireAccountHolder } from "@/server/session";

export const metadata: Metadata = { title: "Mitt konto" };

export default async function AccountPage() {
  // Also for an account whose password someone else set: this page is the only one it reaches.
  const user = await requireAccountHolder("/konto");
  return (
    <>
      <h1 className="text-3xl font-semibold">Mitt konto</h1>
      <p className="mt-2">
        {user.name}, {user.email}
      </p>
      {user.mustChangePassword && (
        <>
          <p id="valj-losenord" className="mt-4 max-w-prose rounded border border-amber-700 bg-amber-50 p-3">
            {MUST_CHANGE_PASSWORD_MESSAGE}
          </p>
          <p className="mt-4 max-w-prose">
            Du behöver en kod som skickas till {user.email}: den visar att adressen är din. Administratören som satte
            lösenordet kan inte läsa den.
          </p>
          <SendPasswordCodeForm />
        </>
      )}
      <h2 className="mt-8 text-xl font-semibold">Byt lösenord</h2>
      <p className="mt-2 max-w-prose">
        När lösenordet är bytt loggas du ut överallt, också i andra webbläsare, och loggar in med det nya.
      </p>
      <ChangePasswordForm withEmailCode={user.mustChangePassword} />
    </>
  );
}
