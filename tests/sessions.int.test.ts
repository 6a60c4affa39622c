// Revocable sessions: a session token issued before logout or a new password is refused by
// next-auth's own session endpoint (GET /api/auth/session), which would otherwise answer with the
// user and re-sign the cookie with a later expiry. And an admin who sets a password is audited
// and the user is told by e-mail.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { verify } from "@node-rs/argon2";
import { setUserPassword } from "@/modules/administration/admin.mutations";
import { changeOwnPassword } from "@/modules/authentication/account.mutations";
import { endAllSessions, isSessionCurrent } from "@/server/session-version";
import { contextFor, createSeededDatabase, EMAILS } from "./support/seeded-db";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";

// next-auth reads AUTH_SECRET when src/server/auth.ts is first imported, and the static imports
// below reach it (e.g. seeded-db → drafting → historical's actions → session → auth): set it
// before any import runs.
const { SECRET, originalSecret } = vi.hoisted(() => {
  const originalSecret = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = "sessions-test-secret-sessions-test-secret-1";
  return { SECRET: process.env.AUTH_SECRET, originalSecret };
});
const COOKIE = "authjs.session-token";

let db: PrismaClient;
let drop: () => Promise<void>;
let smtp: SmtpCapture;
let handlers: typeof import("@/server/auth").handlers;
const saved = {
  DATABASE_URL: process.env.DATABASE_URL,
  AUTH_SECRET: originalSecret,
  SMTP_URL: process.env.SMTP_URL,
};

beforeAll(async () => {
  const seeded = await createSeededDatabase("sessions");
  ({ db, drop } = seeded);
  // The app's own auth, on this database (getDb() reads DATABASE_URL on first use).
  process.env.DATABASE_URL = seeded.url;
  process.env.AUTH_SECRET = SECRET;
  ({ handlers } = await import("@/server/auth"));
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  Object.assign(process.env, saved);
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  await smtp?.stop();
  await drop?.();
});

/** A session cookie as next-auth issues it at sign-in for this user, at their current version. */
async function sessionCookieFor(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const token = await encode({
    token: { uid: user.id, sv: user.sessionVersion, email, name: user.name, sub: user.id },
    secret: SECRET,
    salt: COOKIE,
  });
  return `${COOKIE}=${token}`;
}

async function getSession(cookie: string) {
  const res = await handlers.GET(
    new Request("http://localhost:3000/api/auth/session", { headers: { cookie } }) as never,
  );
  return { body: (await res.json()) as { user?: { id?: string } } | null, setCookie: res.headers.getSetCookie() };
}

describe("revocable sessions", () => {
  it("answers a current session and extends it", async () => {
    const cookie = await sessionCookieFor(EMAILS.chair);
    const { body, setCookie } = await getSession(cookie);
    expect(body?.user?.id).toBe((await db.user.findUniqueOrThrow({ where: { email: EMAILS.chair } })).id);
    expect(setCookie.some((c) => c.startsWith(`${COOKIE}=`) && !c.startsWith(`${COOKIE}=;`))).toBe(true);
  });

  it("ends every session issued before the version was raised (logout elsewhere)", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: EMAILS.adjuster } });
    const [first, second] = [await sessionCookieFor(EMAILS.adjuster), await sessionCookieFor(EMAILS.adjuster)];
    expect((await getSession(first)).body?.user?.id).toBe(user.id);
    await endAllSessions(db, user.id);
    for (const cookie of [first, second]) {
      const { body, setCookie } = await getSession(cookie);
      expect(body).toBeNull();
      // The cookie is cleared, not re-signed with a later expiry.
      expect(
        setCookie
          .filter((c) => c.startsWith(`${COOKIE}=`))
          .every((c) => /^authjs\.session-token=;/.test(c) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)),
      ).toBe(true);
    }
    // A token without a version (issued before versions existed) is not current either.
    expect(await isSessionCurrent({ uid: user.id }, db)).toBe(false);
    // Signing in again gives a session that works.
    expect((await getSession(await sessionCookieFor(EMAILS.adjuster))).body?.user?.id).toBe(user.id);
  });

  it("an admin's new password ends the user's sessions, is audited and is mailed to the user", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: EMAILS.secretary } });
    const admin = await db.user.findUniqueOrThrow({ where: { email: EMAILS.admin } });
    const before = await sessionCookieFor(EMAILS.secretary);
    expect((await getSession(before)).body?.user?.id).toBe(user.id);
    const password = "ett helt nytt lösenord";
    const mailsBefore = smtp.messages.length;
    expect(
      await setUserPassword(await contextFor(db, "admin"), { userId: user.id, password, passwordConfirm: password }),
    ).toEqual({ ok: true, data: { id: user.id } });

    expect((await getSession(before)).body).toBeNull();

    const rows = await db.auditLog.findMany({ where: { action: "admin.user.setPassword", entityId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: admin.id, entity: "User", entityId: user.id, ip: "127.0.0.1" });
    expect(JSON.stringify(rows[0])).not.toContain(password);
    expect(JSON.stringify(rows[0])).not.toContain("argon2");

    const [mail] = (await smtp.waitFor(mailsBefore + 1)).slice(mailsBefore);
    expect(mail!.envelopeTo).toEqual([EMAILS.secretary]);
    expect(mail!.parsed.subject).toBe("Ditt lösenord i Paragraf har ändrats");
    expect(mail!.parsed.text).toContain(`Administratören ${admin.name} satte ett nytt lösenord`);
    expect(mail!.parsed.text).toContain("Du har loggats ut överallt.");
    expect(mail!.parsed.text).not.toContain(password);
  });

  it("a user's own new password needs the current one (audited when wrong) and ends their sessions", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: EMAILS.chair } });
    const before = await sessionCookieFor(EMAILS.chair);
    const ctx = await contextFor(db, "chair");
    const next = "mitt eget nya lösenord";
    expect(
      await changeOwnPassword(ctx, { currentPassword: "fel", password: next, passwordConfirm: next }),
    ).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["Fel lösenord. Skriv lösenordet du loggar in med."] },
    });
    expect(
      await db.auditLog.count({
        where: {
          userId: user.id,
          action: "auth.reentry.failed",
          data: { path: ["for"], equals: "user.changePassword" },
        },
      }),
    ).toBe(1);
    expect((await getSession(before)).body?.user?.id).toBe(user.id);

    expect(
      await changeOwnPassword(ctx, { currentPassword: "paragraf-demo", password: next, passwordConfirm: next }),
    ).toEqual({ ok: true, data: { sessionsEnded: true } });
    expect((await getSession(before)).body).toBeNull();
    expect(await verify((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!, next)).toBe(true);
    expect(await db.auditLog.count({ where: { userId: user.id, action: "user.changePassword" } })).toBe(1);
    expect(
      await changeOwnPassword(
        { ...ctx, actor: null },
        { currentPassword: next, password: "x".repeat(12), passwordConfirm: "x".repeat(12) },
      ),
    ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
