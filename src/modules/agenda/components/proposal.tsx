// Förslag till beslut as the workspace shows it wherever an ärende is read (the ärende's page, the
// kallelse): the intro and the att-clauses as a list.

/** The att-clauses, one item each. */
export function ClauseList({ clauses }: { clauses: readonly string[] }) {
  if (clauses.length === 0) return null;
  return (
    <ul className="list-disc pl-6">
      {clauses.map((c, i) => (
        <li key={i}>{c}</li>
      ))}
    </ul>
  );
}

/** "Förslag till beslut" under an ärende of the kallelse; nothing when there is none. */
export function ProposalSection({ intro, clauses }: { intro: string; clauses: readonly string[] }) {
  if (!intro && clauses.length === 0) return null;
  return (
    <>
      <h4 className="mt-2 font-medium">Förslag till beslut</h4>
      {intro && <p>{intro}</p>}
      <ClauseList clauses={clauses} />
    </>
  );
}
