// Every MemoryWorkbook in the tests follows the add-in's real functions.json (which functions
// exist, whether they may receive error values), as Excel does; see functionsMetadata.ts. Loaded
// on the first workbook only (FUNCTIONS_METADATA_PROVIDER in src/workbook/memory/customFunctions.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for("regrights.functionsMetadata")] = () =>
  (require("./functionsMetadata") as typeof import("./functionsMetadata")).functionsMetadata();
