import { describe, expect, it } from "vitest";
import type { LiveEventData, LiveInput, LiveSeat } from "@/domain/rules/live.rules";
import { isLivePublic, toPublicLiveState, type PublicLiveMeeting } from "./live.public";

const seat = (id: string, name: string, position: LiveSeat["position"] = null): LiveSeat => ({
  personId: id,
  name,
  role: "MEMBER",
  position,
  represents: null,
  callOrder: null,
});
const SEATS = [seat("a", "Anna Andersson", "CHAIR"), seat("b", "Bo Berg"), seat("c", "Cecilia Claes")];

function input(events: LiveEventData[]): LiveInput {
  return {
    seats: SEATS,
    paragraphs: [
      { id: "p1", number: 7 },
      { id: "p2", number: 8 },
    ],
    seatCount: 3,
    events: events.map((data, i) => ({ seq: i + 1, at: new Date(Date.UTC(2026, 11, 7, 13, i)), data })),
  };
}
const MEETING: PublicLiveMeeting = {
  bodyName: "Kommunfullmäktige",
  date: "2026-12-07",
  paragraphs: new Map([
    [
      "p1",
      { title: "Ansökan från Maja Privatsson 850101-1234", isConfidential: false, redactedNames: ["Maja Privatsson"] },
    ],
    ["p2", { title: "Hemlig", isConfidential: true, redactedNames: [] }],
  ]),
};
const roll: LiveEventData[] = ["a", "b", "c"].map((personId) => ({ type: "roll", personId, present: true }));

describe("isLivePublic (KL 5:40)", () => {
  it.each([
    [null, "FULLMAKTIGE", true],
    [null, "NAMND", false],
    [false, "FULLMAKTIGE", false],
    [true, "UTSKOTT", true],
  ] as const)("set %s, body %s: %s", (set, kind, want) => expect(isLivePublic(set, kind)).toBe(want));
});

describe("toPublicLiveState", () => {
  it("before anything is logged: not started, no §, no vote", () => {
    expect(toPublicLiveState(input([]), MEETING)).toMatchObject({ started: false, paragraph: null, serving: 0 });
  });

  it("a § title is cleaned as every public text of a § (redacted names, personnummer)", () => {
    const s = toPublicLiveState(input([...roll, { type: "current", paragraphId: "p1" }]), MEETING);
    expect(s.paragraph).toEqual({ number: 7, title: "Ansökan från [utelämnat] ÅÅMMDD-XXXX", closedDoors: false });
    expect(s).toMatchObject({ serving: 3, seatCount: 3, quorumMinimum: 2, quorum: true });
  });

  it("a confidential §: its number only", () => {
    const s = toPublicLiveState(input([...roll, { type: "current", paragraphId: "p2" }]), MEETING);
    expect(s.paragraph).toEqual({ number: 8, title: null, closedDoors: true });
  });

  it("the latest closed vote: totals and the winning side; a jäv reason and the yrkande's text never", () => {
    const s = toPublicLiveState(
      input([
        ...roll,
        { type: "current", paragraphId: "p1" },
        { type: "recuse", personId: "c", paragraphId: "p1", recused: true, reason: "Hemligt jävsskäl" },
        { type: "motion", motionId: "m", paragraphId: "p1", personId: "b", kind: "ANDRING", text: "att Quux" },
        { type: "finding", paragraphId: "p1", question: "huvud", alternative: "forslag" },
        { type: "voteOpen", voteId: "v", paragraphId: "p1", question: "huvud", ja: "forslag", nej: "m" },
        { type: "ballot", voteId: "v", personId: "a", choice: "NEJ" },
        { type: "ballot", voteId: "v", personId: "b", choice: "NEJ" },
        { type: "voteClose", voteId: "v" },
      ]),
      MEETING,
    );
    expect(s.latestVote).toEqual({ paragraphNumber: 7, ja: 0, nej: 2, avstar: 0, winner: "Bo Bergs ändringsyrkande" });
    const bytes = JSON.stringify(s);
    for (const secret of ["Hemligt jävsskäl", "Quux", "Privatsson", "850101"]) expect(bytes).not.toContain(secret);
  });

  it("the speaker list of a visible §: who has the floor and who is next, by name; a replik marked", () => {
    const s = toPublicLiveState(
      input([
        ...roll,
        { type: "current", paragraphId: "p1" },
        { type: "speakRequest", paragraphId: "p1", personId: "b", replik: false },
        { type: "speakRequest", paragraphId: "p1", personId: "c", replik: false },
        { type: "speakGrant", paragraphId: "p1", personId: "b" },
        { type: "speakRequest", paragraphId: "p1", personId: "a", replik: true },
      ]),
      MEETING,
    );
    expect(s.speakers).toEqual({
      current: { name: "Bo Berg", replik: false },
      next: [
        { name: "Anna Andersson", replik: true },
        { name: "Cecilia Claes", replik: false },
      ],
    });
  });

  it("no speaker list behind closed doors or at a confidential §, nor before the meeting starts", () => {
    expect(toPublicLiveState(input([]), MEETING).speakers).toBeNull();
    const atConfidential = toPublicLiveState(
      input([
        ...roll,
        { type: "current", paragraphId: "p2" },
        { type: "speakRequest", paragraphId: "p2", personId: "b", replik: false },
      ]),
      MEETING,
    );
    expect(atConfidential.speakers).toBeNull();
    const closed = toPublicLiveState(
      input([
        ...roll,
        { type: "current", paragraphId: "p1" },
        { type: "closedDoors", paragraphId: "p1", closed: true },
        { type: "speakRequest", paragraphId: "p1", personId: "b", replik: false },
      ]),
      MEETING,
    );
    expect(closed.speakers).toBeNull();
    expect(JSON.stringify(closed)).not.toContain("Bo Berg");
  });
});
