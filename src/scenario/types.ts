// The shapes the scenario logic hands to the workbook layer, declared here so that this folder
// imports nothing but the engine. They match src/workbook/gateway.ts structurally (CapTableRef and
// SheetWrite); the pane passes them straight to the gateway and the compiler checks the match.

/** Where a cap table is: sheet, A1 address of the block including its header row, table name. */
export interface CapTableLocation {
  sheet: string;
  address: string;
  table?: string;
}

export type SheetCell = string | number | boolean | null;

/** A whole sheet to write from A1: cells, number formats, column widths and a chart. */
export interface ScenarioSheet {
  sheet: string;
  cells: SheetCell[][];
  numberFormats?: (string | null)[][];
  columnWidths?: number[];
  chart?: { title: string; categories: string; series: { name: string; values: string }[]; anchor: string };
  /** Further charts; type defaults to clustered columns. */
  charts?: {
    type?: "ColumnClustered" | "Line";
    title: string;
    categories: string;
    series: { name: string; values: string }[];
    anchor: string;
  }[];
}
