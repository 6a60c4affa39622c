// Red team, accounts: a planted account (an admin creates an account with a password they chose for
// someone else's e-mail, the platform later makes it a new organisation's first admin), probing
// which e-mail addresses have accounts, and renaming an account shared with another organisation.
// Run as production runs them: inside the request's organisation, row-level security on.
import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ActionContext } from "@/server/action";
import { loadActor } from "@/server/actor";
import { runInScope } from "@/server/tenancy";
import { createUser, EMAIL_TAKEN, setUserPassword, updateUser } from "@/modules/administration/admin.mutations";
import { createOrganisation } from "@/modules/administration/platform.mutations";
import { changeOwnPassword, sendPasswordCode } from "@/modules/authentication/account.mutations";
import { MUST_CHANGE_PASSWORD_MESSAGE, SAME_PASSWORD_MESSAGE } from "@/domain/rules/account.rules";
import { createSeededDatabase, EMAILS } from "./support/seeded-db";
import { createYdreWithDirektionen } from "./support/bodies";

let seeded: Awaited<ReturnType<typeof createSeededDatabase>>;
let db: PrismaClient;
let itsamId: string;
let ydreId: string;
/** Itsam's second admin ("admin A"): no platform admin, no say in any other organisation. */
let adminAId: string;
/** The seed's admin: Itsam's admin and the platform's. */
let platformAdminId: string;
const OWN = "innehavarens eget lösenord";
const PLANTED = "administratörens valda lösenord";
const NEW_OWN = "innehavarens nya lösenord";

/** A context of `userId` working in `organisationId` (null: the role-less account), as the session builds it. */
async function as(userId: string, organisationId: string | null): Promise<ActionContext> {
  return { db, ip: "127.0.0.1", actor: await loadActor(db, userId, organisationId) };
}

const account = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

/** An account made directly (not through an admin), with its holder's own password (null: none). */
async function makeAccount(
  email: string,
  name: string,
  organisations: { organisationId: string; isAdmin?: boolean }[],
  password: string | null = OWN,
) {
  const passwordHash = password === null ? null : await hash(password);
  return (await db.user.create({ data: { email, name, passwordHash, organisations: { create: organisations } } })).id;
}

