import { describe, expect, it } from "vitest";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import {
  CONFIDENTIAL_DOCUMENT_TITLE,
  CONFIDENTIAL_PARAGRAPH_TITLE,
  EXTRA_ITEM_HEADING,
  EXTRA_ITEM_TEXT,
  STALE_AGENDA_MESSAGE,
  decisionIntroFromProposal,
  planAgendaToProtocol,
  returnedDecision,
  type AgendaItemForProtocol,
  type FateChoice,
  type OpeningParagraph,
} from "./agenda-fate.rules";

const summary: RichDoc = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Itsam har tagit fram en prislista." }] }],
};

const item = (id: string, position: number, extra: Partial<AgendaItemForProtocol> = {}): AgendaItemForProtocol => ({
  id,
  position,
  title: `Ärende ${id}`,
  caseNumber: `ITSAM 2021/${position}`,
  proposalIntro: "Direktionen föreslås besluta:",
  proposalClauses: ["att fastställa prislistan"],
  summary,
  isConfidential: false,
  isExtra: false,
  documents: [{ title: "Tjänsteskrivelse", isConfidential: false }],
  ...extra,
});

const choose = (itemId: string, fate: FateChoice["fate"], reason = ""): FateChoice => ({ itemId, fate, reason });
const plan = (
  items: AgendaItemForProtocol[],
  choices: FateChoice[],
  opening: (string | OpeningParagraph)[] = [],
  includeOpening = true,
) =>
  planAgendaToProtocol({
    items,
    choices,
    // A title alone: an opening template with nothing but its rubrik.
    opening: opening.map((o) =>
      typeof o === "string" ? { title: o, decisionIntro: "", decisionClauses: [], sections: [] } : o,
    ),
    includeOpening,
    bodyName: "Direktionen",
  });

describe("decisionIntroFromProposal", () => {
  it.each([
    ["Direktionen föreslås besluta:", true, "Direktionen beslutar:"],
    ["Direktionen föreslås besluta att notera informationen.", false, "Direktionen beslutar att notera informationen."],
    ["Kommunfullmäktige föreslås att besluta", true, "Kommunfullmäktige beslutar"],
    ["Förvaltningen föreslår att direktionen beslutar:", true, "Direktionen beslutar:"],
    [
      "Kommunchefsberedningen föreslår direktionen att besluta att anta planen.",
      false,
      "Direktionen beslutar att anta planen.",
    ],
    ["  Direktionen   föreslås besluta: ", true, "Direktionen beslutar:"],
    ["", true, "Direktionen beslutar:"],
    ["", false, ""],
    ["Informationen noteras till protokollet.", false, "Informationen noteras till protokollet."],
  ])("%j (clauses: %s) → %j", (intro, hasClauses, expected) => {
    expect(decisionIntroFromProposal(intro, hasClauses, "Direktionen")).toBe(expected);
  });
});

describe("returnedDecision", () => {
  it.each([
    [
      "Konsekvenserna för medlemskommunerna ska utredas",
      "Ärendet återremitteras. Skäl: Konsekvenserna för medlemskommunerna ska utredas.",
    ],
    ["Underlaget saknas.", "Ärendet återremitteras. Skäl: Underlaget saknas."],
    ["  två\n rader ", "Ärendet återremitteras. Skäl: två rader."],
  ])("%j → %j", (reason, expected) => expect(returnedDecision(reason)).toBe(expected));
});

describe("planAgendaToProtocol: each fate", () => {
  const items = [item("a", 1), item("b", 2), item("c", 3), item("d", 4)];
  const result = plan(items, [
    choose("a", "DECIDED"),
    choose("b", "STRUCK"),
    choose("c", "TABLED", "ignored"),
    choose("d", "RETURNED", "Kostnaderna ska utredas"),
  ]);

  it("plans one § per ärende but the struck one, in the list's order", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.paragraphs.map((p) => [p.itemId, p.title, p.decisionIntro])).toEqual([
      ["a", "Ärende a", "Direktionen beslutar:"],
      ["c", "Ärende c", "Ärendet bordläggs."],
      ["d", "Ärende d", "Ärendet återremitteras. Skäl: Kostnaderna ska utredas."],
    ]);
  });

  it("makes the förslag till beslut the decision draft, the summary its section, the handlingar its underlag", () => {
    if (!result.ok) throw new Error("planned");
    expect(result.paragraphs[0]).toEqual({
      itemId: "a",
      title: "Ärende a",
      caseNumber: "ITSAM 2021/1",
      decisionIntro: "Direktionen beslutar:",
      decisionClauses: ["att fastställa prislistan"],
      sections: [{ kind: "SUMMARY", heading: "Sammanfattning av ärendet", content: summary }],
      basisDocuments: ["Tjänsteskrivelse"],
      isConfidential: false,
    });
    // A tabled or returned § states only what happened; the secretary adds more if needed.
    for (const p of result.paragraphs.slice(1)) {
      expect(p).toMatchObject({
        decisionClauses: [],
        sections: [],
        basisDocuments: [],
        caseNumber: expect.any(String),
      });
    }
  });

  it.each([
    ["a", "DECIDED", 0, "DECIDED", false, null],
    ["b", "STRUCK", null, "STRUCK", false, null],
    ["c", "TABLED", 1, "PREPARING", true, null],
    ["d", "RETURNED", 2, "PREPARING", true, "Kostnaderna ska utredas"],
  ] as const)(
    "ärende %s: %s → § index %s, state %s, to the pool %s, reason %s",
    (id, fate, index, state, toPool, reason) => {
      if (!result.ok) throw new Error("planned");
      expect(result.items.find((i) => i.itemId === id)).toEqual({
        itemId: id,
        fate,
        paragraphIndex: index,
        state,
        toPool,
        reason,
      });
    },
  );
});

