// The in-memory workbook: tests and the browser preview. See workbook.ts (the model and a map of
// its files), gateway.ts (WorkbookGateway over it) and formulas.ts (what formulas are supported).
export { MemoryWorkbook, officeValue, sheetNameProblem, DEFAULT_AUTHOR } from "./workbook";
export type { Visibility, ChartSpec, TableInfo, SheetInfo, ChangeEvent, ViewCell, SheetView, RecalcStats } from "./types";
export { MemoryGateway } from "./gateway";
export { uniqueName, tableNameFrom, uniqueTableName } from "../names";
export type { MemoryGatewayOptions } from "./gateway";
export { ErrorValue } from "./values";
export { RR_FUNCTIONS, RR_NAMESPACE, setDefaultFunctionsMetadata } from "./customFunctions";
export type { ExcelHost, FunctionsMetadata } from "./customFunctions";
export type { MemoryWorkbookOptions } from "./workbook";
export { displayText } from "./format";
