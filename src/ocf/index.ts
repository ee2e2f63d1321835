// Open Cap Format (OCF 1.x) import: pure TypeScript for the task pane's bundle and for tests.
// Imports only src/engine and fflate; no Office, React, DOM or Node-only modules.
export { importOcf, SKIP_REASONS } from "./import";
export { OBJECT_TYPES, MAIN_ONLY, typeName, describeObject, type Treatment, type SkipReason } from "./catalogue";
export { importReport, importReportText, plural, type ImportReport } from "./report";
export { readPackage, FILE_SLOTS, type OcfInput, type OcfPackage } from "./package";
export { toCapTableRows, excelSerialFromIso, isoAcquiredDate, CAP_TABLE_HEADER, type CapTableCell, type CapTableRowOptions } from "./rows";
export * from "./types";
