import type { Metadata } from "next";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

export default function AccessibilityStatementPage() {
  return (
    <article className="max-w-prose">
      <h1 className="text-3xl font-semibold">Tillgänglighetsredogörelse</h1>
      <p className="mt-3">
        Den här webbplatsen omfattas av lagen (2018:1937) om tillgänglighet till digital offentlig service. Vi vill att
        så många som möjligt ska kunna läsa anslagstavlan och protokollen.
      </p>
      <h2 className="mt-6 text-xl font-semibold">Hur tillgänglig är webbplatsen?</h2>
      <p className="mt-2">
        Sidorna är byggda för att uppfylla WCAG 2.1 nivå AA. De fungerar utan JavaScript, med tangentbord och
        skärmläsare, och kan förstoras till 200 procent. Varje sida kontrolleras automatiskt med axe innan en ny version
        publiceras.
      </p>
      <h2 className="mt-6 text-xl font-semibold">Kända brister</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          PDF-filerna är arkivformat (PDF/A) med sökbar text, men saknar ännu taggad struktur för skärmläsare. Samma
          innehåll finns som webbsida.
        </li>
        <li>Bilagor som laddats upp av förvaltningen kan ha brister som vi inte kan åtgärda i efterhand.</li>
      </ul>
      <h2 className="mt-6 text-xl font-semibold">Kontakta oss</h2>
      <p className="mt-2">
        Om du inte kan ta del av något innehåll, kontakta den organisation som publicerat protokollet, så får du det i
        ett format som passar dig. Du kan också anmäla till Myndigheten för digital förvaltning (Digg), som är
        tillsynsmyndighet.
      </p>
    </article>
  );
}
