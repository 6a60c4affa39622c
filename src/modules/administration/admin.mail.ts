// The mails that tell a user an administrator created their account, set their password or moved
// its e-mail address: so that an account, a password or an address changed by someone else — by
// mistake, or by an insider — never goes unnoticed by the holder of the address.
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

/**
 * To the address of an account an administrator created: who created it, where and when, that the
 * account opens nothing until its holder has chosen a password with a code mailed here, and whom to
 * tell if it was not expected (a "planted" account, made for someone's address before they would
 * have made one themselves). Holds no password.
 */
export function buildAccountCreatedMail(input: {
  to: string;
  userName: string;
  adminName: string;
  organisationName: string;
  /** The platform's admin made the account, as the new organisation's first admin. */
  byPlatform?: boolean;
  at: Date;
  baseUrl: string;
}): UserMail {
  const date = toSwedishDate(input.at);
  const who = input.byPlatform
    ? `Plattformens administratör ${input.adminName} skapade ${date} ett konto i Paragraf för den här e-postadressen, som administratör för ${input.organisationName}.`
    : `Administratören ${input.adminName} i ${input.organisationName} skapade ${date} ett konto i Paragraf för den här e-postadressen.`;
  return userMail({
    ...input,
    subject: "Ett konto i Paragraf har skapats åt dig",
    body: [
      who,
      "Logga in med lösenordet som du får av administratören. Innan du kan göra något annat väljer du ett eget lösenord, med en kod som skickas till den här adressen.",
      "",
      "Om du inte väntade dig kontot: logga inte in, och kontakta organisationens administratör eller kommunens IT-säkerhetsansvariga.",
    ],
    path: "/logga-in",
  });
}

/** To the old address of an account whose address an administrator changed: who, when, and to what. */
export function buildEmailMovedMail(input: {
  to: string;
  userName: string;
  adminName: string;
  newEmail: string;
  at: Date;
  baseUrl: string;
}): UserMail {
  const date = toSwedishDate(input.at);
  return userMail({
    ...input,
    subject: "E-postadressen för ditt konto i Paragraf har ändrats",
    body: [
      `Administratören ${input.adminName} ändrade ${date} e-postadressen för ditt konto i Paragraf till ${input.newEmail}.`,
      "Brev om kontot, som koder för att välja lösenord, går från och med nu dit, inte hit.",
      "",
      "Om du inte väntade dig ändringen: kontakta en administratör eller kommunens IT-säkerhetsansvariga genast.",
    ],
    path: "/logga-in",
  });
}
