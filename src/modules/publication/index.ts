// Publication: what the public sees and can check. The anslagstavla and archive (public
// projection only), search, the stored and issued PDFs, /verifiera, open data (OParl, Atom, iCal).
export { VerifyForm } from "./components/verify-form";
export { findAdjustedPdf, findNoticePdf, findPublicPdf } from "./issued-copies";
export { publicExtractResponse, workspaceExtractResponse } from "./extracts";
export { meetingCalendarResponse, noticeFeedResponse } from "./opendata/feeds.handlers";
export * from "./opendata/oparl.handlers";
export { serveOpenData } from "./opendata/opendata.http";
export {
  findPublicProtocol,
  findPublicProtocolOrganisation,
  findPublicProtocolWithCorrections,
  isPublicProtocolSlug,
  listNoticesUp,
} from "./public.queries";
export { findOrganisationOfCode, verifyCode } from "./verify";
export {
  archiveFacets,
  HIT_END,
  HIT_START,
  indexPublicProtocol,
  listArchive,
  publicProtocolPath,
  SEARCH_RANKED_MAX,
  searchArchive,
} from "./public.search";
