// Properties of the public projection, over a protocol with every field of every DTO filled
// (full-protocol.fixture.ts): the exact public shape of a confidential §, and a personnummer
// planted in every string leaf, one at a time, never reaching the public JSON.
import { describe, expect, it } from "vitest";
import type { ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { blankParagraph } from "@/domain/protocol/paragraph.fixture";
import { fullProtocol } from "./full-protocol.fixture";
import { leaves, withLeaf } from "./leaves.fixture";
import {
  CONFIDENTIAL_CORRECTION_TEXT,
  containsPersonalNumber,
  toPublicCorrections,
  toPublicParagraph,
  toPublicProtocol,
} from "./public.rules";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const full = (): ProtocolDTO => fullProtocol();
const open = () => full().paragraphs[0]!;
const confidential = () => full().paragraphs[1]!;

/** What the public gets of the confidential § 11: number, title, the ground, the flags, nothing else. */
const CONFIDENTIAL_SHAPE: ParagraphDTO = blankParagraph(11, {
  title: "Hemlig titel",
  isConfidential: true,
  withholdingGround: "Hemlig grund",
  isImmediatelyAdjusted: true,
});

describe("a § with every field filled", () => {
  it("confidential: exactly number, title, the ground for withholding and the flags", () => {
    expect(confidential().isConfidential).toBe(true);
    expect(toPublicParagraph(confidential())).toStrictEqual(CONFIDENTIAL_SHAPE);
  });

  it("open, without personnummer: published whole, unchanged but for the list of names to redact", () => {
    expect(toPublicParagraph(open())).toStrictEqual({ ...open(), redactedNames: [] });
  });

  it("the whole protocol: only § 11 and the rättelse to it are cut down", () => {
    const p = full();
    expect(toPublicProtocol(p, TODAY)).toStrictEqual({
      ...p,
      paragraphs: [{ ...open(), redactedNames: [] }, CONFIDENTIAL_SHAPE],
      corrections: [p.corrections![0], { ...p.corrections![1]!, text: CONFIDENTIAL_CORRECTION_TEXT }],
    });
    // Every text of § 11 says "Hemlig": only its title and the ground for withholding reach the public.
    expect(JSON.stringify(toPublicProtocol(p, TODAY)).match(/Hemlig[^"]*/g)).toEqual(["Hemlig titel", "Hemlig grund"]);
  });

  it("rättelser: to an open § and to the whole protocol kept (masked), to a confidential § only that there is one", () => {
    const c = {
      paragraphNumber: null,
      text: "Gäller 850709-9805.",
      signedBy: "Sara 850709-9805",
      signedAt: "2021-11-30T10:00:00.000Z",
    };
    expect(
      toPublicCorrections([c, { ...c, paragraphNumber: 10 }, { ...c, paragraphNumber: 11 }], full().paragraphs),
    ).toStrictEqual([
      { paragraphNumber: null, text: "Gäller ÅÅMMDD-XXXX.", signedBy: "Sara ÅÅMMDD-XXXX", signedAt: c.signedAt },
      { paragraphNumber: 10, text: "Gäller ÅÅMMDD-XXXX.", signedBy: "Sara ÅÅMMDD-XXXX", signedAt: c.signedAt },
      { paragraphNumber: 11, text: CONFIDENTIAL_CORRECTION_TEXT, signedBy: "Sara ÅÅMMDD-XXXX", signedAt: c.signedAt },
    ]);
  });
});

/**
 * String fields of the protocol whose value the public projection passes on without masking, each
 * with the reason. None: every string is masked, identifiers and enumerations included (a valid
 * value never matches a personnummer, so masking changes nothing for them).
 */
const NOT_MASKED: Record<string, string> = {};

const PERSONNUMMER_FORMS = ["850709-9805", "19850709-9805", "198507099805", "850769-9802", "19850709+9805"];

describe("a personnummer planted in each string leaf of the protocol, one at a time", () => {
  const strings = leaves(full()).filter((l) => typeof l.value === "string");

  it("covers every string leaf, notice and rättelser included", () => {
    const names = new Set(strings.map((l) => l.name));
    expect(strings.length).toBeGreaterThan(150);
    for (const name of [
      "notice.storagePlace",
      "notice.noticeBoard",
      "notice.certifiedBy",
      "notice.wording",
      "notice.revisedAt",
      "corrections[].text",
      "corrections[].signedBy",
      "signatures[].name",
      "paragraphs[].attachments[].label",
      "paragraphs[].recusals[].reason",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("never reaches the public JSON", () => {
    const leaked: string[] = [];
    strings.forEach((leaf, i) => {
      if (Object.hasOwn(NOT_MASKED, leaf.name)) return;
      const planted = withLeaf(full(), leaf.path, `${leaf.value} ${PERSONNUMMER_FORMS[i % PERSONNUMMER_FORMS.length]}`);
      let json: string;
      try {
        json = JSON.stringify(toPublicProtocol(planted, TODAY));
      } catch (error) {
        // A status that is no longer a public one: nothing is published at all.
        if (leaf.name === "meeting.status" && /Not public/.test(String(error))) return;
        throw error;
      }
      if (containsPersonalNumber(json)) leaked.push(leaf.name);
    });
    expect(leaked).toEqual([]);
  });

  it("NOT_MASKED has no stale entries: each names a string leaf that does reach the public unmasked", () => {
    for (const name of Object.keys(NOT_MASKED)) {
      const leaf = strings.find((l) => l.name === name);
      expect(leaf, name).toBeDefined();
      const planted = withLeaf(full(), leaf!.path, `${leaf!.value} 850709-9805`);
      expect(containsPersonalNumber(JSON.stringify(toPublicProtocol(planted, TODAY))), name).toBe(true);
    }
  });
});

describe("a name on an open §'s redaction list planted in each string leaf of that §, one at a time", () => {
  const NAME = "Maja Privat";
  const withName = (): ProtocolDTO => {
    const p = full();
    p.paragraphs[0]!.redactedNames = [NAME];
    return p;
  };
  // Every string of § 10 except the identifiers and fixed values (ids, enumerations, alignment).
  const strings = leaves(withName()).filter(
    (l) =>
      typeof l.value === "string" &&
      l.path[0] === "paragraphs" &&
      l.path[1] === 0 &&
      !/(^|\.)(id|personId|kind|outcome|choice|type|textAlign|redactedNames\[\])$/.test(
        l.name.replace(/^paragraphs\[\]\./, ""),
      ),
  );

  it("covers the §'s free text: title, decision, sections, motions, votes, notes, recusals, attachments", () => {
    const names = new Set(strings.map((l) => l.name));
    expect(strings.length).toBeGreaterThan(30);
    for (const name of [
      "paragraphs[].title",
      "paragraphs[].decision.clauses[]",
      "paragraphs[].sections[].heading",
      "paragraphs[].motions[].text",
      "paragraphs[].votes[].question",
      "paragraphs[].notes[].text",
      "paragraphs[].recusals[].reason",
      "paragraphs[].attachments[].label",
    ])
      expect(names).toContain(name);
    expect([...names].some((n) => n.startsWith("paragraphs[].sections[].content."))).toBe(true);
  });

  it("never reaches the public JSON, in any case or with a genitive s; the list itself is not published", () => {
    const leaked: string[] = [];
    strings.forEach((leaf, i) => {
      const form = [NAME, NAME.toUpperCase(), `${NAME}s`, "maja  privat"][i % 4]!;
      const planted = withLeaf(withName(), leaf.path, `${leaf.value} om ${form} i ärendet`);
      const json = JSON.stringify(toPublicProtocol(planted, TODAY));
      if (/maja\s+privat/i.test(json)) leaked.push(leaf.name);
      else expect(json).toContain("[utelämnat]");
    });
    expect(leaked).toEqual([]);
  });
});
