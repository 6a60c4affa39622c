// Sign-in with next-auth v5: e-mail + password (argon2id), JWT sessions. The session carries
// only the user id; roles are read fresh from the database for every check (server/session.ts),
// so a revoked role takes effect at once.
import { hash, verify } from "@node-rs/argon2";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "./db";
import { FailureLimiter } from "./rate-limit";

// 5 failures per e-mail+address and 30 per address in 15 minutes.
const perAccount = new FailureLimiter(5, 15 * 60_000);
const perAddress = new FailureLimiter(30, 15 * 60_000);

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
        const address = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "local";
        const accountKey = `${address}|${email}`;
        if (perAccount.retryAfter(accountKey) > 0 || perAddress.retryAfter(address) > 0) throw new TooManyAttempts();
        const user = await getDb().user.findUnique({ where: { email } });
        const ok = await verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
        if (!user || !user.passwordHash || !ok) {
          perAccount.fail(accountKey);
          perAddress.fail(address);
          return null;
        }
        perAccount.reset(accountKey);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});
