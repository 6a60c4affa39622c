import { describe, expect, it } from "vitest";
import { checkParagraphDecisions } from "./decisions.rules";
import {
  genitive,
  liveDecisions,
  liveDecisionText,
  openVote,
  refuseDecisionEvent,
  voteQuestionText,
  voteResultText,
} from "./live-decisions.rules";
import { replayLive, type LiveBallotChoice, type LiveEventData, type LiveInput, type LiveSeat } from "./live.rules";

const member = (id: string, name: string, position: LiveSeat["position"] = null): LiveSeat => ({
  personId: id,
  name,
  role: "MEMBER",
  position,
  represents: "S",
  callOrder: null,
});
// Nine ledamöter (a chairs), one ersättare; §§ 1-3.
const SEATS: LiveSeat[] = [
  member("a", "Anna Andersson", "CHAIR"),
  member("b", "Bo Berg"),
  member("c", "Cecilia Claes"),
  member("d", "Dan Dahl"),
  member("e", "Eva Ek"),
  member("f", "Fia Fors"),
  member("g", "Gun Gran"),
  member("h", "Hans Holm"),
  member("i", "Ida Is"),
  { ...member("x", "Xavier Ersättare"), role: "SUBSTITUTE", callOrder: 1 },
];
const P = (n: number) => `p${n}`;
const ALL = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];

function input(events: LiveEventData[]): LiveInput {
  return {
    seats: SEATS,
    paragraphs: [1, 2, 3].map((number) => ({ id: P(number), number })),
    seatCount: 9,
    events: events.map((data, i) => ({ seq: i + 1, at: new Date(Date.UTC(2026, 11, 10, 13, i)), data })),
  };
}
const roll = (...ids: string[]): LiveEventData[] => ids.map((personId) => ({ type: "roll", personId, present: true }));
const go = (n: number): LiveEventData => ({ type: "current", paragraphId: P(n) });
const motion = (motionId: string, personId: string, kind: string, text = "", n = 2): LiveEventData =>
  ({ type: "motion", motionId, paragraphId: P(n), personId, kind, text }) as LiveEventData;
const find = (question: string, alternative: string, n = 2): LiveEventData => ({
  type: "finding",
  paragraphId: P(n),
  question,
  alternative,
});
const ballots = (voteId: string, choices: Record<string, LiveBallotChoice>): LiveEventData[] =>
  Object.entries(choices).map(([personId, choice]) => ({ type: "ballot", voteId, personId, choice }));

function decisions(events: LiveEventData[], n = 2) {
  const i = input(events);
  return liveDecisions(i, replayLive(i), P(n), "Direktionen");
}
function refuse(events: LiveEventData[], next: LiveEventData) {
  const i = input(events);
  return refuseDecisionEvent(i, replayLive(i), next, "Direktionen");
}

// § 2 under way: everyone present, Bo moves bifall, Cecilia an ändring.
const MOVED: LiveEventData[] = [
  ...roll(...ALL),
  go(1),
  go(2),
  motion("m1", "b", "BIFALL"),
  motion("m2", "c", "ANDRING", "att budgeten sänks med 2 procent"),
];

// The contested § 2: as MOVED; the chair finds for the förslag; a vote 5–3–1.
const CONTESTED: LiveEventData[] = [
  ...MOVED,
  find("huvud", "forslag"),
  { type: "voteOpen", voteId: "v1", paragraphId: P(2), question: "huvud", ja: "forslag", nej: "m2" },
  ...ballots("v1", { a: "JA", b: "JA", c: "NEJ", d: "JA", e: "NEJ", f: "JA", g: "NEJ", h: "JA", i: "AVSTAR" }),
  { type: "voteClose", voteId: "v1" },
];