/** Admin A creates an account in Itsam for `email`, with a password A chose. */
async function plant(email: string, name = "Framtida kommunchef") {
  const ctx = await as(adminAId, itsamId);
  const result = await runInScope(itsamId, () =>
    createUser(ctx, {
      email,
      name,
      personLink: "",
      organisationId: "",
      password: PLANTED,
      passwordConfirm: PLANTED,
      isAdmin: false,
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

/** The platform's admin makes a new organisation with `adminEmail` as its first admin. */
async function newOrganisation(slug: string, adminEmail: string, newAccount?: { name: string; password: string }) {
  const ctx = await as(platformAdminId, itsamId);
  return runInScope(itsamId, () =>
    createOrganisation(ctx, {
      name: `Organisation ${slug}`,
      slug,
      kind: "KOMMUN",
      caseNumberPrefix: "KS",
      adminEmail,
      adminName: newAccount?.name ?? "",
      password: newAccount?.password ?? "",
      passwordConfirm: newAccount?.password ?? "",
    }),
  );
}

const organisationCalled = (slug: string) => db.organisation.findUnique({ where: { slug } });

/** The holder of `userId`'s mailbox asks for a code on /konto and reads it in the mail. */
async function codeFromMail(userId: string): Promise<string> {
  expect(await sendPasswordCode(await as(userId, null), {})).toMatchObject({ ok: true });
  const { email } = await account(userId);
  const mail = await db.mailOutbox.findFirstOrThrow({
    where: { kind: "user.passwordCode", to: { has: email } },
    orderBy: { createdAt: "desc" },
  });
  const [, a, b] = /Din kod: (\d{4}) (\d{4})/.exec(mail.text)!;
  return `${a}${b}`;
}

/** The holder signs in (role-less: the session holds such an account back) and chooses their own password. */
async function holderChooses(userId: string, current: string, next: string) {
  const emailCode = await codeFromMail(userId);
  return changeOwnPassword(await as(userId, null), {
    currentPassword: current,
    password: next,
    passwordConfirm: next,
    emailCode,
  });
}

beforeAll(async () => {
  seeded = await createSeededDatabase("redteam_accounts");
  db = seeded.db;
  itsamId = seeded.direktionen.organisationId;
  ydreId = (await createYdreWithDirektionen(db)).organisationId;
  adminAId = await makeAccount("admin-a@itsam.example", "Administratör A", [
    { organisationId: itsamId, isAdmin: true },
  ]);
  platformAdminId = (await db.user.findUniqueOrThrow({ where: { email: EMAILS.admin } })).id;
}, 180_000);

afterAll(async () => seeded?.drop());

describe("a planted account (admin A chooses the password of an account for someone else's e-mail)", () => {
  it("is refused as a new organisation's first admin until its holder has chosen their own password", async () => {
    const plantedId = await plant("kommunchef@kinda.example");
    expect((await account(plantedId)).passwordMustChange).toBe(true);

    const refused = await newOrganisation("kinda", "kommunchef@kinda.example");
    expect(refused).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { adminEmail: [expect.stringMatching(/satt och som innehavaren inte har bytt.*eget lösenord/)] },
    });
    // Nothing was made: no organisation, no membership.
    expect(await organisationCalled("kinda")).toBeNull();
    expect(await db.organisationUser.count({ where: { userId: plantedId } })).toBe(1);

    // The holder signs in and chooses their own, with the code mailed to their address.
    expect(await holderChooses(plantedId, PLANTED, NEW_OWN)).toMatchObject({ ok: true });
    expect((await account(plantedId)).passwordMustChange).toBe(false);

    const attached = await newOrganisation("kinda", "kommunchef@kinda.example");
    expect(attached).toMatchObject({ ok: true });
    const kinda = await organisationCalled("kinda");
    expect(
      await db.organisationUser.findUnique({
        where: { userId_organisationId: { userId: plantedId, organisationId: kinda!.id } },
      }),
    ).toMatchObject({ isAdmin: true });

    // Admin A's password no longer opens the account, and A cannot set a new one now that the
    // account is also Kinda's (authorizeAccountCredentials).
    const { passwordHash } = await account(plantedId);
    expect(await verify(passwordHash!, PLANTED)).toBe(false);
    expect(await verify(passwordHash!, NEW_OWN)).toBe(true);
    const again = await runInScope(itsamId, async () =>
      setUserPassword(await as(adminAId, itsamId), {
        userId: plantedId,
        password: "ännu ett valt lösenord",
        passwordConfirm: "ännu ett valt lösenord",
      }),
    );
    expect(again).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await verify((await account(plantedId)).passwordHash!, NEW_OWN)).toBe(true);
  });

  it("is marked again when admin A sets a new password, and refused again", async () => {
    const plantedId = await plant("ekonomichef@kinda.example", "Ekonomichef");
    expect(await holderChooses(plantedId, PLANTED, NEW_OWN)).toMatchObject({ ok: true });
    expect((await account(plantedId)).passwordMustChange).toBe(false);
    const reset = await runInScope(itsamId, async () =>
      setUserPassword(await as(adminAId, itsamId), {
        userId: plantedId,
        password: PLANTED,
        passwordConfirm: PLANTED,
      }),
    );
    expect(reset).toMatchObject({ ok: true });
    expect((await account(plantedId)).passwordMustChange).toBe(true);
    expect(await newOrganisation("ekonomi", "ekonomichef@kinda.example")).toMatchObject({
      ok: false,
      fieldErrors: { adminEmail: [expect.stringMatching(/innehavaren inte har bytt/)] },
    });
    expect(await organisationCalled("ekonomi")).toBeNull();
  });

  it("cannot be made admin A's own by admin A: signing in with the password is not enough without the mailed code", async () => {
    const plantedId = await plant("socialchef@kinda.example", "Socialchef");
    // Admin A signs in as the planted account (A knows the password) and tries to "choose" one.
    const attempt = (emailCode?: string) =>
      as(plantedId, null).then((ctx) =>
        changeOwnPassword(ctx, {
          currentPassword: PLANTED,
          password: "angriparens eget lösenord",
          passwordConfirm: "angriparens eget lösenord",
          ...(emailCode === undefined ? {} : { emailCode }),
        }),
      );
    expect(await attempt()).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { emailCode: [expect.stringMatching(/Skicka kod/)] },
    });
    // A can have a code sent (to the holder's mailbox, not A's) but has to guess it.
    expect(await sendPasswordCode(await as(plantedId, null), {})).toMatchObject({ ok: true });
    const guesses = [];
    for (let i = 0; i < 6; i++) guesses.push(await attempt(String(10_000_000 + i)));
    expect(guesses[0]).toMatchObject({ ok: false, fieldErrors: { emailCode: [expect.stringMatching(/Fel kod/)] } });
    expect(guesses[5]).toMatchObject({ ok: false, fieldErrors: { emailCode: [expect.stringMatching(/För många/)] } });
    const failed = await db.auditLog.count({ where: { entityId: plantedId, action: "user.passwordCode.failed" } });
    expect(failed).toBe(5);
    expect((await account(plantedId)).passwordMustChange).toBe(true);
    expect(await verify((await account(plantedId)).passwordHash!, PLANTED)).toBe(true);
    expect(await newOrganisation("social", "socialchef@kinda.example")).toMatchObject({
      ok: false,
      fieldErrors: { adminEmail: [expect.stringMatching(/innehavaren inte har bytt/)] },
    });
  });

  it("is marked again when admin A moves its address (to a mailbox of A's, to read the code) and back", async () => {
    const plantedId = await plant("kulturchef@kinda.example", "Kulturchef");
    const ctx = await as(adminAId, itsamId);
    const move = (email: string) =>
      runInScope(itsamId, () => updateUser(ctx, { userId: plantedId, name: "Kulturchef", email, isAdmin: false }));
    expect(await move("admin-a-privat@itsam.example")).toMatchObject({ ok: true });
    // A reads this code: the mailbox is A's.
    expect(await holderChooses(plantedId, PLANTED, "a:s eget lösenord nu")).toMatchObject({ ok: true });
    expect((await account(plantedId)).passwordMustChange).toBe(false);
    expect(await move("kulturchef@kinda.example")).toMatchObject({ ok: true });
    expect((await account(plantedId)).passwordMustChange).toBe(true);
    expect(await newOrganisation("kultur", "kulturchef@kinda.example")).toMatchObject({
      ok: false,
      fieldErrors: { adminEmail: [expect.stringMatching(/innehavaren inte har bytt/)] },
    });
  });

  it("cannot keep the password it was given: the holder's new one must differ", async () => {
    const plantedId = await plant("samma@kinda.example", "Samma Lösenord");
    const result = await changeOwnPassword(await as(plantedId, null), {
      currentPassword: PLANTED,
      password: PLANTED,
      passwordConfirm: PLANTED,
    });
    expect(result).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { password: [SAME_PASSWORD_MESSAGE] } });
    expect((await account(plantedId)).passwordMustChange).toBe(true);
    expect(await verify((await account(plantedId)).passwordHash!, PLANTED)).toBe(true);
  });

  it("is refused by every action while held back, which says why (the session gives it no actor)", async () => {
    const held: ActionContext = { db, ip: null, actor: null, signedOutBecause: MUST_CHANGE_PASSWORD_MESSAGE };
    const result = await updateUser(held, { userId: adminAId, name: "X", email: "x@itsam.example", isAdmin: true });
    expect(result).toEqual({ ok: false, code: "UNAUTHENTICATED", message: MUST_CHANGE_PASSWORD_MESSAGE });
  });

  it("an account whose password is its own gets no code (and needs none)", async () => {
    expect(await sendPasswordCode(await as(adminAId, itsamId), {})).toMatchObject({ ok: false, code: "STATE" });
  });

  it("an admin's own password set on the admin page is their own choice, not marked", async () => {
    const result = await runInScope(itsamId, async () =>
      setUserPassword(await as(adminAId, itsamId), { userId: adminAId, password: OWN, passwordConfirm: OWN }),
    );
    expect(result).toMatchObject({ ok: true });
    expect((await account(adminAId)).passwordMustChange).toBe(false);
  });
});

