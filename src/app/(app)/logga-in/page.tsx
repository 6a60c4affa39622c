import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oidcLoginAction, LoginForm, safeReturnPath } from "@/modules/authentication";
import { oidcConfig } from "@/server/auth";
import { CHOOSE_PASSWORD_PATH, getCurrentUser, getPasswordHolder } from "@/server/session";

export const metadata: Metadata = { title: "Logga in" };

type Props = { searchParams: Promise<{ next?: string; losenord?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next, losenord } = await searchParams;
  // Checked here too: a signed-in visitor is redirected before the form is ever posted.
  const target = safeReturnPath(next);
  if (await getCurrentUser()) redirect(target);
  if (await getPasswordHolder()) redirect(CHOOSE_PASSWORD_PATH);
  const oidc = oidcConfig();
  return (
    <>
      <h1 className="text-3xl font-semibold">Logga in</h1>
      <p className="mt-2 max-w-prose">
        För sekreterare, ordförande, justerare och administratörer. Protokoll som har justerats och anslagits kan alla
        läsa utan att logga in.
      </p>
      {losenord === "bytt" && (
        <p role="status" className="mt-4 max-w-prose rounded border border-green-700 bg-green-50 p-3">
          Lösenordet är bytt och du är utloggad överallt. Logga in med det nya lösenordet.
        </p>
      )}
      <LoginForm next={target} />
      {oidc && (
        <form action={oidcLoginAction} className="mt-6">
          <input type="hidden" name="next" value={target} />
          <button type="submit" className="rounded border border-slate-600 bg-white px-4 py-2">
            Logga in med {oidc.name}
          </button>
        </form>
      )}
    </>
  );
}
