// The mail that tells a user an administrator set their password: so that a password set by
// someone else — by mistake, or by an insider — never goes unnoticed by its owner.
import { toSwedishDate } from "@/lib/iso-date";
import { userMail, type UserMail } from "@/lib/user-mail";

export type PasswordSetMail = UserMail;

/** Names who did it and when; holds no password, and says every session was ended. */
export function buildPasswordSetMail(input: {
  to: string;
  userName: string;
  adminName: string;
  at: Date;
  baseUrl: string;
}): PasswordSetMail {
  const date = toSwedishDate(input.at);
  return userMail({
    ...input,
    subject: "Ditt lösenord i Paragraf har ändrats",
    body: [
      `Administratören ${input.adminName} satte ett nytt lösenord för ditt konto i Paragraf ${date}.`,
      "Du har loggats ut överallt. Logga in med det nya lösenordet, som du får av administratören; du väljer då genast ett eget.",
      "",
      "Om du inte väntade dig ändringen: kontakta en administratör eller kommunens IT-säkerhetsansvariga genast.",
    ],
    path: "/logga-in",
  });
}
