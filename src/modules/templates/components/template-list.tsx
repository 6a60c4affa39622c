"use client";

// The body's templates in order: rubrik (a link to edit it), opening § or not, and per row the
// buttons to move it up or down and to delete it — one form per row, the button pressed names
// the change, so it works without JavaScript.
import Link from "next/link";
import { useActionState } from "react";
import { DataTable, linkClass } from "@/ui/data-table";
import { secondaryButton } from "@/ui/form-feedback";
import { templateRowFormAction } from "../templates.actions";
import { INITIAL_TEMPLATE_FORM_STATE } from "../templates.form-state";
import type { TemplateRow } from "../templates.queries";

const button = `${secondaryButton} px-2 py-1 text-sm`;

function RowButtons({
  bodySlug,
  row,
  index,
  count,
}: {
  bodySlug: string;
  row: TemplateRow;
  index: number;
  count: number;
}) {
  const [state, action, pending] = useActionState(templateRowFormAction, INITIAL_TEMPLATE_FORM_STATE);
  const named = <span className="sr-only">: {row.title}</span>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="templateId" value={row.id} />
      <input type="hidden" name="bodySlug" value={bodySlug} />
      {state.message && (
        <p role="alert" className="w-full rounded border border-red-700 bg-red-50 p-1 text-sm">
          {state.message}
        </p>
      )}
      {index > 0 && (
        <button type="submit" name="op" value="up" disabled={pending} className={button}>
          Upp{named}
        </button>
      )}
      {index < count - 1 && (
        <button type="submit" name="op" value="down" disabled={pending} className={button}>
          Ned{named}
        </button>
      )}
      <button type="submit" name="op" value="delete" disabled={pending} className={button}>
        Ta bort{named}
      </button>
    </form>
  );
}

export function TemplateList({
  bodySlug,
  bodyName,
  templates,
}: {
  bodySlug: string;
  bodyName: string;
  templates: TemplateRow[];
}) {
  if (templates.length === 0) return <p className="mt-3">Organet har inga paragrafmallar ännu.</p>;
  return (
    <DataTable
      caption={`Paragrafmallar för ${bodyName}`}
      rows={templates}
      rowKey={(t) => t.id}
      columns={[
        { header: "Nr", cell: (_t, i) => i + 1, className: "whitespace-nowrap" },
        {
          header: "Rubrik",
          cell: (t) => (
            <Link id={`mall-${t.id}`} href={`/organ/${bodySlug}/mallar?mall=${t.id}#redigera`} className={linkClass}>
              {t.title}
            </Link>
          ),
        },
        { header: "Inledande", cell: (t) => (t.isOpening ? "Ja" : "–") },
        {
          header: "Innehåll",
          cell: (t) =>
            [
              t.decisionClauses.length > 0
                ? `${t.decisionClauses.length} att-satser`
                : t.decisionIntro
                  ? "beslut"
                  : null,
              t.sections.length > 0 ? `${t.sections.length} avsnitt` : null,
            ]
              .filter(Boolean)
              .join(", ") || "bara rubrik",
        },
        {
          header: "Ändra",
          cell: (t, i) => <RowButtons bodySlug={bodySlug} row={t} index={i} count={templates.length} />,
        },
      ]}
    />
  );
}
