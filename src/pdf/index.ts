export { renderProtocolPdf } from "./render-protocol";
export { renderNoticePdf } from "./render-notice";
export { renderExtractPdf } from "./render-extract";
