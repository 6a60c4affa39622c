import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Paragraf", template: "%s – Paragraf" },
  description: "Protokoll för kommuner och kommunalförbund: skrivs, justeras och anslås på webben.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#innehall"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
          Hoppa till innehållet
        </a>
        <header role="banner" className="border-b border-slate-300 bg-[var(--color-brand-dark)] text-white">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
            <Link href="/" className="text-xl font-semibold tracking-tight text-white">
              Paragraf
            </Link>
            <nav aria-label="Huvudmeny">
              <ul className="flex gap-4 text-sm">
                <li>
                  <Link href="/" className="text-white underline-offset-4 hover:underline">
                    Organ och sammanträden
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="innehall" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
