// The ärendelista as the kallelse has it: the AgendaItem rows on a meeting in position order, extra
// ärenden left out (they are added at the meeting), each with its handlingar in order. One select
// and one mapper for every reader of it (the kallelse in src/modules/summons, the members' view in
// src/modules/members); what a reader may see of confidential ones is decided there.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { SummonsItemDTO } from "@/domain/summons/summons.types";

type Db = PrismaClient | Prisma.TransactionClient;

/** An ärende's own words: rubrik, Dnr, ansvarig, förslag till beslut, sekretess (every read of an ärende has them). */
export const itemTextSelect = {
  title: true,
  caseNumber: true,
  responsible: true,
  proposalIntro: true,
  proposalClauses: true,
  isConfidential: true,
} as const satisfies Prisma.AgendaItemSelect;

/** For `agendaItems` in a Meeting select, or spread into an agendaItem.findMany. */
export const kallelseItemsQuery = {
  where: { isExtra: false, position: { not: null } },
  orderBy: { position: "asc" },
  select: {
    id: true,
    position: true,
    ...itemTextSelect,
    documents: {
      orderBy: { position: "asc" },
      select: { id: true, title: true, fileName: true, mimeType: true, isConfidential: true },
    },
  },
} satisfies Prisma.Meeting$agendaItemsArgs;

type KallelseItemRow = Prisma.AgendaItemGetPayload<{ select: typeof kallelseItemsQuery.select }>;

export function toKallelseItem(item: KallelseItemRow): SummonsItemDTO {
  return {
    id: item.id,
    number: item.position!,
    title: item.title,
    caseNumber: item.caseNumber,
    responsible: item.responsible,
    proposalIntro: item.proposalIntro,
    proposalClauses: [...item.proposalClauses],
    isConfidential: item.isConfidential,
    documents: item.documents.map((d) => ({ ...d })),
  };
}

/** One meeting's ärendelista as the kallelse has it. */
export async function findKallelseItems(db: Db, meetingId: string): Promise<SummonsItemDTO[]> {
  const rows = await db.agendaItem.findMany({
    ...kallelseItemsQuery,
    where: { ...kallelseItemsQuery.where, meetingId },
  });
  return rows.map(toKallelseItem);
}
