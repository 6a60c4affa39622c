// The närvarolista on the cover page with the fuller attendance of issue 14, point 4 (an absent
// ledamot and the ersättare serving for them, clock times beside the §§, the justering's time),
// rendered and read back with poppler-utils.
import { beforeAll, describe, expect, it } from "vitest";
import type { AttendanceDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { renderProtocolPdf } from "./render-protocol";
import { seedProtocol } from "./testing/fixtures";
import { pdfToText } from "./testing/poppler";

/** The seed, where Magnusson serves for an absent ledamot and people come and go at set times. */
function protocolWithFullerAttendance(): ProtocolDTO {
  const p = seedProtocol();
  const absent: AttendanceDTO = {
    personId: "anna-ek",
    name: "Anna Ek",
    role: "ABSENT",
    represents: "Åtvidabergs kommun",
    title: null,
    ranges: [],
    replacesPersonId: null,
  };
  const attendance = p.attendance.map((a) => {
    if (a.personId === "joakim-magnusson") return { ...a, replacesPersonId: "anna-ek" };
    if (a.personId === "conny-forsberg") return { ...a, departureTime: "11:15" };
    if (a.personId === "malin-vikstrom") return { ...a, arrivalTime: "10:40", departureTime: "11:05" };
    return a;
  });
  const afterBeslutande = attendance.findIndex((a) => a.role === "SUBSTITUTE");
  attendance.splice(afterBeslutande, 0, absent);
  return {
    ...p,
    meeting: { ...p.meeting, adjustmentPlace: "Stadshuset", adjustmentDate: "2021-11-25", adjustmentTime: "10:00" },
    attendance,
  };
}

/**
 * The cover page as one line: runs of spaces and line breaks (the layout's columns, a long line
 * wrapped in its cell) made single spaces. A row's label stands before its first line only.
 */
function coverText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

let cover: string;
let seedCover: string;

beforeAll(async () => {
  const [pdf, seedPdf] = await Promise.all([
    renderProtocolPdf(protocolWithFullerAttendance()),
    renderProtocolPdf(seedProtocol()),
  ]);
  cover = coverText(pdfToText(pdf, { first: 1, last: 1, layout: true }));
  seedCover = coverText(pdfToText(seedPdf, { first: 1, last: 1, layout: true }));
});

describe("the närvarolista on the cover page (issue 14, point 4)", () => {
  it("prints the serving ersättare as tjänstgörande ersättare för the absent ledamot", () => {
    expect(cover).toContain("Joakim Magnusson, tjänstgörande ersättare för Anna Ek, Åtvidabergs kommun");
  });

  it("lists the absent ledamot under Frånvarande with the ersättare who served", () => {
    expect(cover).toContain("Frånvarande Anna Ek, Åtvidabergs kommun, ersatt av Joakim Magnusson");
    const absentAt = cover.indexOf("Frånvarande Anna Ek");
    const othersAt = cover.indexOf("Övriga närvarande Henrik Remmerfelt");
    const decidingAt = cover.indexOf("Beslutande Ledamöter");
    expect(decidingAt).toBeLessThan(absentAt);
    expect(absentAt).toBeLessThan(othersAt);
  });

  it("prints clock times beside the §§", () => {
    expect(cover).toContain("Conny Forsberg, Kinda kommun till kl. 11:15, §§ 59-62");
    expect(cover).toContain("Malin Vikström, ekonom kl. 10:40 – 11:05, §§ 62-63");
  });

  it("prints the justering's time with its place and date", () => {
    expect(cover).toContain("Justeringens plats och tid Stadshuset, 2021-11-25 kl. 10:00");
    expect(seedCover).toContain("Justeringens plats och tid Underskrifter");
  });

  it("leaves the seed's cover as the original prints it: no Frånvarande row, no för-name", () => {
    expect(seedCover).not.toContain("Frånvarande");
    expect(seedCover).not.toContain("ersättare för");
    expect(seedCover).toContain("Joakim Magnusson, tjänstgörande ersättare, Åtvidabergs kommun");
    expect(seedCover).toContain(
      "Christer Segerstéen, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67",
    );
  });
});