describe("the propositionsordning from the yrkanden", () => {
  const cases: { name: string; events: LiveEventData[]; questions: string[] }[] = [
    { name: "no yrkanden: only the main question on the förslag", events: [], questions: ["huvud:forslag"] },
    {
      name: "formal questions first (återremiss, then bordläggning), then the main question, then tillägg",
      events: [
        motion("t", "d", "TILLAGG", "att uppdraget redovisas i juni"),
        motion("b", "e", "BORDLAGGNING"),
        motion("av", "f", "AVSLAG"),
        motion("r", "b", "ATERREMISS", "för en konsekvensanalys"),
        motion("n", "c", "ANDRING", "att beloppet blir 2 mnkr"),
      ],
      questions: [
        "aterremiss:idag,aterremiss",
        "bordlaggning:idag,bordlaggning",
        "huvud:forslag,avslag,n",
        "tillagg-t:bifall,avslag",
      ],
    },
    {
      name: "a withdrawn yrkande is not put",
      events: [motion("r", "b", "ATERREMISS"), { type: "motionWithdraw", motionId: "r", withdrawn: true }],
      questions: ["huvud:forslag"],
    },
    {
      name: "two avslag yrkanden are one alternative",
      events: [motion("x1", "b", "AVSLAG"), motion("x2", "c", "AVSLAG")],
      questions: ["huvud:forslag,avslag"],
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const d = decisions([...roll(...ALL), go(2), ...c.events]);
      expect(d.questions.map((q) => `${q.key}:${q.alternatives.map((a) => a.key).join(",")}`)).toEqual(c.questions);
    });
});

