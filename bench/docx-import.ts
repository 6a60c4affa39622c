// DOCX import benchmark: how long reading a tjänsteskrivelse takes (mammoth → HTML → the stored
// rich-text subset, validated by the domain schema → förslag till beslut), for a generated
// document of about ten pages (headings, body text, a table and a numbered list per part).
// Pure reading, no database: the action adds one UPDATE and an audit row. Prints figures; not a test.
//   npx tsx bench/docx-import.ts
import { readTjansteskrivelse } from "../src/modules/agenda/docx-import";
import { tjansteskrivelseDocx } from "../tests/support/docx-files";

async function main() {
  // About two parts fit on a page (heading, paragraph, 3-row table, 4 list lines); 20 parts with a
  // page break after every second is ten pages or a little more.
  const bytes = new Uint8Array(await tjansteskrivelseDocx({ sections: 20, pageBreaks: true }));
  const runs: number[] = [];
  let clauses = 0;
  let tables = 0;
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    const result = await readTjansteskrivelse(bytes);
    runs.push(performance.now() - t0);
    if (!result.ok) throw new Error(result.message);
    clauses = result.proposal?.clauses.length ?? 0;
    tables = result.summary?.content.filter((b) => b.type === "table").length ?? 0;
  }
  const [first, ...rest] = runs;
  rest.sort((a, b) => a - b);
  console.log(
    `DOCX: ${(bytes.length / 1024).toFixed(1)} kB, 20 parts (~10 pages), ${tables} tables, ${clauses} att-clauses`,
  );
  console.log(`import, first (cold): ${first!.toFixed(1)} ms`);
  console.log(`import, median of ${rest.length} warm: ${rest[Math.floor(rest.length / 2)]!.toFixed(1)} ms`);
}

void main();
