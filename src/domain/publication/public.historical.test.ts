// The public projection of a historical protocol: what is published is listed field by field, the
// registrar is withheld, and one registered as not public cannot be projected at all.
import { describe, expect, it } from "vitest";
import type { HistoricalProtocolDTO } from "@/domain/protocol/historical.types";
import { PUBLIC_HISTORICAL_PROTOCOL, toPublicHistoricalProtocol, type FieldPolicy } from "./public.rules";

const scanned: HistoricalProtocolDTO = {
  id: "h1",
  slug: "direktionen-2019-03-14",
  organisation: { name: "Itsam" },
  body: { name: "Direktionen", slug: "direktionen" },
  meetingDate: "2019-03-14",
  title: "Direktionen, sammanträde 14 mars 2019",
  description: "Ärende om 850101-1234",
  firstNumber: 1,
  lastNumber: 3,
  adjustedOn: "2019-03-20",
  postedOn: "2019-03-21",
  takeDownOn: null,
  fileName: "protokoll.pdf",
  sha256: "a".repeat(64),
  sizeBytes: 1234,
  isPublic: true,
  registeredByUserId: "u-secretary",
  registeredByName: "Sara Sekreterare",
  registeredAt: "2026-12-04T10:00:00.000Z",
  paragraphs: [{ number: 2, title: "Budget", caseNumber: "ITSAM 2019/2" }],
};

// @ts-expect-error HistoricalProtocolDTO gained a field the policy does not list
const withNewField: FieldPolicy<HistoricalProtocolDTO & { newField: string }> = PUBLIC_HISTORICAL_PROTOCOL;

describe("toPublicHistoricalProtocol", () => {
  it("publishes the record and withholds who registered it; personnummer masked", () => {
    const pub = toPublicHistoricalProtocol(scanned);
    expect(pub).toEqual({
      ...scanned,
      description: "Ärende om ÅÅMMDD-XXXX",
      registeredByUserId: null,
      registeredByName: null,
    });
    expect(JSON.stringify(pub)).not.toMatch(/Sara|u-secretary/);
    expect(withNewField).toBeTruthy();
  });

  it("drops a key the policy does not know", () => {
    const pub = toPublicHistoricalProtocol({ ...scanned, bytes: "secret" } as HistoricalProtocolDTO);
    expect(pub).not.toHaveProperty("bytes");
  });

  it("refuses one registered as not public", () => {
    expect(() => toPublicHistoricalProtocol({ ...scanned, isPublic: false })).toThrow(/Not public/);
  });
});
