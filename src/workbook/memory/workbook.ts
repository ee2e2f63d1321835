// An in-memory workbook: a small, honest model of what RegRights touches in Excel. Worksheets
// (name, position, visibility), cells (constant or formula, number format), Excel tables, column
// widths, charts (stored specs), per-sheet custom properties, the selection, change events, and a
// count of round trips. Formulas are evaluated with fast-formula-parser (see ./formulas) and
// recalculated after every change (on the next read, so a batch of writes recalculates once;
// formula syntax is checked when the formula is written, as Excel refuses bad formulas); a formula whose result is a 2-D array spills into the cells
// below and to the right, or shows #SPILL! when one of them is not empty. No Node imports: it runs
// in the browser preview too.
//
// Rows and columns are 0-based in this API unless an A1 address is taken or given.

import type { CellInput, CellValue } from "../gateway";
import { Block, blockAddress, blockOf, cellAddress, intersects, MAX_COLS, parseBlock, parseCell } from "../address";
import { ErrorValue, FormulaEvaluator, Result, Scalar } from "./formulas";
import { displayText } from "./format";

export type Visibility = "visible" | "hidden" | "veryHidden";

export interface ChartSpec {
  type: "ColumnClustered";
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

export const DEFAULT_AUTHOR = "you";

interface SheetData {
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

const key = (row: number, col: number) => row * MAX_COLS + col;
// Markers for what covered a cell when it was read (anchors are keys, so 0 or more).
const NOT_SPILLED = -1;
const BLOCKED = -2;
const INCONSISTENT = -3;
const rowOf = (k: number) => Math.floor(k / MAX_COLS);
const colOf = (k: number) => k % MAX_COLS;
const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
const isBlank = (v: unknown) => v === null || v === undefined || v === "";

function cloneSheet(s: SheetData): SheetData {
  return {
    ...s,
    inputs: new Map(s.inputs),
    formats: new Map(s.formats),
    widths: new Map(s.widths),
    charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
    props: new Map(s.props),
    results: new Map(s.results),
    spilled: new Map(s.spilled),
    spills: new Map(s.spills),
  };
}

/** Excel's rules for a worksheet name. Returns the problem, or null when the name is fine. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.trim() === "") return "a sheet name cannot be blank.";
  if (name.length > 31) return `the sheet name "${name}" is longer than 31 characters.`;
  if (/[\\/?*[\]:]/.test(name)) return `the sheet name "${name}" contains one of \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'")) return `the sheet name "${name}" starts or ends with an apostrophe.`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel.`;
  return null;
}

export interface RecalcStats {
  passes: number;
  formulas: number;
  ms: number;
}

export class MemoryWorkbook {
  private sheets: SheetData[] = [];
  private tables: TableInfo[] = [];
  private active: string | null = null;
  private selected: { sheet: string; address: string } | null = null;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private readonly evaluator: FormulaEvaluator;
  private depth = 0;
  private pending: ChangeEvent[] = [];
  /** Set by every change; the next read recalculates (so a batch of writes recalculates once). */
  private dirty = false;
  private readonly changedSheets = new Set<string>();
  private structureChanged = false;
  /** Round trips made by gateways over this workbook (each gateway call counts one). */
  roundTrips = 0;
  /** Statistics of the last recalculation. */
  lastRecalc: RecalcStats = { passes: 0, formulas: 0, ms: 0 };
  // Evaluation state of the pass in progress.
  private memo: Map<SheetData, Map<number, Result>> | null = null;

  constructor() {
    this.evaluator = new FormulaEvaluator({
      resolveSheet: (name) => this.find(name)?.name,
      read: (sheet, row, col) => this.readDuringPass(this.find(sheet)!, row, col),
      extent: (sheet) => {
        const u = this.usedBlock(this.find(sheet)!, false);
        return u ? { rows: u.bottom + 1, cols: u.right + 1 } : { rows: 0, cols: 0 };
      },
    });
  }

  // ---- Sheets ----------------------------------------------------------------------------------

