// The kallelse before the meeting (issue 15, point 3): the ärendelista as a kallelse PDF and a
// bundle with the handlingar, "Skicka kallelse" by e-mail to ledamöter and ersättare, and for
// fullmäktige the kungörelse on the public anslagstavla.
export { SummonsAgenda } from "./components/summons-agenda";
export { SummonsSendForm } from "./components/summons-send-form";
export { KungorelseList } from "./components/kungorelse-list";
export {
  findKungorelseChanges,
  findKungorelseOrganisation,
  findSummons,
  findSummonsRecipients,
  listKungorelser,
  type KungorelseDTO,
  type SummonsRecipient,
} from "./summons.queries";
export { publicSummonsResponse, workspaceSummonsResponse } from "./summons.http";
export { sendSummons, type SendSummonsResult } from "./summons.mutations";
