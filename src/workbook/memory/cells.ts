// One worksheet's cells in the in-memory workbook: what was written (constants and formulas),
// number formats, column widths, charts and custom properties, plus what the last recalculation
// put there (formula results and spilled values). The reads here are Excel's: a cell's value,
// the used range, the surrounding region, and the view the preview grid draws.

import type { CellValue } from "../gateway";
import { Block, blockAddress, cellAddress, MAX_COLS, parseCell } from "../address";
import { displayText } from "./format";
import type { ChartSpec, SheetView, TableInfo, ViewCell, Visibility } from "./types";
import { ErrorValue, Scalar } from "./values";

export interface SheetData {
  name: string;
  visibility: Visibility;
  inputs: Map<number, string | number | boolean>;
  formats: Map<number, string>;
  widths: Map<number, number>;
  charts: ChartSpec[];
  props: Map<string, { key: string; value: string }>;
  // Calculated: formula results (anchors), spilled cells, and where each anchor spills.
  results: Map<number, Scalar>;
  spilled: Map<number, Scalar>;
  spills: Map<number, Block | "blocked">;
}

/** A cell's key in a sheet's maps (row-major, 0-based). */
export const key = (row: number, col: number) => row * MAX_COLS + col;
export const rowOf = (k: number) => Math.floor(k / MAX_COLS);
export const colOf = (k: number) => k % MAX_COLS;
export const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
export const isBlank = (v: unknown) => v === null || v === undefined || v === "";

export function newSheet(name: string, visibility: Visibility): SheetData {
  return {
    name,
    visibility,
    inputs: new Map(),
    formats: new Map(),
    widths: new Map(),
    charts: [],
    props: new Map(),
    results: new Map(),
    spilled: new Map(),
    spills: new Map(),
  };
}

export function cloneSheet(s: SheetData): SheetData {
  return {
    ...s,
    inputs: new Map(s.inputs),
    formats: new Map(s.formats),
    widths: new Map(s.widths),
    charts: s.charts.map(cloneChart),
    props: new Map(s.props),
    results: new Map(s.results),
    spilled: new Map(s.spilled),
    spills: new Map(s.spills),
  };
}

export const cloneChart = (c: ChartSpec): ChartSpec => ({ ...c, series: c.series.map((x) => ({ ...x })) });

/** Excel's rules for a worksheet name (what Excel refuses, not RegRights' own store name). */
export { excelSheetNameProblem as sheetNameProblem } from "../names";

/** A cell's value after the last recalculation: its constant, its formula's result, or a spilled value. */
export function valueAt(s: SheetData, row: number, col: number): Scalar {
  const k = key(row, col);
  const input = s.inputs.get(k);
  if (isFormula(input)) return s.results.get(k) ?? null;
  if (input !== undefined) return input;
  return s.spilled.get(k) ?? null;
}

/** A value as Office.js returns it: blank as "", errors as their code. */
export function officeValue(v: Scalar): CellValue {
  if (v === null) return "";
  if (v instanceof ErrorValue) return v.code;
  return v;
}

/** The used block: cells with inputs or spilled values (and number formats when withFormats). */
export function usedBlock(s: SheetData, withFormats: boolean): Block | null {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  const visit = (k: number) => {
    const r = rowOf(k),
      c = colOf(k);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  for (const k of s.inputs.keys()) visit(k);
  for (const [k, v] of s.spilled) if (v !== null) visit(k);
  if (withFormats) for (const k of s.formats.keys()) visit(k);
  return bottom < 0 ? null : { top, left, bottom, right };
}

/** The block around a cell bounded by empty rows and columns (Excel's Range.getSurroundingRegion). */
export function surroundingRegion(s: SheetData, address: string): string {
  const p = parseCell(address.split(":")[0]);
  let b: Block = { top: p.row, left: p.col, bottom: p.row, right: p.col };
  const filled = (r: number, c: number) => r >= 0 && c >= 0 && !isBlank(officeValue(valueAt(s, r, c)));
  for (let grown = true; grown;) {
    grown = false;
    const tryEdge = (edge: () => boolean, grow: () => void) => {
      if (edge()) {
        grow();
        grown = true;
      }
    };
    const rowHas = (r: number) => {
      for (let c = b.left - 1; c <= b.right + 1; c++) if (filled(r, c)) return true;
      return false;
    };
    const colHas = (c: number) => {
      for (let r = b.top - 1; r <= b.bottom + 1; r++) if (filled(r, c)) return true;
      return false;
    };
    tryEdge(
      () => b.top > 0 && rowHas(b.top - 1),
      () => (b = { ...b, top: b.top - 1 }),
    );
    tryEdge(
      () => rowHas(b.bottom + 1),
      () => (b = { ...b, bottom: b.bottom + 1 }),
    );
    tryEdge(
      () => b.left > 0 && colHas(b.left - 1),
      () => (b = { ...b, left: b.left - 1 }),
    );
    tryEdge(
      () => colHas(b.right + 1),
      () => (b = { ...b, right: b.right + 1 }),
    );
  }
  return blockAddress(b);
}

/** A sheet as the preview grid shows it: the used range (with formats) from its top-left cell. */
export function sheetView(s: SheetData, tables: TableInfo[], options: { maxRows?: number } = {}): SheetView {
  const used = usedBlock(s, true);
  const base = { name: s.name, visibility: s.visibility, tables, charts: s.charts.map(cloneChart) };
  if (!used) return { ...base, address: null, top: 0, left: 0, rows: [], columnWidths: [] };
  const b: Block = { top: 0, left: 0, bottom: used.bottom, right: used.right };
  if (options.maxRows !== undefined) b.bottom = Math.min(b.bottom, options.maxRows - 1);
  const rows = mapBlock(b, (r, c): ViewCell => {
    const k = key(r, c);
    const input = s.inputs.get(k);
    const scalar = valueAt(s, r, c);
    const numberFormat = s.formats.get(k) ?? "General";
    const cell: ViewCell = {
      address: cellAddress(r, c),
      value: officeValue(scalar),
      text: displayText(scalar, numberFormat),
      formula: isFormula(input) ? input : null,
      numberFormat,
      spilled: input === undefined && s.spilled.has(k),
    };
    if (scalar instanceof ErrorValue && scalar.message) cell.error = scalar.message;
    return cell;
  });
  const columnWidths = Array.from({ length: b.right + 1 }, (_, c) => s.widths.get(c) ?? null);
  return { ...base, address: blockAddress(b), top: 0, left: 0, rows, columnWidths };
}

export function inBlock(k: number, b: Block): boolean {
  const r = rowOf(k),
    c = colOf(k);
  return r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
}

export function mapBlock<T>(b: Block, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: T[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}
