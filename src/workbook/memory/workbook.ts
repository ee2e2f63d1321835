// An in-memory workbook: a small, honest model of what RegRights touches in Excel. Its files:
//   types.ts        the shapes it gives out (SheetInfo, TableInfo, ChangeEvent, SheetView, ...)
//   sheets.ts       worksheets, selection, tables, widths, charts, custom properties, transactions, events
//   cells.ts        one sheet's cells: what was written, number formats, values, used range, the preview's view
//   workbook.ts     MemoryWorkbook: writing and reading cells, and when to recalculate (this file)
//   recalc.ts       a recalculation: formulas in dependency order, repeated until spills settle
//   spills.ts       where a 2-D result spills, or #SPILL!
//   formulas.ts     formula syntax and evaluation (fast-formula-parser)
//   customFunctions.ts  how the RR functions receive arguments and return results, as in Excel
// Formulas are recalculated after every change (on the next read, so a batch of writes
// recalculates once); formula syntax is checked when the formula is written, as Excel refuses bad
// formulas. No Node imports: it runs in the browser preview too.
//
// Rows and columns are 0-based in this API unless an A1 address is taken or given.

import type { CellInput, CellValue } from "../gateway";
import { blockAddress, blockOf, cellAddress, parseBlock, parseCell } from "../address";
import {
  colOf,
  inBlock,
  isBlank,
  isFormula,
  key,
  mapBlock,
  officeValue,
  rowOf,
  sheetNameProblem,
  sheetView,
  surroundingRegion,
  usedBlock,
  valueAt,
} from "./cells";
import { defaultFunctionsMetadata, ExcelHost, FunctionsMetadata } from "./customFunctions";
import { FormulaEvaluator } from "./formulas";
import { Recalculator } from "./recalc";
import { WorkbookSheets } from "./sheets";
import { DEFAULT_AUTHOR, RecalcStats, SheetView } from "./types";
import { Scalar } from "./values";

export { DEFAULT_AUTHOR, officeValue, sheetNameProblem };
export type { ChangeEvent, ChartSpec, RecalcStats, SheetInfo, SheetView, TableInfo, Visibility, ViewCell } from "./types";

export interface MemoryWorkbookOptions {
  /** Which Excel to model when RR functions read blank cells: "web" (null, the default) or "desktop" (0). */
  host?: ExcelHost;
  /**
   * The functions.json to follow (which functions exist, and whether they receive error values);
   * default: the one set with setDefaultFunctionsMetadata, else Excel's defaults. null: Excel's defaults.
   */
  metadata?: FunctionsMetadata | null;
}

export class MemoryWorkbook extends WorkbookSheets {
  private readonly evaluator: FormulaEvaluator;
  private readonly recalc: Recalculator;
  /** Round trips made by gateways over this workbook (each gateway call counts one). */
  roundTrips = 0;
  /** Statistics of the last recalculation. */
  lastRecalc: RecalcStats = { passes: 0, formulas: 0, ms: 0 };

  /** The Excel whose argument passing the RR functions see (blanks as null on the web, 0 on desktop). */
  readonly host: ExcelHost;

  constructor(options: MemoryWorkbookOptions = {}) {
    super();
    this.host = options.host ?? "web";
    const metadata = options.metadata === undefined ? defaultFunctionsMetadata() : options.metadata;
    this.evaluator = new FormulaEvaluator(
      {
        resolveSheet: (name) => this.find(name)?.name,
        read: (sheet, row, col) => this.recalc.read(this.find(sheet)!, row, col),
        extent: (sheet) => {
          const u = usedBlock(this.find(sheet)!, false);
          return u ? { rows: u.bottom + 1, cols: u.right + 1 } : { rows: 0, cols: 0 };
        },
      },
      { host: this.host, metadata },
    );
    this.recalc = new Recalculator((formula, sheet, row, col) => this.evaluator.evaluate(formula, sheet, row, col));
  }

  // ---- Cells -----------------------------------------------------------------------------------

  /**
   * Writes a block of cells from topLeft (A1 address): constants, or formulas as strings starting
   * with "="; null or "" clears a cell. numberFormats, same shape, sets formats (null: General).
   */
  setCells(sheet: string, topLeft: string, cells: CellInput[][], numberFormats?: (string | null)[][], author?: string): void {
    const s = this.get(sheet);
    const at = parseCell(topLeft);
    this.change(author, () => {
      let cols = 0;
      cells.forEach((row, r) => {
        cols = Math.max(cols, row.length);
        row.forEach((v, c) => {
          const k = key(at.row + r, at.col + c);
          if (isFormula(v)) this.evaluator.check(v);
          if (isBlank(v)) s.inputs.delete(k);
          else s.inputs.set(k, v as string | number | boolean);
        });
      });
      numberFormats?.forEach((row, r) => {
        cols = Math.max(cols, row.length);
        row.forEach((f, c) => {
          const k = key(at.row + r, at.col + c);
          if (f === null || f === undefined || f === "General") s.formats.delete(k);
          else s.formats.set(k, f);
        });
      });
      const rows = Math.max(cells.length, numberFormats?.length ?? 0);
      return [{ sheet: s.name, address: blockAddress(blockOf(at.row, at.col, rows, cols)), kind: "cells" }];
    });
  }

  /** Sets one cell: setCell("Sheet1", "C2", "=SUM(A1:B1)"). */
  setCell(sheet: string, address: string, value: CellInput, numberFormat?: string | null, author?: string): void {
    this.setCells(sheet, address, [[value]], numberFormat === undefined ? undefined : [[numberFormat]], author);
  }

