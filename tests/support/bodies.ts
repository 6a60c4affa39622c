// Bodies the seed does not have, made the same way in every test that needs one.
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, dbDate, type IsoDate } from "@/lib/iso-date";

/**
 * A kommunfullmäktige (31 seats) in the organisation with one ledamot, whose term runs from
 * 400 days before `today` to 400 days after it.
 */
export async function createFullmaktige(
  db: PrismaClient,
  {
    organisationId,
    today,
    slug = "kommunfullmaktige",
    member,
  }: { organisationId: string; today: IsoDate; slug?: string; member: { name: string; email?: string } },
): Promise<{ bodyId: string; personId: string }> {
  const kf = await db.body.create({
    data: {
      organisationId,
      slug,
      name: "Kommunfullmäktige",
      genitiveName: "Kommunfullmäktiges",
      kind: "FULLMAKTIGE",
      seatCount: 31,
    },
  });
  const person = await db.person.create({ data: { organisationId, ...member } });
  await db.membership.create({
    data: {
      bodyId: kf.id,
      personId: person.id,
      role: "MEMBER",
      represents: "Vimmerby kommun",
      termStart: dbDate(addDays(today, -400)),
      termEnd: dbDate(addDays(today, 400)),
    },
  });
  return { bodyId: kf.id, personId: person.id };
}

/** The body's opening §§ as templates (src/modules/templates), titles only, in this order. */
export async function addOpeningTemplates(db: PrismaClient, bodyId: string, titles: readonly string[]) {
  await db.paragraphTemplate.createMany({
    data: titles.map((title, i) => ({ bodyId, title, isOpening: true, position: i + 1 })),
  });
}

/**
 * A second organisation, Ydre kommun, whose Direktionen has the same slug as Itsam's (the tenancy
 * tests: the same names in two organisations on one installation).
 */
export async function createYdreWithDirektionen(db: PrismaClient): Promise<{ organisationId: string; bodyId: string }> {
  const org = await db.organisation.create({
    data: { slug: "ydre", name: "Ydre kommun", kind: "KOMMUN", caseNumberPrefix: "KS" },
  });
  const body = await db.body.create({
    data: {
      organisationId: org.id,
      slug: "direktionen",
      name: "Direktionen",
      genitiveName: "Direktionens",
      kind: "STYRELSE",
      seatCount: 5,
    },
  });
  return { organisationId: org.id, bodyId: body.id };
}
