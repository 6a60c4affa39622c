import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="text-2xl font-semibold">Sidan finns inte</h1>
      <p className="mt-2">
        Adressen leder inte till något sammanträde eller protokoll. <Link href="/" className="text-[var(--color-brand)] underline">Gå till startsidan</Link>.
      </p>
    </>
  );
}
