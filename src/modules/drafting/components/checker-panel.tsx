// The protocol checker's findings, errors first, each linked to the § it concerns (and, through
// data-field, to the field: the editor focuses it); null while the editor's first live check has
// not run yet.
import type { Finding } from "@/domain/rules/protocol-checker";

/** The panel folded to its heading line by a disclosure button (the editor's checker). */
export interface CheckerFold {
  open: boolean;
  onToggle: () => void;
}

export function CheckerPanel({ findings, fold }: { findings: readonly Finding[] | null; fold?: CheckerFold }) {
  if (findings === null)
    return (
      <section
        aria-labelledby="kontroll"
        aria-busy="true"
        className="no-print mb-8 rounded border border-slate-300 p-4"
      >
        <h2 id="kontroll" className="text-xl font-semibold">
          Kontroll före justering
        </h2>
        <p className="mt-2">Kontrollerar protokollet…</p>
      </section>
    );
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const counts = `${errors} fel och ${warnings} ${warnings === 1 ? "varning" : "varningar"}.`;
  const open = fold?.open ?? true;
  return (
    <section aria-labelledby="kontroll" className="no-print mb-8 rounded border border-slate-300 p-4">
      <h2 id="kontroll" className="text-xl font-semibold">
        {fold ? (
          <button
            type="button"
            id="kontroll-knapp"
            aria-expanded={open}
            aria-controls="kontroll-innehall"
            onClick={fold.onToggle}
            className="flex w-full items-center gap-2 text-left"
          >
            <span aria-hidden="true" className="inline-block w-4">
              {open ? "▾" : "▸"}
            </span>
            Kontroll före justering
          </button>
        ) : (
          "Kontroll före justering"
        )}
      </h2>
      {!open && <p className="mt-1">{findings.length === 0 ? "Inga fel eller varningar." : counts}</p>}
      <div id="kontroll-innehall" hidden={!open}>
        {findings.length === 0 ? (
          <p className="mt-2">Inga fel eller varningar.</p>
        ) : (
          <>
            <p className="mt-1">
              {counts}
              {errors > 0
                ? " Fel i innehållet måste rättas innan protokollet kan skickas till justering; en försenad justering hindrar inte."
                : ""}
            </p>
            <ul className="mt-3 space-y-2">
              {[...findings]
                .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
                .map((f, i) => (
                  <li key={i} className="flex gap-2">
                    <span
                      className={`shrink-0 rounded px-1.5 text-sm font-semibold ${f.severity === "error" ? "bg-red-700 text-white" : "bg-amber-200 text-black"}`}
                    >
                      {f.severity === "error" ? "Fel" : "Varning"}
                    </span>
                    <span>
                      {f.paragraphNumber !== null && (
                        <a
                          href={`#paragraf-${f.paragraphNumber}`}
                          data-field={f.field}
                          className="mr-1 text-[var(--color-brand)] underline underline-offset-2"
                        >
                          § {f.paragraphNumber}:
                        </a>
                      )}
                      {f.message}
                    </span>
                  </li>
                ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
