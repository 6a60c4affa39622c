// Drafting: the secretary writes the protocol (meeting header, attendance, §§, attachments) with
// autosave, and sees the checker's findings; new meetings are created here.
export { CheckerPanel } from "./components/checker-panel";
export { CreateMeetingForm } from "./components/create-meeting-form";
export { ProtocolEditor } from "./components/protocol-editor";
export { toParagraphContent } from "./paragraph.content";
export { MeetingSettingsSection } from "./components/meeting-settings";
export { findMeetingSettings } from "./meeting-settings.queries";
// New §§ last in a meeting (the agenda turned into §§, src/modules/agenda; a § from a template and
// the opening §§, src/modules/templates): a template is a § without number, attendance or people.
export { appendParagraphs, openingParagraphs, templateDraft, templateDraftSelect } from "./paragraph.append";
// The § schema's parts a template is made of, and the §'s audit row and change wrapper.
export { decisionSchema, sectionsSchema, titleSchema } from "./paragraph.schema";
export { auditParagraphChange, defineDraftingChange } from "./change";
export { RichTextEditor } from "./components/rich-text-editor";
// The size limit of an uploaded file, shared with the agenda's handlingar (one limit, one message).
export { ATTACHMENT_TOO_LARGE, MAX_ATTACHMENT_BYTES } from "./attachment.limits";
/** The attendance save (version-checked, audited), for the members module's pre-filled attendance. */
export { readAttendanceRows, saveAttendance } from "./meeting.mutations";
/** The § save (version-checked, audited), for the live meeting's end writing each §'s jäv (src/modules/live). */
export { saveParagraph } from "./paragraph.mutations";
