"use client";

// Shown instead of a stack trace when a page fails, e.g. while the database is unreachable.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="innehall" className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="text-2xl font-semibold">Något gick fel</h1>
      <p className="mt-2 max-w-prose">
        Sidan kunde inte visas just nu, troligen för att databasen inte svarar. Inget av det du har skrivit har gått
        förlorat: text i protokollredigeraren finns kvar i webbläsaren och sparas när tjänsten fungerar igen.
      </p>
      <button
        type="button"
        onClick={() => reset()}
        className="mt-4 rounded bg-[var(--color-brand)] px-4 py-2 font-semibold text-white"
      >
        Försök igen
      </button>
    </main>
  );
}