  private find(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private get(name: string): SheetData {
    const s = this.find(name);
    if (!s) throw new RangeError(`There is no sheet named "${name}".`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** The sheet's name as stored (names are case-insensitive, as in Excel). */
  sheetName(name: string): string | undefined {
    return this.find(name)?.name;
  }

  listSheets(): SheetInfo[] {
    return this.sheets.map((s, position) => ({ name: s.name, position, visibility: s.visibility, active: s.name === this.active }));
  }

  addSheet(name: string, options: { visibility?: Visibility; position?: number; author?: string } = {}): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new RangeError(problem);
    if (this.find(name)) throw new RangeError(`A sheet named "${name}" already exists.`);
    this.change(options.author, () => {
      const sheet: SheetData = {
        name,
        visibility: options.visibility ?? "visible",
        inputs: new Map(),
        formats: new Map(),
        widths: new Map(),
        charts: [],
        props: new Map(),
        results: new Map(),
        spilled: new Map(),
        spills: new Map(),
      };
      const at = options.position === undefined ? this.sheets.length : Math.max(0, Math.min(options.position, this.sheets.length));
      this.sheets.splice(at, 0, sheet);
      if (this.active === null && sheet.visibility === "visible") this.active = name;
      return [{ sheet: name, address: "", kind: "sheetAdded" }];
    });
  }

  deleteSheet(name: string, author?: string): void {
    const s = this.get(name);
    if (this.sheets.filter((x) => x.visibility === "visible" && x !== s).length === 0)
      throw new RangeError("A workbook must keep at least one visible sheet.");
    this.change(author, () => {
      this.sheets = this.sheets.filter((x) => x !== s);
      this.tables = this.tables.filter((t) => t.sheet !== s.name);
      if (this.active === s.name) this.active = this.sheets.find((x) => x.visibility === "visible")?.name ?? null;
      if (this.selected?.sheet === s.name) this.selected = null;
      return [{ sheet: s.name, address: "", kind: "sheetDeleted" }];
    });
  }

  renameSheet(name: string, newName: string, author?: string): void {
    const s = this.get(name);
    const problem = sheetNameProblem(newName);
    if (problem) throw new RangeError(problem);
    const other = this.find(newName);
    if (other && other !== s) throw new RangeError(`A sheet named "${newName}" already exists.`);
    this.change(author, () => {
      const old = s.name;
      s.name = newName;
      for (const t of this.tables) if (t.sheet === old) t.sheet = newName;
      if (this.active === old) this.active = newName;
      if (this.selected?.sheet === old) this.selected = { ...this.selected, sheet: newName };
      return [{ sheet: newName, address: "", kind: "sheetRenamed" }];
    });
  }

  /** Moves a sheet to a 0-based position among all sheets (hidden ones included). */
  moveSheet(name: string, position: number): void {
    const s = this.get(name);
    const rest = this.sheets.filter((x) => x !== s);
    rest.splice(Math.max(0, Math.min(position, rest.length)), 0, s);
    this.sheets = rest;
  }

  setVisibility(name: string, visibility: Visibility, author?: string): void {
    const s = this.get(name);
    this.change(author, () => {
      s.visibility = visibility;
      if (visibility !== "visible" && this.active === s.name)
        this.active = this.sheets.find((x) => x.visibility === "visible")?.name ?? null;
      return [{ sheet: s.name, address: "", kind: "format" }];
    });
  }

  visibility(name: string): Visibility {
    return this.get(name).visibility;
  }

  activate(name: string): void {
    const s = this.get(name);
    if (s.visibility !== "visible") throw new RangeError(`The sheet "${name}" is hidden.`);
    this.active = s.name;
  }

  get activeSheet(): string | null {
    return this.active;
  }

  // ---- Selection -------------------------------------------------------------------------------

  /** Sets the current selection (what the user clicked), e.g. select("Cap table", "B3"). */
  select(sheet: string, address: string): void {
    const s = this.get(sheet);
    parseBlock(address);
    this.active = s.name;
    this.selected = { sheet: s.name, address: blockAddress(parseBlock(address)) };
  }

  get selection(): { sheet: string; address: string } | null {
    return this.selected ? { ...this.selected } : null;
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
    return this.valueAt(this.get(sheet), p.row, p.col);
  }

  private valueAt(s: SheetData, row: number, col: number): Scalar {
    const k = key(row, col);
    const input = s.inputs.get(k);
    if (isFormula(input)) return s.results.get(k) ?? null;
    if (input !== undefined) return input;
    return s.spilled.get(k) ?? null;
  }

  numberFormat(sheet: string, address: string): string {
    const p = parseCell(address);
    return this.get(sheet).formats.get(key(p.row, p.col)) ?? "General";
  }

  /** Values of a block as Office.js returns Range.values: "" for blank, the code for an error. */
  getValues(sheet: string, address: string): CellValue[][] {
    this.calculate();
    const s = this.get(sheet);
    return mapBlock(parseBlock(address), (r, c) => officeValue(this.valueAt(s, r, c)));
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

  getNumberFormats(sheet: string, address: string): string[][] {
    const s = this.get(sheet);
    return mapBlock(parseBlock(address), (r, c) => s.formats.get(key(r, c)) ?? "General");
  }

  /** The used range: cells with values (valuesOnly) or also with number formats; null when empty. */
  usedRange(sheet: string, valuesOnly = true): string | null {
    this.calculate();
    const b = this.usedBlock(this.get(sheet), !valuesOnly);
    return b ? blockAddress(b) : null;
  }

  private usedBlock(s: SheetData, withFormats: boolean): Block | null {
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
  surroundingRegion(sheet: string, address: string): string {
    this.calculate();
    const s = this.get(sheet);
    const p = parseCell(address.split(":")[0]);
    let b: Block = { top: p.row, left: p.col, bottom: p.row, right: p.col };
    const filled = (r: number, c: number) => r >= 0 && c >= 0 && !isBlank(officeValue(this.valueAt(s, r, c)));
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

  // ---- Tables, widths, charts, properties ------------------------------------------------------

  /** Adds an Excel table over a block whose first row is the header. Names are unique per workbook. */
  addTable(sheet: string, name: string, address: string, author?: string): TableInfo {
    const s = this.get(sheet);
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new RangeError(`"${name}" is not a valid table name.`);
    if (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
      throw new RangeError(`A table named "${name}" already exists.`);
    const b = parseBlock(address);
    if (this.tables.some((t) => t.sheet === s.name && intersects(parseBlock(t.address), b)))
      throw new RangeError("A table cannot overlap another table.");
    const table: TableInfo = { name, sheet: s.name, address: blockAddress(b), showHeaders: true };
    this.change(author, () => {
      this.tables.push(table);
      return [{ sheet: s.name, address: table.address, kind: "format" }];
    });
    return { ...table };
  }

  renameTable(name: string, newName: string): void {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new RangeError(`There is no table named "${name}".`);
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(newName) || /^[A-Za-z]{1,3}\d+$/.test(newName))
      throw new RangeError(`"${newName}" is not a valid table name.`);
    if (this.tables.some((x) => x !== t && x.name.toLowerCase() === newName.toLowerCase()))
      throw new RangeError(`A table named "${newName}" already exists.`);
    t.name = newName;
  }

  listTables(sheet?: string): TableInfo[] {
    const s = sheet === undefined ? undefined : this.get(sheet).name;
    return this.tables.filter((t) => s === undefined || t.sheet === s).map((t) => ({ ...t }));
  }

  table(name: string): TableInfo | undefined {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    return t && { ...t };
  }

  /** The table overlapping a block of a sheet, if any (Range.getTables().getFirst()). */
  tableAt(sheet: string, address: string): TableInfo | undefined {
    const s = this.get(sheet);
    const b = parseBlock(address);
    const t = this.tables.find((x) => x.sheet === s.name && intersects(parseBlock(x.address), b));
    return t && { ...t };
  }

  setColumnWidths(sheet: string, widths: (number | null)[], fromColumn = 0): void {
    const s = this.get(sheet);
    widths.forEach((w, i) => (w === null ? s.widths.delete(fromColumn + i) : s.widths.set(fromColumn + i, w)));
  }

  columnWidth(sheet: string, col: number): number | null {
    return this.get(sheet).widths.get(col) ?? null;
  }

  addChart(sheet: string, chart: ChartSpec): void {
    const s = this.get(sheet);
    for (const a of [chart.categories, chart.anchor, ...chart.series.map((x) => x.values)]) parseBlock(a);
    s.charts.push({ ...chart, series: chart.series.map((x) => ({ ...x })) });
  }

  /** Replaces the chart at index (as a chart object's properties are set one by one in Office.js). */
  setChart(sheet: string, index: number, chart: ChartSpec): void {
    const s = this.get(sheet);
    if (!s.charts[index]) throw new RangeError(`There is no chart ${index + 1} on "${sheet}".`);
    s.charts[index] = { ...chart, series: chart.series.map((x) => ({ ...x })) };
  }

  charts(sheet: string): ChartSpec[] {
    return this.get(sheet).charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) }));
  }

  /** Worksheet custom properties (keys case-insensitive, as in ExcelApi 1.12). */
  setProperty(sheet: string, key: string, value: string): void {
    this.get(sheet).props.set(key.toLowerCase(), { key, value });
  }

  property(sheet: string, key: string): string | undefined {
    return this.get(sheet).props.get(key.toLowerCase())?.value;
  }

  deleteProperty(sheet: string, key: string): void {
    this.get(sheet).props.delete(key.toLowerCase());
  }

  // ---- Changes, transactions, events ------------------------------------------------------------

  /** Listens to every change (any author). Returns the unsubscribe. */
  onChanged(listener: (e: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Runs several changes as one: recalculates and fires events once at the end, and if fn throws
   * (or a formula cannot be parsed) puts everything back as it was and rethrows.
   */
  transaction<T>(fn: () => T): T {
    const snapshot = this.depth === 0 ? this.snapshot() : null;
    this.depth++;
    try {
      const result = fn();
      if (this.depth === 1) this.dirty = true;
      return result;
    } catch (e) {
      if (snapshot) {
        this.restore(snapshot);
        this.pending = [];
      }
      throw e;
    } finally {
      this.depth--;
      if (this.depth === 0) this.flush();
    }
  }

  private change(author: string | undefined, fn: () => Omit<ChangeEvent, "author">[]): void {
    this.transaction(() => {
      for (const e of fn()) {
        this.pending.push({ ...e, author: author ?? DEFAULT_AUTHOR });
        if (e.kind === "cells" || e.kind === "format") this.changedSheets.add(e.sheet);
        else this.structureChanged = true;
      }
    });
  }

  private flush(): void {
    const events = this.pending;
    this.pending = [];
    for (const e of events) for (const l of [...this.listeners]) l(e);
  }

  private snapshot() {
    return {
      sheets: this.sheets.map(cloneSheet),
      tables: this.tables.map((t) => ({ ...t })),
      active: this.active,
      selected: this.selected,
    };
  }

  private restore(s: ReturnType<MemoryWorkbook["snapshot"]>): void {
    this.sheets = s.sheets;
    this.tables = s.tables;
    this.active = s.active;
    this.selected = s.selected;
  }

  // ---- Recalculation ---------------------------------------------------------------------------

  /** Recalculates if anything changed since the last calculation. */
  calculate(): void {
    if (!this.dirty || this.memo) return;
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

  /**
   * Recalculates every formula. Within a pass each formula is evaluated once, on demand (a cell
   * reads the formulas it refers to first), with the spill layout of the previous pass; passes
   * repeat until the layout stops changing (usually one pass, two when a spill grows or shrinks).
   * A circular reference evaluates to 0, as Excel shows it.
   */
  recalculate(): RecalcStats {
    const t0 = now();
    let passes = 0;
    let formulas = 0;
    try {
      for (; passes < 10;) {
        passes++;
        this.observed = new Map();
        this.memo = new Map(this.sheets.map((s) => [s, new Map<number, Result>()]));
        formulas = 0;
        for (const s of this.sheets) {
          const keys: number[] = [];
          for (const [k, v] of s.inputs) if (isFormula(v)) keys.push(k);
          keys.sort((a, b) => a - b); // row by row: most references point up or left, already done
          formulas += keys.length;
          for (const k of keys) this.result(s, k);
        }
        this.layOut();
        if (this.consistent()) break;
      }
    } finally {
      this.memo = null;
      this.observed = new Map();
    }
    this.dirty = false;
    this.changedSheets.clear();
    this.structureChanged = false;
    this.lastRecalc = { passes, formulas, ms: now() - t0 };
    return this.lastRecalc;
  }

  /**
   * The result of the formula at s!k in this pass. fast-formula-parser cannot be re-entered (a
   * formula cannot be evaluated while another is being parsed), so reading a formula cell that is
   * not evaluated yet records it as missing and reads blank; the formulas it was missing are then
   * evaluated first (an explicit stack, so long chains do not exhaust the call stack) and the
   * formula is evaluated again. A formula missing one of the formulas waiting on it is circular:
   * it keeps the blank (0) it read.
   */
  private result(s: SheetData, k: number): Result {
    const memoOf = (x: SheetData) => this.memo!.get(x)!;
    const done = memoOf(s).get(k);
    if (done !== undefined) return done;
    const id = (x: SheetData, xk: number) => `${x.name}\u0000${xk}`;
    const stack: [SheetData, number][] = [[s, k]];
    const waiting = new Set<string>([id(s, k)]);
    while (stack.length > 0) {
      const [ts, tk] = stack[stack.length - 1];
      if (memoOf(ts).has(tk)) {
        stack.pop();
        waiting.delete(id(ts, tk));
        continue;
      }
      const recorded: [SheetData, number][] = [];
      this.missing = recorded;
      let r: Result;
      try {
        r = this.evaluator.evaluate(ts.inputs.get(tk) as string, ts.name, rowOf(tk), colOf(tk));
      } finally {
        this.missing = null;
      }
      const missing = recorded.filter(([ms, mk]) => !memoOf(ms).has(mk) && !waiting.has(id(ms, mk)));
      if (missing.length === 0) {
        memoOf(ts).set(tk, r);
        this.place(ts, tk, r);
        stack.pop();
        waiting.delete(id(ts, tk));
        continue;
      }
      for (const m of missing) {
        if (waiting.has(id(m[0], m[1]))) continue;
        stack.push(m);
        waiting.add(id(m[0], m[1]));
      }
    }
    return memoOf(s).get(k)!;
  }

  private missing: [SheetData, number][] | null = null;

  /** A formula result during a pass, or null (recorded as missing) when not evaluated yet. */
  private peek(s: SheetData, k: number): Result | null {
    const r = this.memo!.get(s)!.get(k);
    if (r !== undefined) return r;
    this.missing?.push([s, k]);
    return null;
  }

  /**
   * Cells whose reading depended on the spill layout in this pass, with what covered them then (the
   * anchor's key, NOT_SPILLED, or BLOCKED for an anchor read as #SPILL!). If the layout at the end
   * of the pass says otherwise, the pass is repeated.
   */
  private observed = new Map<SheetData, Map<number, number>>();

  private observe(s: SheetData, k: number, what: number): void {
    let m = this.observed.get(s);
    if (!m) this.observed.set(s, (m = new Map()));
    const before = m.get(k);
    m.set(k, before === undefined || before === what ? what : INCONSISTENT);
  }

  /** Spill placement as soon as an anchor is evaluated, so later reads in the pass see it. */
  private place(s: SheetData, k: number, r: Result): void {
    if (!Array.isArray(r)) {
      s.spills.delete(k);
      return;
    }
    const area = blockOf(rowOf(k), colOf(k), r.length, r[0].length);
    let blocked = area.bottom >= 1_048_576 || area.right >= MAX_COLS;
    for (const [a, b] of s.spills)
      if (!blocked && a !== k && b !== "blocked" && isFormula(s.inputs.get(a)) && intersects(b, area)) blocked = true;
    for (let row = area.top; row <= area.bottom && !blocked; row++)
      for (let col = area.left; col <= area.right; col++)
        if ((row !== area.top || col !== area.left) && s.inputs.has(key(row, col))) {
          blocked = true;
          break;
        }
    s.spills.set(k, blocked ? "blocked" : area);
  }

  /** True when every layout-dependent read of the pass agrees with the final layout. */
  private consistent(): boolean {
    for (const [s, reads] of this.observed) {
      const cover = new Map<number, number>();
      for (const [anchor, area] of s.spills) {
        if (area === "blocked") {
          cover.set(anchor, BLOCKED);
          continue;
        }
        cover.set(anchor, anchor);
        for (let row = area.top; row <= area.bottom; row++)
          for (let col = area.left; col <= area.right; col++) cover.set(key(row, col), anchor);
      }
      for (const [k, what] of reads) if ((cover.get(k) ?? NOT_SPILLED) !== what) return false;
    }
    return true;
  }

  private readDuringPass(s: SheetData, row: number, col: number): Scalar {
    if (!this.memo) return this.valueAt(s, row, col);
    const k = key(row, col);
    const input = s.inputs.get(k);
    if (isFormula(input)) {
      const r = this.peek(s, k);
      if (r === null || !Array.isArray(r)) return r;
      const blocked = s.spills.get(k) === "blocked";
      this.observe(s, k, blocked ? BLOCKED : k);
      return blocked ? new ErrorValue("#SPILL!") : r[0][0];
    }
    if (input !== undefined) return input;
    for (const [anchor, area] of s.spills) {
      if (area === "blocked" || row < area.top || row > area.bottom || col < area.left || col > area.right) continue;
      if (!isFormula(s.inputs.get(anchor))) continue; // the anchor's formula was removed since the last pass
      this.observe(s, k, anchor);
      const r = this.peek(s, anchor);
      if (r === null || !Array.isArray(r)) return null;
      const v = r[row - area.top]?.[col - area.left];
      return v === undefined ? null : v;
    }
    this.observe(s, k, NOT_SPILLED);
    return null;
  }

  /** Places this pass's results and spills (the final layout: anchors in order, the first wins). */
  private layOut(): void {
    for (const s of this.sheets) {
      const memo = this.memo!.get(s)!;
      const anchors = [...memo.keys()].sort((a, b) => a - b);
      const spills = new Map<number, Block | "blocked">();
      const taken: Block[] = [];
      s.results = new Map();
      s.spilled = new Map();
      for (const k of anchors) {
        const r = memo.get(k)!;
        if (!Array.isArray(r)) {
          s.results.set(k, r);
          continue;
        }
        const area = blockOf(rowOf(k), colOf(k), r.length, r[0].length);
        let blocked = area.bottom >= 1_048_576 || area.right >= MAX_COLS || taken.some((t) => intersects(t, area));
        if (!blocked)
          for (let row = area.top; row <= area.bottom && !blocked; row++)
            for (let col = area.left; col <= area.right; col++) {
              if ((row !== area.top || col !== area.left) && s.inputs.has(key(row, col))) {
                blocked = true;
                break;
              }
            }
        if (blocked) {
          spills.set(k, "blocked");
          s.results.set(k, new ErrorValue("#SPILL!", "The cells this formula spills into are not empty."));
          continue;
        }
        spills.set(k, area);
        taken.push(area);
        s.results.set(k, r[0][0]);
        r.forEach((rowValues, i) =>
          rowValues.forEach((v, j) => {
            if (i !== 0 || j !== 0) s.spilled.set(key(area.top + i, area.left + j), v);
          }),
        );
      }
      s.spills = spills;
    }
  }

  // ---- Preview ---------------------------------------------------------------------------------

  /** A sheet as the preview grid shows it: the used range (with formats) from its top-left cell. */
  readSheet(name: string, options: { maxRows?: number } = {}): SheetView {
    this.calculate();
    const s = this.get(name);
    const used = this.usedBlock(s, true);
    const base = { name: s.name, visibility: s.visibility, tables: this.listTables(s.name), charts: this.charts(s.name) };
    if (!used) return { ...base, address: null, top: 0, left: 0, rows: [], columnWidths: [] };
    const b: Block = { top: 0, left: 0, bottom: used.bottom, right: used.right };
    if (options.maxRows !== undefined) b.bottom = Math.min(b.bottom, options.maxRows - 1);
    const rows = mapBlock(b, (r, c): ViewCell => {
      const k = key(r, c);
      const input = s.inputs.get(k);
      const scalar = this.valueAt(s, r, c);
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
}

function inBlock(k: number, b: Block): boolean {
  const r = rowOf(k),
    c = colOf(k);
  return r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
}

function mapBlock<T>(b: Block, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: T[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** A value as Office.js returns it: blank as "", errors as their code. */
export function officeValue(v: Scalar): CellValue {
  if (v === null) return "";
  if (v instanceof ErrorValue) return v.code;
  return v;
}

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
