// The justering rules at their edges, so that a small slip in signoff.rules.ts fails a test
// (found by `npm run mutation`): a protocol without any signer is not "fully signed", one person
// holding two roles signs both, each missing signer is named on its own.
import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import type { ProtocolDTO, SignatureDTO } from "@/domain/protocol/protocol.types";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { canonicalJson, isFullySigned, missingSigners, pendingRolesFor, requiredSigners } from "./signoff.rules";

const seed = itsamSeed.meetings[0]!;
const sig = (role: SignatureDTO["role"], personId: string, signedAt: string | null = null): SignatureDTO => ({
  role,
  personId,
  name: personId.toUpperCase(),
  signedAt,
  contentHash: null,
});
const withSignatures = (signatures: SignatureDTO[]): ProtocolDTO => ({ ...seed, signatures });
const AT = "2021-11-20T10:00:00Z";

describe("isFullySigned", () => {
  it("is false for a protocol with no signers at all: nobody has justerat it", () => {
    expect(isFullySigned(withSignatures([]))).toBe(false);
  });
  it.each([
    [[sig("SECRETARY", "s", AT)], true],
    [[sig("SECRETARY", "s", null)], false],
    [[sig("SECRETARY", "s", AT), sig("CHAIR", "c", null), sig("ADJUSTER", "a", AT)], false],
    [[sig("SECRETARY", "s", null), sig("CHAIR", "c", AT), sig("ADJUSTER", "a", AT)], false],
  ] as const)("%j → %s", (signatures, expected) => {
    expect(isFullySigned(withSignatures([...signatures]))).toBe(expected);
  });
});

describe("pendingRolesFor and requiredSigners", () => {
  const p = withSignatures([
    sig("SECRETARY", "s", AT),
    sig("CHAIR", "c"),
    sig("ADJUSTER", "c"),
    sig("ADJUSTER", "a", AT),
  ]);
  it("gives the first role a person has left (one signature covers all their lines), none once signed", () => {
    expect(pendingRolesFor(p, "c")).toEqual(["CHAIR"]);
    expect(pendingRolesFor(p, "a")).toEqual([]);
    expect(pendingRolesFor(p, "s")).toEqual([]);
    expect(pendingRolesFor(p, "nobody")).toEqual([]);
  });
  it("names every required signer with role, person and name, signed or not", () => {
    expect(requiredSigners(p)).toEqual([
      { role: "SECRETARY", personId: "s", name: "S" },
      { role: "CHAIR", personId: "c", name: "C" },
      { role: "ADJUSTER", personId: "c", name: "C" },
      { role: "ADJUSTER", personId: "a", name: "A" },
    ]);
  });
});

describe("missingSigners", () => {
  const noChair = seed.attendance.filter((a) => a.role !== "CHAIR");
  it.each<[string, Partial<ProtocolDTO>, string[]]>([
    ["nothing", {}, []],
    ["the secretary", { secretary: null }, ["Ange sekreterare under Sammanträdet."]],
    ["the chair", { attendance: noChair }, ["Ange ordförande i närvarolistan."]],
    ["the justerare", { adjusters: [] }, ["Ange minst en justerare under Sammanträdet."]],
    [
      "all three",
      { secretary: null, attendance: noChair, adjusters: [] },
      [
        "Ange sekreterare under Sammanträdet.",
        "Ange ordförande i närvarolistan.",
        "Ange minst en justerare under Sammanträdet.",
      ],
    ],
  ])("without %s", (_what, change, expected) => {
    expect(missingSigners({ ...seed, ...change })).toEqual(expected);
  });
});

describe("canonicalJson at its edges", () => {
  itMaps("%j → %s", canonicalJson, [
    [undefined, "null"],
    [null, "null"],
    [0, "0"],
    [false, "false"],
    [{}, "{}"],
    [[], "[]"],
    [{ b: 1, a: 2, c: 3 }, '{"a":2,"b":1,"c":3}'],
    [{ c: 1, b: 2, a: 3 }, '{"a":3,"b":2,"c":1}'],
    [{ a: [1, { z: 1, y: [null] }] }, '{"a":[1,{"y":[null],"z":1}]}'],
  ]);
  it.each([NaN, Infinity, -Infinity])("refuses %s, which JSON cannot carry", (n) => {
    expect(() => canonicalJson({ a: n })).toThrow("canonicalJson: non-finite number");
  });
});
