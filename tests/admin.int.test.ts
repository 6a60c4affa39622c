// Admin actions: users, body roles and memberships, each with valid and invalid input and refused
// for everyone but administrators.
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  addMembership,
  createUser,
  EMAIL_TAKEN,
  grantBodyRole,
  removeMembership,
  revokeBodyRole,
  setUserPassword,
  updateUser,
} from "@/modules/administration/admin.mutations";
import { findBodyMemberships, findUserDetail, listUsers } from "@/modules/administration/admin.queries";
import { NEW_PERSON } from "@/modules/administration/admin.constants";
import { actorFor, contextFor, createSeededDatabase, EMAILS, type ActorName } from "./support/seeded-db";

let db: PrismaClient;
let drop: () => Promise<void>;
let direktionenId: string;
let kcbId: string;
let organisationId: string;

beforeAll(async () => {
  const seeded = await createSeededDatabase("admin");
  ({ db, drop } = seeded);
  direktionenId = seeded.direktionen.id;
  kcbId = seeded.kcb.id;
  organisationId = seeded.direktionen.organisationId;
});
afterAll(async () => drop?.());

const REFUSED: [ActorName, string][] = [
  ["anonymous", "UNAUTHENTICATED"],
  ["secretary", "FORBIDDEN"],
  ["member", "FORBIDDEN"],
  ["chair", "FORBIDDEN"],
];

let counter = 0;
const uniqueEmail = () => `ny-${++counter}-${Date.now()}@kommun.example`;

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail(),
  name: "Åsa Öberg",
  personLink: "",
  organisationId: "",
  password: "ett långt lösenord",
  passwordConfirm: "ett långt lösenord",
  isAdmin: false,
  ...overrides,
});

/** The user's admin flag in the seed's organisation (OrganisationUser). */
async function isAdminIn(userId: string): Promise<boolean | undefined> {
  const row = await db.organisationUser.findUnique({ where: { userId_organisationId: { userId, organisationId } } });
  return row?.isAdmin;
}

async function auditRows(action: string, entityId: string) {
  return db.auditLog.findMany({ where: { action, entityId } });
}

