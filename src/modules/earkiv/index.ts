// E-arkiv: the SIP (E-ARK CSIP / FGS Paketstruktur 2.0) of a justerat protocol for the
// organisation's e-arkiv — METS, PREMIS, a descriptive record, the signed original PDF/A, the
// issued copies, rättelser, bilagor and the protocol as JSON with its JSON Schema.
export { auditEarkivExport, bodyYearEarkivResponse, meetingEarkivResponse } from "./earkiv.http";
export {
  earkivPackageFor,
  listAdjustedSlugs,
  listAdjustedYears,
  readEarkivInput,
  SOFTWARE_VERSION,
} from "./earkiv.queries";
export { buildEarkivPackage, objidFor, type EarkivInput, type EarkivPackage, type PackageFile } from "./package";
export { schemaDir } from "./schemas";
export { addPackage, newZip, zipBytes } from "./zip";
