// The in-memory workbook's structure: its worksheets (name, position, visibility), the active
// sheet and the selection, Excel tables, column widths, charts (stored specs), per-sheet custom
// properties, and changes: transactions (all or nothing) and change events. workbook.ts builds
// MemoryWorkbook on this with the cells, formulas and recalculation.

import { blockAddress, intersects, parseBlock } from "../address";
import { cloneChart, cloneSheet, newSheet, SheetData, sheetNameProblem } from "./cells";
import { ChangeEvent, ChartSpec, DEFAULT_AUTHOR, SheetInfo, TableInfo, Visibility } from "./types";

export abstract class WorkbookSheets {
  protected sheets: SheetData[] = [];
  protected tables: TableInfo[] = [];
  private active: string | null = null;
  private selected: { sheet: string; address: string } | null = null;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private readonly selectionListeners = new Set<() => void>();
  private depth = 0;
  private pending: ChangeEvent[] = [];
  /** Set by every change; the next read recalculates (so a batch of writes recalculates once). */
  protected dirty = false;
  /** Sheets whose cells changed, and whether sheets were added, deleted or renamed, since the last calculation. */
  protected readonly changedSheets = new Set<string>();
  protected structureChanged = false;

  // ---- Sheets ----------------------------------------------------------------------------------

  protected find(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  protected get(name: string): SheetData {
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
      const sheet = newSheet(name, options.visibility ?? "visible");
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
    for (const listener of [...this.selectionListeners]) listener();
  }

  /** Listens to selection changes (Excel's Workbook.onSelectionChanged). Returns the unsubscribe. */
  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  get selection(): { sheet: string; address: string } | null {
    return this.selected ? { ...this.selected } : null;
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
    s.charts.push(cloneChart(chart));
  }

  /** Replaces the chart at index (as a chart object's properties are set one by one in Office.js). */
  setChart(sheet: string, index: number, chart: ChartSpec): void {
    const s = this.get(sheet);
    if (!s.charts[index]) throw new RangeError(`There is no chart ${index + 1} on "${sheet}".`);
    s.charts[index] = cloneChart(chart);
  }

  charts(sheet: string): ChartSpec[] {
    return this.get(sheet).charts.map(cloneChart);
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

  protected change(author: string | undefined, fn: () => Omit<ChangeEvent, "author">[]): void {
    this.transaction(() => {
      for (const e of fn()) {
        this.pending.push({ ...e, author: author ?? DEFAULT_AUTHOR });
        // A new sheet matters to formulas only if one names it (a #REF! that now resolves): the
        // isolation check on the next read decides, as for a change of cells.
        if (e.kind === "cells" || e.kind === "format" || e.kind === "sheetAdded") this.changedSheets.add(e.sheet);
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

  private restore(s: ReturnType<WorkbookSheets["snapshot"]>): void {
    this.sheets = s.sheets;
    this.tables = s.tables;
    this.active = s.active;
    this.selected = s.selected;
  }
}
