import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import {
  displayCaseNumber,
  formatAdjustmentPlaceAndTime,
  formatAttendanceLine,
  formatPresenceTimes,
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

/** The seed's Christer Segerstéen: ersättare in §§ 59-62, then tjänstgörande ersättare in §§ 62-67. */
const segersteen = (over: Partial<AttendanceDTO> = {}, serving: Partial<AttendanceDTO> = {}): AttendanceDTO[] => {
  const substitute = row({
    name: "Christer Segerstéen",
    role: "SUBSTITUTE",
    represents: "Kinda kommun",
    ranges: [{ from: 59, to: 62 }],
    ...over,
  });
  return [substitute, { ...substitute, role: "SERVING_SUBSTITUTE", ranges: [{ from: 62, to: 67 }], ...serving }];
};

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
    [segersteen(), "Christer Segerstéen, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67"],
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

describe("fuller attendance: absence, clock times, tjänstgör för (issue 14, point 4)", () => {
  const absent = row({ personId: "ek", name: "Anna Ek", role: "ABSENT", represents: "Åtvidabergs kommun" });
  const serving = row({
    personId: "mag",
    name: "Joakim Magnusson",
    role: "SERVING_SUBSTITUTE",
    represents: "Åtvidabergs kommun",
    replacesPersonId: "ek",
  });
  const all = [absent, serving];

  it.each([
    [{ arrivalTime: "14:10", departureTime: "15:30" }, "kl. 14:10 – 15:30"],
    [{ arrivalTime: "14:10", departureTime: null }, "från kl. 14:10"],
    [{ arrivalTime: null, departureTime: "15:30" }, "till kl. 15:30"],
    [{ arrivalTime: null, departureTime: null }, null],
    [{}, null],
  ])("presence times %j → %s", (times, expected) => {
    expect(formatPresenceTimes(times)).toBe(expected);
  });

  it("prints the times before the §§: kl. 14:10, §§ 31-38", () => {
    expect(
      formatAttendanceLine([
        row({ name: "Bo Berg", represents: "Kinda kommun", arrivalTime: "14:10", ranges: [{ from: 31, to: 38 }] }),
      ]),
    ).toBe("Bo Berg, Kinda kommun från kl. 14:10, §§ 31-38");
    expect(
      formatAttendanceLine([
        row({
          name: "Malin Vikström",
          role: "OTHER",
          title: "ekonom",
          arrivalTime: "10:00",
          departureTime: "10:30",
          ranges: [{ from: 62, to: 63 }],
        }),
      ]),
    ).toBe("Malin Vikström, ekonom kl. 10:00 – 10:30, §§ 62-63");
    expect(formatAttendanceLine([row({ name: "Cia Ek", arrivalTime: "10:05", departureTime: "11:50" })])).toBe(
      "Cia Ek, kl. 10:05 – 11:50",
    );
  });

  it("names the absent ledamot a serving ersättare serves for, and the ersättare on the absent line", () => {
    expect(formatAttendanceLine([serving], all)).toBe(
      "Joakim Magnusson, tjänstgörande ersättare för Anna Ek, Åtvidabergs kommun",
    );
    expect(formatAttendanceLine([absent], all)).toBe("Anna Ek, Åtvidabergs kommun, ersatt av Joakim Magnusson");
    expect(formatAttendanceLine([absent], [absent])).toBe("Anna Ek, Åtvidabergs kommun");
  });

  it("keeps the seed's line when the ledamot replaced was there for part of the meeting", () => {
    const forsberg = row({ personId: "forsberg", name: "Conny Forsberg", ranges: [{ from: 59, to: 62 }] });
    const seg = segersteen({ personId: "seg" }, { represents: null, replacesPersonId: "forsberg" });
    expect(formatAttendanceLine(seg, [forsberg, ...seg])).toBe(
      "Christer Segerstéen, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67",
    );
  });

  it("names a partial serving with its §§ on the absent line", () => {
    const partial = { ...serving, ranges: [{ from: 62, to: 67 }] };
    expect(formatAttendanceLine([absent], [absent, partial])).toBe(
      "Anna Ek, Åtvidabergs kommun, ersatt av Joakim Magnusson §§ 62-67",
    );
    expect(formatAttendanceLine([partial], [absent, partial])).toBe(
      "Joakim Magnusson, tjänstgörande ersättare för Anna Ek, Åtvidabergs kommun §§ 62-67",
    );
  });

  it("groups absent ledamöter apart from those who decided", () => {
    const groups = groupAttendance([serving, absent]);
    expect(groups.beslutande.map((g) => g[0]!.name)).toEqual(["Joakim Magnusson"]);
    expect(groups.franvarande.map((g) => g[0]!.name)).toEqual(["Anna Ek"]);
  });

  it.each([
    [
      { adjustmentPlace: "Stadshuset", adjustmentDate: "2024-03-12", adjustmentTime: "10:00" },
      "Stadshuset, 2024-03-12 kl. 10:00",
    ],
    [{ adjustmentPlace: "Stadshuset", adjustmentDate: "2024-03-12", adjustmentTime: null }, "Stadshuset, 2024-03-12"],
    [{ adjustmentPlace: "Stadshuset", adjustmentDate: "2024-03-12" }, "Stadshuset, 2024-03-12"],
    [{ adjustmentPlace: null, adjustmentDate: "2024-03-12", adjustmentTime: "10:00" }, "2024-03-12 kl. 10:00"],
    [{ adjustmentPlace: null, adjustmentDate: null, adjustmentTime: null }, ""],
  ])("justeringens plats och tid %j → %s", (meeting, expected) => {
    expect(formatAdjustmentPlaceAndTime(meeting)).toBe(expected);
  });
});
