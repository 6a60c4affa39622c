import { describe, expect, it } from "vitest";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { kungorelseChanges } from "./kungorelse-changes";
import { summonsFixture } from "./summons.fixture";

const postedAt = "2021-11-08T09:00:00.000Z";
/** Through JSONB and back: the key order is not kept. */
const stored = (v: unknown) =>
  JSON.parse(
    JSON.stringify(v, (_k, x) =>
      x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).reverse()) : x,
    ),
  );

describe("kungorelseChanges", () => {
  const posted = toPublicSummons(summonsFixture()).items;

  it("finds nothing when the public list is the one posted (whatever the key order)", () => {
    expect(kungorelseChanges(stored(posted), postedAt, toPublicSummons(summonsFixture()).items)).toBeNull();
  });

  it("counts nothing without a posted list (sent before it was kept, or never)", () => {
    expect(kungorelseChanges(null, postedAt, posted)).toBeNull();
    expect(kungorelseChanges([{ id: 1 }], postedAt, posted)).toBeNull();
    expect(kungorelseChanges(stored(posted), null, posted)).toBeNull();
  });

  it("names added and changed ärenden by number, and counts those removed without naming them", () => {
    const live = summonsFixture();
    live.items[0]!.title = "Budget 2022 (reviderad)";
    const removed = live.items.splice(1, 1);
    live.items.push({ ...live.items[0]!, id: "new", number: 9, title: "Extra ärende om lokaler" });
    const changes = kungorelseChanges(stored(posted), postedAt, toPublicSummons(live).items);
    expect(changes).toEqual({ postedAt, added: [9], changed: [1], removed: 1 });
    expect(JSON.stringify(changes)).not.toContain(removed[0]!.title);
  });

  it("does not report a change the public cannot see (a confidential ärende's own text)", () => {
    const live = summonsFixture();
    const secret = live.items.find((i) => i.isConfidential)!;
    secret.title = "Ny hemlig rubrik";
    secret.proposalClauses = ["att något annat"];
    expect(kungorelseChanges(stored(posted), postedAt, toPublicSummons(live).items)).toBeNull();
  });
});
