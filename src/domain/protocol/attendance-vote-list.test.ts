import { describe, expect, it } from "vitest";
import { attendanceVoteList, nameWithParty, partyDesignation } from "./attendance-vote-list";
import { blankParagraph } from "./paragraph.fixture";
import type { AttendanceDTO, BallotChoice } from "./protocol.types";

function row(personId: string, name: string, role: AttendanceDTO["role"], fields: Partial<AttendanceDTO> = {}) {
  return {
    personId,
    name,
    role,
    represents: "S",
    title: null,
    ranges: [],
    replacesPersonId: null,
    ...fields,
  } satisfies AttendanceDTO;
}

function voteOn(number: number, ballots: [string, BallotChoice | null][]) {
  return blankParagraph(number, {
    votes: [
      {
        question: "bifall (ja) mot avslag (nej)",
        ballots: ballots.map(([personId, choice]) => ({ personId, name: personId, choice })),
        counts: null,
        result: "",
        outcome: "JA",
      },
    ],
  });
}

describe("närvaro- och omröstningslista", () => {
  it("lists a ledamot recorded as frånvarande by name, with the ersättare who served and voted in the seat", () => {
    const list = attendanceVoteList({
      attendance: [
        row("anna", "Anna Andersson", "CHAIR"),
        row("bo", "Bo Berg", "ABSENT", { represents: "M" }),
        row("cia", "Cia Ek", "SERVING_SUBSTITUTE", { represents: "M", replacesPersonId: "bo" }),
      ],
      paragraphs: [
        voteOn(12, [
          ["anna", "JA"],
          ["cia", "NEJ"],
        ]),
      ],
    });
    expect(list.rows).toEqual([
      { member: "Anna Andersson", represents: "S", presence: "närvarande", substitutes: "", marks: ["J"] },
      { member: "Bo Berg", represents: "M", presence: "frånvarande", substitutes: "Cia Ek", marks: ["N"] },
    ]);
    expect(list.totals).toEqual([{ ja: 1, nej: 1, avstar: 0 }]);
  });

  it("keeps the seat of an absent ledamot without ersättare, with no mark", () => {
    const list = attendanceVoteList({
      attendance: [row("anna", "Anna Andersson", "MEMBER"), row("bo", "Bo Berg", "ABSENT")],
      paragraphs: [voteOn(3, [["anna", "AVSTAR"]])],
    });
    expect(list.rows.map((r) => [r.member, r.presence, r.marks])).toEqual([
      ["Anna Andersson", "närvarande", ["A"]],
      ["Bo Berg", "frånvarande", [""]],
    ]);
  });

  it("prints '–' only when the seat's ledamot is not in the attendance at all", () => {
    const list = attendanceVoteList({
      attendance: [row("cia", "Cia Ek", "SERVING_SUBSTITUTE", { replacesPersonId: "unknown" })],
      paragraphs: [voteOn(3, [["cia", "JA"]])],
    });
    expect(list.rows.map((r) => [r.member, r.substitutes, r.marks])).toEqual([["–", "Cia Ek", ["J"]]]);
  });

  it("gives a ledamot present for some §§ those §§, and numbers two votes in one § as :1 and :2", () => {
    const twoVotes = voteOn(7, [["anna", "JA"]]);
    twoVotes.votes.push({ ...twoVotes.votes[0]!, ballots: [{ personId: "anna", name: "Anna", choice: "NEJ" }] });
    const list = attendanceVoteList({
      attendance: [row("anna", "Anna Andersson", "MEMBER", { ranges: [{ from: 5, to: 7 }] })],
      paragraphs: [twoVotes],
    });
    expect(list.columns.map((c) => c.label)).toEqual(["§\u00a07:1", "§\u00a07:2"]);
    expect(list.rows[0]).toMatchObject({ presence: "§§ 5-7", marks: ["J", "N"] });
  });
});

describe("the mover's party", () => {
  it("prints a party abbreviation and not a member municipality", () => {
    expect(partyDesignation("SD")).toBe("SD");
    expect(partyDesignation("Vimmerby kommun")).toBeNull();
    expect(partyDesignation(null)).toBeNull();
    expect(nameWithParty({ personId: "a", name: "Anna" }, [{ personId: "a", represents: "KD" }])).toBe("Anna (KD)");
  });
});
