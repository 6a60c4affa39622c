// The whole protocol as semantic HTML, in the order of the printed protocol: header, notice,
// agenda, then each §. A server component without hooks, so it also renders with
// react-dom/server (the PDF benchmark prints it in Chromium).
import { isEmptyDoc } from "@/domain/richtext/richtext.schema";
import { RichText } from "@/ui/rich-text";
import {
  attendanceLines,
  displayCaseNumber,
  formatAdjustmentPlaceAndTime,
  formatParagraphSpan,
  formatPlaceAndTime,
  formatSigningTime,
} from "@/domain/protocol/protocol.format";
import { isAdjusted } from "@/domain/lifecycle";
import type { BallotChoice, ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { hasSignersPerParagraph, signerAssignments, signerParagraphsText } from "@/domain/rules/signers.rules";
import { attendanceRoleTerms, ballotChoiceTerms, motionKindLabel, signatureRoleTerms } from "@/domain/vocabulary";
import { DEFAULT_NOTICE_WORDING } from "@/domain/rules/bodies.rules";
import { FactList, noticeKeepingFacts } from "./fact-list";
import {
  APPENDED_LIST_REFERENCE,
  APPENDED_LIST_TITLE,
  attendanceVoteList,
  nameWithParty,
} from "@/domain/protocol/attendance-vote-list";
import { voteTally } from "@/domain/rules/decisions.rules";
import { TitledSection } from "./titled-section";

const BALLOT_CHOICES: readonly BallotChoice[] = ["JA", "NEJ", "AVSTAR"];
/** Shown as columns only when a ballot of the vote uses them. */
const OTHER_CHOICES: readonly BallotChoice[] = ["FRANVARANDE", "DELTAR_EJ"];

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

function Part({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <TitledSection id={id} title={title} level={3} className="mt-5" headingClassName="text-lg font-semibold">
      {children}
    </TitledSection>
  );
}

/** A titled part holding a list, one item a row; left out when the list is empty. */
function ListPart<T>({
  id,
  title,
  items,
  className = "mt-2",
  children: item,
}: {
  id: string;
  title: string;
  items: readonly T[];
  className?: string;
  children: (item: T) => React.ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Part id={id} title={title}>
      <ul className={className}>
        {items.map((x, i) => (
          <li key={i}>{item(x)}</li>
        ))}
      </ul>
    </Part>
  );
}

function ParagraphView({ protocol, p }: { protocol: ProtocolDTO; p: ParagraphDTO }) {
  const key = `p${p.number}`;
  const dnr = displayCaseNumber(p.caseNumber, protocol.organisation.caseNumberPrefix);
  const sections = p.sections.filter((s) => !isEmptyDoc(s.content));
  // Before the sections or after them: the body's setting.
  const decisionLast = protocol.body.decisionPlacement === "AFTER_SECTIONS";
  const hasDecision = p.decision.intro.trim() !== "" || p.decision.clauses.length > 0;
  const decision = hasDecision && (
    <Part id={`${key}-beslut`} title={`${protocol.body.genitiveName} beslut`}>
      {p.decision.intro.trim() && <p className="mt-2">{p.decision.intro}</p>}
      {p.decision.clauses.length > 0 && (
        <ul className="mt-1 list-disc space-y-1 pl-6">
          {p.decision.clauses.map((clause, i) => (
            <li key={i}>{clause}</li>
          ))}
        </ul>
      )}
    </Part>
  );
  return (
    <article
      id={`paragraf-${p.number}`}
      aria-labelledby={`${key}-rubrik`}
      className="paragraph mt-10 border-t-2 border-slate-300 pt-6"
    >
      <h2 id={`${key}-rubrik`} className="text-2xl font-semibold">
        <span className="mr-3">§ {p.number}</span> {p.title}
      </h2>
      {dnr && <p className="mt-1 text-[var(--color-muted)]">{dnr}</p>}
      {p.isConfidential && (
        <p className="mt-2 font-semibold">Sekretess{p.withholdingGround ? ` enligt ${p.withholdingGround}` : ""}</p>
      )}
      {!p.isConfidential && p.withholdingGround && (
        <p className="mt-2 text-sm">Uppgifter i paragrafen lämnas inte ut enligt {p.withholdingGround}.</p>
      )}
      {p.isImmediatelyAdjusted && <p className="mt-2 text-sm">Paragrafen justerades omedelbart.</p>}

      {!decisionLast && decision}

      {sections.map((s, i) =>
        s.heading.trim() ? (
          <Part key={i} id={`${key}-avsnitt-${i}`} title={s.heading}>
            <RichText doc={s.content} headingLevel={4} />
          </Part>
        ) : (
          // Running text without a heading.
          <div key={i} className="mt-5">
            <RichText doc={s.content} headingLevel={4} />
          </div>
        ),
      )}

      {decisionLast && decision}

      <ListPart id={`${key}-underlag`} title="Beslutsunderlag" items={p.basisDocuments} className="mt-2 space-y-0.5">
        {(d) => d}
      </ListPart>

      <ListPart id={`${key}-yrkanden`} title="Yrkanden" items={p.motions} className="mt-2 space-y-2">
        {(m) => (
          <>
            <span className="font-medium">{nameWithParty(m, protocol.attendance)}</span>{" "}
            <span className="text-[var(--color-muted)]">
              ({motionKindLabel[m.kind]}
              {m.withdrawn ? ", återtaget" : ""})
            </span>
            : {m.text}
          </>
        )}
      </ListPart>

      {p.propositions.length > 0 && (
        <Part id={`${key}-proposition`} title="Propositionsordning">
          {p.propositions.map((text, i) => (
            <p key={i} className="mt-2">
              {text}
            </p>
          ))}
        </Part>
      )}

      {p.votes.map((v, i) => {
        const count = (c: BallotChoice) => v.ballots.filter((b) => b.choice === c).length;
        const choices = [...BALLOT_CHOICES, ...OTHER_CHOICES.filter((c) => count(c) > 0)];
        const title = p.votes.length > 1 ? `Omröstning ${i + 1}` : "Omröstning";
        if (v.counts !== null) {
          const tally = voteTally(v);
          return (
            <Part key={i} id={`${key}-omrostning-${i}`} title={title}>
              <p className="mt-2">{v.question}</p>
              <p className="mt-2">
                Omröstningsresultat: {tally.ja} ja, {tally.nej} nej, {tally.avstar} avstår.
              </p>
              <p className="mt-2">{v.result}</p>
            </Part>
          );
        }
        return (
          <Part key={i} id={`${key}-omrostning-${i}`} title={title}>
            <p className="mt-2">{v.question}</p>
            <table className="mt-2 border-collapse">
              <caption className="sr-only">
                {title} i § {p.number}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="border border-slate-300 px-2 text-left">
                    {attendanceRoleTerms.MEMBER.label}
                  </th>
                  {choices.map((c) => (
                    <th key={c} scope="col" className="border border-slate-300 px-2">
                      {ballotChoiceTerms[c].label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {v.ballots.map((b) => (
                  <tr key={b.personId}>
                    <th scope="row" className="border border-slate-300 px-2 text-left font-normal">
                      {b.name}
                    </th>
                    {choices.map((c) => (
                      <td key={c} className="border border-slate-300 px-2 text-center">
                        {b.choice === c ? "X" : ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="border border-slate-300 px-2 text-left">
                    Summa
                  </th>
                  {choices.map((c) => (
                    <td key={c} className="border border-slate-300 px-2 text-center">
                      {count(c)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
            <p className="mt-2">{v.result}</p>
          </Part>
        );
      })}

      <ListPart
        id={`${key}-reservationer`}
        title="Reservationer och protokollsanteckningar"
        items={[
          ...p.reservations.map((r) => `${r.name} reserverar sig mot beslutet.${r.reasons ? ` ${r.reasons}` : ""}`),
          ...p.notes.map((n) => `${n.name ? `${n.name}: ` : "Protokollsanteckning: "}${n.text}`),
        ]}
        className="mt-2 space-y-1"
      >
        {(line) => line}
      </ListPart>

      <ListPart id={`${key}-jav`} title="Jäv" items={p.recusals}>
        {(r) => `${r.name} deltar inte i handläggningen på grund av jäv (${r.reason}).`}
      </ListPart>

      <ListPart id={`${key}-expediering`} title="Beslutsexpediering" items={p.dispatch}>
        {(d) => d}
      </ListPart>
    </article>
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
        <ParagraphView key={p.id} protocol={protocol} p={p} />
      ))}

      {body.appendedAttendanceList && <AttendanceListView protocol={protocol} />}
    </div>
  );
}
