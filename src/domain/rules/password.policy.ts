// The password policy's length, apart from its zod fields (password.rules.ts) so that the forms in
// the browser can state it without bringing zod into their bundle.

/** Passwords are long rather than complex (NIST SP 800-63B); the sign-in form accepts up to 1024. */
export const MIN_PASSWORD_LENGTH = 12;
