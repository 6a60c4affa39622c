// Sign-in with next-auth v5: e-mail + password (argon2id), JWT sessions. The session carries
// only the user id and the user's session version; roles are read fresh from the database for
// every check (server/session.ts), so a revoked role takes effect at once, and a raised session
// version (logout, new password) ends every session issued before it.
import { hash, verify } from "@node-rs/argon2";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "@/lib/zod";
import { getDb } from "./db";
import { clientAddress } from "./client-address";
import { RateLimiter } from "./rate-limit";
import { isSessionCurrent } from "./session-version";
import { oidcConfig } from "./oidc-config";

export { oidcConfig };

// 5 attempts per e-mail+address and 30 per address in 15 minutes, in PostgreSQL (shared by every
// app process). The address is the socket's or a trusted proxy's (client-address.ts), never one
// the client claims; unknown (a bare `next start`) means one shared bucket.
export const loginPerAccount = new RateLimiter({ scope: "login-account", max: 5, windowMs: 15 * 60_000 });
export const loginPerAddress = new RateLimiter({ scope: "login-address", max: 30, windowMs: 15 * 60_000 });

/** The session as auth() returns it: also the user's session version it was issued under. */
export type SessionWithVersion = { sessionVersion?: number };

export class TooManyAttempts extends CredentialsSignin {
  override code = "too_many_attempts";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

// A real hash to verify against when the account does not exist, so the time taken does not
// reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hash("paragraf-no-such-account"));

const oidc = oidcConfig();

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  trustHost: true,
  pages: { signIn: "/logga-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-post" }, password: { label: "Lösenord", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddress(request.headers) ?? "unknown";
        const accountKey = `${address}|${email}`;
        // Counted before the password is checked: parallel guesses cannot pass a check together.
        const [account, fromAddress] = await Promise.all([
          loginPerAccount.hit(accountKey),
          loginPerAddress.hit(address),
        ]);
        if (account.limited || fromAddress.limited) throw new TooManyAttempts();
        const user = await getDb().user.findUnique({ where: { email } });
        const ok = await verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
        if (!user || !user.passwordHash || !ok) return null;
        // A success clears the account's count and does not use up the address's allowance.
        await Promise.all([loginPerAccount.reset(accountKey), loginPerAddress.forgive(address)]);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
    ...(oidc
      ? [
          {
            id: "oidc",
            name: oidc.name,
            type: "oidc" as const,
            issuer: oidc.issuer,
            clientId: oidc.clientId,
            clientSecret: oidc.clientSecret,
          },
        ]
      : []),
  ],
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : null;
      if (!email || profile?.email_verified === false) return false;
      return (await getDb().user.count({ where: { email } })) > 0;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc" && typeof profile?.email === "string") {
        const found = await getDb().user.findUnique({
          where: { email: profile.email.toLowerCase() },
          select: { id: true, sessionVersion: true },
        });
        if (!found) return null;
        token.uid = found.id;
        token.sv = found.sessionVersion;
        return token;
      }
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        return token;
      }
      // Every later read of the session (auth() on each request, GET /api/auth/session, which
      // would also re-sign the cookie with a later expiry): a token whose version is no longer the
      // user's is ended here — returning null clears the cookie and answers "no session".
      return (await isSessionCurrent(token)) ? token : null;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sv === "number") (session as SessionWithVersion).sessionVersion = token.sv;
      return session;
    },
  },
});
