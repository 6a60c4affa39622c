// The mail with the one-time code that makes a password someone else set the holder's own: it goes
// to the account's address, which the admin who set the password does not read.
import { EMAIL_CODE_MINUTES } from "@/domain/rules/account.rules";
import { userMail, type UserMail } from "@/lib/user-mail";

export type PasswordCodeMail = UserMail;

/** The code, how long it holds, and what to do if the mail was not expected. */
export function buildPasswordCodeMail(input: {
  to: string;
  userName: string;
  code: string;
  expiresAt: Date;
  baseUrl: string;
}): PasswordCodeMail {
  const spaced = `${input.code.slice(0, 4)} ${input.code.slice(4)}`;
  return userMail({
    ...input,
    subject: "Din kod för att välja lösenord i Paragraf",
    body: [
      `Din kod: ${spaced}`,
      "",
      `Skriv den på sidan Mitt konto när du väljer ditt eget lösenord. Koden gäller i ${EMAIL_CODE_MINUTES} minuter.`,
      "",
      "Om du inte försöker logga in i Paragraf: lämna koden till ingen, och kontakta kommunens IT-säkerhetsansvariga.",
    ],
    path: "/konto",
  });
}