describe("findings, votes and what falls", () => {
  it("återremiss found: every later question falls and the decision says so", () => {
    const d = decisions([
      ...roll(...ALL),
      go(2),
      motion("r", "b", "ATERREMISS", "för en konsekvensanalys"),
      motion("t", "d", "TILLAGG", "att uppdraget redovisas i juni"),
      find("aterremiss", "aterremiss"),
      find("huvud", "forslag"),
    ]);
    expect(d.questions.map((q) => [q.key, q.winner, q.fallen])).toEqual([
      ["aterremiss", "aterremiss", false],
      ["huvud", null, true],
      ["tillagg-t", null, true],
    ]);
    expect(d.propositions).toEqual([
      "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras och finner att ärendet ska återremitteras.",
    ]);
    expect(liveDecisionText({ intro: "Direktionen beslutar", clauses: ["att godkänna"] }, d, "Direktionen")).toEqual({
      intro: "Ärendet återremitteras. För en konsekvensanalys",
      clauses: [],
    });
  });

  it("the contested §: a roll-call vote 5–3–1 decides for the förslag, in the protocol's words", () => {
    const d = decisions(CONTESTED);
    const [vote] = d.votes;
    expect(vote!.tally).toEqual({ ja: 5, nej: 3, avstar: 1 });
    expect(vote!.outcome).toBe("JA");
    expect(vote!.ballots.map((b) => b.personId)).toEqual(ALL);
    expect(voteQuestionText(d, vote!.vote)).toBe("bifall till förslaget (ja) mot Cecilia Claes ändringsyrkande (nej)");
    expect(voteResultText(d, vote!)).toBe(
      "Med 5 ja-röster mot 3 nej-röster, 1 avstår. Ordföranden finner att direktionen bifallit förslaget.",
    );
    expect(d.propositions).toEqual([
      "Ordföranden ställer proposition på bifall till förslaget och Cecilia Claes ändringsyrkande och finner att direktionen bifallit förslaget.",
      "Votering begärs. Den som vill bifall till förslaget röstar ja; den som vill Cecilia Claes ändringsyrkande röstar nej.",
      "Med 5 ja-röster mot 3 nej-röster, 1 avstår. Ordföranden finner att direktionen bifallit förslaget.",
    ]);
    // The förslag stands: the decision text is left as prepared.
    expect(liveDecisionText({ intro: "Direktionen beslutar", clauses: ["att anta budgeten"] }, d, "Direktionen")).toBe(
      null,
    );
  });

  it("the vote decides even against the chair's finding; the ändring replaces the att-satser", () => {
    const events: LiveEventData[] = [
      ...CONTESTED.slice(0, -11),
      { type: "voteOpen", voteId: "v1", paragraphId: P(2), question: "huvud", ja: "forslag", nej: "m2" },
      ...ballots("v1", { a: "JA", b: "JA", c: "NEJ", d: "NEJ", e: "NEJ", f: "JA", g: "NEJ", h: "NEJ", i: "AVSTAR" }),
      { type: "voteClose", voteId: "v1" },
    ];
    const d = decisions(events);
    expect(d.questions[0]!.winner).toBe("m2");
    expect(
      liveDecisionText({ intro: "Direktionen beslutar", clauses: ["att anta budgeten"] }, d, "Direktionen"),
    ).toEqual({ intro: "Direktionen beslutar", clauses: ["att budgeten sänks med 2 procent"] });
  });

  it("a tie is decided by the chair's vote; a tilläggsyrkande bifallen is added; avslag makes it fall", () => {
    const base: LiveEventData[] = [
      ...roll(...ALL.slice(0, 8)),
      go(2),
      motion("t", "d", "TILLAGG", "att uppdraget redovisas i juni"),
      find("huvud", "forslag"),
      { type: "voteOpen", voteId: "v", paragraphId: P(2), question: "tillagg-t", ja: "avslag", nej: "bifall" },
      ...ballots("v", { a: "NEJ", b: "JA", c: "JA", d: "NEJ", e: "NEJ", f: "JA", g: "JA", h: "NEJ" }),
      { type: "voteClose", voteId: "v" },
    ];
    const d = decisions(base);
    expect(d.votes[0]!.tally).toEqual({ ja: 4, nej: 4, avstar: 0 });
    expect(d.questions[1]!.winner).toBe("bifall");
    expect(
      liveDecisionText({ intro: "Direktionen beslutar", clauses: ["att anta budgeten"] }, d, "Direktionen"),
    ).toEqual({ intro: "Direktionen beslutar", clauses: ["att anta budgeten", "att uppdraget redovisas i juni"] });
    const avslag = decisions([...base, motion("x", "b", "AVSLAG"), find("huvud", "avslag")]);
    expect(avslag.questions.map((q) => [q.key, q.fallen])).toEqual([
      ["huvud", false],
      ["tillagg-t", true],
    ]);
    expect(liveDecisionText({ intro: "x", clauses: [] }, avslag, "Direktionen")).toEqual({
      intro: "Direktionen avslår förslaget.",
      clauses: [],
    });
  });

  it("reservations: the last tap per person wins; 'skriftlig reservation senare' keeps no text", () => {
    const d = decisions([
      ...CONTESTED,
      { type: "reservation", paragraphId: P(2), personId: "c", reserved: true, writtenLater: true, reasons: "" },
      { type: "reservation", paragraphId: P(2), personId: "e", reserved: true, writtenLater: false, reasons: "Fel." },
      { type: "reservation", paragraphId: P(2), personId: "e", reserved: false, writtenLater: false, reasons: "" },
    ]);
    expect(d.reservations).toEqual([{ personId: "c", name: "Cecilia Claes", writtenLater: true, reasons: null }]);
  });

  it("what the live rules produce passes the checker's decision rules", () => {
    const i = input(CONTESTED);
    const state = replayLive(i);
    const d = liveDecisions(i, state, P(2), "Direktionen");
    const part = state.perParagraph[1]!.participation;
    const findings = checkParagraphDecisions({
      paragraph: {
        number: 2,
        decision: { intro: "Direktionen beslutar", clauses: ["att anta budgeten"] },
        motions: d.motions.map((m) => ({ ...m, amendsIndex: null })),
        propositions: d.propositions,
        votes: d.votes.map((v) => ({
          question: voteQuestionText(d, v.vote),
          result: voteResultText(d, v),
          outcome: v.outcome!,
          ballots: v.ballots.map((b) => ({ personId: b.personId, name: b.name, choice: b.choice })),
          counts: null,
        })),
        reservations: [{ personId: "c", name: "Cecilia Claes", reasons: null }],
        notes: [],
      },
      participantIds: new Set(part.participants.map((p) => p.personId)),
      voterIds: new Set(part.voters.map((p) => p.personId)),
      presentPersonIds: new Set(part.presentPersonIds),
      chairPersonId: part.chairPersonId,
    });
    expect(findings).toEqual([]);
  });
});

