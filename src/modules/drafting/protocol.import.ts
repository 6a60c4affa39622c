// Writes a ProtocolDTO into the database as structured rows: used by the demo seed and by test
// factories. Person ids in the DTO are mapped through `personIds` (seed keys → database ids).
import type { Prisma } from "@/generated/prisma/client";
import { createMotions, paragraphPartsData } from "@/modules/drafting/paragraph.persist";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { dbDate } from "@/lib/iso-date";

type Tx = Prisma.TransactionClient;

export async function importProtocol(
  tx: Tx,
  protocol: ProtocolDTO,
  ctx: { bodyId: string; personIds: ReadonlyMap<string, string> },
): Promise<string> {
  const person = (key: string): string => {
    const id = ctx.personIds.get(key);
    if (!id) throw new Error(`Okänd person i protokollet: ${key}`);
    return id;
  };
  const m = protocol.meeting;
  const meeting = await tx.meeting.create({
    data: {
      bodyId: ctx.bodyId,
      slug: m.slug,
      date: dbDate(m.date),
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      status: m.status,
      adjustmentPlace: m.adjustmentPlace,
      adjustmentDate: m.adjustmentDate ? dbDate(m.adjustmentDate) : null,
      adjustmentTime: m.adjustmentTime ?? null,
      adjustedOn: m.adjustedOn ? dbDate(m.adjustedOn) : null,
      secretaryId: protocol.secretary ? person(protocol.secretary.personId) : null,
      adjusters: { create: protocol.adjusters.map((a, position) => ({ personId: person(a.personId), position })) },
      signers: {
        create: (protocol.signers ?? []).map((s, position) => ({
          personId: person(s.personId),
          role: s.role,
          position,
          fromNumbers: s.ranges.map((r) => r.from),
          toNumbers: s.ranges.map((r) => r.to),
        })),
      },
      notice: protocol.notice
        ? {
            create: {
              postedOn: dbDate(protocol.notice.postedOn),
              takeDownOn: dbDate(protocol.notice.takeDownOn),
              storagePlace: protocol.notice.storagePlace,
            },
          }
        : undefined,
    },
  });

  for (const [position, a] of protocol.attendance.entries()) {
    await tx.attendance.create({
      data: {
        meetingId: meeting.id,
        personId: person(a.personId),
        role: a.role,
        represents: a.represents,
        title: a.title,
        replacesPersonId: a.replacesPersonId ? person(a.replacesPersonId) : null,
        arrivalTime: a.arrivalTime ?? null,
        departureTime: a.departureTime ?? null,
        position,
        ranges: { create: a.ranges.map((r) => ({ fromNumber: r.from, toNumber: r.to })) },
      },
    });
  }

  const year = Number(m.date.slice(0, 4));
  for (const p of protocol.paragraphs) {
    const paragraph = await tx.paragraph.create({
      data: {
        meetingId: meeting.id,
        bodyId: ctx.bodyId,
        year,
        number: p.number,
        caseNumber: p.caseNumber,
        title: p.title,
        decisionIntro: p.decision.intro,
        decisionClauses: p.decision.clauses,
        isConfidential: p.isConfidential,
        withholdingGround: p.withholdingGround ?? null,
        redactedNames: p.redactedNames ?? [],
        isImmediatelyAdjusted: p.isImmediatelyAdjusted,
        ...paragraphPartsData(p, person),
        attachments: {
          create: p.attachments.map((a, position) => ({ label: a.label, fileName: a.fileName, position })),
        },
      },
    });
    await createMotions(tx, paragraph.id, p.motions, person);
  }
  for (const s of protocol.signatures) {
    if (!s.signedAt || !s.contentHash) continue;
    await tx.signature.create({
      data: {
        meetingId: meeting.id,
        personId: person(s.personId),
        role: s.role,
        signedAt: new Date(s.signedAt),
        contentHash: s.contentHash,
      },
    });
  }
  return meeting.id;
}
