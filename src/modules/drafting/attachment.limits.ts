// Shared by the upload action and the form (which checks before sending, so a file over the
// limit never leaves the browser and nothing typed is lost). No server imports here.

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export const ATTACHMENT_TOO_LARGE = "Filen är större än 20 MB; dela upp den eller komprimera den.";
