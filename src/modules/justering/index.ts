// Justering: send for justering, sign, return, rättelse; the list of protocols to justera.
export { SignoffSection } from "./components/signoff-section";
export { findAuditLog, findToAdjust } from "./signoff.queries";
export { EID_FAILURES, completeEidSigning, type EidFailure } from "./signoff.eid";