describe("taps the server refuses", () => {
  const atVote = CONTESTED.slice(0, -1);
  const cases: { name: string; events: LiveEventData[]; next: LiveEventData; want: string | null }[] = [
    {
      name: "a yrkande by a member present",
      events: [...roll("a", "b"), go(2)],
      next: motion("m", "b", "AVSLAG"),
      want: null,
    },
    {
      name: "a yrkande by someone absent",
      events: [...roll("a", "b"), go(2)],
      next: motion("m", "c", "AVSLAG"),
      want: "Cecilia Claes deltar inte i § 2 och kan inte yrka.",
    },
    {
      name: "a yrkande by someone jävig in the §",
      events: [
        ...roll("a", "b"),
        go(2),
        { type: "recuse", personId: "b", paragraphId: P(2), recused: true, reason: "" },
      ],
      next: motion("m", "b", "AVSLAG"),
      want: "Bo Berg deltar inte i § 2",
    },
    {
      name: "an ändring without text",
      events: [...roll("a", "b"), go(2)],
      next: motion("m", "b", "ANDRING", "  "),
      want: "Skriv ändringsyrkandets text.",
    },
    {
      name: "a second vote while one is open",
      events: atVote,
      next: { type: "voteOpen", voteId: "v2", paragraphId: P(2), question: "huvud", ja: "forslag", nej: "m2" },
      want: "En omröstning pågår redan.",
    },
    {
      name: "a vote on a § that is not current",
      events: [...roll(...ALL), go(2), motion("m", "b", "AVSLAG", "", 1)],
      next: { type: "voteOpen", voteId: "v", paragraphId: P(1), question: "huvud", ja: "forslag", nej: "avslag" },
      want: "Omröstningen hålls i den aktuella paragrafen.",
    },
    {
      name: "a ballot by someone not serving (an ersättare present without a seat)",
      events: [...atVote, ...roll("x")],
      next: { type: "ballot", voteId: "v1", personId: "x", choice: "JA" },
      want: "Xavier Ersättare tjänstgör inte i § 2 och kan inte rösta.",
    },
    {
      name: "closing a vote with a voter missing",
      events: atVote.filter((e) => !(e.type === "ballot" && e.personId === "i")),
      next: { type: "voteClose", voteId: "v1" },
      want: "Omröstningen kan inte avslutas: röst saknas för Ida Is.",
    },
    {
      name: "closing a vote with a ballot of someone who left before it closed",
      events: [...atVote, { type: "depart", personId: "i" }],
      next: { type: "voteClose", voteId: "v1" },
      want: "Omröstningen kan inte avslutas: Ida Is tjänstgör inte i § 2. Ta bort rösten.",
    },
    { name: "closing a complete vote", events: atVote, next: { type: "voteClose", voteId: "v1" }, want: null },
    {
      name: "a ballot after the vote closed",
      events: CONTESTED,
      next: { type: "ballot", voteId: "v1", personId: "a", choice: "NEJ" },
      want: "Omröstningen är avslutad.",
    },
    {
      name: "a reservation by someone who did not take part",
      events: [...roll("a", "b"), go(2)],
      next: { type: "reservation", paragraphId: P(2), personId: "c", reserved: true, writtenLater: true, reasons: "" },
      want: "Cecilia Claes deltog inte i beslutet i § 2 och kan inte reservera sig",
    },
    {
      name: "a finding on a question that fell",
      events: [...roll("a", "b"), go(2), motion("r", "b", "BORDLAGGNING"), find("bordlaggning", "bordlaggning")],
      next: find("huvud", "forslag"),
      want: "Frågan har fallit",
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const got = refuse(c.events, c.next);
      if (c.want === null) expect(got).toBeNull();
      else expect(got).toContain(c.want);
    });

  it("one vote open at a time, closed by its close event", () => {
    expect(openVote(input(atVote))).toEqual({ voteId: "v1", paragraphId: P(2) });
    expect(openVote(input(CONTESTED))).toBeNull();
  });
});

it("genitive: Swedish names ending in s, x or z take no s", () => {
  expect([genitive("Anna Andersson"), genitive("Hans"), genitive("Cecilia Claes")]).toEqual([
    "Anna Anderssons",
    "Hans",
    "Cecilia Claes",
  ]);
});

