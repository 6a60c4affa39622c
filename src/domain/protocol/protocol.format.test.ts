import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import {
  displayCaseNumber,
  formatAttendanceLine,
  formatParagraphSpan,
  formatPlaceAndTime,
  groupAttendance,
} from "./protocol.format";
import type { AttendanceDTO } from "./protocol.types";

const row = (over: Partial<AttendanceDTO>): AttendanceDTO => ({
  personId: "p",
  name: "Namn",
  role: "MEMBER",
  represents: null,
  title: null,
  ranges: [],
  replacesPersonId: null,
  ...over,
});

describe("displayCaseNumber", () => {
  it.each([
    ["ITSAM 2021/8", "ITSAM", "Dnr 2021/8"],
    ["KS 2022/114", "ITSAM", "Dnr KS 2022/114"],
    [null, "ITSAM", null],
  ])("%s with prefix %s → %s", (input, prefix, expected) => {
    expect(displayCaseNumber(input, prefix)).toBe(expected);
  });
});

describe("formatParagraphSpan", () => {
  itMaps("%j → %s", formatParagraphSpan, [
    [[59, 60, 61, 62, 63, 64, 65, 66, 67], "Paragrafer 59-67"],
    [[67, 59, 60, 61], "Paragrafer 59-61, 67"],
    [[12], "Paragraf 12"],
    [[], ""],
  ]);
});

describe("formatAttendanceLine", () => {
  itMaps("%#: %s", formatAttendanceLine, [
    [
      [row({ name: "Jacob Käll", role: "CHAIR", represents: "Vimmerby kommun" })],
      "Jacob Käll, ordförande, Vimmerby kommun",
    ],
    [
      [row({ name: "Conny Forsberg", represents: "Kinda kommun", ranges: [{ from: 59, to: 62 }] })],
      "Conny Forsberg, Kinda kommun §§ 59-62",
    ],
    [
      [
        row({
          name: "Christer Segerstéen",
          role: "SUBSTITUTE",
          represents: "Kinda kommun",
          ranges: [{ from: 59, to: 62 }],
        }),
        row({
          name: "Christer Segerstéen",
          role: "SERVING_SUBSTITUTE",
          represents: "Kinda kommun",
          ranges: [{ from: 62, to: 67 }],
        }),
      ],
      "Christer Segerstéen, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67",
    ],
    [
      [
        row({
          name: "Roger Karlsson",
          role: "OTHER",
          title: "projektledare Google Workspace",
          ranges: [{ from: 59, to: 59 }],
        }),
      ],
      "Roger Karlsson, projektledare Google Workspace § 59",
    ],
    [
      [row({ name: "Henrik Remmerfelt", role: "OTHER", title: "förbundsdirektör" })],
      "Henrik Remmerfelt, förbundsdirektör",
    ],
  ]);
});

describe("groupAttendance", () => {
  it("keeps a person's roles together in the group of their first role", () => {
    const groups = groupAttendance([
      row({ personId: "a", role: "CHAIR" }),
      row({ personId: "c", role: "SUBSTITUTE" }),
      row({ personId: "c", role: "SERVING_SUBSTITUTE" }),
      row({ personId: "o", role: "OTHER" }),
    ]);
    expect(groups.beslutande.map((g) => g.length)).toEqual([1]);
    expect(groups.ersattare.map((g) => g.map((r) => r.role))).toEqual([["SUBSTITUTE", "SERVING_SUBSTITUTE"]]);
    expect(groups.ovriga).toHaveLength(1);
  });
});

describe("formatPlaceAndTime", () => {
  it("joins place and time as in the seed header", () => {
    expect(
      formatPlaceAndTime({
        id: "x",
        slug: "x",
        status: "DRAFT",
        date: "2021-11-18",
        startTime: "10:00",
        endTime: "12:00",
        place: "Zoom",
        adjustmentPlace: null,
        adjustmentDate: null,
        adjustedOn: null,
      }),
    ).toBe("Zoom, kl. 10:00 – 12:00");
  });
});
