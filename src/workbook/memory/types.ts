// The shapes the in-memory workbook gives to its callers (tests, the gateway, the preview grid).

import type { CellValue, ChartKind } from "../gateway";

export type Visibility = "visible" | "hidden" | "veryHidden";

export interface ChartSpec {
  type: ChartKind;
  title: string;
  /** A1 addresses on the chart's sheet. */
  categories: string;
  series: { name: string; values: string }[];
  anchor: string;
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** The whole table including the header row, e.g. "A1:H13". */
  address: string;
  showHeaders: boolean;
}

export interface SheetInfo {
  name: string;
  position: number;
  visibility: Visibility;
  active: boolean;
}

export interface ChangeEvent {
  sheet: string;
  /** The block changed, or "" for a change to the sheet itself (added, deleted, renamed). */
  address: string;
  kind: "cells" | "sheetAdded" | "sheetDeleted" | "sheetRenamed" | "format";
  /** Who made the change: the author name given to the gateway ("another author" in tests). */
  author: string;
}

/** One cell as the preview grid shows it. */
export interface ViewCell {
  address: string;
  /** The value as Office.js would return it ("" for blank, the code for an error). */
  value: CellValue;
  /** The value formatted with the cell's number format, as Excel displays it. */
  text: string;
  /** The formula written in this cell, or null for a constant, a blank or a spilled value. */
  formula: string | null;
  numberFormat: string;
  /** True when the value comes from a formula above or to the left (a spill). */
  spilled: boolean;
  /** The message behind an error value, when the function gave one. */
  error?: string;
}

export interface SheetView {
  name: string;
  visibility: Visibility;
  /** The used range (values, formulas or number formats), or null for an empty sheet. */
  address: string | null;
  /** Row-major from the top-left of address (which is always A1 based: row 0 is sheet row 1 when address starts at A1). */
  top: number;
  left: number;
  rows: ViewCell[][];
  /** Widths in points by column index from `left`; null is the default width. */
  columnWidths: (number | null)[];
  tables: TableInfo[];
  charts: ChartSpec[];
}

export interface RecalcStats {
  passes: number;
  formulas: number;
  ms: number;
}

export const DEFAULT_AUTHOR = "you";
