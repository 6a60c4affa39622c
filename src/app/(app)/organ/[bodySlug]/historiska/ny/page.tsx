import type { Metadata } from "next";
import { RegisterHistoricalForm } from "@/modules/historical";
import { authorizeHistorical } from "@/server/authz";
import { requireBodyPage } from "@/server/page-gate";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Registrera inskannat protokoll" };

type Props = { params: Promise<{ bodySlug: string }> };

export default async function RegisterHistoricalPage({ params }: Props) {
  const { bodySlug } = await params;
  const { body } = await requireBodyPage(bodySlug, `/organ/${bodySlug}/historiska/ny`, (user, bodyId) =>
    authorizeHistorical(user, "historical.register", bodyId),
  );
  return (
    <>
      <nav aria-label="Brödsmulor" className="mb-4 text-sm">
        <TextLink href={`/organ/${body.slug}/historiska`}>Inskannade protokoll: {body.name}</TextLink>
      </nav>
      <h1 className="text-3xl font-semibold">Registrera inskannat protokoll: {body.name}</h1>
      <p className="mt-2 max-w-prose">
        För protokoll som justerades på papper innan organet började använda Paragraf. Ange datumen som de står på
        papperet och ladda upp den inskannade PDF-filen; protokollet kommer då med i arkivet och sökningen. Nya
        sammanträden skrivs och justeras som vanligt i Paragraf.
      </p>
      <RegisterHistoricalForm bodyId={body.id} bodySlug={body.slug} bodyName={body.name} />
    </>
  );
}
