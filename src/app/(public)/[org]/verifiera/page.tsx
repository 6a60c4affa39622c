import type { Metadata } from "next";
import { verifyCode, VerifyForm } from "@/modules/publication";
import { queryValue } from "@/domain/publication/public.rules";
import { getDb } from "@/server/db";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";

export const metadata: Metadata = { title: "Verifiera protokoll" };

type Props = { params: Promise<{ org: string }>; searchParams: Promise<{ kod?: string | string[] }> };

/**
 * The organisation's /verifiera: a PDF or a verification code is matched against its justerade
 * protocols and the copies issued of them. ?kod=… (the old /verifiera?kod=… leads here) checks
 * that code at once.
 */
export default async function VerifyPage({ params, searchParams }: Props) {
  const organisation = await organisationOr404(params);
  const code = queryValue((await searchParams).kod, 80);
  const initial = code ? await verifyCode(getDb(), code, organisation) : null;
  return (
    <>
      <h1 className="text-3xl font-semibold">Verifiera protokoll</h1>
      <p className="mt-2 max-w-prose">
        Kontrollera att ett protokoll från {organisation.name} är äkta: ladda upp PDF-filen eller skriv
        verifieringskoden som står i protokollet. Vi jämför med de justerade originalen och med de kopior Paragraf har
        lämnat ut (offentliga kopior och kopior med rättelser); filen sparas inte.
      </p>
      <VerifyForm organisation={organisation.slug} code={code} initial={initial} />
    </>
  );
}
