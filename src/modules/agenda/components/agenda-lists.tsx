// The meeting's ärendelista (number, rubrik, Dnr, state; reorder, to the pool) and the body's
// pool (put an ärende on a meeting). Server-rendered; every button is a form that works without
// JavaScript.
import { agendaItemStateLabel } from "@/domain/vocabulary";
import { DataTable } from "@/ui/data-table";
import { moveItemFormAction, reorderFormAction } from "../agenda.actions";
import type { AgendaRow, MeetingChoice } from "../agenda.queries";
import { ActionForm, MoveButtons } from "./action-form";
import { TextLink } from "@/ui/text-link";
import { ConfidentialBadge } from "@/ui/confidential-badge";

function Title({ row }: { row: AgendaRow }) {
  return (
    <>
      <TextLink href={`/arenden/${row.id}`}>{row.title}</TextLink>
      {row.isConfidential && <ConfidentialBadge />}
      {row.isExtra && <span className="ml-2 rounded bg-slate-100 px-1 text-sm">Extra ärende</span>}
      {row.returnReason && <p className="text-sm text-slate-700">Återremitterat: {row.returnReason}</p>}
    </>
  );
}

export function MeetingAgendaTable({
  meeting,
  items,
  canEdit,
}: {
  meeting: { id: string; slug: string; agendaVersion: number; date: string };
  items: AgendaRow[];
  canEdit: boolean;
}) {
  const returnTo = `/moten/${meeting.slug}/arenden`;
  if (items.length === 0) return <p className="mt-3">Ärendelistan är tom.</p>;
  return (
    <DataTable
      caption={`Ärendelista för sammanträdet ${meeting.date}`}
      rows={items}
      rowKey={(r) => r.id}
      columns={[
        { header: "Nr", cell: (r) => r.position, className: "whitespace-nowrap" },
        { header: "Ärende", cell: (r) => <Title row={r} /> },
        { header: "Dnr", cell: (r) => r.caseNumber ?? "–", className: "whitespace-nowrap" },
        { header: "Status", cell: (r) => agendaItemStateLabel[r.state] },
        { header: "Handlingar", cell: (r) => r.documentCount },
        ...(canEdit
          ? [
              {
                header: "Ändra",
                cell: (r: AgendaRow, i: number) => (
                  <div className="flex flex-wrap gap-1">
                    <MoveButtons
                      action={reorderFormAction}
                      hidden={{ meetingId: meeting.id, agendaVersion: meeting.agendaVersion, itemId: r.id, returnTo }}
                      title={r.title}
                      index={i}
                      count={items.length}
                    />
                    {r.state === "PREPARING" && (
                      <ActionForm
                        action={moveItemFormAction}
                        hidden={{ itemId: r.id, version: r.version, meetingId: "", returnTo }}
                        label={
                          <>
                            Till poolen<span className="sr-only">: {r.title}</span>
                          </>
                        }
                        pendingText="Flyttar…"
                      />
                    )}
                  </div>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The body's pool; with `meeting`, each ärende can be put last on its ärendelista. */
export function PoolTable({
  pool,
  canEdit,
  meeting,
  meetings,
  returnTo,
  caption,
}: {
  pool: AgendaRow[];
  canEdit: boolean;
  meeting?: { id: string; date: string };
  meetings?: MeetingChoice[];
  returnTo: string;
  caption: string;
}) {
  if (pool.length === 0) return <p className="mt-3">Inga ärenden väntar i poolen.</p>;
  return (
    <DataTable
      caption={caption}
      rows={pool}
      rowKey={(r) => r.id}
      columns={[
        { header: "Ärende", cell: (r) => <Title row={r} /> },
        { header: "Dnr", cell: (r) => r.caseNumber ?? "–", className: "whitespace-nowrap" },
        { header: "Handlingar", cell: (r) => r.documentCount },
        ...(canEdit && (meeting || (meetings && meetings.length > 0))
          ? [
              {
                header: "Sammanträde",
                cell: (r: AgendaRow) =>
                  meeting ? (
                    <ActionForm
                      action={moveItemFormAction}
                      hidden={{ itemId: r.id, version: r.version, meetingId: meeting.id, returnTo }}
                      label={
                        <>
                          Lägg på listan<span className="sr-only">: {r.title}</span>
                        </>
                      }
                      pendingText="Flyttar…"
                    />
                  ) : (
                    <ActionForm
                      action={moveItemFormAction}
                      hidden={{ itemId: r.id, version: r.version, returnTo }}
                      label="Flytta"
                      pendingText="Flyttar…"
                      className="flex flex-wrap items-center gap-2"
                    >
                      <label htmlFor={`move-${r.id}`} className="sr-only">
                        Sammanträde för {r.title}
                      </label>
                      <select
                        id={`move-${r.id}`}
                        name="meetingId"
                        className="rounded border border-slate-500 px-1 py-1"
                      >
                        {(meetings ?? []).map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.label}
                          </option>
                        ))}
                      </select>
                    </ActionForm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
