// The public side's banner, main and footer. An organisation's pages (/<org>/…) link to its own
// anslagstavla, archive and /verifiera; the installation's own pages (the old addresses' list of
// organisations, /tillganglighet) to the old addresses, which lead to the organisations'.
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLink, SiteHeader } from "@/ui/site-header";

export function PublicChrome({
  organisation,
  children,
}: {
  organisation?: { slug: string; name: string };
  children: ReactNode;
}) {
  const base = organisation ? `/${encodeURIComponent(organisation.slug)}` : "";
  return (
    <>
      <SiteHeader homeHref={`${base}/anslagstavla`} organisationName={organisation?.name}>
        <NavLink href={`${base}/anslagstavla`}>Anslagstavla</NavLink>
        <NavLink href={`${base}/protokoll`}>Protokoll</NavLink>
        <NavLink href={`${base}/verifiera`}>Verifiera protokoll</NavLink>
        <NavLink href="/logga-in">Logga in</NavLink>
      </SiteHeader>
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-6">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-5xl border-t border-slate-300 px-4 py-4 text-sm">
        <Link href="/tillganglighet" className="text-[var(--color-brand)] underline underline-offset-2">
          Tillgänglighetsredogörelse
        </Link>
      </footer>
    </>
  );
}
