import type { Metadata } from "next";
import { CreateItemForm, findBodyPool, PoolTable } from "@/modules/agenda";
import { requireFound } from "@/server/page-gate";
import { TitledSection } from "@/ui/titled-section";
import { TextLink } from "@/ui/text-link";

export const metadata: Metadata = { title: "Ärendepool" };

type Props = { params: Promise<{ bodySlug: string }> };

export default async function BodyPoolPage({ params }: Props) {
  const { bodySlug } = await params;
  const found = await requireFound(`/organ/${bodySlug}/arenden`, findBodyPool, bodySlug);
  const { body, pool, meetings, can } = found;
  return (
    <>
      <h1 className="text-3xl font-semibold">Ärendepool: {body.name}</h1>
      <p className="mt-2 max-w-prose">
        Ärenden under beredning som inte ligger på något sammanträde: nya, bordlagda och återremitterade. Lägg dem på
        ett sammanträdes ärendelista när de är klara.
      </p>
      {meetings.length > 0 && (
        <nav aria-label="Sammanträden under arbete" className="mt-3">
          <ul className="flex flex-wrap gap-3">
            {meetings.map((m) => (
              <li key={m.id}>
                <TextLink href={`/moten/${m.slug}/arenden`}>Ärendelista {m.date}</TextLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <TitledSection id="pool" title="Ärenden i poolen" className="mt-6">
        <PoolTable
          pool={pool}
          canEdit={can.edit}
          meetings={meetings}
          returnTo={`/organ/${body.slug}/arenden`}
          caption={`Ärenden i ${body.name}s pool`}
        />
      </TitledSection>
      {can.edit && (
        <TitledSection id="nytt" title="Nytt ärende i poolen" className="mt-6">
          <CreateItemForm bodyId={body.id} meetingId={null} />
        </TitledSection>
      )}
    </>
  );
}
