/**
 * The incremental checker gives exactly checkProtocol's findings, whatever sequence of edits the
 * editor makes (each edit replacing the changed § or list with a new object), and re-checks only
 * the §§ that changed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AttendanceRole, ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { checkProtocol } from "./protocol-checker";
import { createIncrementalChecker } from "./protocol-checker.incremental";

const seedProtocol = (): ProtocolDTO => structuredClone(itsamSeed.meetings[0]!);
const OPTIONS = { now: "2021-11-18" } as const;

const TEXTS = [
  "",
  " ",
  "Direktionen beslutar att notera informationen.",
  "Kommunchefsberedningen beslutar föreslå direktionen att anta planen.",
  "Skriv text här",
  "ITSAM 2021/XX",
  "Val av justerare",
  "Akt",
  "lorem ipsum",
];
const PEOPLE = ["jacob-kall", "conny-forsberg", "christer-segersteen", "malin-vikstrom", "okänd"];

type Edit = (p: ProtocolDTO) => ProtocolDTO;
const atParagraph = (i: number, change: (x: ParagraphDTO) => ParagraphDTO): Edit => {
  return (p) => {
    const k = i % p.paragraphs.length;
    return { ...p, paragraphs: p.paragraphs.map((x, j) => (j === k ? change(x) : x)) };
  };
};
const text = fc.constantFrom(...TEXTS);
const index = fc.nat(20);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(index, text).map(([i, t]) => atParagraph(i, (x) => ({ ...x, title: t }))),
  fc.tuple(index, text).map(([i, t]) => atParagraph(i, (x) => ({ ...x, caseNumber: t === "" ? null : t }))),
  fc.tuple(index, text).map(([i, t]) => atParagraph(i, (x) => ({ ...x, decision: { ...x.decision, intro: t } }))),
  fc
    .tuple(index, fc.array(text, { maxLength: 3 }))
    .map(([i, clauses]) => atParagraph(i, (x) => ({ ...x, decision: { ...x.decision, clauses } }))),
  fc.tuple(index, fc.array(text, { maxLength: 2 })).map(([i, d]) => atParagraph(i, (x) => ({ ...x, dispatch: d }))),
  fc.tuple(index, text).map(([i, t]) =>
    atParagraph(i, (x) => ({
      ...x,
      sections: x.sections.map((s, j) =>
        j === 0
          ? {
              ...s,
              content: { type: "doc", content: [{ type: "paragraph", content: t ? [{ type: "text", text: t }] : [] }] },
            }
          : s,
      ),
    })),
  ),
  fc
    .tuple(index, fc.constantFrom(...PEOPLE), text)
    .map(([i, who, reason]) =>
      atParagraph(i, (x) => ({ ...x, recusals: [...x.recusals, { personId: who, name: who, reason }] })),
    ),
  index.map((i) => atParagraph(i, (x) => ({ ...x, recusals: x.recusals.slice(1) }))),
  fc.tuple(index, fc.constantFrom(...PEOPLE), fc.boolean()).map(([i, who, withdrawn]) =>
    atParagraph(i, (x) => ({
      ...x,
      motions: [
        ...x.motions,
        { personId: who, name: who, kind: "BIFALL", text: "Bifall", amendsIndex: null, withdrawn },
      ],
    })),
  ),
  fc.tuple(index, fc.integer({ min: 1, max: 80 })).map(([i, n]) => atParagraph(i, (x) => ({ ...x, number: n }))),
  fc
    .tuple(fc.nat(11), fc.integer({ min: 55, max: 70 }), fc.integer({ min: 0, max: 5 }))
    .map(([i, from, len]): Edit => (p) => ({
      ...p,
      attendance: p.attendance.map((a, j) => (j === i ? { ...a, ranges: [{ from, to: from + len }] } : a)),
    })),
  fc
    .tuple(fc.nat(11), fc.constantFrom<AttendanceRole>("CHAIR", "MEMBER", "SERVING_SUBSTITUTE", "SUBSTITUTE", "ABSENT"))
    .map(([i, role]): Edit => (p) => ({
      ...p,
      attendance: p.attendance.map((a, j) => (j === i ? { ...a, role } : a)),
    })),
  text.map((t): Edit => (p) => ({ ...p, meeting: { ...p.meeting, place: t } })),
  fc.constantFrom("2021-11-18", "2022-01-20").map((d): Edit => (p) => ({ ...p, meeting: { ...p.meeting, date: d } })),
  fc.constantFrom("Direktionen", "Styrelsen").map((n): Edit => (p) => ({ ...p, body: { ...p.body, name: n } })),
  fc.constant<Edit>((p) => ({ ...p, paragraphs: p.paragraphs.slice(0, -1) })),
  fc.constant<Edit>((p) => ({ ...p, paragraphs: [...p.paragraphs].reverse() })),
);

describe("the incremental checker", () => {
  it("gives checkProtocol's findings after any sequence of edits", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const checker = createIncrementalChecker();
        let protocol = seedProtocol();
        expect(checker.check(protocol, OPTIONS)).toEqual(checkProtocol(protocol, OPTIONS));
        for (const apply of edits) {
          protocol = apply(protocol);
          expect(checker.check(protocol, OPTIONS)).toEqual(checkProtocol(protocol, OPTIONS));
        }
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it("re-checks only the § that changed", () => {
    const checker = createIncrementalChecker();
    const protocol = seedProtocol();
    checker.check(protocol, OPTIONS);
    expect(checker.lastChecked).toBe(9);
    const edited = atParagraph(3, (x) => ({ ...x, title: "Budget 2022" }))(protocol);
    expect(checker.check(edited, OPTIONS)).toEqual(checkProtocol(edited, OPTIONS));
    expect(checker.lastChecked).toBe(1);
    // A change of attendance changes who took part in every §: all are checked again.
    const attendance = { ...edited, attendance: edited.attendance.slice(1) };
    checker.check(attendance, OPTIONS);
    expect(checker.lastChecked).toBe(9);
  });
});