describe("accounts already in use when the mark came (the migration reads the audit log)", () => {
  it("marks those whose latest password was set by someone else, not those their holders chose", async () => {
    const planted = await plant("gammal-plantering@kinda.example", "Gammal Plantering");
    const chosen = await plant("gammal-vald@kinda.example", "Gammal Vald");
    expect(await holderChooses(chosen, PLANTED, NEW_OWN)).toMatchObject({ ok: true });
    const byPlatform = await newOrganisation("gamla", "chef@gamla.example", {
      name: "Gamla chefen",
      password: PLANTED,
    });
    expect(byPlatform).toMatchObject({ ok: true });
    const platformMade = (await db.user.findUniqueOrThrow({ where: { email: "chef@gamla.example" } })).id;
    // As the database was before the migration: nothing marked.
    await db.user.updateMany({ data: { passwordMustChange: false } });
    const sql = readFileSync("prisma/migrations/20261209000000_password_must_change/migration.sql", "utf8");
    await db.$executeRawUnsafe(sql.slice(sql.indexOf("WITH password_events")));
    const marked = (await db.user.findMany({ where: { passwordMustChange: true }, select: { id: true } })).map(
      (u) => u.id,
    );
    expect(marked).toEqual(expect.arrayContaining([planted, platformMade]));
    expect(marked).not.toContain(chosen);
    // Admin A set their own password on the admin page earlier in this file: their own choice.
    expect(marked).not.toContain(adminAId);
    const seedMarked = await db.user.count({
      where: { passwordMustChange: true, email: { endsWith: "@itsam.example" } },
    });
    expect(seedMarked).toBe(0);
  });
});

