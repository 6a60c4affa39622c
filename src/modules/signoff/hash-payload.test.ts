// The content hash payload: what a signature covers. Pinned values first: stored contentHash values
// of justerade protocols must still verify, so the payload of existing data must never change.
import { describe, expect, it } from "vitest";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { fullProtocol } from "@/modules/public/full-protocol.fixture";
import { protocolContentHash } from "./signoff.hash";

describe("protocolContentHash of existing data", () => {
  it("is unchanged for the seed protocol", () => {
    expect(protocolContentHash(itsamSeed.meetings[0]!)).toBe("2cdf0a16c5f327d0cdce57734020158b064de011168e0b90cf8d2188a760a29f");
  });
  it("is unchanged for a protocol with every field filled", () => {
    expect(protocolContentHash(fullProtocol())).toBe("13a203b8ef1dd25f0b9530c8e5c165985be192bff28e5ead78ce8105bb6fa101");
  });
});
