import type { Metadata } from "next";
import { VerifyForm } from "@/modules/publication";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";

export const metadata: Metadata = { title: "Verifiera protokoll" };

// The same for every visitor: rendered on the first request and kept in the route cache (the
// form posts to a server action, which reads nothing before it has entered the organisation).
export const revalidate = 3600;
export async function generateStaticParams(): Promise<{ org: string }[]> {
  return [];
}

/**
 * The organisation's /verifiera: a PDF or a verification code is matched against its justerade
 * protocols and the copies issued of them.
 */
export default async function VerifyPage({ params }: { params: Promise<{ org: string }> }) {
  const organisation = await organisationOr404(params);
  return (
    <>
      <h1 className="text-3xl font-semibold">Verifiera protokoll</h1>
      <p className="mt-2 max-w-prose">
        Kontrollera att ett protokoll från {organisation.name} är äkta: ladda upp PDF-filen eller skriv
        verifieringskoden som står i protokollet. Vi jämför med de justerade originalen och med de kopior Paragraf har
        lämnat ut (offentliga kopior och kopior med rättelser); filen sparas inte.
      </p>
      <VerifyForm organisation={organisation.slug} />
    </>
  );
}
