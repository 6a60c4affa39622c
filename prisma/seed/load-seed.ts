// Loads demo data (SeedData) into an empty database in one transaction.
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { importProtocol } from "../../src/modules/drafting/protocol.import";
import type { SeedData } from "./seed.types";
import { dbDate } from "../../src/lib/iso-date";

/** True when the database already holds an organisation (demo data or real data). */
export async function hasData(db: PrismaClient): Promise<boolean> {
  return (await db.organisation.count()) > 0;
}

export async function loadSeed(db: PrismaClient, seed: SeedData): Promise<void> {
  // Hash outside the transaction: argon2id is deliberately slow.
  const passwordHashes = new Map(
    await Promise.all(seed.users.map(async (u) => [u.email, await hash(u.password)] as const)),
  );
  await db.$transaction(
    async (tx) => {
      const organisation = await tx.organisation.create({
        data: {
          slug: seed.organisation.slug,
          name: seed.organisation.name,
          kind: seed.organisation.kind,
          caseNumberPrefix: seed.organisation.caseNumberPrefix,
        },
      });
      const personIds = new Map<string, string>();
      for (const p of seed.people) {
        const person = await tx.person.create({
          data: { organisationId: organisation.id, name: p.name, email: p.email },
        });
        personIds.set(p.key, person.id);
      }
      const personId = (key: string) => {
        const id = personIds.get(key);
        if (!id) throw new Error(`Okänd person i demodata: ${key}`);
        return id;
      };
      const bodyIds = new Map<string, string>();
      for (const b of seed.bodies) {
        const body = await tx.body.create({
          data: {
            organisationId: organisation.id,
            slug: b.slug,
            name: b.name,
            genitiveName: b.genitiveName,
            kind: b.kind,
            seatCount: b.seatCount,
            memberships: {
              create: b.memberships.map((m) => ({
                personId: personId(m.personKey),
                role: m.role,
                position: m.position,
                represents: m.represents,
                termStart: dbDate(m.termStart),
                termEnd: dbDate(m.termEnd),
                hasVotingRight: m.hasVotingRight,
              })),
            },
          },
        });
        bodyIds.set(b.slug, body.id);
      }
      for (const u of seed.users) {
        const user = await tx.user.create({
          data: {
            email: u.email,
            name: u.name,
            passwordHash: passwordHashes.get(u.email) ?? null,
            isAdmin: u.isAdmin,
            personId: u.personKey ? personId(u.personKey) : null,
            bodyRoles: {
              create: u.bodyRoles.map((r) => {
                const bodyId = bodyIds.get(r.bodySlug);
                if (!bodyId) throw new Error(`Okänt organ i demodata: ${r.bodySlug}`);
                return { bodyId, role: r.role };
              }),
            },
          },
        });
        // One of the organisation's users (a linked person or a body role already made it so: a
        // trigger); the demo's admin is the platform's and the organisation's (issue 19.1).
        const key = { userId: user.id, organisationId: organisation.id };
        await tx.organisationUser.upsert({
          where: { userId_organisationId: key },
          create: { ...key, isAdmin: u.isAdmin },
          update: { isAdmin: u.isAdmin },
        });
      }
      for (const protocol of seed.meetings) {
        const bodyId = bodyIds.get(protocol.body.slug);
        if (!bodyId) throw new Error(`Okänt organ i demodata: ${protocol.body.slug}`);
        await importProtocol(tx, protocol, { bodyId, personIds });
      }
    },
    { timeout: 60_000 },
  );
}
