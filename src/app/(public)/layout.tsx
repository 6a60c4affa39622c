import Link from "next/link";
import { NavLink, SiteHeader } from "@/ui/site-header";

// The public side: no login, no user lookup, so pages can be cached and served fast.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader homeHref="/anslagstavla">
        <NavLink href="/anslagstavla">Anslagstavla</NavLink>
        <NavLink href="/protokoll">Protokoll</NavLink>
        <NavLink href="/verifiera">Verifiera protokoll</NavLink>
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
