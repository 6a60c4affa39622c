import Link from "next/link";

export default function NotFound() {
  return (
    <main id="innehall" className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="text-2xl font-semibold">Sidan finns inte</h1>
      <p className="mt-2">
        Adressen leder inte till något sammanträde eller protokoll.{" "}
        <Link href="/" className="text-[var(--color-brand)] underline">
          Gå till startsidan
        </Link>
        .
      </p>
    </main>
  );
}
