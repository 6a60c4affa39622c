// Writing a paragraph's parts as rows. Shared by the demo-data import and the editor's save, so
// both store a § the same way. `person` maps the ids in the input to database person ids.
import type { Prisma } from "@/generated/prisma/client";
import type { ParagraphDTO } from "@/domain/protocol/protocol.types";
import { toPlainText } from "@/domain/richtext/richtext.text";

export type Parts = Pick<ParagraphDTO, "sections" | "basisDocuments" | "dispatch" | "propositions"> & {
  reservations: readonly { personId: string; reasons: string | null; writtenLater?: boolean }[];
  notes: readonly { personId: string | null; text: string }[];
  recusals: readonly { personId: string; reason: string }[];
  votes: readonly (Pick<ParagraphDTO["votes"][number], "question" | "result" | "outcome"> & {
    ballots: readonly Pick<ParagraphDTO["votes"][number]["ballots"][number], "personId" | "choice">[];
    /** Absent (the demo import) = a vote by name. */
    counts?: ParagraphDTO["votes"][number]["counts"];
  })[];
};

export type Motions = readonly Pick<
  ParagraphDTO["motions"][number],
  "personId" | "kind" | "text" | "amendsIndex" | "withdrawn"
>[];

/** Nested-create data for everything in a § except motions (which link to each other). */
export function paragraphPartsData(p: Parts, person: (id: string) => string) {
  return {
    sections: {
      create: p.sections.map((s, position) => ({
        kind: s.kind,
        heading: s.heading,
        content: s.content as unknown as Prisma.InputJsonValue,
        plainText: toPlainText(s.content),
        position,
      })),
    },
    basisDocuments: { create: p.basisDocuments.map((title, position) => ({ title, position })) },
    dispatches: { create: p.dispatch.map((recipient, position) => ({ recipient, position })) },
    propositions: { create: p.propositions.map((text, position) => ({ text, position })) },
    reservations: {
      create: p.reservations.map((r, position) => ({
        personId: person(r.personId),
        reasons: r.reasons,
        writtenLater: r.writtenLater ?? false,
        position,
      })),
    },
    notes: {
      create: p.notes.map((n, position) => ({
        personId: n.personId ? person(n.personId) : null,
        text: n.text,
        position,
      })),
    },
    recusals: { create: p.recusals.map((r) => ({ personId: person(r.personId), reason: r.reason })) },
    votes: {
      create: p.votes.map((v, position) => ({
        question: v.question,
        result: v.result,
        outcome: v.outcome,
        position,
        yesCount: v.counts?.ja ?? null,
        noCount: v.counts?.nej ?? null,
        abstainCount: v.counts?.avstar ?? null,
        ballots: { create: v.ballots.map((b, i) => ({ personId: person(b.personId), choice: b.choice, position: i })) },
      })),
    },
  } satisfies Partial<Prisma.ParagraphUncheckedCreateInput>;
}

/** Motions in order; an amendment points at the earlier motion it amends. */
export async function createMotions(
  tx: Prisma.TransactionClient,
  paragraphId: string,
  motions: Motions,
  person: (id: string) => string,
): Promise<void> {
  const ids: string[] = [];
  for (const [position, m] of motions.entries()) {
    const created = await tx.motion.create({
      data: {
        paragraphId,
        personId: person(m.personId),
        kind: m.kind,
        text: m.text,
        amendsId: m.amendsIndex === null ? null : (ids[m.amendsIndex] ?? null),
        withdrawn: m.withdrawn,
        position,
      },
      select: { id: true },
    });
    ids.push(created.id);
  }
}

/** Remove every part of a § before writing the new version of it. */
export async function deleteParagraphParts(tx: Prisma.TransactionClient, paragraphId: string): Promise<void> {
  const where = { paragraphId };
  // Amendments point at other motions of the same §: unlink before deleting.
  await tx.motion.updateMany({ where, data: { amendsId: null } });
  // One after the other: a transaction is one connection, which runs one query at a time.
  await tx.paragraphSection.deleteMany({ where });
  await tx.basisDocument.deleteMany({ where });
  await tx.dispatchRecipient.deleteMany({ where });
  await tx.proposition.deleteMany({ where });
  await tx.reservation.deleteMany({ where });
  await tx.protocolNote.deleteMany({ where });
  await tx.recusal.deleteMany({ where });
  await tx.vote.deleteMany({ where });
  await tx.motion.deleteMany({ where });
}
