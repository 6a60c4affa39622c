// The organisation's rule for old public copies (issue 17.2): names withheld N years after
// justering on every public surface, noindex once the appeal period is over.
import { describe, expect, it } from "vitest";
import { fullProtocol } from "./full-protocol.fixture";
import { protocolPersonNames, REDACTED_TEXT, toPublicProtocol, toPublicProtocolWithoutNames } from "./public.rules";
import { namesWithdrawn, namesWithdrawnFrom, noindexOn, NO_RETENTION, type PublicRetentionRule } from "./retention";
import { issuedCopyFingerprint, planCopy } from "@/domain/rules/issued-copies.rules";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";

const rule = (namesYears: number | null, noindexAfterAppeal = false): PublicRetentionRule => ({
  namesYears,
  noindexAfterAppeal,
});

describe("the day names leave the public copy", () => {
  it.each([
    ["2021-11-26", 3, "2024-11-26"],
    ["2024-02-29", 1, "2025-02-28"], // as PostgreSQL's date + interval does in the archive search
    ["2024-02-29", 4, "2028-02-29"],
    ["2021-12-31", 10, "2031-12-31"],
  ])("justerat %s, names kept %i years: from %s", (adjustedOn, years, from) => {
    expect(namesWithdrawnFrom(rule(years), adjustedOn)).toBe(from);
    expect(namesWithdrawn(rule(years), adjustedOn, from)).toBe(true);
  });

  it("not the day before, not without a rule, not before justering", () => {
    expect(namesWithdrawn(rule(3), "2021-11-26", "2024-11-25")).toBe(false);
    expect(namesWithdrawn(NO_RETENTION, "2001-01-01", "2026-12-05")).toBe(false);
    expect(namesWithdrawn(rule(1), null, "2099-01-01")).toBe(false);
  });
});

describe("noindex after the appeal period", () => {
  const notice = { postedOn: "2021-11-29", takeDownOn: "2021-12-20" };
  it("only when the organisation asks for it and the notice is down", () => {
    expect(noindexOn(rule(null, true), notice, "2021-12-20")).toBe(false); // still up on its last day
    expect(noindexOn(rule(null, true), notice, "2021-12-21")).toBe(true);
    expect(noindexOn(rule(null, false), notice, "2030-01-01")).toBe(false);
    expect(noindexOn(rule(null, true), null, "2030-01-01")).toBe(false);
  });
});

describe("a public copy past the names rule", () => {
  const withRule = (namesYears: number | null): ProtocolDTO => {
    const p = fullProtocol() as ProtocolDTO;
    return { ...p, organisation: { ...p.organisation, publicRetention: rule(namesYears) } };
  };
  const names = protocolPersonNames(fullProtocol() as ProtocolDTO);

  it("lists every person the protocol records", () => {
    expect(names).toEqual(
      expect.arrayContaining([
        "Anna Ledamot",
        "Bertil Ledamot",
        "Cecilia Ersättare",
        "Sara Sekreterare",
        "Johan Justerare",
        "Joakim Karlsson, sekreterare",
      ]),
    );
  });

  it("keeps the names before the day, and withholds every one of them from the day on, everywhere", () => {
    const before = JSON.stringify(toPublicProtocol(withRule(3), "2024-11-25"));
    expect(before).toContain("Anna Ledamot");
    const after = toPublicProtocol(withRule(3), "2024-11-26");
    const json = JSON.stringify(after);
    for (const name of names) expect(json, name).not.toContain(name);
    for (const first of ["Anna", "Bertil", "Cecilia", "Sara", "Johan", "Joakim"]) expect(json).not.toContain(first);
    expect(after.attendance.map((a) => a.name)).toEqual([REDACTED_TEXT, REDACTED_TEXT]);
    expect(after.signatures.map((s) => s.name)).toEqual([REDACTED_TEXT, REDACTED_TEXT]);
    expect(after.corrections!.map((c) => c.signedBy)).toEqual([REDACTED_TEXT, REDACTED_TEXT]);
    // What is not a name stays: roles, parties, the decision.
    expect(after.attendance[0]!.represents).toBe("Vimmerby kommun");
    expect(after.paragraphs[0]!.decision).toEqual(toPublicProtocol(withRule(3), "2024-11-25").paragraphs[0]!.decision);
  });

  it("the search index's second version is the same as the copy past the rule", () => {
    expect(toPublicProtocolWithoutNames(withRule(null))).toEqual({
      ...toPublicProtocol(withRule(3), "2030-01-01"),
      organisation: { ...toPublicProtocol(withRule(3), "2030-01-01").organisation, publicRetention: rule(null) },
    });
  });

  it("is another issued copy: the public PDF is issued again on the day", () => {
    const p = withRule(3);
    expect(issuedCopyFingerprint(p, "PUBLIC", "2024-11-25")).not.toBe(issuedCopyFingerprint(p, "PUBLIC", "2024-11-26"));
    expect(issuedCopyFingerprint(p, "FULL", "2024-11-25")).toBe(issuedCopyFingerprint(p, "FULL", "2024-11-26"));
    const later = planCopy(p, "public", "2024-11-26")!;
    expect(later.kind).toBe("PUBLIC");
    expect(JSON.stringify(later.protocol)).not.toContain("Anna Ledamot");
    // The workspace's full copy keeps every name.
    expect(JSON.stringify(planCopy(p, "full", "2030-01-01")!.protocol)).toContain("Anna Ledamot");
  });
});
