// Agenda: ärenden before the meeting (issue 15). From agenda to protocol: the meeting's
// ärendelista turned into §§, one fate per ärende (src/domain/rules/agenda-fate.rules.ts).
export { AgendaToProtocolForm } from "./components/agenda-to-protocol-form";
export { findAgendaToProtocol, type AgendaToProtocolView } from "./agenda-to-protocol.queries";
export { turnAgendaIntoParagraphs } from "./agenda-to-protocol.mutations";
