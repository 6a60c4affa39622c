import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/authz";
import { loadActorByEmail } from "@/server/actor";
import type { ActionContext } from "@/server/action";
import { itsamSeed } from "../../prisma/seed/itsam-direktionen-2021-11-18";
import { loadSeed } from "../../prisma/seed/load-seed";
import { createMeeting } from "@/modules/drafting/meeting.mutations";
import { createPrismaClient } from "@/server/db";
import { createMigratedDatabase, migrate } from "./migrated-db";
import { templateDatabase } from "./db";

export const SEED_SLUG = "direktionen-2021-11-18";

/** A migrated database with the demo data, plus two more users for authorisation tests. */
export async function createSeededDatabase(prefix: string) {
  const migrated = await createMigratedDatabase(prefix, await seededTemplate());
  const { db } = migrated;
  const kcb = await db.body.findFirstOrThrow({ where: { slug: "kommunchefsberedningen" } });
  const direktionen = await db.body.findFirstOrThrow({ where: { slug: "direktionen" } });
  return { ...migrated, direktionen, kcb };
}

/** The run's seeded database to copy: migrated, the demo data, the two extra users. Seeded once per run. */
const seededTemplate = () =>
  templateDatabase("seeded", async (database) => {
    await migrate(database);
    const db = createPrismaClient(database.appUrl);
    try {
      await seed(db);
    } finally {
      await db.$disconnect();
    }
  });

async function seed(db: PrismaClient): Promise<void> {
  await loadSeed(db, itsamSeed);
  const org = await db.organisation.findFirstOrThrow();
  const kcb = await db.body.findFirstOrThrow({ where: { slug: "kommunchefsberedningen" } });
  const direktionen = await db.body.findFirstOrThrow({ where: { slug: "direktionen" } });
  const passwordHash = await hash("test-password");
  // A secretary of another body, and a plain member of Direktionen who signs nothing.
  const other = await db.person.create({ data: { organisationId: org.id, name: "Sekreterare Annat Organ" } });
  await db.user.create({
    data: {
      email: "annat-organ@itsam.example",
      name: other.name,
      passwordHash,
      personId: other.id,
      bodyRoles: { create: { bodyId: kcb.id, role: "SECRETARY" } },
    },
  });
  const elisabet = await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } });
  await db.user.create({
    data: {
      email: "ledamot@itsam.example",
      name: elisabet.name,
      passwordHash,
      personId: elisabet.id,
      bodyRoles: { create: { bodyId: direktionen.id, role: "MEMBER" } },
    },
  });
}

export async function actorFor(db: PrismaClient, email: string): Promise<Actor> {
  return loadActorByEmail(db, email);
}

export const EMAILS = {
  secretary: "sekreterare@itsam.example",
  chair: "ordforande@itsam.example",
  adjuster: "justerare@itsam.example",
  admin: "admin@itsam.example",
  otherSecretary: "annat-organ@itsam.example",
  member: "ledamot@itsam.example",
} as const;

export type ActorName = keyof typeof EMAILS | "anonymous";

export async function contextFor(db: PrismaClient, who: ActorName): Promise<ActionContext> {
  return { db, ip: "127.0.0.1", actor: who === "anonymous" ? null : await actorFor(db, EMAILS[who]) };
}

/** The new-meeting form's answers a test leaves as they are: no times, on Zoom, an empty attendance list. */
const PLAIN_MEETING = { startTime: "", endTime: "", place: "Zoom", attendanceFrom: "none" } as const;

/**
 * A draft meeting of Direktionen on `date`, created by its secretary through createMeeting (with
 * the first § number or the opening §§ as `extra` says), read back.
 */
export async function newDirektionenMeeting(
  seeded: { db: PrismaClient; direktionen: { id: string } },
  date: string,
  extra: { firstParagraphNumber?: string; withOpening?: boolean } = {},
) {
  const ctx = await contextFor(seeded.db, "secretary");
  const result = await createMeeting(ctx, { ...PLAIN_MEETING, bodyId: seeded.direktionen.id, date, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return seeded.db.meeting.findUniqueOrThrow({ where: { slug: result.data.slug } });
}
