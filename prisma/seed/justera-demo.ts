// Makes the demo meeting a justerat protocol through the real actions: fixes the three content
// defects the checker reports in the original (the § 62 seat overlap and § 67's template
// leftovers and foreign-body decision), sends it for justering and signs as the three signers.
// Used by benchmarks and demos that need public data.
import type { PrismaClient } from "../../src/generated/prisma/client";
import { sendForAdjustment, signProtocol } from "../../src/modules/justering/signoff.mutations";
import type { ActionContext } from "../../src/server/action";
import { loadActorByEmail } from "../../src/server/actor";

const SLUG = "direktionen-2021-11-18";

async function contextFor(db: PrismaClient, email: string): Promise<ActionContext> {
  return { db, ip: null, actor: await loadActorByEmail(db, email) };
}

/**
 * The three content defects the checker reports in the original seed, fixed, so that the demo
 * meeting can be sent for justering: Conny Forsberg's seat ends at § 61 (§ 62's overlap), § 67
 * gets its own body's decision and loses its template leftovers. Tests use it too.
 */
export async function fixSeedDefects(db: PrismaClient, meetingId: string): Promise<void> {
  const conny = await db.attendance.findFirstOrThrow({
    where: { meetingId, person: { name: "Conny Forsberg" } },
    include: { ranges: true },
  });
  await db.attendanceRange.update({ where: { id: conny.ranges[0]!.id }, data: { toNumber: 61 } });
  const p67 = await db.paragraph.findFirstOrThrow({ where: { meetingId, number: 67 } });
  await db.paragraph.update({
    where: { id: p67.id },
    data: { decisionIntro: "Direktionen beslutar att notera informationen till protokollet." },
  });
  await db.paragraphSection.deleteMany({ where: { paragraphId: p67.id, kind: { not: "SUMMARY" } } });
}

/** `confidential`: §§ to mark as sekretess before justering (tests of what the public sees). */
export async function justeraDemoMeeting(
  db: PrismaClient,
  password = "paragraf-demo",
  options: { confidential?: readonly number[] } = {},
): Promise<void> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: SLUG } });
  if (meeting.status !== "DRAFT") return;
  await fixSeedDefects(db, meeting.id);
  if (options.confidential?.length) {
    await db.paragraph.updateMany({
      where: { meetingId: meeting.id, number: { in: [...options.confidential] } },
      data: { isConfidential: true },
    });
  }

  const sent = await sendForAdjustment(await contextFor(db, "sekreterare@itsam.example"), { meetingId: meeting.id });
  if (!sent.ok) throw new Error(`Kunde inte skicka till justering: ${sent.message}`);
  for (const email of ["ordforande@itsam.example", "justerare@itsam.example", "sekreterare@itsam.example"]) {
    const signed = await signProtocol(await contextFor(db, email), { meetingId: meeting.id, password });
    if (!signed.ok) throw new Error(`${email} kunde inte signera: ${signed.message}`);
  }
}
