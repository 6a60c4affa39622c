/**
 * The checker on the real protocol: Itsam's direktion, 2021-11-18, §§ 59–67 (the seed fixture,
 * entered verbatim from tests/fixtures/seed/itsam-direktionen-2021-11-18.txt, mistakes included).
 */
import { describe, expect, it } from "vitest";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { checkProtocol, signatureParagraphsText } from "./protocol-checker";

const seedProtocol = (): ProtocolDTO => structuredClone(itsamSeed.meetings[0]!);

/** The day of the meeting: the protocol is a draft and nothing is overdue yet. */
const ON_MEETING_DAY = { now: "2021-11-18", signatureParagraphs: "Paragrafer 59-67" } as const;

const TEMPLATE_LEFTOVER = "Här finns text som återvunnits från tjänsteskrivelse";

describe("the checker on the seed protocol", () => {
  const findings = checkProtocol(seedProtocol(), ON_MEETING_DAY);

  it("finds exactly these, and nothing else", () => {
    expect(findings.map((f) => [f.code, f.severity, f.paragraphNumber, f.field])).toEqual([
      // The protocol as a whole: "Justeringens plats och tid" is blank in the original, and the
      // notice went up 29 days after the meeting, later than 14 + 2 days allow.
      ["ADJUSTMENT_TIME_MISSING", "warning", null, "meeting.adjustmentDate"],
      ["NOTICE_LATE", "error", null, "notice.postedOn"],
      // § 62: Forsberg (ledamot §§ 59-62) and Segerstéen (tjänstgörande ersättare §§ 62-67 in his
      // seat) both sit in § 62; and "Beslutsexpediering" stands empty in the original.
      ["SUBSTITUTE_WITH_MEMBER_PRESENT", "error", 62, "attendance[7]"],
      ["DISPATCH_MISSING", "warning", 62, "dispatch"],
      // § 67: the three defects of the original, plus its empty Beslutsexpediering.
      ["FOREIGN_BODY_DECISION", "error", 67, "decision.intro"],
      ["EMPTY_SECTION", "warning", 67, "sections[3]"],
      ["EMPTY_SECTION", "warning", 67, "sections[4]"],
      ["EMPTY_SECTION", "warning", 67, "sections[5]"],
      ["PLACEHOLDER_TEXT", "error", 67, "sections[1]"],
      ["PLACEHOLDER_TEXT", "error", 67, "sections[2]"],
      ["DISPATCH_MISSING", "warning", 67, "dispatch"],
    ]);
  });

  it("finds the three real defects of § 67, in Swedish", () => {
    const p67 = findings.filter((f) => f.paragraphNumber === 67).map((f) => f.message);
    expect(p67).toEqual([
      'Beslutet i § 67 anges som fattat av Kommunchefsberedningen, men protokollet är direktionens. Skriv beslutet som direktionens eget, t.ex. "Direktionen beslutar att …".',
      'Avsnittet "Yrkanden" i § 67 är tomt men visas i protokollet. Fyll i det eller ta bort avsnittet.',
      'Avsnittet "Propositionsordningar" i § 67 är tomt men visas i protokollet. Fyll i det eller ta bort avsnittet.',
      'Avsnittet "Protokollsanteckning/reservation" i § 67 är tomt men visas i protokollet. Fyll i det eller ta bort avsnittet.',
      `Mallens platshållartext "${TEMPLATE_LEFTOVER}" står kvar i avsnittet "Ärendet" i § 67. Ersätt den med riktig text eller ta bort den.`,
      `Mallens platshållartext "${TEMPLATE_LEFTOVER}" står kvar i avsnittet "Konsekvensbeskrivning" i § 67. Ersätt den med riktig text eller ta bort den.`,
      '§ 67 saknar beslutsexpediering. Ange vilka som ska få beslutet, minst "Akt".',
    ]);
  });

  it("finds nothing in §§ 59–61 and 63–66", () => {
    expect(
      findings.filter((f) => f.paragraphNumber !== null && f.paragraphNumber !== 62 && f.paragraphNumber < 67),
    ).toEqual([]);
  });

  it("explains the § 62 overlap and the late notice", () => {
    expect(findings.find((f) => f.code === "SUBSTITUTE_WITH_MEMBER_PRESENT")?.message).toBe(
      "I § 62 står Christer Segerstéen som tjänstgörande ersättare för Conny Forsberg, som också deltar i paragrafen. En ersättare tjänstgör bara i stället för en frånvarande ledamot, och byten sker mellan ärenden. Rätta paragrafintervallen så att de inte överlappar.",
    );
    expect(findings.find((f) => f.code === "NOTICE_LATE")?.message).toBe(
      "Anslaget sattes upp 2021-12-17, 29 dagar efter sammanträdet. Protokollet ska justeras senast 2021-12-02 (5 kap. 69 § kommunallagen) och justeringen tillkännages senast andra dagen därefter (8 kap. 12 § kommunallagen), alltså senast 2021-12-06. Ange justeringsdatum och kontrollera vilken frist som överskreds.",
    );
  });

  it("accepts the take-down date: the appeal period ends 2022-01-07, the seed's take-down date", () => {
    expect(findings.some((f) => f.code === "NOTICE_TAKEN_DOWN_EARLY")).toBe(false);
  });

  it("agrees with the signature block's Paragrafer 59-67", () => {
    expect(signatureParagraphsText(seedProtocol())).toBe("Paragrafer 59-67");
    expect(findings.some((f) => f.code === "SIGNATURE_PARAGRAPHS_MISMATCH")).toBe(false);
  });

  it("on the day the notice went up, the draft is also overdue for justering", () => {
    const later = checkProtocol(seedProtocol(), { now: "2021-12-17" });
    expect(later.filter((f) => f.paragraphNumber === null).map((f) => f.code)).toEqual([
      "ADJUSTMENT_TIME_MISSING",
      "ADJUSTMENT_OVERDUE",
      "NOTICE_LATE",
    ]);
  });

  it("once § 67 and the attendance are corrected, only the dates remain", () => {
    const fixed = seedProtocol();
    const p67 = fixed.paragraphs.find((p) => p.number === 67)!;
    p67.decision = { intro: "Direktionen beslutar att notera informationen till protokollet.", clauses: [] };
    p67.sections = p67.sections.slice(0, 1);
    p67.dispatch = ["Akt"];
    fixed.paragraphs.find((p) => p.number === 62)!.dispatch = ["Akt"];
    // Segerstéen serves from § 63, when Forsberg has left.
    fixed.attendance = fixed.attendance.map((row) =>
      row.personId === "christer-segersteen" && row.role === "SERVING_SUBSTITUTE"
        ? { ...row, ranges: [{ from: 63, to: 67 }] }
        : row,
    );
    fixed.meeting.adjustmentDate = "2021-12-02";
    fixed.meeting.adjustmentPlace = "Itsam";
    expect(checkProtocol(fixed, ON_MEETING_DAY).map((f) => f.code)).toEqual(["NOTICE_LATE"]);
  });
});
