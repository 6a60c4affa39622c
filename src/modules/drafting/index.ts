// Drafting: the secretary writes the protocol (meeting header, attendance, §§, attachments) with
// autosave, and sees the checker's findings; new meetings are created here.
export { CheckerPanel } from "./components/checker-panel";
export { CreateMeetingForm } from "./components/create-meeting-form";
export { ProtocolEditor } from "./components/protocol-editor";
export { toParagraphContent } from "./paragraph.content";
export { MeetingSettingsSection } from "./components/meeting-settings";
export { findMeetingSettings } from "./meeting-settings.queries";
/** The attendance save (version-checked, audited), for the members module's pre-filled attendance. */
export { saveAttendance } from "./meeting.mutations";
