import { describe, expect, it } from "vitest";
import type { MeetingStatus } from "@/domain/protocol/protocol.types";
import {
  ADJUSTED_STATUSES,
  canTransition,
  EDITABLE_STATUSES,
  FROZEN_STATUSES,
  isAdjusted,
  isFrozen,
  isPublic,
  MEETING_STATUSES,
  noticeState,
  PUBLIC_STATUSES,
} from "./lifecycle";

describe("the stored states", () => {
  it("are the three a protocol passes through, in order", () => {
    expect(MEETING_STATUSES).toEqual(["DRAFT", "READY_FOR_ADJUSTMENT", "ADJUSTED"]);
  });
});

// Every from → to pair, written out by hand (tests/lifecycle.int.test.ts asks PostgreSQL the same).
// Rows: from; columns: to = DRAFT, READY_FOR_ADJUSTMENT, ADJUSTED. "-" = the same state, no change.
const TABLE = `
DRAFT                  -    yes  no
READY_FOR_ADJUSTMENT   yes  -    yes
ADJUSTED               no   no   -
`;

describe("canTransition: every from → to pair", () => {
  const rows = TABLE.trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  const TO = ["DRAFT", "READY_FOR_ADJUSTMENT", "ADJUSTED"] as const satisfies readonly MeetingStatus[];
  const cases = rows.flatMap(([from, ...cells]) => TO.map((to, i) => [from as MeetingStatus, to, cells[i]!] as const));

  it("has a row for every state and a cell for every pair", () => {
    expect(rows.map(([from]) => from)).toEqual([...MEETING_STATUSES]);
    expect(cases).toHaveLength(MEETING_STATUSES.length ** 2);
  });

  it.each(cases)("%s → %s: %s", (from, to, cell) => {
    expect(canTransition(from, to)).toBe(cell === "yes");
  });
});

describe("the sets of states", () => {
  it.each([
    ["DRAFT", { adjusted: false, public: false, frozen: false }],
    ["READY_FOR_ADJUSTMENT", { adjusted: false, public: false, frozen: true }],
    ["ADJUSTED", { adjusted: true, public: true, frozen: true }],
  ] as const)("%s: %o", (status, expected) => {
    expect({ adjusted: isAdjusted(status), public: isPublic(status), frozen: isFrozen(status) }).toEqual(expected);
    expect(ADJUSTED_STATUSES.includes(status)).toBe(expected.adjusted);
    expect(PUBLIC_STATUSES.includes(status)).toBe(expected.public);
    expect(FROZEN_STATUSES.includes(status)).toBe(expected.frozen);
    expect(EDITABLE_STATUSES.includes(status)).toBe(!expected.frozen);
  });

  it("never leaves a justerat protocol, and never unfreezes one except by returning it", () => {
    for (const from of MEETING_STATUSES) {
      for (const to of MEETING_STATUSES) {
        if (isAdjusted(from)) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
        if (canTransition(from, to) && isFrozen(from) && !isFrozen(to)) {
          expect([from, to]).toEqual(["READY_FOR_ADJUSTMENT", "DRAFT"]);
        }
      }
    }
  });
});

describe("noticeState: the notice phase, derived from its dates", () => {
  const notice = { postedOn: "2021-12-17", takeDownOn: "2022-01-07" };
  it.each([
    ["2021-12-16", "upcoming"],
    ["2021-12-17", "up"],
    ["2022-01-07", "up"],
    ["2022-01-08", "down"],
  ] as const)("%s → %s", (today, expected) => {
    expect(noticeState(notice, today)).toBe(expected);
  });
});
