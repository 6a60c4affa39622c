// One § as semantic HTML, in the order of the printed protocol: the one rendering of a § for the
// protocol pages (ProtocolView) and the editor's preview of the § being written. Without hooks, so
// it renders on the server, with react-dom/server and in a client component alike.
import { isEmptyDoc } from "@/domain/richtext/richtext.text";
import { RichText } from "@/ui/rich-text";
import { displayCaseNumber } from "@/domain/protocol/protocol.format";
import type { AttendanceDTO, BallotChoice, ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { attendanceRoleTerms, ballotChoiceTerms, motionKindLabel } from "@/domain/vocabulary";
import { nameWithParty } from "@/domain/protocol/attendance-vote-list";
import { voteTally } from "@/domain/rules/decisions.rules";
import { TitledSection } from "./titled-section";

const BALLOT_CHOICES: readonly BallotChoice[] = ["JA", "NEJ", "AVSTAR"];
/** Shown as columns only when a ballot of the vote uses them. */
const OTHER_CHOICES: readonly BallotChoice[] = ["FRANVARANDE", "DELTAR_EJ"];

/** What of the protocol a § is printed with: the Dnr's prefix, the body's genitive and order, the parties. */
export interface ParagraphViewFrame {
  organisation: Pick<ProtocolDTO["organisation"], "caseNumberPrefix">;
  body: Pick<ProtocolDTO["body"], "genitiveName" | "decisionPlacement">;
  attendance: readonly Pick<AttendanceDTO, "personId" | "represents">[];
}

function Part({ id, title, level, children }: { id: string; title: string; level: 3 | 4; children: React.ReactNode }) {
  return (
    <TitledSection id={id} title={title} level={level} className="mt-5" headingClassName="text-lg font-semibold">
      {children}
    </TitledSection>
  );
}

/** A titled part holding a list, one item a row; left out when the list is empty. */
function ListPart<T>({
  id,
  title,
  level,
  items,
  className = "mt-2",
  children: item,
}: {
  id: string;
  title: string;
  level: 3 | 4;
  items: readonly T[];
  className?: string;
  children: (item: T) => React.ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <Part id={id} title={title} level={level}>
      <ul className={className}>
        {items.map((x, i) => (
          <li key={i}>{item(x)}</li>
        ))}
      </ul>
    </Part>
  );
}

/**
 * One §, with its headings in the order of the PDF (src/pdf/protocol-model.ts): "§ 62 Budget 2022",
 * the Dnr, jäv, the decision ("Direktionens beslut") before or after the sections as the body prints
 * it, then underlag, yrkanden, propositionsordning, omröstningar, reservationer and anteckningar,
 * expediering.
 *
 * `idPrefix` keeps the ids unique where the § is shown beside another copy of it (the editor's
 * preview); `nested` puts its headings one level down (h3 for the §) inside a page part of its own.
 */
export function ParagraphView({
  protocol,
  paragraph: p,
  idPrefix = "",
  nested = false,
}: {
  protocol: ParagraphViewFrame;
  paragraph: ParagraphDTO;
  idPrefix?: string;
  nested?: boolean;
}) {
  const key = `${idPrefix}p${p.number}`;
  const level = nested ? 4 : 3;
  const Heading = nested ? "h3" : "h2";
  const richHeadingLevel = level + 1;
  const dnr = displayCaseNumber(p.caseNumber, protocol.organisation.caseNumberPrefix);
  const sections = p.sections.filter((s) => !isEmptyDoc(s.content));
  // Before the sections or after them: the body's setting.
  const decisionLast = protocol.body.decisionPlacement === "AFTER_SECTIONS";
  const hasDecision = p.decision.intro.trim() !== "" || p.decision.clauses.length > 0;
  const decision = hasDecision && (
    <Part id={`${key}-beslut`} title={`${protocol.body.genitiveName} beslut`} level={level}>
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
      id={`${idPrefix}paragraf-${p.number}`}
      aria-labelledby={`${key}-rubrik`}
      className="paragraph mt-10 border-t-2 border-slate-300 pt-6"
    >
      <Heading id={`${key}-rubrik`} className="text-2xl font-semibold">
        <span className="mr-3">§ {p.number}</span> {p.title}
      </Heading>
      {dnr && <p className="mt-1 text-[var(--color-muted)]">{dnr}</p>}
      {p.isConfidential && (
        <p className="mt-2 font-semibold">Sekretess{p.withholdingGround ? ` enligt ${p.withholdingGround}` : ""}</p>
      )}
      {!p.isConfidential && p.withholdingGround && (
        <p className="mt-2 text-sm">Uppgifter i paragrafen lämnas inte ut enligt {p.withholdingGround}.</p>
      )}
      {p.isImmediatelyAdjusted && <p className="mt-2 text-sm">Paragrafen justerades omedelbart.</p>}

      {/* Who left for the § comes first, as in the printed protocol (src/pdf/protocol-model.ts). */}
      <ListPart id={`${key}-jav`} title="Jäv" level={level} items={p.recusals}>
        {(r) => `${r.name} deltar inte i handläggningen på grund av jäv (${r.reason}).`}
      </ListPart>

      {!decisionLast && decision}

      {sections.map((s, i) =>
        s.heading.trim() ? (
          <Part key={i} id={`${key}-avsnitt-${i}`} title={s.heading} level={level}>
            <RichText doc={s.content} headingLevel={richHeadingLevel} />
          </Part>
        ) : (
          // Running text without a heading.
          <div key={i} className="mt-5">
            <RichText doc={s.content} headingLevel={richHeadingLevel} />
          </div>
        ),
      )}

      {decisionLast && decision}

      <ListPart
        id={`${key}-underlag`}
        title="Beslutsunderlag"
        level={level}
        items={p.basisDocuments}
        className="mt-2 space-y-0.5"
      >
        {(d) => d}
      </ListPart>

      <ListPart id={`${key}-yrkanden`} title="Yrkanden" level={level} items={p.motions} className="mt-2 space-y-2">
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
        <Part id={`${key}-proposition`} title="Propositionsordning" level={level}>
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
            <Part key={i} id={`${key}-omrostning-${i}`} title={title} level={level}>
              <p className="mt-2">{v.question}</p>
              <p className="mt-2">
                Omröstningsresultat: {tally.ja} ja, {tally.nej} nej, {tally.avstar} avstår.
              </p>
              <p className="mt-2">{v.result}</p>
            </Part>
          );
        }
        return (
          <Part key={i} id={`${key}-omrostning-${i}`} title={title} level={level}>
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
        level={level}
        items={[
          ...p.reservations.map((r) => `${r.name} reserverar sig mot beslutet.${r.reasons ? ` ${r.reasons}` : ""}`),
          ...p.notes.map((n) => `${n.name ? `${n.name}: ` : "Protokollsanteckning: "}${n.text}`),
        ]}
        className="mt-2 space-y-1"
      >
        {(line) => line}
      </ListPart>

      <ListPart id={`${key}-expediering`} title="Beslutsexpediering" level={level} items={p.dispatch}>
        {(d) => d}
      </ListPart>
    </article>
  );
}
