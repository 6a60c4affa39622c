// Historical protocols: protocols justerade on paper before the organisation used Paragraf,
// registered with their real dates and scanned PDF (issue 14, point 6). The registration form
// and list (workspace), the public page's data and PDF, and what the archive, search and
// /verifiera read of them. The live lifecycle is not involved.
export { HistoricalDetails, ScannedMark } from "./components/historical-details";
export { DeleteHistoricalForm } from "./components/delete-form";
export { RegisterHistoricalForm } from "./components/register-form";
export { historicalPdfResponse } from "./historical.http";
export {
  findHistoricalPdf,
  findHistoricalProtocol,
  findPublicHistoricalBySha256,
  findPublicHistoricalOrganisation,
  findPublicHistoricalProtocol,
  historicalRangesOfYear,
  listHistoricalProtocols,
  type HistoricalPdf,
} from "./historical.queries";
