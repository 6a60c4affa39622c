// The banner shared by the workspace and the public side: brand link and the main menu.
import Link from "next/link";
import type { ReactNode } from "react";

export const navLinkClass = "text-white underline-offset-4 hover:underline";

export function SiteHeader({
  homeHref,
  organisationName,
  children,
}: {
  homeHref: string;
  /** The organisation whose public site this is (/<org>/…), shown beside the brand. */
  organisationName?: string;
  children: ReactNode;
}) {
  return (
    <header role="banner" className="border-b border-slate-300 bg-[var(--color-brand-dark)] text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <p className="flex flex-wrap items-baseline gap-x-3">
          <Link href={homeHref} className="text-xl font-semibold tracking-tight text-white">
            Paragraf
          </Link>
          {organisationName && <span className="text-white/90">{organisationName}</span>}
        </p>
        <nav aria-label="Huvudmeny">
          <ul className="flex items-center gap-4 text-sm">{children}</ul>
        </nav>
      </div>
    </header>
  );
}

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <li>
      <Link href={href} className={navLinkClass}>
        {children}
      </Link>
    </li>
  );
}
