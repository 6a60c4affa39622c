import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  DeleteHistoricalForm,
  findHistoricalProtocol,
  findPublicHistoricalOrganisation,
  HistoricalDetails,
} from "@/modules/historical";
import { publicProtocolPath } from "@/modules/publication";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import { authorizeHistorical } from "@/server/authz";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { TitledSection } from "@/ui/titled-section";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Inskannat protokoll" };

type Props = { params: Promise<{ bodySlug: string; slug: string }> };

export default async function HistoricalWorkspacePage({ params }: Props) {
  const { bodySlug, slug } = await params;
  const user = await requireUser(`/organ/${bodySlug}/historiska/${slug}`);
  const protocol = await findHistoricalProtocol(getDb(), slug);
  if (!protocol || protocol.body.slug !== bodySlug || !authorizeHistorical(user, "historical.read", protocol.bodyId).ok)
    notFound();
  // Its public page is under its organisation's address (/<org>/protokoll/inskannade/<slug>).
  const publicOrganisation = protocol.isPublic ? await findPublicHistoricalOrganisation(getDb(), slug) : null;
  return (
    <>
      <nav aria-label="Brödsmulor" className="mb-4 text-sm">
        <TextLink href={`/organ/${bodySlug}/historiska`}>Inskannade protokoll: {protocol.body.name}</TextLink>
      </nav>
      <h1 className="text-3xl font-semibold">{protocol.title}</h1>
      <p className="mt-2">
        {publicOrganisation ? (
          <>
            Offentligt:{" "}
            <Link
              href={publicProtocolPath(publicOrganisation, protocol.slug, true)}
              className="text-[var(--color-brand)] underline"
            >
              protokollets sida i arkivet
            </Link>
            .
          </>
        ) : (
          "Inte offentligt: syns bara här i arbetsytan."
        )}{" "}
        Registrerat av {protocol.registeredByName ?? "en borttagen användare"}.
      </p>
      <div className="mt-4">
        <HistoricalDetails
          protocol={protocol}
          pdfHref={`/organ/${bodySlug}/historiska/${protocol.slug}/protokoll.pdf`}
        />
      </div>
      {authorizeHistorical(user, "historical.delete", protocol.bodyId).ok && (
        <TitledSection
          id="ta-bort"
          title="Ta bort registreringen"
          className="mt-10 rounded border border-slate-300 p-4"
        >
          <p className="mt-1 max-w-prose">
            Bara för en felaktig registrering (fel fil eller fel datum): protokollet från{" "}
            {formatLongDate(protocol.meetingDate)} försvinner då ur arkivet. Borttagningen och skälet sparas i
            händelseloggen. Registrera sedan protokollet på nytt.
          </p>
          <DeleteHistoricalForm id={protocol.id} bodySlug={bodySlug} />
        </TitledSection>
      )}
    </>
  );
}
