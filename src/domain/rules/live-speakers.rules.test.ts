import { describe, expect, it } from "vitest";
import { replayLive, type LiveEventData, type LiveInput, type LiveSeat } from "./live.rules";
import { refuseSpeakerEvent, speakerList } from "./live-speakers.rules";

const seat = (id: string, role: LiveSeat["role"] = "MEMBER"): LiveSeat => ({
  personId: id,
  name: id.toUpperCase(),
  role,
  position: id === "a" ? "CHAIR" : null,
  represents: "S",
  callOrder: role === "SUBSTITUTE" ? 1 : null,
});

// Five ledamöter, one ersättare; §§ 1-2.
const SEATS = [seat("a"), seat("b"), seat("c"), seat("d"), seat("e"), seat("x", "SUBSTITUTE")];
const P = [
  { id: "p1", number: 1 },
  { id: "p2", number: 2 },
];

function input(events: LiveEventData[]): LiveInput {
  return {
    seats: SEATS,
    paragraphs: P,
    seatCount: 5,
    events: events.map((data, i) => ({ seq: i + 1, at: new Date(Date.UTC(2026, 11, 10, 13, i)), data })),
  };
}

const START: LiveEventData[] = [
  ...["a", "b", "c", "d"].map((personId): LiveEventData => ({ type: "roll", personId, present: true })),
  { type: "current", paragraphId: "p1" },
];
const ask = (personId: string, replik = false, paragraphId = "p1"): LiveEventData => ({
  type: "speakRequest",
  paragraphId,
  personId,
  replik,
});
const grant = (personId: string): LiveEventData => ({ type: "speakGrant", paragraphId: "p1", personId });
const end: LiveEventData = { type: "speakEnd", paragraphId: "p1" };
const withdraw = (personId: string): LiveEventData => ({ type: "speakWithdraw", paragraphId: "p1", personId });

/** "current | queue | spoken" with r: for a replik, e.g. "B | Cr, D | A". */
function show(events: LiveEventData[], paragraphId = "p1"): string {
  const i = input([...START, ...events]);
  const l = speakerList(i, replayLive(i), paragraphId);
  const who = (t: { name: string; replik?: boolean; kind?: string }) =>
    `${t.name}${t.replik || t.kind === "REPLIK" ? "r" : ""}`;
  return [
    l.current ? who(l.current) : "-",
    l.queue.map(who).join(", ") || "-",
    l.spoken.map(who).join(", ") || "-",
  ].join(" | ");
}

function refusal(events: LiveEventData[], tap: LiveEventData): string | null {
  const i = input([...START, ...events]);
  return refuseSpeakerEvent(i, replayLive(i), tap);
}

describe("speakerList", () => {
  it.each<[string, LiveEventData[], string]>([
    ["empty", [], "- | - | -"],
    ["requests in order", [ask("b"), ask("c"), ask("d")], "- | B, C, D | -"],
    ["a second ordinary request of the same person is one place", [ask("b"), ask("c"), ask("b")], "- | B, C | -"],
    ["grant the first", [ask("b"), ask("c"), grant("b")], "B | C | -"],
    ["grant someone not first: nothing happens", [ask("b"), ask("c"), grant("c")], "- | B, C | -"],
    ["klar", [ask("b"), grant("b"), end], "- | - | B"],
    ["the next grant ends the current turn", [ask("b"), ask("c"), grant("b"), grant("c")], "C | - | B"],
    ["a replik goes before the ordinary list", [ask("b"), ask("c"), grant("b"), ask("d", true)], "B | Dr, C | -"],
    [
      "repliker in the order asked, before the list",
      [ask("b"), ask("c"), grant("b"), ask("d", true), ask("a", true)],
      "B | Dr, Ar, C | -",
    ],
    ["no replik on one's own anförande", [ask("b"), grant("b"), ask("b", true)], "B | - | -"],
    [
      "one replik per person per anförande",
      [ask("b"), grant("b"), ask("d", true), grant("d"), ask("d", true)],
      "Dr | - | B",
    ],
    [
      "a replik while a replik speaks answers the same anförande",
      [ask("b"), ask("c"), grant("b"), ask("d", true), grant("d"), ask("a", true)],
      "Dr | Ar, C | B",
    ],
    [
      "repliker not given lapse when the next anförande begins",
      [ask("b"), ask("c"), grant("b"), ask("d", true), withdraw("d"), ask("a", true), grant("a"), ask("x", true)],
      "Ar | C | B",
    ],
    ["no replik before any anförande", [ask("d", true)], "- | - | -"],
    [
      "withdraw takes away all of one's requests",
      [ask("b"), ask("d"), grant("b"), ask("d", true), withdraw("d")],
      "B | - | -",
    ],
    ["the list is per §", [ask("b"), ask("c", false, "p2")], "- | B | -"],
  ])("%s", (_, events, expected) => {
    expect(show(events)).toBe(expected);
  });

  it("a replik names the anförande it answers", () => {
    const i = input([...START, ask("b"), grant("b"), ask("c", true), grant("c")]);
    const l = speakerList(i, replayLive(i), "p1");
    expect(l.current).toMatchObject({ personId: "c", kind: "REPLIK", replyTo: { personId: "b" } });
    expect(l.replikOn).toMatchObject({ personId: "b" });
  });

  it("a request of someone who has left or become jävig lapses", () => {
    const gone: LiveEventData[] = [
      ask("b"),
      ask("c"),
      ask("d"),
      { type: "depart", personId: "b" },
      { type: "recuse", personId: "c", paragraphId: "p1", recused: true, reason: "" },
    ];
    expect(show(gone)).toBe("- | D | -");
  });
});

