"use client";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", margin: "2rem" }}>
        <h1>Något gick fel</h1>
        <p>Paragraf kunde inte visa sidan just nu. Försök igen om en stund.</p>
        <button type="button" onClick={() => reset()}>
          Försök igen
        </button>
      </body>
    </html>
  );
}