describe("planAgendaToProtocol: opening items, extra ärenden, order", () => {
  it("puts the body's opening items first, each a § with its title only", () => {
    const result = plan(
      [item("x", 2, { isExtra: true }), item("y", 1)],
      [choose("x", "DECIDED"), choose("y", "DECIDED")],
      ["Upprop", " Val av justerare ", "", "Godkännande av dagordningen"],
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.paragraphs.map((p) => [p.itemId, p.title])).toEqual([
      [null, "Upprop"],
      [null, "Val av justerare"],
      [null, "Godkännande av dagordningen"],
      ["y", "Ärende y"],
      ["x", "Ärende x"],
    ]);
    expect(result.paragraphs[0]).toMatchObject({
      decisionIntro: "",
      decisionClauses: [],
      sections: [],
      caseNumber: null,
    });
    expect(result.items.map((i) => [i.itemId, i.paragraphIndex])).toEqual([
      ["y", 3],
      ["x", 4],
    ]);
  });

  it("copies an opening template's decision and sections into its §", () => {
    const content = {
      type: "doc" as const,
      content: [
        {
          type: "paragraph" as const,
          content: [{ type: "text" as const, text: "Ordföranden förklarar mötet öppnat." }],
        },
      ],
    };
    const opening: OpeningParagraph = {
      title: "Mötets öppnande",
      decisionIntro: "Direktionen beslutar:",
      decisionClauses: ["att förklara mötet öppnat"],
      sections: [{ kind: "CASE", heading: "Ärendet", content }],
    };
    const result = plan([item("a", 1)], [choose("a", "DECIDED")], [opening]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.paragraphs[0]).toEqual({
      itemId: null,
      title: "Mötets öppnande",
      caseNumber: null,
      decisionIntro: "Direktionen beslutar:",
      decisionClauses: ["att förklara mötet öppnat"],
      sections: [{ kind: "CASE", heading: "Ärendet", content }],
      basisDocuments: [],
      isConfidential: false,
    });
    // A copy: the § made from it does not share the template's arrays.
    expect(result.paragraphs[0]!.decisionClauses).not.toBe(opening.decisionClauses);
  });

  it("leaves the opening items out when the secretary says so", () => {
    const result = plan([item("a", 1)], [choose("a", "DECIDED")], ["Upprop"], false);
    expect(result.ok && result.paragraphs.map((p) => p.title)).toEqual(["Ärende a"]);
  });

  it("plans opening items alone when the list is empty, and refuses when there is nothing at all", () => {
    expect(plan([], [], ["Upprop"])).toMatchObject({ ok: true, items: [] });
    expect(plan([], [], ["Upprop"], false)).toMatchObject({
      ok: false,
      fieldErrors: { _: ["Det finns inga ärenden på ärendelistan att föra över till protokollet."] },
    });
  });

  it("gives an ärende without summary, förslag or handlingar a § with an empty decision to write", () => {
    const bare = item("a", 1, {
      summary: null,
      proposalIntro: "",
      proposalClauses: [],
      documents: [],
      caseNumber: null,
    });
    const result = plan([bare], [choose("a", "DECIDED")]);
    expect(result.ok && result.paragraphs[0]).toMatchObject({
      decisionIntro: "",
      decisionClauses: [],
      sections: [],
      basisDocuments: [],
      caseNumber: null,
    });
    const empty = item("b", 1, { summary: { type: "doc", content: [{ type: "paragraph" }] } });
    expect(plan([empty], [choose("b", "DECIDED")])).toMatchObject({ ok: true, paragraphs: [{ sections: [] }] });
  });
});

