// The content hash payload: what a signature covers. Pinned values first: stored contentHash values
// of justerade protocols must still verify, so the payload of existing data must never change.
import { describe, expect, it } from "vitest";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { fullProtocol } from "@/modules/public/full-protocol.fixture";
import type { AttendanceDTO, ParagraphDTO, ProtocolDTO } from "@/modules/protocol/protocol.types";
import { ATTENDANCE_COVERAGE, PARAGRAPH_COVERAGE, PROTOCOL_COVERAGE, type Coverage } from "./hash-payload";
import { protocolContentHash } from "./signoff.hash";

// Compile-time: a field added to a DTO must be covered or excluded before this compiles. The
// `@ts-expect-error` lines fail tsc when a coverage would accept a DTO with an unlisted field.
type WithNewField<T> = T & { newField: string };
// @ts-expect-error ParagraphDTO gained a field the hash payload neither covers nor excludes
const paragraphCoverage: Coverage<WithNewField<ParagraphDTO>> = PARAGRAPH_COVERAGE;
// @ts-expect-error AttendanceDTO gained a field
const attendanceCoverage: Coverage<WithNewField<AttendanceDTO>> = ATTENDANCE_COVERAGE;
// @ts-expect-error ProtocolDTO gained a field
const protocolCoverage: Coverage<WithNewField<ProtocolDTO>> = PROTOCOL_COVERAGE;

describe("protocolContentHash of existing data", () => {
  it("is unchanged for the seed protocol", () => {
    expect(protocolContentHash(itsamSeed.meetings[0]!)).toBe("2cdf0a16c5f327d0cdce57734020158b064de011168e0b90cf8d2188a760a29f");
  });
  it("is unchanged for a protocol with every field filled", () => {
    expect(protocolContentHash(fullProtocol())).toBe("13a203b8ef1dd25f0b9530c8e5c165985be192bff28e5ead78ce8105bb6fa101");
  });
});

describe("the coverage", () => {
  it("lists every field of the protocol, covered or excluded with a reason", () => {
    expect([paragraphCoverage, attendanceCoverage, protocolCoverage].every(Boolean)).toBe(true);
    expect(Object.keys(PROTOCOL_COVERAGE).sort()).toEqual(Object.keys(fullProtocol()).sort());
    for (const rule of Object.values(PROTOCOL_COVERAGE)) {
      if ("excluded" in rule) expect(rule.excluded.length).toBeGreaterThan(10);
    }
  });
});
