/**
 * Kallelse PDF benchmark (not a test): the seed meeting's §§ (Itsam direktionen 2021-11-18, §§
 * 59–67) turned into agenda items — title, Dnr, the decision as förslag till beslut (intro and
 * att-clauses), the beslutsunderlag as handlingar' titles, confidential §§ as confidential
 * ärenden — rendered as the members' and the public kallelse. Prints page count and render time.
 *   npx tsx bench/summons-pdf.ts [runs]
 */
import type { SummonsDTO } from "../src/domain/summons/summons.types";
import { renderSummonsPdf } from "../src/pdf/render-summons";
import { seedProtocol } from "../src/pdf/testing/fixtures";

function seedSummons(): SummonsDTO {
  const p = seedProtocol();
  return {
    organisation: { name: p.organisation.name, caseNumberPrefix: p.organisation.caseNumberPrefix },
    body: { name: p.body.name, kind: p.body.kind, summonsLeadDays: 7 },
    meeting: {
      id: p.meeting.id,
      slug: p.meeting.slug,
      date: p.meeting.date,
      startTime: p.meeting.startTime,
      endTime: p.meeting.endTime,
      place: p.meeting.place,
      summonsSentAt: `${p.meeting.date}T08:00:00.000Z`,
      agendaVersion: 1,
    },
    items: p.paragraphs.map((para, i) => ({
      id: para.id,
      number: i + 1,
      title: para.title,
      caseNumber: para.caseNumber,
      responsible: null,
      proposalIntro: para.decision.intro,
      proposalClauses: [...para.decision.clauses],
      isConfidential: para.isConfidential,
      documents: para.basisDocuments.map((title, j) => ({
        id: `${para.id}-${j}`,
        title,
        fileName: `${j + 1}.pdf`,
        mimeType: "application/pdf",
        isConfidential: false,
      })),
    })),
  };
}

const pageCount = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 20);
  const summons = seedSummons();
  for (const version of ["members", "public"] as const) {
    const t0 = performance.now();
    const first = await renderSummonsPdf(summons, version);
    const coldMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await renderSummonsPdf(summons, version);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? coldMs;
    console.log(
      `kallelse (${version}), seed meeting ${summons.meeting.date}, ${summons.items.length} ärenden: ` +
        `${pageCount(first)} pages, ${first.length} bytes, first render ${coldMs.toFixed(0)} ms, ` +
        `median of ${runs} warm renders ${median.toFixed(1)} ms`,
    );
  }
}

await main();
