import { PUBLIC_RULES_VERSION } from "@/domain/publication/public.rules";
import { describe, expect, it } from "vitest";
import type { CorrectionDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { adjustmentInstant, copyFileName, copyFingerprint, describeIssuedCopy, planCopy } from "./issued-copies.rules";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const SIGNED_AT = "2021-11-25T09:30:00.000Z";
const REVISED_AT = "2021-11-26T08:00:00.000Z";

/** The seed protocol as justerat (all signed on SIGNED_AT), with the changes given. */
function adjusted(
  opts: { confidential?: readonly number[]; corrections?: readonly CorrectionDTO[]; revisedAt?: string | null } = {},
): ProtocolDTO {
  const p = structuredClone(itsamSeed.meetings[0]!);
  p.meeting.status = "ADJUSTED";
  p.meeting.adjustedOn = "2021-11-25";
  p.signatures = (["SECRETARY", "CHAIR", "ADJUSTER"] as const).map((role, i) => ({
    role,
    personId: `p${i}`,
    name: `Person ${i}`,
    signedAt: SIGNED_AT,
    contentHash: "abc",
  }));
  p.paragraphs = p.paragraphs.map((x) => ({ ...x, isConfidential: (opts.confidential ?? []).includes(x.number) }));
  p.corrections = [...(opts.corrections ?? [])];
  p.notice = { ...p.notice!, revisedAt: opts.revisedAt ?? null };
  return p;
}

const correction = (text: string, signedAt = "2021-11-27T10:00:00.000Z"): CorrectionDTO => ({
  paragraphNumber: 62,
  text,
  signedBy: "Joakim Karlsson",
  signedAt,
});

describe("planCopy", () => {
  it.each([
    ["nothing withheld, nothing changed: the original, for anyone", {}, "public", null],
    ["nothing withheld, nothing changed: the original, in the workspace", {}, "full", null],
    [
      "a confidential §: a public copy, dated by the justering",
      { confidential: [61] },
      "public",
      { kind: "PUBLIC", signingTime: SIGNED_AT, correctionCount: 0, noticeRevisedAt: null },
    ],
    ["a confidential §: the workspace still gets the original", { confidential: [61] }, "full", null],
    [
      "a rättelse: the full copy for anyone when nothing is withheld, dated by the rättelse",
      { corrections: [correction("Ska stå ”överlämna”.")] },
      "public",
      { kind: "FULL", signingTime: "2021-11-27T10:00:00.000Z", correctionCount: 1, noticeRevisedAt: null },
    ],
    [
      "a personnummer in a rättelse: masked, so a public copy",
      { corrections: [correction("Gäller 19811218-9876.")] },
      "public",
      { kind: "PUBLIC", signingTime: "2021-11-27T10:00:00.000Z", correctionCount: 1, noticeRevisedAt: null },
    ],
    [
      "new notice dates and a confidential §: a public copy dated by the latest change",
      { confidential: [61], revisedAt: REVISED_AT },
      "public",
      { kind: "PUBLIC", signingTime: REVISED_AT, correctionCount: 0, noticeRevisedAt: REVISED_AT },
    ],
    [
      "new notice dates in the workspace: the full copy",
      { revisedAt: REVISED_AT },
      "full",
      { kind: "FULL", signingTime: REVISED_AT, correctionCount: 0, noticeRevisedAt: REVISED_AT },
    ],
  ] as const)("%s", (_label, opts, audience, expected) => {
    const plan = planCopy(adjusted(opts), audience, TODAY);
    if (expected === null) return expect(plan).toBeNull();
    expect(plan).toMatchObject({ ...expected, signingTime: new Date(expected.signingTime) });
  });

  it("withholds § 61 and masks personnummer in a public copy, and nothing in the full copy", () => {
    const current = adjusted({ confidential: [61], corrections: [correction("Gäller 19811218-9876.")] });
    const pub = planCopy(current, "public", TODAY)!;
    expect(pub.protocol.paragraphs.find((p) => p.number === 61)!.sections).toEqual([]);
    expect(pub.protocol.corrections![0]!.text).toBe("Gäller ÅÅMMDD-XXXX.");
    expect(pub.reason).toBe("Offentlig kopia av justerat protokoll med rättelser, Direktionen 2021-11-18");
    const full = planCopy(current, "full", TODAY)!;
    expect(full.protocol).toBe(current);
    expect(full.reason).toBe("Justerat protokoll med rättelser, Direktionen 2021-11-18");
    // One state; the public copy's fingerprint also names the version of what it leaves out.
    expect(pub.fingerprint).toBe(`${full.fingerprint};offentlig=${PUBLIC_RULES_VERSION}`);
  });
});

describe("copyFingerprint", () => {
  const base = copyFingerprint(adjusted());
  it("names the state readably", () => {
    expect(base).toBe("rättelser=0;anslag=-");
    expect(copyFingerprint(adjusted({ revisedAt: REVISED_AT }))).toBe(
      `rättelser=0;anslag=2021-12-17..2022-01-07@${REVISED_AT}`,
    );
    expect(copyFingerprint(adjusted({ corrections: [correction("a")] }))).toMatch(
      /^rättelser=1:[0-9a-f]{16};anslag=-$/,
    );
  });
  it("changes with every rättelse and notice change, not with what is frozen", () => {
    const one = copyFingerprint(adjusted({ corrections: [correction("a")] }));
    const other = copyFingerprint(adjusted({ corrections: [correction("b")] }));
    const two = copyFingerprint(adjusted({ corrections: [correction("a"), correction("b")] }));
    expect(new Set([base, one, other, two]).size).toBe(4);
    const later = adjusted({ revisedAt: REVISED_AT });
    later.notice!.takeDownOn = "2022-01-14";
    expect(copyFingerprint(later)).not.toBe(copyFingerprint(adjusted({ revisedAt: REVISED_AT })));
    expect(copyFingerprint(adjusted({ confidential: [61] }))).toBe(base);
  });
});

describe("adjustmentInstant", () => {
  it("is the last signature, else the justering day", () => {
    const p = adjusted();
    p.signatures[1]!.signedAt = "2021-11-25T10:00:00.000Z";
    expect(adjustmentInstant(p)).toEqual(new Date("2021-11-25T10:00:00.000Z"));
    p.signatures = [];
    expect(adjustmentInstant(p)).toEqual(new Date("2021-11-25T00:00:00.000Z"));
  });
});

describe("copyFileName", () => {
  it.each([
    [{ kind: "PUBLIC", correctionCount: 0, noticeRevisedAt: null }, "s-offentlig-kopia.pdf"],
    [{ kind: "FULL", correctionCount: 2, noticeRevisedAt: null }, "s-med-rattelser.pdf"],
    [
      { kind: "PUBLIC", correctionCount: 1, noticeRevisedAt: REVISED_AT },
      "s-offentlig-kopia-med-rattelser-andrat-anslag.pdf",
    ],
    [{ kind: "FULL", correctionCount: 0, noticeRevisedAt: REVISED_AT }, "s-andrat-anslag.pdf"],
  ] as const)("%j → %s", (plan, expected) => {
    expect(copyFileName("s", plan)).toBe(expected);
  });
});

describe("describeIssuedCopy", () => {
  // 23:30 UTC is the next day in Sweden.
  const issuedAt = new Date("2021-11-26T23:30:00.000Z");
  it.each([
    [
      { kind: "PUBLIC", correctionCount: 0, noticeRevised: false, confidentialParagraphs: [61] },
      "Kopian är utfärdad av Paragraf 2021-11-27 från det justerade protokollet; paragrafer med sekretess (§ 61) är utelämnade.",
    ],
    [
      { kind: "PUBLIC", correctionCount: 1, noticeRevised: false, confidentialParagraphs: [61, 63, 64] },
      "Kopian är utfärdad av Paragraf 2021-11-27 från det justerade protokollet med rättelser; paragrafer med sekretess (§§ 61, 63-64) är utelämnade.",
    ],
    [
      { kind: "PUBLIC", correctionCount: 1, noticeRevised: false, confidentialParagraphs: [] },
      "Kopian är utfärdad av Paragraf 2021-11-27 från det justerade protokollet med rättelser; personnummer är maskerade.",
    ],
    [
      { kind: "FULL", correctionCount: 0, noticeRevised: true, confidentialParagraphs: [61] },
      "Kopian är utfärdad av Paragraf 2021-11-27 från det justerade protokollet med ändrade anslagsdatum.",
    ],
    [
      { kind: "FULL", correctionCount: 3, noticeRevised: true, confidentialParagraphs: [] },
      "Kopian är utfärdad av Paragraf 2021-11-27 från det justerade protokollet med rättelser och ändrade anslagsdatum.",
    ],
  ] as const)("%j", (facts, expected) => {
    expect(describeIssuedCopy({ ...facts, issuedAt, confidentialParagraphs: [...facts.confidentialParagraphs] })).toBe(
      expected,
    );
  });
});
