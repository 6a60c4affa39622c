// The content hash payload: what a signature covers. Pinned values first: stored contentHash values
// of justerade protocols must still verify, so the payload of existing data must never change.
import { describe, expect, it } from "vitest";
import { itsamSeed } from "../../../prisma/seed/itsam-direktionen-2021-11-18";
import { fullProtocol } from "@/domain/publication/full-protocol.fixture";
import { changed, leaves, withLeaf, type Leaf } from "@/domain/publication/leaves.fixture";
import type { AttendanceDTO, ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { ATTENDANCE_COVERAGE, PARAGRAPH_COVERAGE, PROTOCOL_COVERAGE, type Coverage } from "./hash-payload";
import { protocolContentHash } from "./content-hash";

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
    expect(protocolContentHash(itsamSeed.meetings[0]!)).toBe(
      "2cdf0a16c5f327d0cdce57734020158b064de011168e0b90cf8d2188a760a29f",
    );
  });
  it("is unchanged for a protocol with every field filled that existed before issue 14's additions", () => {
    // Signers per §, vote totals, attendance arrival/departure times and the justering's time
    // (issue 14) are left out of the payload when empty, as in every protocol signed before they
    // existed: the hash of the filled protocol without them is the one pinned then.
    const before: ProtocolDTO = { ...fullProtocol(), signers: undefined };
    for (const p of before.paragraphs) for (const v of p.votes) (v as { counts: unknown }).counts = null;
    for (const p of before.paragraphs) Object.assign(p, { withholdingGround: null, redactedNames: [] });
    delete before.meeting.adjustmentTime;
    for (const a of before.attendance) {
      delete a.arrivalTime;
      a.departureTime = null;
    }
    expect(protocolContentHash(before)).toBe("13a203b8ef1dd25f0b9530c8e5c165985be192bff28e5ead78ce8105bb6fa101");
    expect(protocolContentHash({ ...before, signers: [] })).toBe(
      "13a203b8ef1dd25f0b9530c8e5c165985be192bff28e5ead78ce8105bb6fa101",
    );
  });
  it("is unchanged for a protocol with every field filled that existed before issue 17's redactions", () => {
    // The ground for withholding and the redacted names are left out of the payload when empty.
    const before = fullProtocol();
    for (const p of before.paragraphs) Object.assign(p, { withholdingGround: null, redactedNames: [] });
    expect(protocolContentHash(before)).toBe("5e9cb0acd94f4692e6ca65774dcb51f7e8dfd21e5016db4a27f2d95dd5324203");
  });
  it("is pinned for a protocol with every field filled, redactions included", () => {
    expect(protocolContentHash(fullProtocol())).toBe(
      "a1caab7a7b776385ac4f89a6e0a813bab459d5c4e859470746780c604ed2a792",
    );
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

/**
 * Leaves of the fully filled protocol a change to which must NOT change the hash, with the reason.
 * Every other leaf (content) must change it.
 */
const EXCLUDED_FROM_HASH: Record<string, string> = {
  "organisation.caseNumberExample": "a typing hint of the organisation's register",
  "organisation.publicRetention.namesYears": "the organisation's rule for its old public copies",
  "organisation.publicRetention.noindexAfterAppeal": "the organisation's rule for its old public copies",
  "body.slug": "the address of the body's pages",
  "body.appendedAttendanceList": "layout: beslutande on the cover or in the appended list",
  "body.decisionPlacement": "the body's layout setting: where the signed decision text is printed",
  "meeting.id": "database id",
  "meeting.status": "workflow state",
  "meeting.adjustedOn": "set when the last signature comes in",
  "secretary.personId": "people appear by name",
  "adjusters[].personId": "people appear by name",
  "signers[].personId": "people appear by name",
  "attendance[].personId": "people appear by name (a seat taken names the person replaced)",
  "paragraphs[].id": "database id",
  "paragraphs[].attachments[].id": "database id",
  "paragraphs[].motions[].personId": "people appear by name",
  "paragraphs[].votes[].ballots[].personId": "people appear by name",
  "paragraphs[].reservations[].personId": "people appear by name",
  "paragraphs[].reservations[].writtenLater": "a drafting reminder (written reasons announced); the reasons are signed",
  "paragraphs[].notes[].personId": "people appear by name",
  "paragraphs[].recusals[].personId": "people appear by name",
  "notice.postedOn": "the notice is set at and after justering",
  "notice.takeDownOn": "the notice is set at and after justering",
  "notice.storagePlace": "the notice is set at and after justering",
  "notice.noticeBoard": "the notice is set at and after justering",
  "notice.certifiedBy": "the notice is set at and after justering",
  "notice.wording": "the notice is set at and after justering",
  "notice.revisedAt": "the notice is set at and after justering",
  "signatures[].personId": "the signatures sign the payload",
  "signatures[].name": "the signatures sign the payload",
  "signatures[].role": "the signatures sign the payload",
  "signatures[].signedAt": "the signatures sign the payload",
  "signatures[].contentHash": "the signatures sign the payload",
  "signatures[].method": "the signatures sign the payload (how each signer was identified)",
  "signatures[].assuranceLevel": "the signatures sign the payload (how each signer was identified)",
  "signatures[].idpName": "the signatures sign the payload (how each signer was identified)",
  "signatures[].ranges[].from": "the signatures sign the payload (the §§ are covered as signers[].ranges)",
  "signatures[].ranges[].to": "the signatures sign the payload (the §§ are covered as signers[].ranges)",
  "corrections[].paragraphNumber": "rättelser come after justering, each signed on its own",
  "corrections[].text": "rättelser come after justering, each signed on its own",
  "corrections[].signedBy": "rättelser come after justering, each signed on its own",
  "corrections[].signedAt": "rättelser come after justering, each signed on its own",
};

describe("every leaf of a fully filled protocol, changed once", () => {
  const base = fullProtocol();
  const baseHash = protocolContentHash(base);
  const all = leaves(base);
  const hashWith = (leaf: Leaf) => protocolContentHash(withLeaf(base, leaf.path, changed(leaf.value)));

  it("covers the whole protocol: text, numbers, yes/no, rich text attributes, notice and rättelser", () => {
    const names = new Set(all.map((l) => l.name));
    expect(all.length).toBeGreaterThan(250);
    for (const name of [
      "paragraphs[].votes[].ballots[].choice",
      "paragraphs[].isConfidential",
      "attendance[].role",
      "meeting.date",
      "paragraphs[].recusals[].reason",
      "paragraphs[].sections[].content.content[].attrs.level",
      "notice.postedOn",
      "corrections[].text",
    ]) {
      expect(names).toContain(name);
    }
  });

  it("changes the hash, except at the documented excluded paths", () => {
    const uncovered = all
      .filter((l) => !Object.hasOwn(EXCLUDED_FROM_HASH, l.name) && hashWith(l) === baseHash)
      .map((l) => l.name);
    expect(uncovered).toEqual([]);
  });

  it("has no stale exclusions: each names leaves that exist and leave the hash as it is", () => {
    for (const name of Object.keys(EXCLUDED_FROM_HASH)) {
      const matching = all.filter((l) => l.name === name);
      expect(matching.length, `${name} names no leaf`).toBeGreaterThan(0);
      for (const leaf of matching) expect(hashWith(leaf), `${name} is covered after all`).toBe(baseHash);
    }
  });
});
