// The whole protocol as semantic HTML, in the order of the printed protocol: header, notice,
// agenda, then each § (ParagraphView). A server component without hooks, so it also renders with
// react-dom/server (the PDF benchmark prints it in Chromium).
import {
  attendanceLines,
  formatAdjustmentPlaceAndTime,
  formatParagraphSpan,
  formatPlaceAndTime,
  formatSigningTime,
} from "@/domain/protocol/protocol.format";
import { isAdjusted } from "@/domain/lifecycle";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { hasSignersPerParagraph, signerAssignments, signerParagraphsText } from "@/domain/rules/signers.rules";
import { attendanceRoleTerms, signatureRoleTerms } from "@/domain/vocabulary";
import { DEFAULT_NOTICE_WORDING } from "@/domain/rules/bodies.rules";
import { FactList, noticeKeepingFacts } from "./fact-list";
import {
  APPENDED_LIST_REFERENCE,
  APPENDED_LIST_TITLE,
  attendanceVoteList,
} from "@/domain/protocol/attendance-vote-list";
import { ParagraphView } from "./paragraph-view";
import { TitledSection } from "./titled-section";

function HeaderRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" className="w-56 py-2 pr-4 text-left font-semibold">
        {label}
      </th>
      <td className="py-2">{children}</td>
    </tr>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span className="text-[var(--color-muted)]">–</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** The närvaro- och omröstningslista (Body.appendedAttendanceList): a row per seat, a column per vote. */