describe("refuseSpeakerEvent", () => {
  it.each<[string, LiveEventData[], LiveEventData, string | null]>([
    ["a participant asks", [], ask("b"), null],
    ["someone absent", [], ask("e"), "E deltar inte i § 1 (frånvarande eller jävig) och kan inte begära ordet."],
    [
      "someone jävig in the §",
      [{ type: "recuse", personId: "c", paragraphId: "p1", recused: true, reason: "Äger fastigheten" }],
      ask("c"),
      "C deltar inte i § 1 (frånvarande eller jävig) och kan inte begära ordet.",
    ],
    [
      "an ersättare present but not serving",
      [{ type: "arrive", personId: "x" }],
      ask("x"),
      "X deltar inte i § 1 (frånvarande eller jävig) och kan inte begära ordet.",
    ],
    [
      "an ersättare serving for an absent ledamot",
      [{ type: "substitute", personId: "x", forPersonId: "e" }],
      ask("x"),
      null,
    ],
    ["already on the list", [ask("b")], ask("b"), "B står redan på talarlistan."],
    [
      "a § that is not current",
      [],
      ask("b", false, "p2"),
      "Talarlistan förs i den aktuella paragrafen (§ 1). Uppdatera sidan och försök igen.",
    ],
    ["replik with no anförande", [], ask("b", true), "Det finns inget anförande att begära replik på."],
    [
      "replik on one's own",
      [ask("b"), grant("b")],
      ask("b", true),
      "Replik begärs på någon annans anförande, inte på sitt eget.",
    ],
    [
      "a second replik on the same anförande",
      [ask("b"), grant("b"), ask("c", true), grant("c")],
      ask("c", true),
      "C har redan begärt replik på Bs anförande. Replik ges en gång per anförande.",
    ],
    ["a replik after withdrawing one", [ask("b"), grant("b"), ask("c", true), withdraw("c")], ask("c", true), null],
    ["grant with an empty list", [], grant("b"), "Talarlistan är tom: ingen har begärt ordet."],
    ["grant to someone not first", [ask("b"), ask("c")], grant("c"), "Talarlistan har ändrats: nästa talare är B."],
    ["grant to the first", [ask("b"), ask("c")], grant("b"), null],
    ["klar with nobody speaking", [], end, "Ingen har ordet just nu."],
    ["withdraw when not waiting", [], withdraw("b"), "B står inte på talarlistan."],
    ["withdraw when waiting", [ask("b")], withdraw("b"), null],
  ])("%s", (_, before, tap, expected) => {
    expect(refusal(before, tap)).toBe(expected);
  });

  it("says nothing of other events", () => {
    expect(refusal([], { type: "arrive", personId: "e" })).toBeNull();
  });
});
