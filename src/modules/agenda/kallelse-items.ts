// The ärendelista as the kallelse has it: the AgendaItem rows on a meeting in position order, extra
// ärenden left out (they are added at the meeting), each with its handlingar in order. Once the
// meeting has dealt with its ärenden, the list stays as it was sent: a tabled or returned ärende has
// left for the pool but keeps its number here (AgendaOutcome.position). One query and one mapper
// for every reader of it (the kallelse in src/modules/summons, the members' view in
// src/modules/members); what a reader may see of confidential ones is decided there.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { SummonsItemDTO } from "@/domain/summons/summons.types";
import { meetingSlotSelect } from "@/server/meeting-slot";

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

/** A meeting as the kallelse states it: time and place, and when it was last sent. */
export const kallelseMeetingSelect = {
  ...meetingSlotSelect,
  summonsSentAt: true,
} as const satisfies Prisma.MeetingSelect;

const kallelseItemSelect = {
  id: true,
  position: true,
  ...itemTextSelect,
  documents: {
    orderBy: { position: "asc" },
    select: { id: true, title: true, fileName: true, mimeType: true, isConfidential: true },
  },
} as const satisfies Prisma.AgendaItemSelect;

type KallelseItemRow = Prisma.AgendaItemGetPayload<{ select: typeof kallelseItemSelect }>;

function toKallelseItem(item: KallelseItemRow, number: number): SummonsItemDTO {
  return {
    id: item.id,
    number,
    title: item.title,
    caseNumber: item.caseNumber,
    responsible: item.responsible,
    proposalIntro: item.proposalIntro,
    proposalClauses: [...item.proposalClauses],
    isConfidential: item.isConfidential,
    documents: item.documents.map((d) => ({ ...d })),
  };
}

/**
 * One meeting's ärendelista as the kallelse has it: the ärenden on it but the extra ones, and
 * those it dealt with under the number they had (a tabled or returned one is in the pool now).
 */
export async function findKallelseItems(db: Db, meetingId: string): Promise<SummonsItemDTO[]> {
  const rows = await db.agendaItem.findMany({
    where: { OR: [{ meetingId, isExtra: false, position: { not: null } }, { outcomes: { some: { meetingId } } }] },
    select: {
      ...kallelseItemSelect,
      meetingId: true,
      isExtra: true,
      outcomes: { where: { meetingId }, select: { position: true } },
    },
  });
  return rows
    .flatMap((r) => {
      const onList = r.meetingId === meetingId && !r.isExtra ? r.position : null;
      const number = r.outcomes[0]?.position ?? onList;
      return number === null ? [] : [toKallelseItem(r, number)];
    })
    .sort((a, b) => a.number - b.number);
}
