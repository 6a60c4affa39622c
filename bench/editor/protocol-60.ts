// A generated 60-§ protocol with seed-like content for the editor benchmark: the seed's nine §§
// (prisma/seed/itsam-direktionen-2021-11-18.ts: sections with rich text and sub-headings, lists,
// the § 62 budget table, att-clauses, motions and a proposition) repeated as §§ 1–60, with the
// seed's attendance and its ranges moved onto the new numbers.
import type { AttendanceDTO, ProtocolDTO } from "../../src/domain/protocol/protocol.types";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";

export const BENCH_SLUG = "direktionen-2022-01-20";
export const PARAGRAPH_COUNT = 60;

/** The seed's §§ 59–67 as §§ 1–60 of a meeting of 2022-01-20, for the demo organisation. */
export function generatedProtocol(): ProtocolDTO {
  const seed = itsamSeed.meetings[0]!;
  const shapes = seed.paragraphs;
  const paragraphs = Array.from({ length: PARAGRAPH_COUNT }, (_, i) => {
    const shape = shapes[i % shapes.length]!;
    const number = i + 1;
    return {
      ...structuredClone(shape),
      id: `bench-p${number}`,
      number,
      caseNumber: shape.caseNumber ? `ITSAM 2022/${number}` : null,
      title: `${shape.title} (${number})`,
    };
  });
  const half = PARAGRAPH_COUNT / 2;
  // The seed's ranges, scaled: §§ 59–62 → 1–30, 62–67 → 30–60, 59 → 1, 62–63 → 30–31.
  const moved = (a: AttendanceDTO): AttendanceDTO => ({
    ...a,
    ranges: a.ranges.map((r) =>
      r.from === 59 && r.to === 62
        ? { from: 1, to: half }
        : r.from === 62 && r.to === 67
          ? { from: half, to: PARAGRAPH_COUNT }
          : r.from === 62 && r.to === 63
            ? { from: half, to: half + 1 }
            : { from: 1, to: 1 },
    ),
  });
  return {
    ...structuredClone(seed),
    meeting: {
      ...seed.meeting,
      id: "bench-direktionen-2022-01-20",
      slug: BENCH_SLUG,
      status: "DRAFT",
      date: "2022-01-20",
      adjustedOn: null,
    },
    attendance: seed.attendance.map(moved),
    paragraphs,
    notice: null,
    signatures: [],
  };
}
