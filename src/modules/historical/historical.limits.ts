// Shared by the registration action and its form (which checks before sending, so a file over
// the limit never leaves the browser and nothing typed is lost). No server imports here.

/** As for bilagor (drafting/attachment.limits.ts) and /verifiera: the server actions take 21 MB (next.config.mjs). */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;

export const SCAN_TOO_LARGE = "Filen är större än 20 MB; skanna med lägre upplösning eller komprimera PDF-filen.";
