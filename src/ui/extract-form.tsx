// "Utdrag ur protokoll": choose §§ and get them as a PDF with the utdragsbestyrkande. A plain GET
// form (no script needed); the route checks who may have which §§.
import type { ParagraphDTO } from "@/domain/protocol/protocol.types";
import { TitledSection } from "./titled-section";

export function ExtractForm({
  action,
  paragraphs,
  note,
}: {
  /** The extract route: /moten/<slug>/utdrag or /protokoll/<slug>/utdrag. */
  action: string;
  /** The §§ that may be chosen. */
  paragraphs: readonly Pick<ParagraphDTO, "number" | "title">[];
  /** A line under the heading, e.g. that confidential §§ are not offered. */
  note?: string;
}) {
  if (paragraphs.length === 0) return null;
  return (
    <TitledSection
      id="rubrik-utdrag"
      title="Utdrag ur protokollet"
      className="no-print mt-6 rounded border border-slate-300 p-4"
    >
      {note && <p className="mt-1 text-sm">{note}</p>}
      <form method="get" action={action} className="mt-2">
        <fieldset>
          <legend className="font-medium">Välj paragrafer</legend>
          <ul className="mt-1 max-h-64 space-y-1 overflow-y-auto">
            {paragraphs.map((p) => (
              <li key={p.number}>
                <label className="inline-flex items-baseline gap-2">
                  <input type="checkbox" name="paragraf" value={p.number} />
                  <span>
                    § {p.number} {p.title}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button
          type="submit"
          className="mt-3 rounded bg-[var(--color-brand)] px-3 py-1.5 text-sm font-semibold text-white"
        >
          Skapa utdrag (PDF)
        </button>
      </form>
    </TitledSection>
  );
}
