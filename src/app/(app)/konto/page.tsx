import type { Metadata } from "next";
import { ChangePasswordForm } from "@/modules/authentication";
import { requireUser } from "@/server/session";

export const metadata: Metadata = { title: "Mitt konto" };

export default async function AccountPage() {
  const user = await requireUser("/konto");
  return (
    <>
      <h1 className="text-3xl font-semibold">Mitt konto</h1>
      <p className="mt-2">
        {user.name}, {user.email}
      </p>
      <h2 className="mt-8 text-xl font-semibold">Byt lösenord</h2>
      <p className="mt-2 max-w-prose">
        När lösenordet är bytt loggas du ut överallt, också i andra webbläsare, och loggar in med det nya.
      </p>
      <ChangePasswordForm />
    </>
  );
}
