// Who knows an account's password, and what follows from it (red team, planted account): a
// password someone else chose is the holder's only once the holder has replaced it. Pure rules for
// the admin's and platform's mutations and the session (src/server/session.ts).

/** A password set by `setBy` for `holder`'s account: the holder must replace it unless it was their own choice. */
export function passwordMustChangeAfterSet(setBy: string, holder: string): boolean {
  return setBy !== holder;
}

/** What a signed-in account whose password someone else set is told, wherever it tries to go. */
export const MUST_CHANGE_PASSWORD_MESSAGE =
  "Välj ett eget lösenord innan du fortsätter: ditt nuvarande lösenord satte en administratör. Byt det på sidan Mitt konto.";

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
