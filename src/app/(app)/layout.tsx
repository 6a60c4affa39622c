import { logoutAction } from "@/modules/authentication";
import { OrganisationSwitcher } from "@/modules/administration";
import { NavLink, SiteHeader } from "@/ui/site-header";
import { getCurrentUser, getPasswordHolder } from "@/server/session";
import { publicStartPath } from "@/app/(public)/old-addresses";

// The workspace for secretaries, chairs, justerare and admins. Pages check access themselves
// (layouts do not guard server actions); this layout only shows who is signed in.

// Every workspace page is rendered per request (it reads the session and the current data); said
// once here for all of them. Route handlers are not under a layout and say it themselves.
export const dynamic = "force-dynamic";

/** The signed-in account's page, name and "Logga ut". */
function AccountLinks({ name }: { name: string }) {
  return (
    <>
      <NavLink href="/konto">Mitt konto</NavLink>
      <li className="text-white/90">{name}</li>
      <li>
        <form action={logoutAction}>
          <button type="submit" className="rounded border border-white/70 px-2 py-1 text-white hover:bg-white/10">
            Logga ut
          </button>
        </form>
      </li>
    </>
  );
}

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  // An account that must choose its own password first: its account page and "Logga ut", nothing else.
  const holder = user ? null : await getPasswordHolder();
  return (
    <>
      <SiteHeader homeHref="/">
        {user ? (
          <>
            <NavLink href="/">Organ och sammanträden</NavLink>
            <NavLink href="/mina-moten">Mina sammanträden</NavLink>
            <NavLink href="/att-justera">Att justera</NavLink>
            {user.isAdmin && <NavLink href="/admin">Administration</NavLink>}
            {user.isPlatformAdmin && <NavLink href="/plattform">Plattformen</NavLink>}
            {user.organisation && user.organisations.length > 1 && (
              <OrganisationSwitcher current={user.organisation.slug} organisations={user.organisations} />
            )}
            <AccountLinks name={user.name} />
          </>
        ) : holder ? (
          <AccountLinks name={holder.name} />
        ) : (
          <>
            <NavLink href={await publicStartPath()}>Anslagstavla</NavLink>
            <NavLink href="/logga-in">Logga in</NavLink>
          </>
        )}
      </SiteHeader>
      {/* A page that needs the screen's width (the protocol editor) marks itself data-layout="wide". */}
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-6 has-[[data-layout=wide]]:max-w-none">
        {children}
      </main>
    </>
  );
}