async function makeUser(overrides: Record<string, unknown> = {}) {
  const result = await createUser(await contextFor(db, "admin"), newUser(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("createUser", () => {
  it("creates a user with a lower-cased e-mail, an argon2id hash and one audit row", async () => {
    const result = await createUser(
      await contextFor(db, "admin"),
      newUser({ email: "  Asa.Oberg@Kommun.Example ", isAdmin: true }),
    );
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    if (!result.ok) return;
    expect(Object.keys(result.data)).toEqual(["id"]);
    const stored = await db.user.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(stored).toMatchObject({
      email: "asa.oberg@kommun.example",
      name: "Åsa Öberg",
      // The organisation's admin, not the platform's (issue 19.1).
      isAdmin: false,
      personId: null,
    });
    expect(await isAdminIn(stored.id)).toBe(true);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(stored.passwordHash!, "ett långt lösenord")).toBe(true);
    expect(await verify(stored.passwordHash!, "fel lösenord här")).toBe(false);
    const audit = await auditRows("admin.user.create", stored.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ meetingId: null, entity: "User", ip: "127.0.0.1" });
    expect(JSON.stringify(audit[0]!.data)).not.toMatch(/argon2|lösenord/);
  });

  it("mails the address that an account was made for it, by whom and where, without the password", async () => {
    const email = uniqueEmail();
    const id = await makeUser({ email, name: "Nora Nyberg" });
    const admin = await db.user.findUniqueOrThrow({ where: { email: EMAILS.admin }, select: { name: true } });
    const rows = await db.mailOutbox.findMany({ where: { to: { has: email } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "admin.userCreated",
      to: [email],
      subject: "Ett konto i Paragraf har skapats åt dig",
    });
    expect(rows[0]!.text).toMatch(/^Hej Nora Nyberg,/);
    expect(rows[0]!.text).toContain(`Administratören ${admin.name} i Itsam skapade`);
    expect(rows[0]!.text).toContain("Om du inte väntade dig kontot");
    expect(rows[0]!.text).not.toContain("ett långt lösenord");
    // A refused creation (the address taken) mails no one.
    expect(await createUser(await contextFor(db, "admin"), newUser({ email }))).toMatchObject({ ok: false });
    expect(await db.mailOutbox.count({ where: { to: { has: email } } })).toBe(1);
    expect(await db.user.count({ where: { id } })).toBe(1);
  });

  it("links the user to an existing person of the organisation", async () => {
    const gunnar = await db.person.findFirstOrThrow({ where: { name: "Gunnar Malgeryd" } });
    const id = await makeUser({ name: "Gunnar Malgeryd", personLink: gunnar.id });
    expect((await findUserDetail(db, id, organisationId))?.person).toMatchObject({
      id: gunnar.id,
      name: "Gunnar Malgeryd",
      organisationName: "Itsam",
    });
    // The same person cannot get a second account.
    expect(await createUser(await contextFor(db, "admin"), newUser({ personLink: gunnar.id }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { personLink: ["Personen är redan kopplad till användaren Gunnar Malgeryd."] },
    });
  });

  it("creates a new person with the user's name", async () => {
    const id = await makeUser({ name: "Per Nyström", personLink: NEW_PERSON, organisationId });
    const detail = await findUserDetail(db, id, organisationId);
    expect(detail?.person).toMatchObject({ name: "Per Nyström", organisationName: "Itsam" });
    expect(await db.person.count({ where: { name: "Per Nyström", organisationId } })).toBe(1);
  });

  it("refuses an e-mail that is taken, whatever its case", async () => {
    const ctx = await contextFor(db, "admin");
    const before = await db.user.count();
    for (const email of [EMAILS.secretary, "SEKRETERARE@itsam.example", " Sekreterare@Itsam.Example"]) {
      expect(await createUser(ctx, newUser({ email }))).toMatchObject({
        ok: false,
        code: "VALIDATION",
        fieldErrors: { email: [EMAIL_TAKEN] },
      });
    }
    expect(await db.user.count()).toBe(before);
  });

  it("explains bad input in Swedish", async () => {
    const result = await createUser(await contextFor(db, "admin"), {
      email: "inte-en-adress",
      name: "  ",
      personLink: NEW_PERSON,
      organisationId: "",
      password: "kort",
      passwordConfirm: "annat",
      isAdmin: false,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      message: "Några uppgifter behöver rättas innan de kan sparas.",
      fieldErrors: {
        email: ["Ange en giltig e-postadress, t.ex. namn@kommun.se."],
        name: ["Ange namnet."],
        password: [expect.stringMatching(/^Lösenordet måste vara minst 12 tecken/)],
        passwordConfirm: ["Lösenorden stämmer inte överens. Skriv samma lösenord två gånger."],
        organisationId: ["Välj vilken organisation den nya personen hör till."],
      },
    });
    expect(await createUser(await contextFor(db, "admin"), newUser({ email: "" }))).toMatchObject({
      fieldErrors: { email: ["Ange e-postadressen."] },
    });
    expect(await createUser(await contextFor(db, "admin"), newUser({ personLink: "finns-inte" }))).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { personLink: ["Personen finns inte längre; välj en person i listan igen."] },
    });
  });

  it.each(REFUSED)("refuses %s", async (who, code) => {
    const email = uniqueEmail();
    expect(await createUser(await contextFor(db, who), newUser({ email }))).toMatchObject({ ok: false, code });
    expect(await db.user.count({ where: { email } })).toBe(0);
    // Nor can a non-admin make the app mail an address of their choosing.
    expect(await db.mailOutbox.count({ where: { to: { has: email } } })).toBe(0);
  });

  it("checks permission before validation, so non-admins learn nothing from field errors", async () => {
    expect(await createUser(await contextFor(db, "secretary"), {})).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: "Bara administratörer får göra det här.",
    });
  });
});

