// Who knows an account's password, and what follows from it (red team, planted account): a
// password someone else chose is the holder's only once the holder has replaced it. Pure rules for
// the admin's and platform's mutations and the session (src/server/session.ts).

/** A password set by `setBy` for `holder`'s account: the holder must replace it unless it was their own choice. */
export function passwordMustChangeAfterSet(setBy: string, holder: string): boolean {
  return setBy !== holder;
}

/** What a signed-in account whose password someone else set is told, wherever it tries to go. */
export const MUST_CHANGE_PASSWORD_MESSAGE =
  "Välj ett eget lösenord innan du fortsätter: ditt nuvarande lösenord satte en administratör, eller din e-postadress har ändrats. Byt det på sidan Mitt konto, med en kod som skickas till din e-post.";

/** The refused choice of the same password again (the admin still knows it). */
export const SAME_PASSWORD_MESSAGE =
  "Välj ett annat lösenord än det nuvarande. Ett lösenord som en administratör har satt ska bytas mot ett som bara du känner till.";

/** What the platform needs to know about an existing account it would make a new organisation's first admin. */
export interface FirstAdminCandidate {
  hasPassword: boolean;
  passwordMustChange: boolean;
}

/**
 * Why an existing account may not become a new organisation's first admin, or null when it may.
 * - A password someone else set and its holder has not replaced: whoever set it could sign in as
 *   the new organisation's admin (the planted account). The holder signs in and replaces it first.
 * - No password and no sign-in through OpenID Connect: nobody could sign in as the admin. (No
 *   password with OpenID Connect is allowed: no one holds a credential but the organisation's
 *   identity provider, which vouches for the address; no admin can have planted it.)
 */
export function firstAdminRefusal(account: FirstAdminCandidate, oidcEnabled: boolean): string | null {
  if (account.hasPassword && account.passwordMustChange) {
    return (
      "Kontot med den e-postadressen har ett lösenord som en administratör har satt och som innehavaren inte har bytt. " +
      "Be innehavaren logga in och välja ett eget lösenord, och försök sedan igen."
    );
  }
  if (!account.hasPassword && !oidcEnabled) {
    return (
      "Kontot med den e-postadressen har inget lösenord, och inloggning med organisationens konto (OpenID Connect) " +
      "är inte påslagen: ingen skulle kunna logga in som administratör. Välj en annan e-postadress."
    );
  }
  return null;
}

/**
 * Knowing the password is not enough to make it one's own (the admin who set it knows it too): the
 * change also takes a one-time code mailed to the account's address, which only its holder reads.
 */
export const EMAIL_CODE_MINUTES = 30;

/** The code's digits: 10^8 codes, five tries per quarter of an hour, half an hour each. */
export const EMAIL_CODE_DIGITS = 8;

/** Until when a code mailed at `at` holds. */
export function emailCodeExpiry(at: Date): Date {
  return new Date(at.getTime() + EMAIL_CODE_MINUTES * 60_000);
}

/** Why a typed code cannot be checked at all (none sent, or too old), or null when it can. */
export function emailCodeProblem(stored: { hash: string | null; expiresAt: Date | null }, at: Date): string | null {
  if (!stored.hash || !stored.expiresAt) {
    return "Tryck på ”Skicka kod” och skriv koden som kommer till din e-post.";
  }
  if (stored.expiresAt.getTime() <= at.getTime()) {
    return `Koden gällde i ${EMAIL_CODE_MINUTES} minuter och har gått ut. Tryck på ”Skicka kod” för en ny.`;
  }
  return null;
}

/** A typed code as the mail shows it: digits only (spaces and dashes a reader adds are dropped). */
export function normaliseEmailCode(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}
