// What the agenda → protocol page shows: the ärenden still to deal with (with what the form needs),
// the body's opening items, and what earlier runs made of the others (fate and §).
import type { AgendaFate } from "@/domain/protocol/protocol.types";
import type { PrismaClient } from "@/generated/prisma/client";
import { pendingAgendaItems } from "./agenda-to-protocol.mutations";

export interface AgendaToProtocolView {
  meetingId: string;
  slug: string;
  agendaVersion: number;
  /** The titles of the body's opening §§ (its opening templates); offered only before anything was turned into §§. */
  openingItems: string[];
  /** Some ärenden were turned into §§ already. */
  started: boolean;
  pending: {
    id: string;
    position: number;
    title: string;
    caseNumber: string | null;
    isConfidential: boolean;
    isExtra: boolean;
    hasProposal: boolean;
    documentCount: number;
    /** Sent back by an earlier meeting: why. */
    returnReason: string | null;
  }[];
  done: {
    itemId: string;
    title: string;
    caseNumber: string | null;
    fate: AgendaFate;
    /** The § recording it; null for utgår (or a § since deleted). */
    paragraphNumber: number | null;
    reason: string | null;
  }[];
}

export async function findAgendaToProtocol(db: PrismaClient, meetingId: string): Promise<AgendaToProtocolView | null> {
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      slug: true,
      agendaVersion: true,
      body: {
        select: {
          paragraphTemplates: { where: { isOpening: true }, orderBy: { position: "asc" }, select: { title: true } },
        },
      },
    },
  });
  if (!m) return null;
  const [pending, outcomes] = await Promise.all([
    pendingAgendaItems(db, meetingId),
    db.agendaOutcome.findMany({
      where: { meetingId },
      orderBy: { createdAt: "asc" },
      select: {
        agendaItemId: true,
        fate: true,
        paragraphId: true,
        reason: true,
        agendaItem: { select: { title: true, caseNumber: true } },
      },
    }),
  ]);
  const paragraphIds = outcomes.flatMap((o) => (o.paragraphId ? [o.paragraphId] : []));
  const numbers = new Map(
    (
      await db.paragraph.findMany({
        where: { id: { in: paragraphIds }, meetingId },
        select: { id: true, number: true },
      })
    ).map((p) => [p.id, p.number]),
  );
  const done = outcomes
    .map((o) => ({
      itemId: o.agendaItemId,
      title: o.agendaItem.title,
      caseNumber: o.agendaItem.caseNumber,
      fate: o.fate,
      paragraphNumber: o.paragraphId ? (numbers.get(o.paragraphId) ?? null) : null,
      reason: o.reason,
    }))
    .sort((a, b) => (a.paragraphNumber ?? Infinity) - (b.paragraphNumber ?? Infinity));
  return {
    meetingId: m.id,
    slug: m.slug,
    agendaVersion: m.agendaVersion,
    openingItems: m.body.paragraphTemplates.map((t) => t.title),
    started: outcomes.length > 0,
    pending: pending.map((i) => ({
      id: i.id,
      position: i.position ?? 0,
      title: i.title,
      caseNumber: i.caseNumber,
      isConfidential: i.isConfidential,
      isExtra: i.isExtra,
      hasProposal: i.proposalIntro.trim() !== "" || i.proposalClauses.length > 0,
      documentCount: i.documents.length,
      returnReason: i.returnReason,
    })),
    done,
  };
}