describe("planAgendaToProtocol: confidentiality", () => {
  const documents = [
    { title: "Tjänsteskrivelse", isConfidential: false },
    { title: "Anbud från Leverantören AB", isConfidential: true },
  ];

  it("does not name a confidential handling in the beslutsunderlag of a public §", () => {
    const result = plan([item("a", 1, { documents })], [choose("a", "DECIDED")]);
    expect(result.ok && result.paragraphs[0]!.basisDocuments).toEqual([
      "Tjänsteskrivelse",
      CONFIDENTIAL_DOCUMENT_TITLE,
    ]);
  });

  it("makes a confidential ärende a confidential § with a neutral title (the public sees number and title)", () => {
    const result = plan([item("a", 1, { documents, isConfidential: true })], [choose("a", "TABLED")]);
    expect(result.ok && result.paragraphs[0]).toMatchObject({
      isConfidential: true,
      title: CONFIDENTIAL_PARAGRAPH_TITLE,
      caseNumber: "ITSAM 2021/1",
    });
    const decided = plan([item("a", 1, { documents, isConfidential: true })], [choose("a", "DECIDED")]);
    expect(decided.ok && decided.paragraphs[0]).toMatchObject({
      isConfidential: true,
      basisDocuments: ["Tjänsteskrivelse", "Anbud från Leverantören AB"],
    });
  });
});

describe("planAgendaToProtocol: refusals", () => {
  const items = [item("a", 1), item("b", 2)];

  it.each([
    ["a choice is missing", [choose("a", "DECIDED")], { "fate.b": ["Välj vad som blev av ärende 2."] }],
    [
      "återremiss without a reason",
      [choose("a", "DECIDED"), choose("b", "RETURNED", "   ")],
      { "reason.b": ["Skriv skälet till återremissen av ärende 2; det står i paragrafen."] },
    ],
  ])("refuses when %s", (_, choices, fieldErrors) => {
    const result = plan(items, choices);
    expect(result).toMatchObject({ ok: false, fieldErrors });
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(Object.keys(fieldErrors));
  });

  it.each([
    ["a choice for an ärende not on the list", ["a", "b", "z"]],
    ["two choices for one ärende", ["a", "a", "b"]],
  ])("refuses with 'the list changed' when %s", (_, ids) => {
    expect(
      plan(
        items,
        ids.map((id) => choose(id, "DECIDED")),
      ),
    ).toEqual({
      ok: false,
      message: STALE_AGENDA_MESSAGE,
      fieldErrors: {},
    });
  });
});

describe("planAgendaToProtocol: the protocol and the kallelse agree (issue 15, point 5)", () => {
  const extraSection = { kind: "OTHER", heading: EXTRA_ITEM_HEADING };

  it("starts an extra ärende's § with a section saying it was not in the kallelse, whatever its fate", () => {
    const result = plan(
      [item("a", 1, { isExtra: true }), item("b", 2, { isExtra: true }), item("c", 3, { isExtra: true }), item("d", 4)],
      [choose("a", "DECIDED"), choose("b", "TABLED"), choose("c", "RETURNED", "Mer underlag"), choose("d", "DECIDED")],
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [a, b, c, d] = result.paragraphs;
    expect(a!.sections.map((s) => s.heading)).toEqual([EXTRA_ITEM_HEADING, "Sammanfattning av ärendet"]);
    expect(a!.sections[0]).toMatchObject(extraSection);
    expect(JSON.stringify(a!.sections[0]!.content)).toContain(EXTRA_ITEM_TEXT);
    expect(b!.sections).toEqual([expect.objectContaining(extraSection)]);
    expect(c!.sections).toEqual([expect.objectContaining(extraSection)]);
    expect(d!.sections.map((s) => s.heading)).toEqual(["Sammanfattning av ärendet"]);
  });

  it("records struck and extra ärenden in the approval of the agenda, a confidential one without its title", () => {
    const result = plan(
      [
        item("a", 1),
        item("b", 2),
        item("s", 3, { isConfidential: true }),
        item("x", 4, { isExtra: true, title: "Lokalfrågan" }),
        item("y", 5, { isExtra: true, isConfidential: true }),
      ],
      [
        choose("a", "DECIDED"),
        choose("b", "STRUCK"),
        choose("s", "STRUCK"),
        choose("x", "DECIDED"),
        choose("y", "DECIDED"),
      ],
      ["Upprop", "Godkännande av dagordningen"],
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.paragraphs[0]).toMatchObject({ title: "Upprop", decisionIntro: "", decisionClauses: [] });
    expect(result.paragraphs[1]).toMatchObject({
      title: "Godkännande av dagordningen",
      decisionIntro: "Direktionen beslutar att godkänna dagordningen med följande ändringar:",
      decisionClauses: [
        "att ärende 2, Ärende b, utgår",
        "att ärende 3 utgår",
        "att Lokalfrågan tas upp som extra ärende",
        "att ett ärende som omfattas av sekretess tas upp som extra ärende",
      ],
    });
    expect(result.paragraphs.map((p) => p.title)).not.toContain("Ärende b");
  });

  it("leaves the approval of an unchanged agenda for the secretary to write", () => {
    const result = plan([item("a", 1)], [choose("a", "DECIDED")], ["Godkännande av föredragningslistan"]);
    expect(result.ok && result.paragraphs[0]).toMatchObject({ decisionIntro: "", decisionClauses: [] });
  });
});
