// The ärende's page: where it is (pool or a meeting's ärendelista, and moving it), its fields, the
// summary as imported, the handlingar, and the import of a tjänsteskrivelse.
import { ATTACHMENT_TOO_LARGE, MAX_ATTACHMENT_BYTES } from "@/modules/drafting";
import { agendaItemStateLabel } from "@/domain/vocabulary";
import { DataTable } from "@/ui/data-table";
import { Breadcrumbs } from "@/ui/breadcrumbs";
import { secondaryButton } from "@/ui/form-feedback";
import { LabelledField } from "@/ui/labelled-field";
import { RichText } from "@/ui/rich-text";
import { TitledSection } from "@/ui/titled-section";
import {
  deleteDocumentFormAction,
  deleteItemFormAction,
  moveDocumentFormAction,
  moveItemFormAction,
} from "../agenda.actions";
import type { findAgendaItem } from "../agenda.queries";
import { ActionForm, MoveButtons } from "./action-form";
import { ItemEditForm } from "./item-edit-form";
import { ImportForm, UploadDocumentForm } from "./upload-forms";
import { ClauseList } from "./proposal";
import { DoneNote } from "@/ui/done-note";
import { TextLink } from "@/ui/text-link";
import { ConfidentialBadge } from "@/ui/confidential-badge";

type Found = NonNullable<Awaited<ReturnType<typeof findAgendaItem>>>;

const DONE: Record<string, string> = {
  skapat: "Ärendet är skapat. Fyll i förslaget till beslut, eller hämta det från tjänsteskrivelsen nedan.",
  sparat: "Ärendet är sparat.",
  handling: "Handlingen är uppladdad.",
  "importerat-utan-forslag":
    "Sammanfattningen är hämtad från dokumentet. Ingen rubrik Förslag till beslut hittades, så förslaget är oförändrat.",
};

