// The mail with the one-time code that makes a password someone else set the holder's own: it goes
// to the account's address, which the admin who set the password does not read.
import { EMAIL_CODE_MINUTES } from "@/domain/rules/account.rules";

export interface PasswordCodeMail {
  to: string;
  subject: string;
  text: string;
}

/** The code, how long it holds, and what to do if the mail was not expected. */
export function buildPasswordCodeMail(input: {
  to: string;
  userName: string;
  code: string;
  expiresAt: Date;
  baseUrl: string;
}): PasswordCodeMail {
  const spaced = `${input.code.slice(0, 4)} ${input.code.slice(4)}`;
  return {
    to: input.to,
    subject: "Din kod för att välja lösenord i Paragraf",
    text: [
      `Hej ${input.userName},`,
      "",
      `Din kod: ${spaced}`,
      "",
      `Skriv den på sidan Mitt konto när du väljer ditt eget lösenord. Koden gäller i ${EMAIL_CODE_MINUTES} minuter.`,
      "",
      "Om du inte försöker logga in i Paragraf: lämna koden till ingen, och kontakta kommunens IT-säkerhetsansvariga.",
      "",
      `${input.baseUrl.replace(/\/$/, "")}/konto`,
    ].join("\n"),
  };
}
