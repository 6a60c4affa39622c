import Link from "next/link";

// The public side: no login, no user lookup, so pages can be cached and served fast.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header role="banner" className="border-b border-slate-300 bg-[var(--color-brand-dark)] text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/anslagstavla" className="text-xl font-semibold tracking-tight text-white">
            Paragraf
          </Link>
          <nav aria-label="Huvudmeny">
            <ul className="flex items-center gap-4 text-sm">
              {[
                ["/anslagstavla", "Anslagstavla"],
                ["/protokoll", "Protokoll"],
                ["/verifiera", "Verifiera protokoll"],
              ].map(([href, label]) => (
                <li key={href}>
                  <Link href={href!} className="text-white underline-offset-4 hover:underline">
                    {label}
                  </Link>
                </li>
              ))}
              <li>
                <Link href="/logga-in" className="text-white underline-offset-4 hover:underline">
                  Logga in
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
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