function doneMessage(klart: string | undefined): string | null {
  if (!klart) return null;
  const imported = /^importerat-(\d+)$/.exec(klart);
  if (imported) {
    const n = Number(imported[1]);
    return `Sammanfattningen och förslaget till beslut är hämtade från dokumentet (${n} ${n === 1 ? "att-sats" : "att-satser"}). Kontrollera och spara.`;
  }
  return DONE[klart] ?? null;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("sv-SE")} kB`;

export function AgendaItemView({ found, klart }: { found: Found; klart?: string }) {
  const { item, documents, meetings, can } = found;
  const done = doneMessage(klart);
  const here = `/arenden/${item.id}`;
  const listPath = item.meeting ? `/moten/${item.meeting.slug}/arenden` : `/organ/${item.body.slug}/arenden`;
  return (
    <>
      <Breadcrumbs
        className="mb-4 text-sm"
        links={[
          {
            href: listPath,
            label: item.meeting ? `Ärendelista ${item.body.name} ${item.meeting.date}` : `Ärendepool ${item.body.name}`,
          },
        ]}
        current={item.title}
      />
      <h1 className="text-3xl font-semibold">{item.title}</h1>
      <p className="mt-2">
        {item.meeting
          ? `Ärende ${item.position} på ärendelistan för ${item.body.name} ${item.meeting.date}.`
          : `I ${item.body.name}s ärendepool (inte på något sammanträde).`}{" "}
        Status: {agendaItemStateLabel[item.state]}.{item.isConfidential && <ConfidentialBadge />}
      </p>
      {item.returnReason && <p className="mt-1">Återremitterat: {item.returnReason}</p>}
      <DoneNote>{done}</DoneNote>

      {can.edit && (
        <TitledSection id="placering" title="Sammanträde" className="mt-6">
          <ActionForm
            action={moveItemFormAction}
            hidden={{ itemId: item.id, version: item.version, returnTo: here }}
            label="Flytta ärendet"
            pendingText="Flyttar…"
            className="mt-2 flex flex-wrap items-end gap-2"
            buttonClassName={secondaryButton}
          >
            <LabelledField id="move-target" label="Lägg ärendet på">
              <select
                id="move-target"
                name="meetingId"
                defaultValue={item.meeting?.id ?? ""}
                className="mt-1 rounded border border-slate-500 px-2 py-1.5"
              >
                <option value="">Organets ärendepool (inget sammanträde)</option>
                {meetings.map((m) => (
                  <option key={m.id} value={m.id}>
                    Sammanträdet {m.label}
                  </option>
                ))}
              </select>
            </LabelledField>
          </ActionForm>
        </TitledSection>
      )}

      <TitledSection id="uppgifter" title="Uppgifter och förslag till beslut" className="mt-6">
        {can.edit ? (
          <ItemEditForm
            item={{
              id: item.id,
              version: item.version,
              title: item.title,
              caseNumber: item.caseNumber,
              responsible: item.responsible,
              proposalIntro: item.proposalIntro,
              proposalClauses: item.proposalClauses,
              isConfidential: item.isConfidential,
            }}
          />
        ) : (
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="font-medium">Diarienummer</dt>
            <dd>{item.caseNumber ?? "–"}</dd>
            <dt className="font-medium">Ansvarig</dt>
            <dd>{item.responsible ?? "–"}</dd>
            <dt className="font-medium">Förslag till beslut</dt>
            <dd>
              {item.proposalIntro}
              <ClauseList clauses={item.proposalClauses} />
            </dd>
          </dl>
        )}
      </TitledSection>

      <TitledSection id="sammanfattning" title="Sammanfattning" className="mt-6">
        {item.summary ? (
          <div className="prose mt-2 max-w-prose">
            <RichText doc={item.summary} headingLevel={3} />
          </div>
        ) : (
          <p className="mt-2">Ingen sammanfattning ännu.</p>
        )}
        {can.edit && (
          <>
            <h3 className="mt-4 text-lg font-semibold">Hämta från en tjänsteskrivelse</h3>
            <ImportForm
              itemId={item.id}
              version={item.version}
              maxBytes={MAX_ATTACHMENT_BYTES}
              tooLarge={ATTACHMENT_TOO_LARGE}
            />
          </>
        )}
      </TitledSection>

      <TitledSection id="handlingar" title="Handlingar" className="mt-6">
        {documents.length === 0 ? (
          <p className="mt-2">Inga handlingar.</p>
        ) : (
          <DataTable
            caption={`Handlingar i ärendet ${item.title}`}
            rows={documents}
            rowKey={(d) => d.id}
            columns={[
              {
                header: "Handling",
                cell: (d) => (
                  <>
                    <TextLink href={`/arenden/${item.id}/handlingar/${d.id}`} file>
                      {d.title}
                    </TextLink>{" "}
                    <span className="text-sm text-slate-700">
                      ({d.kind}, {kb(d.size)})
                    </span>
                    {d.isConfidential && <ConfidentialBadge />}
                  </>
                ),
              },
              ...(can.edit
                ? [
                    {
                      header: "Ändra",
                      cell: (d: (typeof documents)[number], i: number) => (
                        <div className="flex flex-wrap gap-1">
                          <MoveButtons
                            action={moveDocumentFormAction}
                            hidden={{ documentId: d.id }}
                            title={d.title}
                            index={i}
                            count={documents.length}
                          />
                          <ActionForm
                            action={deleteDocumentFormAction}
                            hidden={{ documentId: d.id }}
                            label={
                              <>
                                Ta bort<span className="sr-only">: {d.title}</span>
                              </>
                            }
                            pendingText="Tar bort…"
                          />
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
        {can.edit && (
          <>
            <h3 className="mt-4 text-lg font-semibold">Ladda upp en handling</h3>
            <UploadDocumentForm itemId={item.id} maxBytes={MAX_ATTACHMENT_BYTES} tooLarge={ATTACHMENT_TOO_LARGE} />
          </>
        )}
      </TitledSection>

      {can.edit && (
        <TitledSection id="ta-bort" title="Ta bort ärendet" className="mt-8">
          <p className="mt-1">Ärendet och dess handlingar tas bort. Det går bara innan ärendet har behandlats.</p>
          <ActionForm
            action={deleteItemFormAction}
            hidden={{ itemId: item.id, version: item.version, returnTo: listPath }}
            label="Ta bort ärendet"
            pendingText="Tar bort…"
            className="mt-2 block"
            buttonClassName={secondaryButton}
          />
        </TitledSection>
      )}
    </>
  );
}
