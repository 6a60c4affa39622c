// The mail that tells a user an administrator set their password: so that a password set by
// someone else — by mistake, or by an insider — never goes unnoticed by its owner.
import { toSwedishDate } from "@/lib/iso-date";

export interface PasswordSetMail {
  to: string;
  subject: string;
  text: string;
}

/** Names who did it and when; holds no password, and says every session was ended. */
export function buildPasswordSetMail(input: {
  to: string;
  userName: string;
  adminName: string;
  at: Date;
  baseUrl: string;
}): PasswordSetMail {
  const date = toSwedishDate(input.at);
  return {
    to: input.to,
    subject: "Ditt lösenord i Paragraf har ändrats",
    text: [
      `Hej ${input.userName},`,
      "",
      `Administratören ${input.adminName} satte ett nytt lösenord för ditt konto i Paragraf ${date}.`,
      "Du har loggats ut överallt. Logga in med det nya lösenordet, som du får av administratören; du väljer då genast ett eget.",
      "",
      "Om du inte väntade dig ändringen: kontakta en administratör eller kommunens IT-säkerhetsansvariga genast.",
      "",
      `${input.baseUrl.replace(/\/$/, "")}/logga-in`,
    ].join("\n"),
  };
}
