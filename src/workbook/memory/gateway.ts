// WorkbookGateway over a MemoryWorkbook: what the tests and the browser preview give the pane.
// Each call counts one round trip (workbook.roundTrips and this.roundTrips), as the Office
// implementation's budget is counted in context.sync calls. Several gateways over one workbook,
// each with its own author name, are several co-authors of one file.

import {
  CapTableRead,
  CapTableRef,
  CellInput,
  CellValue,
  chartsOf,
  headersOf,
  ForeignContentError,
  FormulaCellRead,
  ScenarioList,
  ScenarioRecord,
  ScenarioStore,
  SheetRename,
  SheetStatus,
  SheetWrite,
  WorkbookGateway,
} from "../gateway";
import { blockAddress, blockOf, parseBlock } from "../address";
import { WorkbookError, messages } from "../errors";
import { FINGERPRINT_KEY, fingerprintOf, matchesFingerprint, parseFingerprint } from "../fingerprint";
import {
  FIXED_COLUMNS,
  HEADER,
  STORE_SHEET,
  padRow,
  payloadFromParts,
  readIndex,
  readStore,
  recordToRow,
  rowFormats,
  rowForSave,
  rowsOf,
} from "../records";
import { DEFAULT_AUTHOR, MemoryWorkbook, sheetNameProblem } from "./workbook";
import { sheetRenameProblem, uniqueName, uniqueTableName } from "../names";
import { FormulaSyntaxError } from "./formulas";
import { readFormulaCell } from "./formulaCell";

export interface MemoryGatewayOptions {
  /** Name of the author making the changes (events carry it). */
  author?: string;
}

export class MemoryGateway implements WorkbookGateway {
  readonly scenarios: ScenarioStore;
  readonly author: string;
  roundTrips = 0;

  constructor(
    readonly workbook: MemoryWorkbook,
    options: MemoryGatewayOptions = {},
  ) {
    this.author = options.author ?? DEFAULT_AUTHOR;
    this.scenarios = new MemoryScenarioStore(this);
  }

  /** Counts one round trip, and turns model errors into plain-words WorkbookErrors. */
  async trip<T>(what: string, fn: () => T): Promise<T> {
    this.roundTrips++;
    this.workbook.roundTrips++;
    await Promise.resolve();
    try {
      return fn();
    } catch (e) {
      if (e instanceof WorkbookError || e instanceof ForeignContentError) throw e;
      if (e instanceof RangeError || e instanceof FormulaSyntaxError) throw new WorkbookError(`${e.message}`, e);
      throw new WorkbookError(messages.generic(what), e);
    }
  }

  readSelectedCapTable(): Promise<CapTableRead> {
    return this.trip("read the selection", () => {
      const sel = this.workbook.selection;
      if (!sel) throw new WorkbookError(messages.noSelection);
      const table = this.workbook.tableAt(sel.sheet, sel.address);
      if (table) return this.read({ sheet: table.sheet, address: table.address, table: table.name });
      const b = parseBlock(sel.address);
      const single = b.top === b.bottom && b.left === b.right;
      const address = single ? this.workbook.surroundingRegion(sel.sheet, sel.address) : sel.address;
      const read = this.read({ sheet: sel.sheet, address });
      if (read.headers.every((h) => h === "") && read.rows.every((r) => r.every((v) => v === "")))
        throw new WorkbookError(single ? messages.noSelection : messages.emptySelection);
      return read;
    });
  }

  readFormulaCell(): Promise<FormulaCellRead> {
    return this.trip("read the selected cell", () => readFormulaCell(this.workbook));
  }

  /** Selection changes in the model (the preview grid's clicks, workbook.select in tests). */
  async onSelectionChanged(listener: () => void): Promise<() => Promise<void>> {
    const off = this.workbook.onSelectionChanged(listener);
    return async () => {
      off();
    };
  }

  readCapTable(ref: CapTableRef): Promise<CapTableRead> {
    return this.trip("read the cap table", () => this.read(ref));
  }

  private read(ref: CapTableRef): CapTableRead {
    let sheet = ref.sheet;
    let address = ref.address;
    if (ref.table) {
      const t = this.workbook.table(ref.table);
      if (!t) throw new WorkbookError(messages.noTable(ref.table));
      sheet = t.sheet;
      address = t.address;
    }
    const name = this.workbook.sheetName(sheet);
    if (!name) throw new WorkbookError(messages.noSheet(sheet));
    let block;
    try {
      block = parseBlock(address);
    } catch {
      throw new WorkbookError(messages.badAddress(address));
    }
    const values = this.workbook.getValues(name, blockAddress(block));
    return {
      ref: { sheet: name, address: blockAddress(block), ...(ref.table ? { table: this.workbook.table(ref.table)!.name } : {}) },
      headers: headersOf(values[0]),
      rows: values.slice(1),
    };
  }

