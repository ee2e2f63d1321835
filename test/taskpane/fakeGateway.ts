// A minimal WorkbookGateway for the pane's tests: sheets as arrays, a scenario store with change
// listeners, and a record of every write. Not the product's in-memory workbook (no evaluation).

import {
  ForeignContentError,
  type CapTableRead,
  type CapTableRef,
  type CellInput,
  type FormulaCellRead,
  type ScenarioList,
  type ScenarioRecord,
  type SheetRename,
  type SheetStatus,
  type SheetWrite,
  type WorkbookGateway,
} from "../../src/workbook/gateway";
import { WorkbookError } from "../../src/workbook/errors";
import { sheetRenameProblem } from "../../src/workbook/names";

export class FakeGateway implements WorkbookGateway {
  sheets = new Map<string, { cells: CellInput[][]; ours: boolean }>();
  tables: CapTableRef[] = [];
  writes: SheetWrite[] = [];
  selection: CapTableRef | null = null;
  failNextWrite: Error | null = null;
  /** The next rename fails after its checks, changing nothing (as the stores' all or nothing). */
  failNextRename: Error | null = null;
  private records = new Map<string, ScenarioRecord>();
  private listeners = new Set<() => void>();
  corrupt: { name: string; problem: string }[] = [];

  async readSelectedCapTable(): Promise<CapTableRead> {
    if (!this.selection) throw new Error("Select a cell in your cap table first");
    return this.readCapTable(this.selection);
  }

  async readCapTable(ref: CapTableRef): Promise<CapTableRead> {
    const sheet = this.sheets.get(ref.sheet);
    if (!sheet) throw new Error(`There is no sheet "${ref.sheet}"`);
    const [header, ...rows] = sheet.cells;
    return {
      ref,
      headers: header.map((h) => String(h ?? "")),
      rows: rows.map((r) => r.map((c) => (typeof c === "string" && c.startsWith("=") ? null : c))),
    };
  }

  async insertTable(sheetName: string, tableName: string, rows: CellInput[][]): Promise<CapTableRef> {
    let name = sheetName;
    for (let i = 2; this.sheets.has(name); i++) name = `${sheetName} (${i})`;
    this.sheets.set(name, { cells: rows.map((r) => [...r]), ours: false });
    const last = String.fromCharCode(64 + rows[0].length);
    const ref = { sheet: name, address: `A1:${last}${rows.length}`, table: tableName };
    this.tables.push(ref);
    this.selection = ref;
    return ref;
  }

  async sheetStatus(sheet: string): Promise<SheetStatus> {
    const s = this.sheets.get(sheet);
    return !s ? "absent" : s.ours ? "ours" : "foreign";
  }

  async writeSheet(write: SheetWrite, options: { overwriteForeign: boolean }): Promise<void> {
    if (this.failNextWrite) {
      const e = this.failNextWrite;
      this.failNextWrite = null;
      throw e;
    }
    const s = this.sheets.get(write.sheet);
    if (s && !s.ours && !options.overwriteForeign) throw new ForeignContentError(write.sheet);
    this.sheets.set(write.sheet, { cells: write.cells.map((r) => [...r]), ours: true });
    this.writes.push(write);
  }

  async readValues(): Promise<never[][]> {
    return [];
  }

  async activateSheet(): Promise<void> {}

  /** What readFormulaCell returns (Explain cell); null makes it fail as with nothing selected. */
  formulaCell: FormulaCellRead | null = null;
  private selectionListeners = new Set<() => void>();

  async readFormulaCell(): Promise<FormulaCellRead> {
    if (!this.formulaCell) throw new Error("Select a cell first.");
    return JSON.parse(JSON.stringify(this.formulaCell)) as FormulaCellRead;
  }

  async onSelectionChanged(listener: () => void): Promise<() => Promise<void>> {
    this.selectionListeners.add(listener);
    return async () => {
      this.selectionListeners.delete(listener);
    };
  }

  /** The user selects another cell: what Explain cell then reads. */
  selectCell(read: FormulaCellRead): void {
    this.formulaCell = read;
    for (const l of [...this.selectionListeners]) l();
  }

  get selectionWatchers(): number {
    return this.selectionListeners.size;
  }

  readonly scenarios = {
    // As the real stores: the list carries the index (id, name, updatedAt), load the payload.
    list: async (): Promise<ScenarioList> => ({
      scenarios: [...this.records.values()].map(({ id, name, updatedAt }) => ({ id, name, updatedAt })),
      problems: [...this.corrupt],
    }),
    load: async (id: string): Promise<ScenarioRecord> => {
      const record = this.records.get(id);
      if (!record) throw new Error("That scenario is no longer in this workbook.");
      return JSON.parse(JSON.stringify(record)) as ScenarioRecord;
    },
    save: async (record: ScenarioRecord) => {
      this.records.set(record.id, JSON.parse(JSON.stringify(record)) as ScenarioRecord);
      this.emit();
    },
    // As the real stores: every check before anything changes, then the sheet and the record together.
    rename: async (record: ScenarioRecord, sheet: { from: string; to: string }): Promise<SheetRename> => {
      if (!this.records.has(record.id)) throw new Error("That scenario is no longer in this workbook.");
      const from = [...this.sheets.keys()].find((n) => n.toLowerCase() === sheet.from.toLowerCase());
      const taken = [...this.sheets.keys()].some((n) => n.toLowerCase() === sheet.to.toLowerCase());
      const problem = sheetRenameProblem(sheet.from, sheet.to, taken);
      if (problem) throw new WorkbookError(`RegRights could not rename the sheet "${sheet.from}": ${problem} Nothing was changed.`);
      if (this.failNextRename) {
        const e = this.failNextRename;
        this.failNextRename = null;
        throw e;
      }
      if (from !== undefined && from !== sheet.to) {
        const s = this.sheets.get(from)!;
        this.sheets.delete(from);
        this.sheets.set(sheet.to, s);
      }
      this.records.set(record.id, JSON.parse(JSON.stringify(record)) as ScenarioRecord);
      this.emit();
      return from === undefined ? "absent" : from === sheet.to ? "unchanged" : "renamed";
    },
    remove: async (id: string) => {
      this.records.delete(id);
      this.emit();
    },
    onChange: async (listener: () => void) => {
      this.listeners.add(listener);
      return async () => {
        this.listeners.delete(listener);
      };
    },
  };

  /** Simulates another author's save. */
  saveAsCoauthor(record: ScenarioRecord): void {
    this.records.set(record.id, JSON.parse(JSON.stringify(record)) as ScenarioRecord);
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
