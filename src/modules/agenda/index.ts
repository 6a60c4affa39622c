// Agenda: the body's ärenden before the meeting (issue 15): the pool and a meeting's ärendelista
// (create, edit, move, reorder, delete), the handlingar (PDF/DOCX upload, order, authorised
// download), the import of a tjänsteskrivelse (DOCX → summary and förslag till beslut), and the
// ärendelista turned into §§, one fate per ärende (src/domain/rules/agenda-fate.rules.ts).
export { AgendaItemView } from "./components/item-view";
export { CreateItemForm } from "./components/create-item-form";
export { ClauseList, ProposalSection } from "./components/proposal";
export { MeetingAgendaTable, PoolTable } from "./components/agenda-lists";
export {
  findAgendaDocument,
  findAgendaItem,
  findBodyPool,
  findMeetingAgenda,
  type AgendaDocumentRow,
  type AgendaRow,
} from "./agenda.queries";
export { AgendaToProtocolForm } from "./components/agenda-to-protocol-form";
export { findAgendaToProtocol, type AgendaToProtocolView } from "./agenda-to-protocol.queries";
export { turnAgendaIntoParagraphs } from "./agenda-to-protocol.mutations";
export { findKallelseItems, kallelseMeetingSelect } from "./kallelse-items";
export { handlingResponse } from "./handling.http";
