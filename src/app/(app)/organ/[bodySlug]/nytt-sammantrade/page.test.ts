// The new-meeting form suggests today's date as a Swedish calendar day (server/clock), not the
// UTC day: shortly after midnight in Sweden the UTC date is still yesterday's.
import { isValidElement, type ReactElement, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

const BODY = { id: "body-1", slug: "direktionen", name: "Direktionen" };
vi.mock("@/server/session", () => ({
  requireUser: async () => ({
    userId: "u1",
    isAdmin: true,
    organisationId: "o1",
    organisationBodyIds: ["body-1"],
    personId: null,
    bodyRoles: [],
  }),
}));
vi.mock("@/server/db", () => ({ getDb: () => ({ body: { findFirst: async () => BODY } }) }));
vi.mock("@/modules/drafting", () => ({ CreateMeetingForm: () => null }));
vi.mock("@/modules/templates", () => ({ listOpeningTitles: async () => [] }));

const { CreateMeetingForm } = await import("@/modules/drafting");
const { default: NewMeetingPage } = await import("./page");

/** The defaultDate the page hands to the form. */
async function defaultDate(): Promise<string> {
  const page = await NewMeetingPage({ params: Promise.resolve({ bodySlug: BODY.slug }) });
  const form = flatten(page).find((e) => e.type === CreateMeetingForm);
  if (!form) throw new Error("the page shows no CreateMeetingForm");
  return (form.props as { defaultDate: string }).defaultDate;
}

function flatten(node: ReactNode): ReactElement[] {
  if (Array.isArray(node)) return node.flatMap(flatten);
  if (!isValidElement(node)) return [];
  return [node, ...flatten((node.props as { children?: ReactNode }).children)];
}

afterEach(() => vi.useRealTimers());

describe("/organ/[bodySlug]/nytt-sammantrade", () => {
  it("suggests the Swedish day at 00:30 Swedish time, winter (CET) and summer (CEST)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-14T23:30:00.000Z")); // 00:30 on 15 January in Stockholm
    expect(await defaultDate()).toBe("2026-01-15");
    vi.setSystemTime(new Date("2026-06-14T22:30:00.000Z")); // 00:30 on 15 June in Stockholm
    expect(await defaultDate()).toBe("2026-06-15");
  });

  it("suggests the same day at 23:30 Swedish time", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-01-15T22:30:00.000Z"));
    expect(await defaultDate()).toBe("2026-01-15");
  });
});