  insertTable(sheetName: string, tableName: string, rows: CellInput[][], numberFormats?: (string | null)[][]): Promise<CapTableRef> {
    return this.trip("insert the table", () => {
      const problem = sheetNameProblem(sheetName);
      if (problem) throw new WorkbookError(`RegRights could not add the sheet: ${problem}`);
      if (rows.length < 1 || rows[0].length < 1) throw new WorkbookError("There is nothing to insert: the table needs a header row.");
      const wb = this.workbook;
      const sheet = uniqueName(sheetName, (n) => wb.hasSheet(n));
      const tables = new Set(wb.listTables().map((t) => t.name.toLowerCase()));
      const table = uniqueTableName(tableName, tables);
      const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
      const address = blockAddress(blockOf(0, 0, rows.length, cols));
      wb.transaction(() => {
        wb.addSheet(sheet, { author: this.author });
        wb.setCells(sheet, "A1", rows, numberFormats, this.author);
        wb.addTable(sheet, table, address, this.author);
        wb.activate(sheet);
        wb.select(sheet, "A1");
      });
      return { sheet, address, table };
    });
  }

  sheetStatus(sheet: string): Promise<SheetStatus> {
    return this.trip("check the sheet", () => this.status(sheet));
  }

  private status(sheet: string): SheetStatus {
    const wb = this.workbook;
    const name = wb.sheetName(sheet);
    if (!name) return "absent";
    const usedAddress = wb.usedRange(name, true);
    const fp = parseFingerprint(wb.property(name, FINGERPRINT_KEY));
    if (!fp) return usedAddress === null ? "ours" : "foreign";
    const used = usedAddress === null ? null : { address: usedAddress, formulas: wb.getFormulas(name, usedAddress) };
    return matchesFingerprint(fp, used) ? "ours" : "foreign";
  }

  writeSheet(write: SheetWrite, options: { overwriteForeign: boolean }): Promise<void> {
    return this.trip(`write "${write.sheet}"`, () => {
      const problem = sheetNameProblem(write.sheet);
      if (problem) throw new WorkbookError(messages.writeFailed(write.sheet, `${problem[0].toUpperCase()}${problem.slice(1)}`));
      const status = this.status(write.sheet);
      if (status === "foreign" && !options.overwriteForeign) throw new ForeignContentError(write.sheet);
      const wb = this.workbook;
      try {
        wb.transaction(() => {
          let name = wb.sheetName(write.sheet);
          if (name) {
            wb.clear(name, undefined, { formats: true, author: this.author });
            wb.deleteProperty(name, FINGERPRINT_KEY);
            for (const t of wb.listTables(name))
              throw new WorkbookError(messages.writeFailed(write.sheet, `it holds the table "${t.name}".`));
          } else {
            wb.addSheet(write.sheet, { author: this.author });
            name = write.sheet;
          }
          wb.setCells(name, "A1", write.cells, write.numberFormats, this.author);
          if (write.columnWidths) wb.setColumnWidths(name, write.columnWidths);
          for (const chart of chartsOf(write)) wb.addChart(name, chart);
          wb.setProperty(name, FINGERPRINT_KEY, fingerprintOf(write.cells));
        });
      } catch (e) {
        if (e instanceof WorkbookError) throw e;
        const reason = e instanceof Error ? e.message : String(e);
        throw new WorkbookError(messages.writeFailed(write.sheet, reason), e);
      }
    });
  }

  readValues(sheet: string, address: string): Promise<CellValue[][]> {
    return this.trip("read the results", () => {
      const name = this.workbook.sheetName(sheet);
      if (!name) throw new WorkbookError(messages.noSheet(sheet));
      return this.workbook.getValues(name, address);
    });
  }

  activateSheet(sheet: string): Promise<void> {
    return this.trip("show the sheet", () => {
      if (!this.workbook.hasSheet(sheet)) throw new WorkbookError(messages.noSheet(sheet));
      this.workbook.activate(sheet);
    });
  }
}

