import { describe, expect, it } from "vitest";
import { suggestSubstitutes, type SeatHolder } from "@/domain/rules/substitutes.rules";
import { prefillAttendance, type AttendanceInputRow } from "./attendance-prefill";

const row = (personId: string, role: AttendanceInputRow["role"], extra: Partial<AttendanceInputRow> = {}) => ({
  personId,
  name: personId,
  role,
  represents: "S",
  title: "",
  ranges: "",
  replacesPersonId: null,
  arrivalTime: "",
  departureTime: "",
  ...extra,
});
const seat = (personId: string, role: SeatHolder["role"], represents: string, callOrder: number | null = null) => ({
  personId,
  name: personId,
  role,
  represents,
  callOrder,
});
const SEATS = [
  seat("a", "MEMBER", "S"),
  seat("b", "MEMBER", "M"),
  seat("x", "SUBSTITUTE", "S", 1),
  seat("y", "SUBSTITUTE", "M", 2),
];
const suggest = (absent: string[], called: { personId: string; replacesPersonId: string | null }[] = []) =>
  suggestSubstitutes({ seats: SEATS, absentPersonIds: absent, alreadyCalled: called });
const summary = (rows: AttendanceInputRow[]) =>
  rows.map((r) => `${r.personId}:${r.role}${r.replacesPersonId ? `>${r.replacesPersonId}` : ""}`);

describe("prefillAttendance", () => {
  const list = [
    row("a", "CHAIR", { ranges: "1-3", arrivalTime: "10:05" }),
    row("b", "MEMBER"),
    row("x", "SUBSTITUTE"),
    row("y", "SUBSTITUTE"),
  ];

  it.each([
    ["nobody absent: unchanged", [], [], ["a:CHAIR", "b:MEMBER", "x:SUBSTITUTE", "y:SUBSTITUTE"], 0],
    [
      "the chair absent: frånvarande, the S ersättare serves",
      ["a"],
      [],
      ["a:ABSENT", "b:MEMBER", "x:SERVING_SUBSTITUTE>a", "y:SUBSTITUTE"],
      2,
    ],
    ["an absent ersättare is left out", ["y"], [], ["a:CHAIR", "b:MEMBER", "x:SUBSTITUTE"], 1],
    ["both ledamöter", ["a", "b"], [], ["a:ABSENT", "b:ABSENT", "x:SERVING_SUBSTITUTE>a", "y:SERVING_SUBSTITUTE>b"], 4],
  ] as const)("%s", (_name, absent, called, want, changed) => {
    const absentSubs = absent.filter((p) => SEATS.find((s) => s.personId === p)?.role === "SUBSTITUTE");
    const got = prefillAttendance(list, absentSubs, suggest([...absent], [...called]));
    expect(summary(got.rows)).toEqual(want);
    expect(got.changed).toBe(changed);
  });

  it("clears the absent ledamot's §§ and times, and adds rows missing from the list", () => {
    const got = prefillAttendance(
      [row("a", "CHAIR", { ranges: "1-3", arrivalTime: "10:05" })],
      [],
      suggest(["a", "b"]),
    );
    expect(summary(got.rows)).toEqual(["a:ABSENT", "b:ABSENT", "y:SERVING_SUBSTITUTE>b", "x:SERVING_SUBSTITUTE>a"]);
    expect(got.rows[0]).toMatchObject({ ranges: "", arrivalTime: "", departureTime: "" });
  });

  it("leaves an ersättare already serving in the seat as it is (nothing to change the second time)", () => {
    const once = prefillAttendance(list, [], suggest(["a"]));
    const twice = prefillAttendance(once.rows, [], suggest(["a"], [{ personId: "x", replacesPersonId: "a" }]));
    expect(twice).toEqual({ rows: once.rows, changed: 0 });
  });
});
