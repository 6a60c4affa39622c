import type { Metadata } from "next";
import { findTemplatesPage, TemplateForm, TemplateList } from "@/modules/templates";
import { requireFound } from "@/server/page-gate";
import { TitledSection } from "@/ui/titled-section";
import { DoneNote } from "@/ui/done-note";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Paragrafmallar" };

type Props = {
  params: Promise<{ bodySlug: string }>;
  searchParams: Promise<{ mall?: string | string[]; klart?: string | string[] }>;
};

const DONE: Record<string, string> = {
  skapad: "Mallen är skapad.",
  sparad: "Mallen är sparad.",
  borttagen: "Mallen är borttagen.",
};

export default async function TemplatesPage({ params, searchParams }: Props) {
  const { bodySlug } = await params;
  const sp = await searchParams;
  const found = await requireFound(`/organ/${bodySlug}/mallar`, findTemplatesPage, bodySlug);
  const { body, templates } = found;
  const editing = typeof sp.mall === "string" ? templates.find((t) => t.id === sp.mall) : undefined;
  const done = typeof sp.klart === "string" ? DONE[sp.klart] : undefined;
  return (
    <>
      <h1 className="text-3xl font-semibold">Paragrafmallar: {body.name}</h1>
      <p className="mt-2 max-w-prose">
        Paragrafer som återkommer vid sammanträdena, med rubrik, beslut och text. En paragraf kan läggas till från en
        mall i protokollet. De inledande paragraferna (t.ex. upprop, val av justerare, godkännande av dagordningen) kan
        ett nytt sammanträde börja med, i listans ordning.
      </p>
      <DoneNote>{done}</DoneNote>
      <TitledSection id="mallar" title="Mallar" className="mt-6">
        <TemplateList bodySlug={body.slug} bodyName={body.name} templates={templates} />
      </TitledSection>
      <section aria-labelledby="redigera" className="mt-8">
        <h2 id="redigera" className="text-xl font-semibold">
          {editing ? `Ändra mallen ”${editing.title}”` : "Ny mall"}
        </h2>
        {editing && (
          <p className="mt-1">
            <TextLink href={`/organ/${body.slug}/mallar#redigera`}>Skriv en ny mall i stället</TextLink>
          </p>
        )}
        <TemplateForm
          key={editing ? `${editing.id}-${editing.version}` : "ny"}
          bodyId={body.id}
          bodySlug={body.slug}
          bodyName={body.name}
          template={editing}
        />
      </section>
    </>
  );
}