describe("the platform's first admin of a new organisation", () => {
  it("attaches an account whose password is its holder's own (the seed's accounts are not marked)", async () => {
    const secretary = await db.user.findUniqueOrThrow({ where: { email: EMAILS.secretary } });
    expect(secretary.passwordMustChange).toBe(false);
    expect(await newOrganisation("boxholm", EMAILS.secretary.toUpperCase())).toMatchObject({ ok: true });
  });

  it("marks a new account whose password the platform's admin chose", async () => {
    const result = await newOrganisation("aneby", "chef@aneby.example", {
      name: "Anebys chef",
      password: "plattformens valda lösenord",
    });
    expect(result).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email: "chef@aneby.example" } })).passwordMustChange).toBe(true);
    // …and the address hears of it at once, without the password.
    const [mail, ...more] = await db.mailOutbox.findMany({
      where: { kind: "admin.userCreated", to: { has: "chef@aneby.example" } },
    });
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain("skapade");
    expect(mail!.text).toContain("som administratör för Organisation aneby.");
    expect(mail!.text).not.toContain("plattformens valda lösenord");
    // An existing account that becomes a new organisation's admin gets no "account created" mail.
    expect(await db.mailOutbox.count({ where: { kind: "admin.userCreated", to: { has: EMAILS.secretary } } })).toBe(0);
  });

  describe("an account without a password", () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const k of ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    });

    it("is refused without OpenID Connect (nobody could sign in) and attached with it", async () => {
      for (const k of ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"]) delete process.env[k];
      await makeAccount("sso@ydre.example", "Bara SSO", [{ organisationId: ydreId }], null);
      expect(await newOrganisation("tranas", "sso@ydre.example")).toMatchObject({
        ok: false,
        fieldErrors: { adminEmail: [expect.stringMatching(/inget lösenord.*OpenID Connect/)] },
      });
      expect(await organisationCalled("tranas")).toBeNull();

      Object.assign(process.env, {
        AUTH_OIDC_ISSUER: "https://idp.ydre.example",
        AUTH_OIDC_ID: "paragraf",
        AUTH_OIDC_SECRET: "hemligt",
      });
      expect(await newOrganisation("tranas", "sso@ydre.example")).toMatchObject({ ok: true });
    });
  });
});

