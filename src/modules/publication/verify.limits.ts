// What a protocol PDF from Paragraf can weigh: the text of a protocol with subset fonts is a few
// MB at most (bilagor are separate files, never embedded), so 20 MB leaves ample room. Shared by
// the action, the form (checks before sending) and the proxy (refuses larger bodies by their
// Content-Length before reading them). No server imports here.

export const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

export const VERIFY_TOO_LARGE = "Filen är större än 20 MB och kan inte vara ett protokoll från Paragraf.";
