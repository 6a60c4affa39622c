import { describe, expect, it } from "vitest";
import { meetingSlug, moveItem, nextParagraphNumber, renumber } from "./meeting.rules";

describe("meetingSlug", () => {
  it.each([
    [[], "direktionen-2021-11-18"],
    [["direktionen-2021-11-18"], "direktionen-2021-11-18-2"],
    [["direktionen-2021-11-18", "direktionen-2021-11-18-2"], "direktionen-2021-11-18-3"],
  ])("taken %j → %s", (taken, expected) => {
    expect(meetingSlug("direktionen", "2021-11-18", new Set(taken))).toBe(expected);
  });
});

describe("nextParagraphNumber", () => {
  it.each([
    [[59, 60, 61], [1, 2, 58, 59, 60, 61], 62], // continues the meeting
    [[], [1, 2, 58], 59], // first § of a meeting continues the year
    [[], [], 1], // first § of the year
    [[3], [1, 2, 3, 9], 4], // a later meeting's numbers do not move this one's
  ])("meeting %j, year %j → %i", (meeting, year, expected) => {
    expect(nextParagraphNumber(meeting, year)).toBe(expected);
  });
});

describe("renumber", () => {
  it("numbers in the given order from the first number", () => {
    expect(renumber([{ id: "b" }, { id: "a" }, { id: "c" }], 59)).toEqual([
      { id: "b", number: 59 },
      { id: "a", number: 60 },
      { id: "c", number: 61 },
    ]);
  });
});

describe("moveItem", () => {
  it.each([
    [["a", "b", "c"], 1, "up", ["b", "a", "c"]],
    [["a", "b", "c"], 1, "down", ["a", "c", "b"]],
    [["a", "b", "c"], 0, "up", ["a", "b", "c"]],
    [["a", "b", "c"], 2, "down", ["a", "b", "c"]],
    [["a"], 5, "down", ["a"]],
  ] as const)("%j move %i %s → %j", (list, index, direction, expected) => {
    expect(moveItem(list, index, direction)).toEqual(expected);
  });
});
