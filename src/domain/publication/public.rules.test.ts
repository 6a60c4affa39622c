import { describe, expect, it } from "vitest";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { toPlainText } from "@/domain/richtext/richtext.text";
import {
  CONFIDENTIAL_CORRECTION_TEXT,
  containsPersonalNumber,
  maskPersonalNumbers,
  toPublicCorrections,
  toPublicProtocol,
} from "./public.rules";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const seed = itsamSeed.meetings[0]!;

describe("maskPersonalNumbers", () => {
  it.each([
    ["Sökande 850709-9805 har", "Sökande ÅÅMMDD-XXXX har"],
    ["19850709-9805", "ÅÅMMDD-XXXX"],
    ["198507099805", "ÅÅMMDD-XXXX"],
    ["samordningsnummer 850769-9802", "samordningsnummer ÅÅMMDD-XXXX"],
    ["Dnr ITSAM 2021/72", "Dnr ITSAM 2021/72"],
    ["budget 113 083 tkr, 2021-11-18", "budget 113 083 tkr, 2021-11-18"],
    ["telefon 013-20 20 00", "telefon 013-20 20 00"],
  ])("%s → %s", (input, expected) => {
    expect(maskPersonalNumbers(input)).toBe(expected);
    expect(containsPersonalNumber(expected)).toBe(false);
  });
});

describe("toPublicProtocol", () => {
  it("refuses drafts", () => {
    expect(() => toPublicProtocol(seed, TODAY)).toThrow(/Not public/);
  });
  it("keeps only number, title and the flag of a confidential §, and masks personnummer elsewhere", () => {
    const p = structuredClone(seed);
    p.meeting.status = "ADJUSTED";
    p.paragraphs[2]!.isConfidential = true;
    p.paragraphs[0]!.decision.intro = "Direktionen beslutar bevilja 850709-9805 ledighet.";
    const pub = toPublicProtocol(p, TODAY);
    const secret = pub.paragraphs[2]!;
    expect([secret.number, secret.title, secret.isConfidential]).toEqual([61, "Personal", true]);
    expect([secret.decision, secret.sections, secret.basisDocuments, secret.caseNumber]).toEqual([
      { intro: "", clauses: [] },
      [],
      [],
      null,
    ]);
    expect(pub.paragraphs[0]!.decision.intro).toBe("Direktionen beslutar bevilja ÅÅMMDD-XXXX ledighet.");
    expect(toPlainText(pub.paragraphs[3]!.sections[0]!.content)).toContain("113 083");
  });
});

describe("toPublicCorrections", () => {
  const paragraphs = [
    { number: 60, isConfidential: false, redactedNames: [] },
    { number: 61, isConfidential: true, redactedNames: [] },
    { number: 62, isConfidential: false, redactedNames: ["Anna Berg"] },
  ];
  const correction = (paragraphNumber: number | null, text: string) => ({
    paragraphNumber,
    text,
    signedBy: "Sekreterare",
    signedAt: "2026-11-26T10:00:00Z",
  });

  it.each([
    [
      "a rättelse to an open § keeps its text",
      correction(60, "Beloppet ska vara 113 083 kr."),
      "Beloppet ska vara 113 083 kr.",
    ],
    ["personnummer are masked", correction(60, "Gäller 19801224-1234."), "Gäller ÅÅMMDD-XXXX."],
    [
      "a rättelse to the whole protocol keeps its text",
      correction(null, "Fel datum i rubriken."),
      "Fel datum i rubriken.",
    ],
    [
      "a rättelse to a confidential § shows only that there is one",
      correction(61, "Rekryteringen gäller NN, strategi- och projektchef."),
      CONFIDENTIAL_CORRECTION_TEXT,
    ],
  ])("%s", (_name, c, text) => {
    expect(toPublicCorrections([c], paragraphs)).toEqual([{ ...c, text }]);
  });

  it("keeps the wording of a rättelse to an open § or to the protocol as a whole, personnummer masked", () => {
    expect(
      toPublicCorrections([correction(60, "Rätt datum 850101-1234"), correction(null, "Rätt tid")], paragraphs),
    ).toStrictEqual([correction(60, "Rätt datum ÅÅMMDD-XXXX"), correction(null, "Rätt tid")]);
  });
  it("withholds a § 's redacted names in the wording of a rättelse to that § (only there)", () => {
    expect(
      toPublicCorrections(
        [correction(62, "Sökanden är ANNA BERG, inte Anna Bergström."), correction(60, "Anna Berg deltog")],
        paragraphs,
      ),
    ).toStrictEqual([
      correction(62, "Sökanden är [utelämnat], inte Anna Bergström."),
      correction(60, "Anna Berg deltog"),
    ]);
  });
  it("replaces the wording of a rättelse to a confidential § with one fixed sentence", () => {
    expect(toPublicCorrections([correction(61, "Namnet ska vara Anna")], paragraphs)).toStrictEqual([
      correction(61, "Rättelsen gäller en paragraf med sekretess; texten lämnas inte ut."),
    ]);
  });

  it("toPublicProtocol applies it to the rättelser a protocol carries", () => {
    const p = structuredClone(seed);
    p.meeting.status = "ADJUSTED";
    p.paragraphs[2]!.isConfidential = true; // § 61
    p.corrections = [correction(61, "Hemlig text"), correction(62, "Öppen text")];
    expect(toPublicProtocol(p, TODAY).corrections!.map((c) => c.text)).toEqual([
      CONFIDENTIAL_CORRECTION_TEXT,
      "Öppen text",
    ]);
  });
});
