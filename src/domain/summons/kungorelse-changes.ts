// The kungörelse after the ärendelista changed (issue 15, point 3; 5 kap. 53–55 §§ KL). The
// kungörelse states time, place and the ärenden; an ärende changed or added after it was posted
// needs a new kungörelse. Paragraf posts a kungörelse each time the kallelse is sent and keeps its
// public ärendelista (Meeting.kungorelseItems). The anslagstavla shows the live public list — the
// projection is always taken over today's rows, so an ärende or handling made confidential since is
// never shown from an old copy — and says where it differs from what was posted: which ärenden are
// new or changed, and how many have left the list (by count only: a title need not stay public).
// The secretary is told too, and sending the kallelse again posts the new kungörelse.
import { z } from "@/lib/zod";
import type { SummonsItemDTO } from "./summons.types";

/** How the public ärendelista differs from the one posted; null when it does not. */
export interface KungorelseChanges {
  /** When the kungörelse was posted (the last sending), ISO instant. */
  postedAt: string;
  /** Numbers of ärenden not in the kungörelse. */
  added: number[];
  /** Numbers of ärenden whose public text (number, rubrik, Dnr, förslag, handlingar) changed. */
  changed: number[];
  /** How many ärenden of the kungörelse are no longer on the list. */
  removed: number;
}

const postedItem = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  responsible: z.string().nullable(),
  proposalIntro: z.string(),
  proposalClauses: z.array(z.string()),
  isConfidential: z.boolean(),
  documents: z.array(z.object({ id: z.string(), title: z.string(), fileName: z.string() })),
});

/** What a reader of the kungörelse sees of an ärende, key order fixed (JSONB does not keep it). */
function publicText(i: z.infer<typeof postedItem>): string {
  return JSON.stringify([
    i.number,
    i.title,
    i.caseNumber,
    i.responsible,
    i.proposalIntro,
    i.proposalClauses,
    i.isConfidential,
    i.documents.map((d) => [d.id, d.title, d.fileName]),
  ]);
}

/**
 * Compares the public ärendelista today with the one posted at the last sending (both through
 * toPublicSummons). A posted list that cannot be read (none stored: sent before it was kept)
 * counts as unchanged.
 */
export function kungorelseChanges(
  posted: unknown,
  postedAt: string | null,
  live: readonly SummonsItemDTO[],
): KungorelseChanges | null {
  const parsed = z.array(postedItem).safeParse(posted);
  if (!parsed.success || postedAt === null) return null;
  const before = new Map(parsed.data.map((i) => [i.id, publicText(i)]));
  const added: number[] = [];
  const changed: number[] = [];
  for (const item of live) {
    const was = before.get(item.id);
    if (was === undefined) added.push(item.number);
    else if (was !== publicText(item)) changed.push(item.number);
  }
  const liveIds = new Set(live.map((i) => i.id));
  const removed = parsed.data.filter((i) => !liveIds.has(i.id)).length;
  return added.length + changed.length + removed === 0 ? null : { postedAt, added, changed, removed };
}
