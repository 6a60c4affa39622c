// Agenda: the body's ärenden before the meeting (issue 15, points 1 and 2): the pool and a
// meeting's ärendelista (create, edit, move, reorder, delete), the handlingar (PDF/DOCX upload,
// order, authorised download) and the import of a tjänsteskrivelse (DOCX → summary and förslag
// till beslut).
export { AgendaItemView } from "./components/item-view";
export { CreateItemForm } from "./components/create-item-form";
export { MeetingAgendaTable, PoolTable } from "./components/agenda-lists";
export {
  findAgendaDocument,
  findAgendaItem,
  findBodyPool,
  findMeetingAgenda,
  type AgendaDocumentRow,
  type AgendaRow,
} from "./agenda.queries";
