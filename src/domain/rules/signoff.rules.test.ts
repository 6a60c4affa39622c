import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import type { Finding } from "@/domain/rules/protocol-checker";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { protocolContentHash } from "@/domain/protocol/content-hash";
import {
  blockingFindings,
  canonicalJson,
  daysUntilAdjustmentDeadline,
  isFullySigned,
  missingSigners,
  pendingRolesFor,
} from "./signoff.rules";

const seed = itsamSeed.meetings[0]!;
const clone = (p: ProtocolDTO): ProtocolDTO => structuredClone(p);

describe("canonicalJson", () => {
  itMaps("%j → %s", canonicalJson, [
    [{ b: 1, a: [2, { d: null, c: "å" }] }, '{"a":[2,{"c":"å","d":null}],"b":1}'],
    [{ x: undefined, y: 1 }, '{"y":1}'],
    [[undefined], "[null]"],
    ["text", '"text"'],
  ]);
  it("does not depend on key order", () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });
});

describe("protocolContentHash", () => {
  const base = protocolContentHash(seed);
  it("is a SHA-256 hex string and stable", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(protocolContentHash(clone(seed))).toBe(base);
  });
  it("ignores workflow state, signatures, the notice and database ids", () => {
    const p = clone(seed);
    p.meeting.status = "ADJUSTED";
    p.meeting.adjustedOn = "2021-11-25";
    p.meeting.id = "another-id";
    p.notice = null;
    p.signatures = [{ role: "CHAIR", personId: "x", name: "X", signedAt: "2021-11-25T10:00:00Z", contentHash: base }];
    p.paragraphs[0]!.id = "p-other";
    p.attendance = p.attendance.map((a) => ({
      ...a,
      personId: `db-${a.personId}`,
      replacesPersonId: a.replacesPersonId ? `db-${a.replacesPersonId}` : null,
    }));
    expect(protocolContentHash(p)).toBe(base);
  });
  it.each<[string, (p: ProtocolDTO) => void]>([
    ["a decision clause", (p) => void (p.paragraphs[3]!.decision.clauses[0] += ".")],
    ["a § number", (p) => void (p.paragraphs[0]!.number = 58)],
    [
      "a table cell",
      (p) =>
        void ((
          p.paragraphs[3]!.sections[0]!.content.content.find((b) => b.type === "table") as {
            content: { content: { content: { content?: { text: string }[] }[] }[] }[];
          }
        ).content[2]!.content[1]!.content[0]!.content![0]!.text = "13 499"),
    ],
    ["attendance ranges", (p) => void (p.attendance[2]!.ranges = [{ from: 59, to: 61 }])],
    ["the place", (p) => void (p.meeting.place = "Kinda")],
    ["a motion's author", (p) => void (p.paragraphs[3]!.motions[0]!.name = "Någon Annan")],
  ])("changes when %s changes", (_what, change) => {
    const p = clone(seed);
    change(p);
    expect(protocolContentHash(p)).not.toBe(base);
  });
});

describe("signers", () => {
  const withSignatures = (signed: boolean[]): ProtocolDTO => ({
    ...seed,
    signatures: [
      {
        role: "SECRETARY",
        personId: "s",
        name: "S",
        signedAt: signed[0] ? "2021-11-20T10:00:00Z" : null,
        contentHash: null,
      },
      {
        role: "CHAIR",
        personId: "c",
        name: "C",
        signedAt: signed[1] ? "2021-11-20T10:00:00Z" : null,
        contentHash: null,
      },
      {
        role: "ADJUSTER",
        personId: "a",
        name: "A",
        signedAt: signed[2] ? "2021-11-20T10:00:00Z" : null,
        contentHash: null,
      },
    ],
  });
  it.each([
    [[false, false, false], false],
    [[true, true, false], false],
    [[true, true, true], true],
  ])("signed %j → fully signed %s", (signed, expected) => {
    expect(isFullySigned(withSignatures(signed))).toBe(expected);
  });
  it("lists what a person still has to sign", () => {
    expect(pendingRolesFor(withSignatures([true, false, false]), "c")).toEqual(["CHAIR"]);
    expect(pendingRolesFor(withSignatures([true, false, false]), "s")).toEqual([]);
  });
  it("names what is missing before sending", () => {
    expect(missingSigners(seed)).toEqual([]);
    expect(
      missingSigners({
        ...seed,
        secretary: null,
        adjusters: [],
        attendance: seed.attendance.filter((a) => a.role !== "CHAIR"),
      }),
    ).toHaveLength(3);
  });
});

describe("blockingFindings", () => {
  const f = (code: string, severity: Finding["severity"]) =>
    ({ code, severity, message: "", paragraphNumber: null, field: "" }) as unknown as Finding;
  it.each([
    [
      "blocks on content errors, not on warnings or deadlines",
      [
        f("PLACEHOLDER_TEXT", "error"),
        f("EMPTY_SECTION", "warning"),
        f("ADJUSTMENT_OVERDUE", "error"),
        f("NOTICE_LATE", "error"),
      ],
      ["PLACEHOLDER_TEXT"],
    ],
    [
      "keeps errors whose code merely contains a deadline word",
      [f("QUORUM", "error"), f("X_ADJUSTMENT_", "error"), f("X_NOTICE_", "error"), f("NOTICE_TOO_EARLY", "warning")],
      ["QUORUM", "X_ADJUSTMENT_", "X_NOTICE_"],
    ],
  ])("%s", (_label, findings, blocking) => {
    expect(blockingFindings(findings).map((x) => x.code)).toEqual(blocking);
  });
});

describe("daysUntilAdjustmentDeadline", () => {
  it.each([
    ["2021-11-18", "2021-11-18", "2021-12-02", 14],
    ["2021-11-18", "2021-12-02", "2021-12-02", 0],
    ["2021-11-18", "2021-12-05", "2021-12-02", -3],
    ["2021-12-10", "2021-12-10", "2021-12-27", 17], // 24 Dec is julafton: moved to the next weekday
  ])("meeting %s, today %s → deadline %s, %i days", (meeting, today, deadline, days) => {
    expect(daysUntilAdjustmentDeadline(meeting, today)).toEqual({ deadline, daysLeft: days });
  });
});
