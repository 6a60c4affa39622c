// Justering on the meeting page: deadline, who has signed, and the forms the user may use.
import { Fragment } from "react";
import type { IsoDate } from "@/lib/iso-date";
import { isAdjusted } from "@/domain/lifecycle";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { signatureRoleTerms } from "@/domain/vocabulary";
import type { Role } from "@/server/authz";
import { eidConfig } from "@/server/eid/config";
import { daysUntilAdjustmentDeadline, pendingRolesFor } from "@/domain/rules/signoff.rules";
import { signerParagraphsText } from "@/domain/rules/signers.rules";
import type { SignoffInfo } from "@/server/protocol.queries";
import type { AuditEntryDTO } from "../signoff.queries";
import { CorrectionForm, ReturnForm, SendForAdjustmentForm, SignEidForm, SignForm } from "./signoff-forms";
import { DataTable } from "@/ui/data-table";

const when = (iso: string) =>
  new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

export interface SignoffPermissions {
  canSend: boolean;
  canSign: boolean;
  canReturn: boolean;
  canCorrect: boolean;
  canReadAudit: boolean;
  roles: Set<Role>;
}

/**
 * The PDF links: [query, label]. Once the notice dates changed, the original shows the old ones,
 * so a copy with today's is the default.
 */
function pdfLinks(adjusted: boolean, info: SignoffInfo): [string, string][] {
  if (!adjusted) return [["", "Ladda ner PDF (utkast)"]];
  if (info.noticeRevisedAt) {
    return [
      ["", `Ladda ner PDF (med ändrade anslagsdatum${info.corrections.length > 0 ? " och rättelser" : ""})`],
      ["?original", "Justerat original"],
    ];
  }
  return [
    ["", "Ladda ner PDF (justerat original)"],
    ...(info.corrections.length > 0 ? ([["?med-rattelser", "PDF med rättelser"]] as [string, string][]) : []),
  ];
}

export function SignoffSection(props: {
  protocol: ProtocolDTO;
  info: SignoffInfo;
  can: SignoffPermissions;
  personId: string | null;
  audit: AuditEntryDTO[] | null;
  /** Today in Sweden (the server's clock), for the justering deadline. */
  today: IsoDate;
}) {
  const eid = eidConfig();
  const { protocol, info, can } = props;
  const { meeting } = protocol;
  const adjusted = isAdjusted(meeting.status);
  const deadline = daysUntilAdjustmentDeadline(meeting.date, props.today);
  const myRoles = props.personId ? pendingRolesFor(protocol, props.personId) : [];
  const numbers = protocol.paragraphs.map((p) => p.number);
  const perParagraph = protocol.signatures.some((s) => (s.ranges ?? []).length > 0);
  // One signature covers every line of the person: "ordförande (Paragraf 7) och justerare (Paragrafer 1-6, 8-10)".
  const myDuties = protocol.signatures
    .filter((s) => s.personId === props.personId)
    .map((s) =>
      perParagraph
        ? `${signatureRoleTerms[s.role].word} (${signerParagraphsText(s.ranges ?? [], numbers) ?? "inga paragrafer"})`
        : signatureRoleTerms[s.role].word,
    )
    .join(" och ");
  const ids = { meetingId: meeting.id, slug: meeting.slug };
  return (
    <section aria-labelledby="justering" className="no-print mb-8 rounded border border-slate-300 p-4">
      <h2 id="justering" className="text-xl font-semibold">
        Justering
      </h2>
      {!adjusted ? (
        <p className={`mt-1 ${deadline.daysLeft < 0 ? "font-semibold text-red-800" : ""}`}>
          Ska justeras senast {deadline.deadline} (5 kap. 69 § kommunallagen):{" "}
          {deadline.daysLeft > 1
            ? `${deadline.daysLeft} dagar kvar.`
            : deadline.daysLeft === 1
              ? "1 dag kvar."
              : deadline.daysLeft === 0
                ? "sista dagen i dag."
                : `${-deadline.daysLeft} dagar försenat.`}
        </p>
      ) : (
        <p className="mt-1">Justerat {meeting.adjustedOn}.</p>
      )}
      <table className="mt-3 border-collapse text-sm">
        <caption className="sr-only">Underskrifter</caption>
        <thead>
          <tr>
            <th scope="col" className="pr-4 text-left">
              Roll
            </th>
            <th scope="col" className="pr-4 text-left">
              Namn
            </th>
            {perParagraph && (
              <th scope="col" className="pr-4 text-left">
                Svarar för
              </th>
            )}
            <th scope="col" className="text-left">
              Signerat
            </th>
          </tr>
        </thead>
        <tbody>
          {protocol.signatures.map((s) => (
            <tr key={`${s.role}-${s.personId}`}>
              <td className="pr-4">{signatureRoleTerms[s.role].word}</td>
              <td className="pr-4">{s.name}</td>
              {perParagraph && <td className="pr-4">{signerParagraphsText(s.ranges ?? [], numbers) ?? "–"}</td>}
              <td>
                {s.signedAt ? when(s.signedAt) : "Inte ännu"}
                {s.signedAt && s.method === "EID" && " med e-legitimation"}
                {s.signedAt && s.method === "PASSWORD" && " med lösenord"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {meeting.status === "DRAFT" && info.lastReturn && (
        <div role="note" className="mt-3 rounded border border-amber-700 bg-amber-50 p-2">
          <p className="font-semibold">
            Skickat tillbaka av {info.lastReturn.by} {when(info.lastReturn.at)}:
          </p>
          <p className="whitespace-pre-wrap">{info.lastReturn.comment}</p>
        </div>
      )}
      <p className="mt-3">
        {pdfLinks(adjusted, info).map(([query, label], i) => (
          <Fragment key={query}>
            {i > 0 && " · "}
            <a
              href={`/moten/${meeting.slug}/pdf${query}`}
              className="text-[var(--color-brand)] underline underline-offset-2"
            >
              {label}
            </a>
          </Fragment>
        ))}
      </p>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {meeting.status === "DRAFT" && can.canSend && <SendForAdjustmentForm {...ids} />}
        {meeting.status === "READY_FOR_ADJUSTMENT" && can.canSign && myRoles.length > 0 && eid && (
          <SignEidForm {...ids} roles={myDuties} provider={eid.name} />
        )}
        {meeting.status === "READY_FOR_ADJUSTMENT" && can.canSign && myRoles.length > 0 && !eid?.only && (
          <SignForm {...ids} roles={myDuties} eid={!!eid} />
        )}
        {meeting.status === "READY_FOR_ADJUSTMENT" && can.canReturn && <ReturnForm {...ids} />}
        {adjusted && can.canCorrect && (
          <CorrectionForm {...ids} eid={eid ? { name: eid.name, only: !!eid.only } : undefined} />
        )}
      </div>
      {props.audit && (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold">Händelselogg ({props.audit.length})</summary>
          <DataTable
            caption="Händelselogg för sammanträdet"
            density="compact"
            className="mt-2 w-full border-collapse text-left text-sm"
            rowClassName="border-b border-slate-100"
            rows={props.audit}
            rowKey={(_, i) => i}
            columns={[
              { header: "Tid", cell: (a) => when(a.at), className: "whitespace-nowrap" },
              { header: "Vem", cell: (a) => a.who },
              { header: "Händelse", cell: (a) => a.action },
              { header: "Adress", cell: (a) => a.ip ?? "–" },
            ]}
          />
        </details>
      )}
    </section>
  );
}