describe("updateUser", () => {
  it("changes name, e-mail and admin flag with one audit row", async () => {
    const id = await makeUser();
    const email = uniqueEmail().toUpperCase();
    expect(
      await updateUser(await contextFor(db, "admin"), { userId: id, name: "Nytt Namn", email, isAdmin: true }),
    ).toEqual({ ok: true, data: { id } });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "Nytt Namn",
      email: email.toLowerCase(),
    });
    expect(await isAdminIn(id)).toBe(true);
    const audit = await auditRows("admin.user.update", id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({ changed: ["email", "name", "isAdmin"], isAdmin: true });
  });

  it("tells the old address that the account's address was moved, and to what; not when only the name changes", async () => {
    const old = uniqueEmail();
    const id = await makeUser({ email: old, name: "Olle Gammal" });
    const ctx = await contextFor(db, "admin");
    expect((await updateUser(ctx, { userId: id, name: "Olle Nytt", email: old, isAdmin: false })).ok).toBe(true);
    const moved = (to: string) => db.mailOutbox.findMany({ where: { kind: "admin.emailMoved", to: { has: to } } });
    expect(await moved(old)).toHaveLength(0);
    const next = uniqueEmail();
    expect((await updateUser(ctx, { userId: id, name: "Olle Nytt", email: next, isAdmin: false })).ok).toBe(true);
    const [mail, ...more] = await moved(old);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ to: [old], subject: "E-postadressen för ditt konto i Paragraf har ändrats" });
    expect(mail!.text).toMatch(/^Hej Olle Nytt,/);
    expect(mail!.text).toContain(`för ditt konto i Paragraf till ${next}.`);
    expect(await moved(next)).toHaveLength(0);
  });

  it("keeps the user's own e-mail but refuses another user's", async () => {
    const id = await makeUser();
    const ctx = await contextFor(db, "admin");
    const own = (await db.user.findUniqueOrThrow({ where: { id } })).email;
    expect(
      (await updateUser(ctx, { userId: id, name: "Samma Adress", email: own.toUpperCase(), isAdmin: false })).ok,
    ).toBe(true);
    expect(await updateUser(ctx, { userId: id, name: "X", email: EMAILS.chair, isAdmin: false })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { email: [EMAIL_TAKEN] },
    });
  });

  it("refuses an admin removing their own admin flag", async () => {
    const ctx = await contextFor(db, "admin");
    const self = ctx.actor!.userId;
    const current = await db.user.findUniqueOrThrow({ where: { id: self } });
    expect(
      await updateUser(ctx, { userId: self, name: current.name, email: current.email, isAdmin: false }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        isAdmin: ["Du kan inte ta bort din egen administratörsbehörighet. Be en annan administratör göra det."],
      },
    });
    expect(await isAdminIn(self)).toBe(true);
    // Other changes to their own account are fine, and so is demoting another admin.
    expect(
      (await updateUser(ctx, { userId: self, name: "Administratören", email: current.email, isAdmin: true })).ok,
    ).toBe(true);
    const other = await makeUser({ isAdmin: true });
    const otherUser = await db.user.findUniqueOrThrow({ where: { id: other } });
    expect(
      (await updateUser(ctx, { userId: other, name: otherUser.name, email: otherUser.email, isAdmin: false })).ok,
    ).toBe(true);
  });

  it("explains bad input and a missing user", async () => {
    const ctx = await contextFor(db, "admin");
    expect(await updateUser(ctx, { userId: "x", name: "", email: "a@", isAdmin: "ja" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        name: ["Ange namnet."],
        email: ["Ange en giltig e-postadress, t.ex. namn@kommun.se."],
        isAdmin: [expect.any(String)],
      },
    });
    expect(
      await updateUser(ctx, { userId: "finns-inte", name: "A", email: uniqueEmail(), isAdmin: false }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it.each(REFUSED)("refuses %s", async (who, code) => {
    const id = await makeUser();
    const email = uniqueEmail();
    expect(
      await updateUser(await contextFor(db, who), { userId: id, name: "Hackad", email, isAdmin: true }),
    ).toMatchObject({ ok: false, code });
    expect(await isAdminIn(id)).toBe(false);
    expect(
      await db.mailOutbox.count({
        where: { kind: "admin.emailMoved", to: { has: (await db.user.findUniqueOrThrow({ where: { id } })).email } },
      }),
    ).toBe(0);
  });
});

describe("setUserPassword", () => {
  it("stores a new argon2id hash that verifies, and never returns it", async () => {
    const id = await makeUser();
    const result = await setUserPassword(await contextFor(db, "admin"), {
      userId: id,
      password: "helt nytt lösenord",
      passwordConfirm: "helt nytt lösenord",
    });
    expect(result).toEqual({ ok: true, data: { id } });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id } });
    expect(await verify(passwordHash!, "helt nytt lösenord")).toBe(true);
    expect(await verify(passwordHash!, "ett långt lösenord")).toBe(false);
    expect(await auditRows("admin.user.setPassword", id)).toHaveLength(1);
  });

  it("explains bad input", async () => {
    const id = await makeUser();
    expect(
      await setUserPassword(await contextFor(db, "admin"), {
        userId: id,
        password: "elva tecken",
        passwordConfirm: "elva tecken",
      }),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: [expect.stringMatching(/minst 12 tecken/)] },
    });
    expect(
      await setUserPassword(await contextFor(db, "admin"), {
        userId: id,
        password: "tolv tecken!",
        passwordConfirm: "tolv tecken?",
      }),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { passwordConfirm: ["Lösenorden stämmer inte överens. Skriv samma lösenord två gånger."] },
    });
  });

  it.each(REFUSED)("refuses %s", async (who, code) => {
    const id = await makeUser();
    const before = (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash;
    expect(
      await setUserPassword(await contextFor(db, who), {
        userId: id,
        password: "angriparens lösenord",
        passwordConfirm: "angriparens lösenord",
      }),
    ).toMatchObject({ ok: false, code });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(before);
  });
});

