// Rättelser after a justerat protocol, on the meeting page and the public protocol page.
import type { CorrectionDTO } from "@/domain/protocol/protocol.types";
import { TitledSection } from "./titled-section";

const when = (iso: string) =>
  new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

export function CorrectionsList({ corrections }: { corrections: readonly CorrectionDTO[] }) {
  if (corrections.length === 0) return null;
  return (
    <TitledSection
      id="rattelser"
      title="Rättelser"
      className="mt-10 border-t-2 border-slate-300 pt-6"
      headingClassName="text-2xl font-semibold"
    >
      <ol className="mt-2 space-y-3">
        {corrections.map((c, i) => (
          <li key={i}>
            <p className="font-medium">
              {c.paragraphNumber !== null ? `§ ${c.paragraphNumber}: ` : ""}Rättelse {when(c.signedAt)}, signerad av{" "}
              {c.signedBy}
            </p>
            <p className="whitespace-pre-wrap">{c.text}</p>
          </li>
        ))}
      </ol>
    </TitledSection>
  );
}
