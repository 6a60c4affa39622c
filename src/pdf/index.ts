// The renderers as the app uses them: on worker threads (render-pool.ts). The direct ones
// (render-protocol.ts, …) are for the workers themselves and for tests of the layout.
export { renderProtocolPdf, renderNoticePdf, renderExtractPdf, renderSummonsPdf, RenderBusyError } from "./render-pool";
export { bundlePlan, bundleSummons, type SummonsBundle } from "./summons-bundle";
export {
  signatureFields,
  SEAL_FIELD_NAME,
  SEAL_FIELD_DESCRIPTION,
  type SignatureFieldSpec,
  type SigningLayout,
} from "./protocol-model";