describe("grantBodyRole and revokeBodyRole", () => {
  it("grants a role that then counts for the permission table, and revokes it", async () => {
    const id = await makeUser();
    const ctx = await contextFor(db, "admin");
    expect(await grantBodyRole(ctx, { userId: id, bodyId: kcbId, role: "SECRETARY" })).toEqual({
      ok: true,
      data: { userId: id, bodyId: kcbId, role: "SECRETARY" },
    });
    const email = (await db.user.findUniqueOrThrow({ where: { id } })).email;
    expect((await actorFor(db, email)).bodyRoles).toEqual([{ bodyId: kcbId, role: "SECRETARY" }]);
    expect(await grantBodyRole(ctx, { userId: id, bodyId: kcbId, role: "SECRETARY" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { role: ["Åsa Öberg är redan sekreterare i Kommunchefsberedningen."] },
    });
    expect((await listUsers(db, organisationId)).find((u) => u.id === id)?.bodyRoles).toEqual([
      { bodyName: "Kommunchefsberedningen", role: "SECRETARY" },
    ]);

    expect(await revokeBodyRole(ctx, { userId: id, bodyId: kcbId, role: "SECRETARY" })).toMatchObject({ ok: true });
    expect((await actorFor(db, email)).bodyRoles).toEqual([]);
    expect(await revokeBodyRole(ctx, { userId: id, bodyId: kcbId, role: "SECRETARY" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await auditRows("admin.bodyRole.grant", id)).toHaveLength(1);
    expect(await auditRows("admin.bodyRole.revoke", id)).toHaveLength(1);
  });

  it("explains bad input", async () => {
    const id = await makeUser();
    const ctx = await contextFor(db, "admin");
    expect(await grantBodyRole(ctx, { userId: id, bodyId: "", role: "CHAIR" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { bodyId: ["Välj organ."], role: ["Välj roll: sekreterare eller ledamot."] },
    });
    expect(await grantBodyRole(ctx, { userId: id, bodyId: "finns-inte", role: "MEMBER" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { bodyId: ["Organet finns inte; välj ett organ i listan."] },
    });
    expect(await grantBodyRole(ctx, { userId: "finns-inte", bodyId: kcbId, role: "MEMBER" })).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it.each(REFUSED)("refuses %s", async (who, code) => {
    const id = await makeUser();
    expect(
      await grantBodyRole(await contextFor(db, who), { userId: id, bodyId: direktionenId, role: "SECRETARY" }),
    ).toMatchObject({ ok: false, code });
    await grantBodyRole(await contextFor(db, "admin"), { userId: id, bodyId: direktionenId, role: "MEMBER" });
    expect(
      await revokeBodyRole(await contextFor(db, who), { userId: id, bodyId: direktionenId, role: "MEMBER" }),
    ).toMatchObject({ ok: false, code });
    expect(await db.bodyRole.findMany({ where: { userId: id } })).toEqual([
      { userId: id, bodyId: direktionenId, role: "MEMBER" },
    ]);
  });
});

describe("addMembership and removeMembership", () => {
  const base = {
    personId: "",
    newPersonName: "",
    role: "MEMBER",
    position: "",
    represents: "Ydre kommun",
    termStart: "2023-01-01",
    termEnd: "2026-12-31",
    hasVotingRight: true,
  };

  it("adds a ledamot for a new term and removes the seat again", async () => {
    const conny = await db.person.findFirstOrThrow({ where: { name: "Conny Forsberg" } });
    const ctx = await contextFor(db, "admin");
    const result = await addMembership(ctx, {
      ...base,
      bodyId: direktionenId,
      personId: conny.id,
      position: "VICE_CHAIR",
      represents: "Kinda kommun",
    });
    expect(result).toMatchObject({ ok: true, data: { personId: conny.id } });
    if (!result.ok) return;
    const body = (await findBodyMemberships(db, "direktionen"))!;
    expect(body.memberships.find((m) => m.id === result.data.id)).toEqual({
      id: result.data.id,
      personName: "Conny Forsberg",
      role: "MEMBER",
      position: "VICE_CHAIR",
      represents: "Kinda kommun",
      termStart: "2023-01-01",
      termEnd: "2026-12-31",
      hasVotingRight: true,
    });
    // A seat for the same person in an overlapping term is refused; so is a second vice chair.
    expect(
      await addMembership(ctx, {
        ...base,
        bodyId: direktionenId,
        personId: conny.id,
        termStart: "2026-01-01",
        termEnd: "2026-06-30",
      }),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        personId: [
          "Conny Forsberg har redan en plats i organet 2023-01-01–2026-12-31. Ta bort den först eller välj en annan period.",
        ],
      },
    });
    const annicki = await db.person.findFirstOrThrow({ where: { name: "Annicki Oscarsson" } });
    expect(
      await addMembership(ctx, { ...base, bodyId: direktionenId, personId: annicki.id, position: "VICE_CHAIR" }),
    ).toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        position: ["Organet har redan en vice ordförande under perioden: Conny Forsberg (2023-01-01–2026-12-31)."],
      },
    });
    expect(await auditRows("admin.membership.add", result.data.id)).toHaveLength(1);

    expect(await removeMembership(ctx, { membershipId: result.data.id })).toMatchObject({ ok: true });
    expect(await db.membership.count({ where: { id: result.data.id } })).toBe(0);
    expect(await removeMembership(ctx, { membershipId: result.data.id })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await auditRows("admin.membership.remove", result.data.id)).toHaveLength(1);
  });

  it("adds a new person as ersättare without voting right", async () => {
    const result = await addMembership(await contextFor(db, "admin"), {
      ...base,
      bodyId: kcbId,
      personId: NEW_PERSON,
      newPersonName: "Karin Ängström",
      role: "SUBSTITUTE",
      hasVotingRight: false,
    });
    expect(result.ok).toBe(true);
    const body = (await findBodyMemberships(db, "kommunchefsberedningen"))!;
    expect(body.memberships).toMatchObject([
      { personName: "Karin Ängström", role: "SUBSTITUTE", position: null, hasVotingRight: false },
    ]);
    expect(body.people.some((p) => p.name === "Karin Ängström")).toBe(true);
  });

  it("explains bad input in Swedish", async () => {
    const ctx = await contextFor(db, "admin");
    expect(
      await addMembership(ctx, {
        ...base,
        bodyId: direktionenId,
        personId: NEW_PERSON,
        role: "SUBSTITUTE",
        position: "CHAIR",
        represents: " ",
        termStart: "2026-12-31",
        termEnd: "2023-01-01",
      }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: {
        newPersonName: ["Skriv den nya personens namn."],
        position: ["Bara en ledamot kan vara ordförande eller vice ordförande."],
        represents: ["Ange vilken kommun eller vilket parti personen representerar, t.ex. Vimmerby kommun."],
        termEnd: ["Mandatperioden kan inte sluta före den börjar."],
      },
    });
    expect(
      await addMembership(ctx, {
        ...base,
        bodyId: direktionenId,
        personId: "",
        role: "LEDAMOT",
        termStart: "2023-02-30",
        termEnd: "",
      }),
    ).toMatchObject({
      fieldErrors: {
        personId: ["Välj person."],
        role: ["Välj ledamot eller ersättare."],
        termStart: ["Ange mandatperiodens första dag som ÅÅÅÅ-MM-DD, t.ex. 2023-01-01."],
        termEnd: ["Ange mandatperiodens sista dag."],
      },
    });
    expect(await addMembership(ctx, { ...base, bodyId: direktionenId, personId: "finns-inte" })).toMatchObject({
      code: "VALIDATION",
      fieldErrors: { personId: ["Personen finns inte i organisationen; välj personen i listan igen."] },
    });
  });

  it.each(REFUSED)("refuses %s", async (who, code) => {
    const elisabet = await db.person.findFirstOrThrow({ where: { name: "Elisabet Hagström" } });
    const before = await db.membership.count();
    expect(
      await addMembership(await contextFor(db, who), {
        ...base,
        bodyId: direktionenId,
        personId: elisabet.id,
        termStart: "2031-01-01",
        termEnd: "2034-12-31",
      }),
    ).toMatchObject({ ok: false, code });
    const seat = await db.membership.findFirstOrThrow({ where: { bodyId: direktionenId } });
    expect(await removeMembership(await contextFor(db, who), { membershipId: seat.id })).toMatchObject({
      ok: false,
      code,
    });
    expect(await db.membership.count()).toBe(before);
  });
});

describe("queries", () => {
  it("never expose password hashes", async () => {
    const users = await listUsers(db, organisationId);
    expect(JSON.stringify(users)).not.toMatch(/argon2/);
    const admin = users.find((u) => u.email === EMAILS.admin)!;
    const detail = await findUserDetail(db, admin.id, organisationId);
    expect(detail).toMatchObject({ hasPassword: true, isAdmin: true, person: null });
    expect(JSON.stringify(detail)).not.toMatch(/argon2|passwordHash/);
  });
});
