// The renderers as the app uses them: on worker threads (render-pool.ts). The direct ones
// (render-protocol.ts, …) are for the workers themselves and for tests of the layout.
export { renderProtocolPdf, renderNoticePdf, renderExtractPdf, RenderBusyError } from "./render-pool";