describe("probing which e-mail addresses have accounts", () => {
  it("answers the same whether the address is the admin's own organisation's or another's", async () => {
    await makeAccount("bara-ydre@ydre.example", "Bara Ydre", [{ organisationId: ydreId }]);
    const ctx = await as(adminAId, itsamId);
    const attempt = (email: string) =>
      runInScope(itsamId, () =>
        createUser(ctx, {
          email,
          name: "Sond",
          personLink: "",
          organisationId: "",
          password: OWN,
          passwordConfirm: OWN,
          isAdmin: false,
        }),
      );
    const elsewhere = await attempt("bara-ydre@ydre.example");
    const own = await attempt(EMAILS.secretary);
    expect(elsewhere).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { email: [EMAIL_TAKEN] } });
    expect(own).toEqual(elsewhere);
    // It names neither the account nor where it is, nor that it "exists".
    expect(EMAIL_TAKEN).not.toMatch(/Ydre|finns redan|annan organisation/);
    // Changing an e-mail to one that is taken answers the same.
    const itsamOnly = await db.user.findUniqueOrThrow({ where: { email: EMAILS.member } });
    const update = await runInScope(itsamId, () =>
      updateUser(ctx, { userId: itsamOnly.id, name: itsamOnly.name, email: "bara-ydre@ydre.example", isAdmin: false }),
    );
    expect(update).toEqual(elsewhere);
  });
});

describe("probing many addresses", () => {
  it("is stopped after ten taken addresses an hour, each refusal in the organisation's log", async () => {
    const probeId = await makeAccount("sond@itsam.example", "Sonderande Admin", [
      { organisationId: itsamId, isAdmin: true },
    ]);
    const ctx = await as(probeId, itsamId);
    const taken = ["bara-ydre@ydre.example", EMAILS.secretary, EMAILS.chair, "sso@ydre.example"];
    const answers = [];
    for (let i = 0; i < 11; i++) {
      const email = taken[i % taken.length]!;
      const input = { email, name: "Sond", personLink: "", organisationId: "", isAdmin: false };
      answers.push(await runInScope(itsamId, () => createUser(ctx, { ...input, password: OWN, passwordConfirm: OWN })));
    }
    expect(
      answers.slice(0, 10).every((a) => !a.ok && a.code === "VALIDATION" && a.fieldErrors.email?.[0] === EMAIL_TAKEN),
    ).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringMatching(/Vänta en timme/)] } });
    const logged = await db.auditLog.count({
      where: { userId: probeId, action: "admin.user.emailTaken", organisationId: itsamId },
    });
    expect(logged).toBe(11);
  });
});

describe("renaming an account", () => {
  let sharedId: string;
  beforeAll(async () => {
    sharedId = await makeAccount("delad-namn@itsam.example", "Delad Användare", [
      { organisationId: itsamId },
      { organisationId: ydreId, isAdmin: true },
    ]);
  });

  it("is refused to an admin who does not administer every organisation of the account", async () => {
    for (const adminId of [adminAId, platformAdminId]) {
      const result = await runInScope(itsamId, async () =>
        updateUser(await as(adminId, itsamId), {
          userId: sharedId,
          name: "Falskt Namn",
          email: "delad-namn@itsam.example",
          isAdmin: false,
        }),
      );
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: expect.stringMatching(/Namn, e-post/) });
    }
    expect((await account(sharedId)).name).toBe("Delad Användare");
    // The admin flag in the admin's own organisation is still theirs to set.
    const flag = await runInScope(itsamId, async () =>
      updateUser(await as(adminAId, itsamId), {
        userId: sharedId,
        name: "Delad Användare",
        email: "delad-namn@itsam.example",
        isAdmin: true,
      }),
    );
    expect(flag).toMatchObject({ ok: true });
  });

  it("is allowed for an account of the admin's organisation only", async () => {
    const member = await db.user.findUniqueOrThrow({ where: { email: EMAILS.member } });
    const result = await runInScope(itsamId, async () =>
      updateUser(await as(adminAId, itsamId), {
        userId: member.id,
        name: "Nytt Namn",
        email: member.email,
        isAdmin: false,
      }),
    );
    expect(result).toMatchObject({ ok: true });
    expect((await account(member.id)).name).toBe("Nytt Namn");
  });
});
