// Issue 14 point 7: place, decision and jäv reason may be left out as real protocols do; the
// checker warns instead of blocking justering. Sections may have no heading (running text). A Dnr
// hint follows the organisation's own format.
import { describe, expect, it } from "vitest";
import { attendanceRow as person } from "@/domain/protocol/attendance.fixture";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import { exampleCaseNumber } from "@/domain/protocol/protocol.format";
import type { ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { checkProtocol, isReadyForAdjustment } from "./protocol-checker";
import { blockingFindings } from "./signoff.rules";

const paragraph = (number: number, extra: Partial<ParagraphDTO> = {}): ParagraphDTO =>
  blankParagraph(number, {
    id: `p${number}`,
    caseNumber: `MBN 2019.04${number}`,
    title: `Bygglov ${number}`,
    decision: { intro: "Nämnden beslutar att bevilja bygglov.", clauses: [] },
    sections: [
      {
        kind: "CASE",
        heading: "",
        content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Löptext." }] }] },
      },
    ],
    dispatch: ["Akt"],
    ...extra,
  });

const protocol = (): ProtocolDTO => ({
  organisation: { name: "Exempelkommun", caseNumberPrefix: "MBN", caseNumberExample: "MBN 2019.0412" },
  body: {
    name: "Miljö- och byggnämnden",
    genitiveName: "Miljö- och byggnämndens",
    slug: "mbn",
    kind: "NAMND",
    seatCount: 3,
    appendedAttendanceList: false,
    decisionPlacement: "AFTER_SECTIONS",
  },
  meeting: {
    id: "m1",
    slug: "mbn-2019-04-10",
    status: "DRAFT",
    date: "2019-04-10",
    startTime: "09:00",
    endTime: "11:00",
    place: "",
    adjustmentPlace: "Kommunhuset",
    adjustmentDate: "2019-04-15",
    adjustedOn: null,
  },
  secretary: { personId: "sek", name: "SEK" },
  adjusters: [{ personId: "b", name: "B" }],
  attendance: [person("a", "CHAIR"), person("b"), person("c"), person("sek", "OTHER")],
  paragraphs: [
    paragraph(1, { decision: { intro: "", clauses: [] } }),
    paragraph(2, { recusals: [{ personId: "c", name: "C", reason: "" }] }),
  ],
  notice: null,
  signatures: [],
});

describe("optional place, decision and jäv reason", () => {
  const findings = checkProtocol(protocol(), { now: "2019-04-11" });
  const byCode = (code: string) => findings.filter((f) => f.code === code);

  it("warns about a missing place, decision and jäv reason, and about nothing else", () => {
    expect(findings.map((f) => `${f.code}:${f.severity}@${f.paragraphNumber ?? "-"}:${f.field}`)).toEqual([
      "PLACE_MISSING:warning@-:place",
      "DECISION_MISSING:warning@1:decision.intro",
      "RECUSAL_REASON_MISSING:warning@2:recusals[0]",
    ]);
  });

  it("does not block sending to justering", () => {
    expect(isReadyForAdjustment(findings)).toBe(true);
    expect(blockingFindings(findings)).toEqual([]);
  });

  it("says in Swedish what to do", () => {
    expect(byCode("PLACE_MISSING")[0]?.message).toMatch(/^Sammanträdets plats saknas\./);
    expect(byCode("RECUSAL_REASON_MISSING")[0]?.message).toBe(
      'Skälet till Cs jäv i § 2 är inte angivet. Ange grunden om protokollet brukar ange den, t.ex. "närstående".',
    );
  });

  it("a section without a heading is running text, no finding; empty, it is named without a heading", () => {
    const p = protocol();
    p.meeting.place = "Stadshuset";
    p.paragraphs = [
      paragraph(1),
      paragraph(2, { sections: [{ kind: "OTHER", heading: " ", content: { type: "doc", content: [] } }] }),
    ];
    expect(checkProtocol(p, { now: "2019-04-11" }).map((f) => f.message)).toEqual([
      "Avsnittet utan rubrik i § 2 är tomt men visas i protokollet. Fyll i det eller ta bort avsnittet.",
    ]);
  });
});

describe("Dnr in the organisation's own format", () => {
  it.each([
    [{ caseNumberPrefix: "ITSAM" }, 2021, "ITSAM 2021/12"],
    [{ caseNumberPrefix: "KS", caseNumberExample: null }, 2023, "KS 2023/12"],
    [{ caseNumberPrefix: "KS", caseNumberExample: "KS 2023/117" }, 2024, "KS 2023/117"],
    [{ caseNumberPrefix: "MBN", caseNumberExample: " MBN 2019.0412 " }, 2019, "MBN 2019.0412"],
    [{ caseNumberPrefix: "", caseNumberExample: "" }, 2020, "2020/12"],
  ])("%j in %i → %s", (organisation, year, expected) => {
    expect(exampleCaseNumber(organisation, year)).toBe(expected);
  });

  it("the missing-Dnr warning shows the organisation's example", () => {
    const p = protocol();
    p.paragraphs = [paragraph(1, { caseNumber: null })];
    const finding = checkProtocol(p, { now: "2019-04-11" }).find((f) => f.code === "CASE_NUMBER_MISSING");
    expect(finding?.message).toBe("§ 1 saknar diarienummer. Ange ärendets Dnr (t.ex. MBN 2019.0412).");
  });
});
