import type { Metadata } from "next";
import Link from "next/link";
import { EID_FAILURES, type EidFailure } from "@/modules/justering";

export const metadata: Metadata = { title: "Signering med e-legitimation" };

type Props = { searchParams: Promise<{ orsak?: string; mote?: string }> };

/** Why a signature with e-legitimation was not written (from the callback); nothing was signed. */
export default async function EidResultPage({ searchParams }: Props) {
  const { orsak, mote } = await searchParams;
  const reason: EidFailure = orsak && orsak in EID_FAILURES ? (orsak as EidFailure) : "not-signed";
  const slug = mote && /^[\p{Ll}\p{N}-]{1,200}$/u.test(mote) ? mote : null;
  return (
    <>
      <h1 className="text-3xl font-semibold">Signeringen gick inte igenom</h1>
      <p role="alert" className="mt-4 max-w-prose rounded border border-red-800 bg-red-50 p-3">
        {EID_FAILURES[reason]}
      </p>
      <p className="mt-4">
        {slug ? (
          <Link href={`/moten/${slug}`} className="text-[var(--color-brand)] underline underline-offset-2">
            Tillbaka till protokollet
          </Link>
        ) : (
          <Link href="/att-justera" className="text-[var(--color-brand)] underline underline-offset-2">
            Till protokoll att justera
          </Link>
        )}
      </p>
    </>
  );
}
