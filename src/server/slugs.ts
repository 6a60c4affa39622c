import type { Prisma } from "@/generated/prisma/client";
import { meetingSlug } from "@/domain/rules/meeting.rules";

/**
 * The slug for a new meeting or historical protocol: "<body>-<date>", or "-2", "-3"… when taken.
 * Taken counts across every organisation (slugs are unique in the whole installation), which the
 * request's own scope cannot see: the database lists them (paragraf_taken_slugs, migration
 * 20261208090000_slugs_across_organisations).
 */
export async function freeSlug(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  table: "Meeting" | "HistoricalProtocol",
  bodySlug: string,
  date: string,
): Promise<string> {
  const rows = await tx.$queryRaw<{ slug: string }[]>`
    SELECT t AS slug FROM paragraf_taken_slugs(${table}, ${`${bodySlug}-${date}`}) AS t`;
  return meetingSlug(bodySlug, date, new Set(rows.map((r) => r.slug)));
}