describe("kontrapropositionsvotering: more than two alternatives in the main question", () => {
  // § 2: as MOVED, and Dan avslag; the chair finds for the förslag.
  const THREE: LiveEventData[] = [...MOVED, motion("m3", "d", "AVSLAG"), find("huvud", "forslag")];
  const counterVote = (ja: string, nej: string): LiveEventData => ({
    type: "voteOpen",
    voteId: "k1",
    paragraphId: P(2),
    question: "huvud-mot",
    ja,
    nej,
  });
  const mainVote = (nej: string, ja = "forslag"): LiveEventData => ({
    type: "voteOpen",
    voteId: "h1",
    paragraphId: P(2),
    question: "huvud",
    ja,
    nej,
  });
  // The motförslag by a vote: 5 for the ändring, 3 for avslag, 1 abstains.
  const COUNTER_DECIDED: LiveEventData[] = [
    ...THREE,
    find("huvud-mot", "m2"),
    counterVote("m2", "avslag"),
    ...ballots("k1", { a: "JA", b: "JA", c: "JA", d: "NEJ", e: "JA", f: "NEJ", g: "NEJ", h: "JA", i: "AVSTAR" }),
    { type: "voteClose", voteId: "k1" },
  ];
  const MAIN_DECIDED: LiveEventData[] = [
    ...COUNTER_DECIDED,
    mainVote("m2"),
    ...ballots("h1", { a: "JA", b: "JA", c: "NEJ", d: "JA", e: "NEJ", f: "JA", g: "NEJ", h: "JA", i: "AVSTAR" }),
    { type: "voteClose", voteId: "h1" },
  ];

  it("the motförslag question comes after the chair's finding, among the other alternatives", () => {
    const before = decisions(THREE.slice(0, -1));
    expect(before.questions.map((q) => q.key)).toEqual(["huvud"]);
    const d = decisions(THREE);
    expect(d.questions.map((q) => `${q.key}:${q.kind}:${q.alternatives.map((a) => a.key).join(",")}`)).toEqual([
      "huvud:main:forslag,avslag,m2",
      "huvud-mot:counter:avslag,m2",
    ]);
  });

  it("two alternatives need no motförslag (the vote is the main question's own)", () => {
    expect(decisions(CONTESTED).questions.map((q) => q.kind)).toEqual(["main"]);
  });

  it("the chair finding avslag does not make the motförslag question fall", () => {
    const d = decisions([...THREE.slice(0, -1), find("huvud", "avslag")]);
    const counter = d.questions.find((q) => q.kind === "counter")!;
    expect([counter.fallen, counter.alternatives.map((a) => a.key)]).toEqual([false, ["forslag", "m2"]]);
  });

  const refusals: { name: string; events: LiveEventData[]; next: LiveEventData; want: string | null }[] = [
    {
      name: "the huvudvotering before the motförslag is found",
      events: THREE,
      next: mainVote("m2"),
      want: "utses först motförslaget",
    },
    {
      name: "the huvudvotering while the kontrapropositionsvotering is still open",
      events: [...THREE, find("huvud-mot", "m2"), counterVote("m2", "avslag")],
      next: mainVote("m2"),
      want: "En omröstning pågår redan",
    },
    {
      name: "the huvudvotering against another alternative than the motförslag",
      events: [...THREE, find("huvud-mot", "m2")],
      next: mainVote("avslag"),
      want: "mellan huvudförslaget och det förslag som utsetts till motförslag",
    },
    {
      name: "the huvudvotering with another ja than the huvudförslag",
      events: [...THREE, find("huvud-mot", "m2")],
      next: mainVote("avslag", "m2"),
      want: "huvudförslaget (det ordföranden funnit bifallet) som ja",
    },
    {
      name: "the huvudförslag is not among the motförslag alternatives",
      events: THREE,
      next: find("huvud-mot", "forslag"),
      want: "Förslaget finns inte i frågan.",
    },
    {
      name: "no motförslag question before the chair's finding",
      events: THREE.slice(0, -1),
      next: find("huvud-mot", "m2"),
      want: "Frågan finns inte i propositionsordningen.",
    },
    {
      name: "the huvudvotering once the motförslag is found",
      events: [...THREE, find("huvud-mot", "m2")],
      next: mainVote("m2"),
      want: null,
    },
    {
      name: "the huvudvotering after the kontrapropositionsvotering",
      events: COUNTER_DECIDED,
      next: mainVote("m2"),
      want: null,
    },
  ];
  for (const c of refusals)
    it(`refuses or allows: ${c.name}`, () => {
      const got = refuse(c.events, c.next);
      if (c.want === null) expect(got).toBeNull();
      else expect(got).toContain(c.want);
    });

  it("the kontrapropositionsvotering's outcome, not the chair's finding, names the motförslag", () => {
    const events = [
      ...THREE,
      find("huvud-mot", "m2"),
      counterVote("m2", "avslag"),
      ...ballots("k1", { a: "NEJ", b: "NEJ", c: "JA", d: "NEJ", e: "NEJ", f: "NEJ", g: "JA", h: "JA", i: "AVSTAR" }),
      { type: "voteClose", voteId: "k1" } as LiveEventData,
    ];
    expect(decisions(events).questions.find((q) => q.kind === "counter")!.winner).toBe("avslag");
    expect(refuse(events, mainVote("m2"))).toContain("motförslag");
    expect(refuse(events, mainVote("avslag"))).toBeNull();
  });

  it("the protocol states the proposition, the motförslag and the huvudvotering in order", () => {
    const d = decisions(MAIN_DECIDED);
    expect(d.propositions).toEqual([
      "Ordföranden ställer proposition på bifall till förslaget, avslag på förslaget och Cecilia Claes ändringsyrkande och finner att direktionen bifallit förslaget.",
      "Votering begärs. Ordföranden ställer proposition på avslag på förslaget och Cecilia Claes ändringsyrkande för att utse motförslag i huvudvoteringen och finner Cecilia Claes ändringsyrkande.",
      "Kontrapropositionsvotering begärs. Den som vill att Cecilia Claes ändringsyrkande ska vara motförslag röstar ja; den som vill att avslag på förslaget ska vara motförslag röstar nej.",
      "Med 5 ja-röster mot 3 nej-röster, 1 avstår.",
      "Till motförslag i huvudvoteringen utses Cecilia Claes ändringsyrkande.",
      "Huvudvotering: den som vill bifall till förslaget röstar ja; den som vill Cecilia Claes ändringsyrkande röstar nej.",
      "Med 5 ja-röster mot 3 nej-röster, 1 avstår. Ordföranden finner att direktionen bifallit förslaget.",
    ]);
    const [k, h] = d.votes;
    expect([voteQuestionText(d, k!.vote), voteResultText(d, k!)]).toEqual([
      "Motförslag i huvudvoteringen: Cecilia Claes ändringsyrkande (ja) mot avslag på förslaget (nej)",
      "Med 5 ja-röster mot 3 nej-röster, 1 avstår. Till motförslag i huvudvoteringen utses Cecilia Claes ändringsyrkande.",
    ]);
    expect([voteQuestionText(d, h!.vote), voteResultText(d, h!)]).toEqual([
      "bifall till förslaget (ja) mot Cecilia Claes ändringsyrkande (nej)",
      "Med 5 ja-röster mot 3 nej-röster, 1 avstår. Ordföranden finner att direktionen bifallit förslaget.",
    ]);
    expect(d.questions.find((q) => q.kind === "main")!.winner).toBe("forslag");
    expect(liveDecisionText({ intro: "Direktionen beslutar", clauses: ["att anta budgeten"] }, d, "Direktionen")).toBe(
      null,
    );
  });

  it("a motförslag found without a vote is stated before the huvudvotering", () => {
    const d = decisions([...THREE, find("huvud-mot", "avslag")]);
    expect(d.propositions.slice(1)).toEqual([
      "Votering begärs. Ordföranden ställer proposition på avslag på förslaget och Cecilia Claes ändringsyrkande för att utse motförslag i huvudvoteringen och finner avslag på förslaget.",
      "Till motförslag i huvudvoteringen utses avslag på förslaget.",
    ]);
  });

  it("the huvudvotering won by the motförslag decides the main question", () => {
    const d = decisions([
      ...COUNTER_DECIDED,
      mainVote("m2"),
      ...ballots("h1", { a: "NEJ", b: "NEJ", c: "NEJ", d: "JA", e: "NEJ", f: "JA", g: "NEJ", h: "JA", i: "AVSTAR" }),
      { type: "voteClose", voteId: "h1" },
    ]);
    expect(d.questions.find((q) => q.kind === "main")!.winner).toBe("m2");
    expect(
      liveDecisionText({ intro: "Direktionen beslutar", clauses: ["att anta budgeten"] }, d, "Direktionen"),
    ).toEqual({ intro: "Direktionen beslutar", clauses: ["att budgeten sänks med 2 procent"] });
  });
});