function AttendanceListView({ protocol }: { protocol: ProtocolDTO }) {
  const list = attendanceVoteList(protocol);
  const cell = "border border-slate-300 px-2";
  return (
    <TitledSection id="narvarolista" title={APPENDED_LIST_TITLE} className="mt-10">
      <div className="mt-2 overflow-x-auto">
        <table className="border-collapse text-sm">
          <caption className="sr-only">
            {APPENDED_LIST_TITLE}: närvaro, tjänstgörande ersättare och röst per omröstning
          </caption>
          <thead>
            <tr>
              <th scope="col" className={`${cell} text-left`}>
                {attendanceRoleTerms.MEMBER.label}
              </th>
              <th scope="col" className={`${cell} text-left`}>
                Närvaro
              </th>
              <th scope="col" className={`${cell} text-left`}>
                {attendanceRoleTerms.SERVING_SUBSTITUTE.label}
              </th>
              {list.columns.map((c) => (
                <th key={c.label} scope="col" className={`${cell} whitespace-nowrap`}>
                  <a href={`#paragraf-${c.paragraphNumber}`}>{c.label}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r, i) => (
              <tr key={i}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {r.represents ? `${r.member}, ${r.represents}` : r.member}
                </th>
                <td className={cell}>{r.presence}</td>
                <td className={cell}>{r.substitutes}</td>
                {r.marks.map((m, c) => (
                  <td key={c} className={`${cell} text-center`}>
                    {m}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {list.columns.length > 0 && (
            <tfoot>
              {(
                [
                  ["Summa ja", "ja"],
                  ["Summa nej", "nej"],
                  ["Summa avstår", "avstar"],
                ] as const
              ).map(([label, k]) => (
                <tr key={k}>
                  <th scope="row" colSpan={3} className={`${cell} text-left`}>
                    {label}
                  </th>
                  {list.totals.map((t, c) => (
                    <td key={c} className={`${cell} text-center`}>
                      {t[k]}
                    </td>
                  ))}
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      </div>
      <p className="mt-2 text-sm text-[var(--color-muted)]">
        J = ja, N = nej, A = avstår, – = frånvarande vid omröstningen eller deltar ej.
      </p>
    </TitledSection>
  );
}

export function ProtocolView({ protocol }: { protocol: ProtocolDTO }) {
  const { body, meeting, notice } = protocol;
  const lines = attendanceLines(protocol.attendance);
  const numbers = protocol.paragraphs.map((p) => p.number);
  const perParagraph = protocol.signatures.some((s) => (s.ranges ?? []).length > 0);
  const adjustment = formatAdjustmentPlaceAndTime(meeting);
  return (
    <div className="protocol">
      <header>
        <p className="text-sm uppercase tracking-wide text-[var(--color-muted)]">
          {protocol.organisation.name} · Protokoll{isAdjusted(meeting.status) ? "" : " (ej justerat)"}
        </p>
        <h1 className="text-3xl font-semibold">
          {body.name} <span className="whitespace-nowrap">{meeting.date}</span>
        </h1>
      </header>

      <table className="mt-6 w-full border-collapse">
        <caption className="sr-only">Sammanträdets uppgifter</caption>
        <tbody>
          <HeaderRow label="Plats och tid">{formatPlaceAndTime(meeting)}</HeaderRow>
          <HeaderRow label="Beslutande">
            {body.appendedAttendanceList ? (
              <p>
                <a href="#narvarolista" className="text-[var(--color-brand)] underline underline-offset-2">
                  {APPENDED_LIST_REFERENCE}
                </a>
              </p>
            ) : (
              <>
                <p className="font-medium">{attendanceRoleTerms.MEMBER.plural}</p>
                <Lines lines={lines.beslutande} />
              </>
            )}
            {lines.ersattare.length > 0 && (
              <>
                <p className="mt-2 font-medium">{attendanceRoleTerms.SUBSTITUTE.plural}</p>
                <Lines lines={lines.ersattare} />
              </>
            )}
          </HeaderRow>
          {lines.franvarande.length > 0 && (
            <HeaderRow label={attendanceRoleTerms.ABSENT.plural}>
              <Lines lines={lines.franvarande} />
            </HeaderRow>
          )}
          <HeaderRow label={attendanceRoleTerms.OTHER.plural}>
            <Lines lines={lines.ovriga} />
          </HeaderRow>
          <HeaderRow label={signatureRoleTerms.ADJUSTER.plural}>
            <Lines
              lines={
                hasSignersPerParagraph(protocol)
                  ? signerAssignments(protocol)
                      .filter((a) => a.role === "ADJUSTER")
                      .map((a) =>
                        a.ranges.length > 0
                          ? `${a.name} (${signerParagraphsText(a.ranges, numbers)?.toLowerCase() ?? "inga paragrafer"})`
                          : a.name,
                      )
                  : protocol.adjusters.map((a) => a.name)
              }
            />
          </HeaderRow>
          <HeaderRow label="Justeringens plats och tid">
            {adjustment || <span className="text-[var(--color-muted)]">–</span>}
          </HeaderRow>
          <HeaderRow label="Underskrifter">
            <table className="border-collapse">
              <caption className="sr-only">Underskrifter, {formatParagraphSpan(numbers)}</caption>
              <tbody>
                {protocol.signatures.map((s) => (
                  <tr key={`${s.role}-${s.personId}`}>
                    <th scope="row" className="pr-4 text-left font-normal text-[var(--color-muted)]">
                      {signatureRoleTerms[s.role].label}
                    </th>
                    <td className="pr-4">{s.name}</td>
                    {perParagraph && <td className="pr-4">{signerParagraphsText(s.ranges ?? [], numbers)}</td>}
                    <td className="text-sm">
                      {s.signedAt ? `Signerat ${formatSigningTime(s.signedAt)}` : "Ej signerat"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {!perParagraph && <p className="mt-1">{formatParagraphSpan(numbers)}</p>}
          </HeaderRow>
        </tbody>
      </table>

      {notice && (
        <TitledSection id="anslag" title="Anslag/bevis" className="mt-8 rounded border border-slate-300 p-4">
          <p className="mt-1">
            {isAdjusted(meeting.status)
              ? notice.wording || DEFAULT_NOTICE_WORDING
              : "Protokollet är inte justerat ännu. Uppgifterna nedan gäller när anslaget sätts upp efter justeringen."}
          </p>
          <FactList
            className="mt-3"
            facts={[
              ["Organ", body.name],
              ["Sammanträdesdatum", meeting.date],
              ["Datum då anslaget sätts upp", notice.postedOn],
              ["Datum då anslaget tas ned", notice.takeDownOn],
              ...noticeKeepingFacts(notice),
            ]}
          />
        </TitledSection>
      )}

      <TitledSection id="arendelista" title="Ärendelista" className="mt-8">
        <table className="mt-2 w-full border-collapse text-left">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-4">
                §
              </th>
              <th scope="col" className="py-1 pr-4">
                Ärende
              </th>
              <th scope="col" className="py-1">
                Dnr
              </th>
            </tr>
          </thead>
          <tbody>
            {protocol.paragraphs.map((p) => (
              <tr key={p.id} className="border-b border-slate-200">
                <td className="py-1 pr-4 whitespace-nowrap">§ {p.number}</td>
                <td className="py-1 pr-4">
                  <a href={`#paragraf-${p.number}`} className="text-[var(--color-brand)] underline underline-offset-2">
                    {p.title}
                  </a>
                </td>
                <td className="py-1 whitespace-nowrap">{p.caseNumber ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TitledSection>

      {protocol.paragraphs.map((p) => (
        <ParagraphView key={p.id} protocol={protocol} paragraph={p} />
      ))}

      {body.appendedAttendanceList && <AttendanceListView protocol={protocol} />}
    </div>
  );
}