class MemoryScenarioStore implements ScenarioStore {
  constructor(private readonly gateway: MemoryGateway) {}

  /** The store's rows from A1, every column (the Office store reads only A..E to list). */
  private rows(): CellValue[][] {
    const wb = this.gateway.workbook;
    if (!wb.hasSheet(STORE_SHEET)) return [];
    const used = wb.usedRange(STORE_SHEET, true);
    if (!used) return [];
    const b = parseBlock(used);
    return wb.getValues(STORE_SHEET, blockAddress({ top: 0, left: 0, bottom: b.bottom, right: b.right }));
  }

  list(): Promise<ScenarioList> {
    return this.gateway.trip("read the saved scenarios", () => readStore(this.rows()));
  }

  load(id: string): Promise<ScenarioRecord> {
    return this.gateway.trip("open the scenario", () => {
      const rows = this.rows();
      const entry = readIndex(rows).entries.find((e) => e.summary.id === id);
      if (!entry) throw new WorkbookError("That scenario is no longer in this workbook; another author may have deleted it.");
      const read = payloadFromParts(rows[entry.row].slice(FIXED_COLUMNS), entry.parts);
      if (!read.ok) throw new WorkbookError(`The scenario "${entry.summary.name}" could not be read: ${read.problem}`);
      return { ...entry.summary, payload: read.payload };
    });
  }

  save(record: ScenarioRecord): Promise<void> {
    return this.gateway.trip("save the scenario", () => {
      const wb = this.gateway.workbook;
      const author = this.gateway.author;
      const rows = this.rows();
      wb.transaction(() => {
        if (!wb.hasSheet(STORE_SHEET)) {
          wb.addSheet(STORE_SHEET, { visibility: "veryHidden", author });
          wb.setCells(STORE_SHEET, "A1", [[...HEADER]], [HEADER.map(() => "@")], author);
        }
        this.writeRow(rows, record);
      });
    });
  }

  private writeRow(rows: CellValue[][], record: ScenarioRecord): void {
    const row = recordToRow(record);
    const at = rowForSave(rows, record.id);
    const width = Math.max(row.length, rows[at]?.length ?? 0);
    this.gateway.workbook.setCells(STORE_SHEET, `A${at + 1}`, [padRow(row, width)], [rowFormats(width)], this.gateway.author);
  }

  /** One round trip, as the Office store's: every check first, then the sheet and the record in one transaction. */
  rename(record: ScenarioRecord, sheet: { from: string; to: string }): Promise<SheetRename> {
    return this.gateway.trip("rename the scenario", () => {
      const wb = this.gateway.workbook;
      const rows = this.rows();
      if (rowsOf(rows, record.id).length === 0)
        throw new WorkbookError("That scenario is no longer in this workbook; another author may have deleted it.");
      const problem = sheetRenameProblem(sheet.from, sheet.to, wb.hasSheet(sheet.to));
      if (problem) throw new WorkbookError(`RegRights could not rename the sheet "${sheet.from}": ${problem} Nothing was changed.`);
      const from = wb.sheetName(sheet.from);
      return wb.transaction((): SheetRename => {
        if (from !== undefined && from !== sheet.to) wb.renameSheet(from, sheet.to, this.gateway.author);
        this.writeRow(rows, record);
        return from === undefined ? "absent" : from === sheet.to ? "unchanged" : "renamed";
      });
    });
  }

  remove(id: string): Promise<void> {
    return this.gateway.trip("delete the scenario", () => {
      const rows = this.rows();
      const wb = this.gateway.workbook;
      wb.transaction(() => {
        for (const i of rowsOf(rows, id))
          wb.clear(STORE_SHEET, blockAddress(blockOf(i, 0, 1, rows[i].length)), { author: this.gateway.author });
      });
    });
  }

  private readonly subscriptions = new Map<() => void, () => Promise<void>>();

  /** As the Office store: subscribing the same listener again returns the same unsubscribe. */
  async onChange(listener: () => void): Promise<() => Promise<void>> {
    const existing = this.subscriptions.get(listener);
    if (existing) return existing;
    this.gateway.roundTrips++;
    this.gateway.workbook.roundTrips++;
    const off = this.gateway.workbook.onChanged((e) => {
      if (e.sheet === STORE_SHEET) listener();
    });
    const unsubscribe = async () => {
      this.subscriptions.delete(listener);
      off();
    };
    this.subscriptions.set(listener, unsubscribe);
    return unsubscribe;
  }
}