  /** Sets one number format for every cell of a block. */
  setNumberFormat(sheet: string, address: string, numberFormat: string | null, author?: string): void {
    const b = parseBlock(address);
    const grid = Array.from({ length: b.bottom - b.top + 1 }, () => new Array<string | null>(b.right - b.left + 1).fill(numberFormat));
    this.setCells(sheet, cellAddress(b.top, b.left), [], grid, author);
  }

  /** Clears contents (and formats when all is true) of a block, or of the whole sheet when address is omitted. */
  clear(sheet: string, address?: string, options: { formats?: boolean; author?: string } = {}): void {
    const s = this.get(sheet);
    this.change(options.author, () => {
      if (address === undefined) {
        s.inputs.clear();
        if (options.formats) {
          s.formats.clear();
          s.widths.clear();
          s.charts = [];
        }
        return [{ sheet: s.name, address: "", kind: "cells" }];
      }
      const b = parseBlock(address);
      for (const map of options.formats ? [s.inputs, s.formats] : [s.inputs])
        for (const k of [...map.keys()]) if (inBlock(k, b)) map.delete(k);
      return [{ sheet: s.name, address: blockAddress(b), kind: "cells" }];
    });
  }

  /** The formula or constant written in a cell (null when blank). */
  input(sheet: string, address: string): CellInput {
    const p = parseCell(address);
    return this.get(sheet).inputs.get(key(p.row, p.col)) ?? null;
  }

  /** A cell's calculated value: a number, text, boolean, null (blank) or an ErrorValue. */
  value(sheet: string, address: string): Scalar {
    this.calculate();
    const p = parseCell(address);
    return valueAt(this.get(sheet), p.row, p.col);
  }

  numberFormat(sheet: string, address: string): string {
    const p = parseCell(address);
    return this.get(sheet).formats.get(key(p.row, p.col)) ?? "General";
  }

  /** Values of a block as Office.js returns Range.values: "" for blank, the code for an error. */
  getValues(sheet: string, address: string): CellValue[][] {
    this.calculate();
    const s = this.get(sheet);
    return mapBlock(parseBlock(address), (r, c) => officeValue(valueAt(s, r, c)));
  }

  /** Range.formulas: the formula where one was written, else the value ("" for blank). */
  getFormulas(sheet: string, address: string): CellValue[][] {
    this.calculate();
    const s = this.get(sheet);
    return mapBlock(parseBlock(address), (r, c) => {
      const input = s.inputs.get(key(r, c));
      return input !== undefined ? input : officeValue(s.spilled.get(key(r, c)) ?? null);
    });
  }

  /**
   * The anchor of the spill covering a cell, as Range.getSpillParentOrNullObject gives it (the
   * anchor itself for the anchor); null when no spill covers it, or for a block of several cells.
   */
  spillParent(sheet: string, address: string): string | null {
    this.calculate();
    const b = parseBlock(address);
    if (b.top !== b.bottom || b.left !== b.right) return null;
    const k = key(b.top, b.left);
    for (const [anchor, area] of this.get(sheet).spills)
      if (area !== "blocked" && inBlock(k, area)) return cellAddress(rowOf(anchor), colOf(anchor));
    return null;
  }

  getNumberFormats(sheet: string, address: string): string[][] {
    const s = this.get(sheet);
    return mapBlock(parseBlock(address), (r, c) => s.formats.get(key(r, c)) ?? "General");
  }

  /** The used range: cells with values (valuesOnly) or also with number formats; null when empty. */
  usedRange(sheet: string, valuesOnly = true): string | null {
    this.calculate();
    const b = usedBlock(this.get(sheet), !valuesOnly);
    return b ? blockAddress(b) : null;
  }

  /** The block around a cell bounded by empty rows and columns (Excel's Range.getSurroundingRegion). */
  surroundingRegion(sheet: string, address: string): string {
    this.calculate();
    return surroundingRegion(this.get(sheet), address);
  }

  // ---- Recalculation ---------------------------------------------------------------------------

  /** Recalculates if anything changed since the last calculation. */
  calculate(): void {
    if (!this.dirty || this.recalc.running) return;
    if (!this.structureChanged && [...this.changedSheets].every((name) => this.isolated(name))) {
      // Only sheets no formula depends on changed (the scenario store, for one): nothing to do.
      this.dirty = false;
      this.changedSheets.clear();
      return;
    }
    this.recalculate();
  }

  /** True when no formula can depend on the sheet: it has none, and no formula names it. */
  private isolated(name: string): boolean {
    const s = this.find(name);
    if (!s) return false;
    for (const v of s.inputs.values()) if (isFormula(v)) return false;
    const upper = name.toUpperCase();
    for (const other of this.sheets)
      for (const v of other.inputs.values()) if (isFormula(v) && v.toUpperCase().includes(upper)) return false;
    return true;
  }

  /** Recalculates every formula (recalc.ts): passes until the spill layout settles. */
  recalculate(): RecalcStats {
    const t0 = now();
    const { passes, formulas } = this.recalc.run(this.sheets);
    this.dirty = false;
    this.changedSheets.clear();
    this.structureChanged = false;
    this.lastRecalc = { passes, formulas, ms: now() - t0 };
    return this.lastRecalc;
  }

  // ---- Preview ---------------------------------------------------------------------------------

  /** A sheet as the preview grid shows it: the used range (with formats) from its top-left cell. */
  readSheet(name: string, options: { maxRows?: number } = {}): SheetView {
    this.calculate();
    const s = this.get(name);
    return sheetView(s, this.listTables(s.name), options);
  }
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
