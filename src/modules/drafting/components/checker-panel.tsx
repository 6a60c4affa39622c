// The protocol checker's findings, errors first, each linked to the § it concerns; null while the
// editor's first live check has not run yet.
import type { Finding } from "@/domain/rules/protocol-checker";

export function CheckerPanel({ findings }: { findings: readonly Finding[] | null }) {
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
  return (
    <section aria-labelledby="kontroll" className="no-print mb-8 rounded border border-slate-300 p-4">
      <h2 id="kontroll" className="text-xl font-semibold">
        Kontroll före justering
      </h2>
      {findings.length === 0 ? (
        <p className="mt-2">Inga fel eller varningar.</p>
      ) : (
        <>
          <p className="mt-1">
            {errors} fel och {warnings} {warnings === 1 ? "varning" : "varningar"}.
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
    </section>
  );
}
