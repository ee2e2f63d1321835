// The one interface between the task pane and a workbook. Two implementations: Office.js (real
// Excel, src/workbook/office/) and an in-memory workbook (tests and the preview,
// src/workbook/memory/). The pane receives a WorkbookGateway by props/context and never calls
// Excel.run itself. Each method is one round trip to Excel unless its comment says otherwise.

/** A value as Excel returns it: dates are serial numbers, blanks are "" (Office.js) or null. */
export type CellValue = string | number | boolean | null;

/** A cell to write: a constant, or a formula (a string starting with "="). */
export type CellInput = string | number | boolean | null;

/** Where a cap table is: an Excel table, or a block whose first row is the header row. */
export interface CapTableRef {
  sheet: string;
  /** A1 address of the whole block including the header row, e.g. "A1:H12" (no sheet name). */
  address: string;
  /** The Excel table's name when the block is a table (formulas then use structured references). */
  table?: string;
}

export interface CapTableRead {
  ref: CapTableRef;
  headers: string[];
  /** Body rows without the header, values as Excel returns them. */
  rows: CellValue[][];
}

/** A cap table's header row as both gateways read it: every cell as text, a blank as "". */
export function headersOf(row: CellValue[] | undefined): string[] {
  return (row ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
}

/** A scenario sheet, written whole: cells from A1, row-major. */
export interface SheetWrite {
  sheet: string;
  cells: CellInput[][];
  /** Excel number formats, same shape as cells; null keeps "General". */
  numberFormats?: (string | null)[][];
  /** Column widths in points, from column A. */
  columnWidths?: number[];
  /** A clustered column chart over ranges of this sheet (A1 addresses without sheet name). */
  chart?: { title: string; categories: string; series: { name: string; values: string }[]; anchor: string };
  /** Further charts (a line chart of the overhang, say); type defaults to clustered columns. */
  charts?: { type?: ChartKind; title: string; categories: string; series: { name: string; values: string }[]; anchor: string }[];
}

/** The chart types RegRights writes (Excel.ChartType values). */
export type ChartKind = "ColumnClustered" | "Line";

/** Every chart of a write, the first one's type made explicit. */
export function chartsOf(
  write: SheetWrite,
): { type: ChartKind; title: string; categories: string; series: { name: string; values: string }[]; anchor: string }[] {
  return [
    ...(write.chart ? [{ ...write.chart, type: "ColumnClustered" as const }] : []),
    ...(write.charts ?? []).map((c) => ({ ...c, type: c.type ?? ("ColumnClustered" as const) })),
  ];
}

/** absent: no such sheet. ours: exactly what RegRights last wrote. foreign: anything else. */
export type SheetStatus = "absent" | "ours" | "foreign";

/** Raised by writeSheet when the sheet holds cells RegRights did not write and no consent was given. */
export class ForeignContentError extends Error {
  constructor(readonly sheet: string) {
    super(`The sheet "${sheet}" has cells RegRights did not write.`);
    this.name = "ForeignContentError";
  }
}

/** What renaming a scenario did to its sheet: renamed, already so named, or there was none. */
export type SheetRename = "renamed" | "unchanged" | "absent";

/** A stored scenario: the envelope is the store's; the payload is the pane's (validated there). */
export interface ScenarioRecord {
  id: string;
  name: string;
  /** ISO timestamp of the last save. */
  updatedAt: string;
  payload: unknown;
}

/** What the list shows: a record's index cells, without its payload (read when it is opened). */
export type ScenarioSummary = Omit<ScenarioRecord, "payload">;

export interface ScenarioList {
  scenarios: ScenarioSummary[];
  /** Records that could not be read, by name (or row when even the name is unreadable). */
  problems: { name: string; problem: string }[];
}

/**
 * Scenarios live in the workbook so that co-authors see them: one record per row of a very
 * hidden worksheet, written with Range.values (Microsoft's co-authoring guidance), schema-versioned.
 */
export interface ScenarioStore {
  /** Names and dates only (the store's index columns): cheap however large the saved payloads are. */
  list(): Promise<ScenarioList>;
  /** One record with its payload. Throws a WorkbookError in words when it is gone or damaged. */
  load(id: string): Promise<ScenarioRecord>;
  /** Insert or replace by id, touching only that record's row: two authors saving different scenarios lose neither. */
  save(record: ScenarioRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Renames a scenario: saves its record (already carrying the new name) and renames its sheet
   * `sheet.from` to `sheet.to`, in one batch, all or nothing. No sheet named `from`: only the record
   * changes ("absent"). Refused in words (WorkbookError) before anything changes when Excel would
   * refuse the name `to`, when another sheet has it (compared without case, as Excel does), or when
   * the record is no longer stored. Same syncs as save.
   */
  rename(record: ScenarioRecord, sheet: { from: string; to: string }): Promise<SheetRename>;
  /** Calls listener when the store changes, including changes by another author. Returns an unsubscribe. */
  onChange(listener: () => void): Promise<() => Promise<void>>;
}

/** A cell as Explain cell reads it: a value, null for blank, or an error value by its code ("#VALUE!"). */
export type ReadCell = string | number | boolean | null | { error: string };

/** The active cell and the RR formula behind it, with every range that formula refers to. */
export interface FormulaCellRead {
  sheet: string;
  /** The active cell, A1 without the sheet. */
  address: string;
  value: ReadCell;
  /** The cell's own formula, or its spill parent's (sheet-less address); null when neither holds one. */
  formula: { address: string; text: string } | null;
  /** The ranges the formula refers to (src/workbook/explain/parse.ts); cells null when the sheet is missing. */
  blocks: { sheet: string; address: string; cells: ReadCell[][] | null }[];
}

export interface WorkbookGateway {
  /** The cap table under the selection: the Excel table containing it, or the selected block. */
  readSelectedCapTable(): Promise<CapTableRead>;
  readCapTable(ref: CapTableRef): Promise<CapTableRead>;
  /** Writes header + rows as an Excel table on a new sheet (name made unique); returns where. */
  insertTable(sheetName: string, tableName: string, rows: CellInput[][], numberFormats?: (string | null)[][]): Promise<CapTableRef>;
  sheetStatus(sheet: string): Promise<SheetStatus>;
  /**
   * Replaces the sheet's contents in one batch, creating it if absent; all or nothing. Throws
   * ForeignContentError when the sheet is "foreign" unless overwriteForeign is true.
   */
  writeSheet(write: SheetWrite, options: { overwriteForeign: boolean }): Promise<void>;
  /** Calculated values of a block, to show results in the pane. */
  readValues(sheet: string, address: string): Promise<CellValue[][]>;
  activateSheet(sheet: string): Promise<void>;
  /**
   * Explain cell: the active cell, the formula behind it (its own, or its spill parent's) and the
   * values of every range that formula refers to. Office: two round trips (src/workbook/office/formulaCell.ts).
   */
  readFormulaCell(): Promise<FormulaCellRead>;
  /** Calls listener when the user selects other cells. Returns an unsubscribe. */
  onSelectionChanged(listener: () => void): Promise<() => Promise<void>>;
  readonly scenarios: ScenarioStore;
}
