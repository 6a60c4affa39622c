"use client";

// Shown when someone else saved the same record first (a §, the attendance list): both versions
// side by side, and a choice.
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";
import { toPlainText } from "@/domain/richtext/richtext.text";

function asText(c: ParagraphContentInput): { label: string; text: string }[] {
  return [
    { label: "Rubrik", text: c.title },
    { label: "Beslut", text: [c.decision.intro, ...c.decision.clauses].join("\n") },
    ...c.sections.map((s) => ({ label: s.heading.trim() || "Avsnitt utan rubrik", text: toPlainText(s.content) })),
    { label: "Beslutsunderlag", text: c.basisDocuments.join("\n") },
    { label: "Yrkanden", text: c.motions.map((m) => m.text).join("\n") },
    { label: "Propositionsordning", text: c.propositions.join("\n") },
  ];
}

export function ConflictPanel(props: {
  number: number;
  mine: ParagraphContentInput;
  theirs: ParagraphContentInput;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const mine = asText(props.mine);
  const theirs = asText(props.theirs);
  const rows = mine
    .map((m, i) => ({ label: m.label, mine: m.text, theirs: theirs[i]?.text ?? "" }))
    .filter((r) => r.mine !== r.theirs);
  const extra = theirs.slice(mine.length).map((t) => ({ label: t.label, mine: "", theirs: t.text }));
  return (
    <ConflictChoice
      title={`Konflikt i § ${props.number}: någon annan har sparat paragrafen medan du skrev`}
      intro="Din text är inte sparad och inte borttagen. Jämför och välj vad som ska gälla; du kan också kopiera text från den sparade versionen till din innan du sparar."
      rows={[...rows, ...extra]}
      onKeepMine={props.onKeepMine}
      onTakeTheirs={props.onTakeTheirs}
    />
  );
}

/** Both versions part by part (only the parts that differ), and the two ways out. */
export function ConflictChoice(props: {
  title: string;
  intro: string;
  rows: { label: string; mine: string; theirs: string }[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <div role="alert" className="mt-3 rounded border-2 border-red-700 bg-red-50 p-3">
      <h3 className="font-semibold">{props.title}</h3>
      <p className="mt-1 text-sm">{props.intro}</p>
      <table className="mt-2 w-full table-fixed border-collapse bg-white text-sm">
        <caption className="sr-only">Skillnader mellan din version och den sparade versionen</caption>
        <thead>
          <tr>
            <th scope="col" className="w-40 border border-slate-300 p-1 text-left">
              Del
            </th>
            <th scope="col" className="border border-slate-300 p-1 text-left">
              Din version
            </th>
            <th scope="col" className="border border-slate-300 p-1 text-left">
              Sparad version
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row" className="border border-slate-300 p-1 text-left align-top font-medium">
                {r.label}
              </th>
              <td className="whitespace-pre-wrap border border-slate-300 p-1 align-top">{r.mine}</td>
              <td className="whitespace-pre-wrap border border-slate-300 p-1 align-top">{r.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={props.onKeepMine}
          className="rounded bg-[var(--color-brand)] px-3 py-1.5 font-semibold text-white"
        >
          Spara min version
        </button>
        <button
          type="button"
          onClick={props.onTakeTheirs}
          className="rounded border border-slate-600 bg-white px-3 py-1.5"
        >
          Använd den sparade versionen
        </button>
      </div>
    </div>
  );
}
