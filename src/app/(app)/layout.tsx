import Link from "next/link";
import { logoutAction } from "@/modules/auth/auth.actions";
import { getCurrentUser } from "@/server/session";

// The workspace for secretaries, chairs, justerare and admins. Pages check access themselves
// (layouts do not guard server actions); this layout only shows who is signed in.
export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <>
      <header role="banner" className="border-b border-slate-300 bg-[var(--color-brand-dark)] text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/" className="text-xl font-semibold tracking-tight text-white">
            Paragraf
          </Link>
          <nav aria-label="Huvudmeny">
            <ul className="flex items-center gap-4 text-sm">
              {user ? (
                <>
                  <li>
                    <Link href="/" className="text-white underline-offset-4 hover:underline">
                      Organ och sammanträden
                    </Link>
                  </li>
                  <li>
                    <Link href="/att-justera" className="text-white underline-offset-4 hover:underline">
                      Att justera
                    </Link>
                  </li>
                  {user.isAdmin && (
                    <li>
                      <Link href="/admin" className="text-white underline-offset-4 hover:underline">
                        Administration
                      </Link>
                    </li>
                  )}
                  <li className="text-white/90">{user.name}</li>
                  <li>
                    <form action={logoutAction}>
                      <button type="submit" className="rounded border border-white/70 px-2 py-1 text-white hover:bg-white/10">
                        Logga ut
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <li>
                  <Link href="/logga-in" className="text-white underline-offset-4 hover:underline">
                    Logga in
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </header>
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
