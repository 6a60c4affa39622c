import type { Metadata } from "next";
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
        {children}
      </body>
    </html>
  );
}
