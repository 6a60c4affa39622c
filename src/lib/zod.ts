// zod with Swedish default messages: every schema imports z from here, so even a message we did
// not write ourselves (a wrong type, a missing object) reaches the user in Swedish.
import { z } from "zod";

z.config(z.locales.sv());

export { z };

/**
 * A text that must be given, trimmed: `missing` when it is absent or blank (`blank` instead when
 * blank, e.g. the same words with an example), `tooLong` past `max` characters.
 */
export function requiredText(max: number, messages: { missing: string; blank?: string; tooLong: string }) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, messages.blank ?? messages.missing)
    .max(max, messages.tooLong);
}
