// Members: the ledamöter's and ersättare's own view of their upcoming meetings (ärendelista and
// handlingar as the kallelse has them), förhinder with the ersättare to call in
// (substitutes.rules.ts), and the secretary's list of förhinder with "Förifyll närvaron".
export { listMyUpcomingMeetings, type MemberMeeting } from "./members.queries";
export { findMeetingAbsences, type SecretaryAbsences } from "./absence.queries";
export { ReportAbsenceForm, WithdrawAbsenceForm } from "./components/absence-form";
export { PrefillAttendanceForm } from "./components/prefill-form";
