// The in-memory workbook: tests and the browser preview. See workbook.ts (model and preview API),
// gateway.ts (WorkbookGateway over it) and formulas.ts (what formulas are supported).
export { MemoryWorkbook, officeValue, sheetNameProblem, DEFAULT_AUTHOR } from "./workbook";
export type { Visibility, ChartSpec, TableInfo, SheetInfo, ChangeEvent, ViewCell, SheetView, RecalcStats } from "./workbook";
export { MemoryGateway } from "./gateway";
export { uniqueName, tableNameFrom, uniqueTableName } from "../names";
export type { MemoryGatewayOptions } from "./gateway";
export { ErrorValue, RR_FUNCTIONS, RR_NAMESPACE } from "./formulas";
export { displayText } from "./format";
