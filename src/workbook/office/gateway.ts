// WorkbookGateway for real Excel (Office.js, ExcelApi 1.12). Every call goes through
// OfficeSession.run (./run), the one place that calls Excel.run, which counts context.sync calls.
//
// Round trips (context.sync calls) per method:
//   readCapTable 1 · readSelectedCapTable 1 in a table, 2 in a plain block · sheetStatus 1 ·
//   writeSheet 2 · readValues 1 · activateSheet 1 · insertTable 2 · scenarios.list 1, save 2,
//   remove 2, onChange 1.
// Where a sheet may be absent the probe uses getItemOrNullObject and reads through it in the same
// batch; should Excel refuse that for a missing sheet, the probe is repeated with the null check
// alone (one more sync, only when the sheet is absent).
//
// writeSheet is all or nothing by building the new contents in a new hidden sheet and then, in the
// same batch, deleting the old sheet and giving the new one its name and position. Excel runs a
// batch in order and stops at the first failure, so a failure while writing leaves the old sheet
// untouched and a half-written temporary sheet, which is then deleted; a failure after the old
// sheet was deleted (renaming) is finished by renaming the complete temporary sheet. The price:
// formulas on other sheets that pointed into the replaced sheet become #REF!, as when a sheet is
// deleted by hand (RegRights' own sheets are only read by the pane).

import {
  CapTableRead,
  CapTableRef,
  CellInput,
  CellValue,
  ForeignContentError,
  ScenarioList,
  ScenarioRecord,
  ScenarioStore,
  SheetStatus,
  SheetWrite,
  WorkbookGateway,
} from "../gateway";
import { blockAddress, blockOf, parseBlock, splitSheet, columnName } from "../address";
import { uniqueName, uniqueTableName } from "../names";
import { WorkbookError, messages } from "../errors";
import { FINGERPRINT_KEY, fingerprintOf, matchesFingerprint, parseFingerprint } from "../fingerprint";
import { HEADER, STORE_SHEET, padRow, readStore, recordToRow, rowForSave, rowsOf } from "../records";
import { OfficeSession, Runner, RetryPolicy, excelRun, defaultRetry } from "./run";

export interface OfficeGatewayOptions {
  run?: Runner;
  retry?: RetryPolicy;
  /** Name for temporary sheets (tests make it deterministic). */
  tempName?: () => string;
}

const SHEET_NAME_RULES = /[\\/?*[\]:]/;

function sheetProblem(name: string): string | null {
  if (typeof name !== "string" || name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > 31) return `The sheet name "${name}" is longer than 31 characters.`;
  if (SHEET_NAME_RULES.test(name)) return `The sheet name "${name}" contains one of \\ / ? * [ ] :`;
  if (name.startsWith("'") || name.endsWith("'")) return `The sheet name "${name}" starts or ends with an apostrophe.`;
  return null;
}

function headersOf(row: CellValue[] | undefined): string[] {
  return (row ?? []).map((v) => (v === null || v === undefined ? "" : String(v)));
}

function localAddress(address: string): string {
  return splitSheet(address).address;
}

/** A rectangular grid cols wide (short rows padded with blank). */
function rectangular<T>(grid: T[][], cols: number, blank: T): T[][] {
  return grid.map((row) => (row.length === cols ? row : [...row, ...new Array<T>(cols - row.length).fill(blank)]));
}

interface Probe {
  exists: boolean;
  name: string;
  position: number;
  fingerprint: string | undefined;
  used: { address: string; formulas: CellValue[][] } | null;
  tables: string[];
  /** The sheet is the active one (its replacement is activated too). */
  active: boolean;
}

export class OfficeGateway implements WorkbookGateway {
  readonly session: OfficeSession;
  readonly scenarios: ScenarioStore;
  private readonly tempName: () => string;

  constructor(options: OfficeGatewayOptions = {}) {
    this.session = new OfficeSession(options.run ?? excelRun, options.retry ?? defaultRetry);
    this.tempName = options.tempName ?? (() => `RR~${Math.random().toString(36).slice(2, 10)}`);
    this.scenarios = new OfficeScenarioStore(this.session);
  }

  /** context.sync calls so far. */
  get syncs(): number {
    return this.session.syncs;
  }

  readCapTable(ref: CapTableRef): Promise<CapTableRead> {
    return this.session.run("read the cap table", async (context) => {
      const range = ref.table
        ? context.workbook.tables.getItem(ref.table).getRange()
        : context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address);
      range.load("address,values");
      try {
        await context.sync();
      } catch (e) {
        if ((e as { code?: string }).code === "ItemNotFound")
          throw new WorkbookError(ref.table ? messages.noTable(ref.table) : messages.noSheet(ref.sheet), e);
        if ((e as { code?: string }).code === "InvalidArgument") throw new WorkbookError(messages.badAddress(ref.address), e);
        throw e;
      }
      const where = splitSheet(range.address);
      return {
        ref: { sheet: where.sheet ?? ref.sheet, address: where.address, ...(ref.table ? { table: ref.table } : {}) },
        headers: headersOf(range.values[0]),
        rows: range.values.slice(1) as CellValue[][],
      };
    });
  }

  /**
   * One sync when the selection is in an Excel table: the selection, the region around it, and the
   * first table overlapping it with its range (TableScopedCollection.getFirst, ExcelApi 1.9). With
   * no table there getFirst fails the batch, and the selection is read again without it: two syncs.
   */
  readSelectedCapTable(): Promise<CapTableRead> {
    return this.session.run("read the selection", async (context) => {
      const queueSelection = () => {
        const selection = context.workbook.getSelectedRange();
        selection.load("address,values,rowCount,columnCount");
        const region = selection.getSurroundingRegion();
        region.load("address,values");
        return { selection, region };
      };
      let { selection, region } = queueSelection();
      const table = selection.getTables(false).getFirst();
      table.load("name");
      const tableRange = table.getRange();
      tableRange.load("address,values");
      let tableFound = false;
      try {
        await context.sync();
        tableFound = true;
      } catch (e) {
        if ((e as { code?: string }).code !== "ItemNotFound") throw e;
        ({ selection, region } = queueSelection());
        await context.sync();
      }
      const selected: string = selection.address;
      const sheet = splitSheet(selected).sheet ?? "";
      if (tableFound) {
        return {
          ref: { sheet, address: localAddress(tableRange.address), table: table.name },
          headers: headersOf(tableRange.values[0]),
          rows: tableRange.values.slice(1),
        };
      }
      const single = selection.rowCount === 1 && selection.columnCount === 1;
      const block = single ? region : selection;
      const values = block.values as CellValue[][];
      if (values.every((row) => row.every((v) => v === "" || v === null)))
        throw new WorkbookError(single ? messages.noSelection : messages.emptySelection);
      return { ref: { sheet, address: localAddress(block.address) }, headers: headersOf(values[0]), rows: values.slice(1) };
    });
  }

  insertTable(sheetName: string, tableName: string, rows: CellInput[][], numberFormats?: (string | null)[][]): Promise<CapTableRef> {
    const problem = sheetProblem(sheetName);
    if (problem) return Promise.reject(new WorkbookError(`RegRights could not add the sheet: ${problem}`));
    if (rows.length < 1 || rows[0].length < 1)
      return Promise.reject(new WorkbookError("There is nothing to insert: the table needs a header row."));
    return this.session.run("insert the table", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const sheetTaken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const sheet = uniqueName(sheetName, (n) => sheetTaken.has(n.toLowerCase()));
      const tableTaken = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const table = uniqueTableName(tableName, tableTaken);
      const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
      const address = blockAddress(blockOf(0, 0, rows.length, cols));
      const ws = sheets.add(sheet);
      const range = ws.getRange(address);
      if (numberFormats)
        range.numberFormat = rectangular(
          rectangular(numberFormats, cols, null).map((r) => r.map((f) => f ?? "General")),
          cols,
          "General",
        );
      range.values = rectangular(rows, cols, null).map((r) => r.map((v) => (v === null ? "" : v)));
      const t = ws.tables.add(address, true);
      t.name = table;
      ws.activate();
      ws.getRange("A1").select();
      await context.sync();
      return { sheet, address, table };
    });
  }

  /** Loads what sheetStatus and writeSheet need about a sheet, in one sync when it can. */
  private async probe(context: Excel.RequestContext, name: string): Promise<Probe> {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load("name,position");
    // Queued through the (possibly null) sheet in the same batch on purpose: one sync, see above.
    const prop = ws.customProperties.getItemOrNullObject(FINGERPRINT_KEY);
    prop.load("value");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,formulas");
    // eslint-disable-next-line office-addins/call-sync-before-read -- a navigation property, queued in the same batch
    const tables = ws.tables;
    tables.load("items/name");
    const activeSheet = context.workbook.worksheets.getActiveWorksheet();
    activeSheet.load("name");
    try {
      await context.sync();
    } catch (e) {
      // Reading through a missing sheet may be refused; find out whether it is just missing.
      const again = context.workbook.worksheets.getItemOrNullObject(name);
      again.load("name");
      await context.sync();
      if (again.isNullObject) return { exists: false, name, position: -1, fingerprint: undefined, used: null, tables: [], active: false };
      throw e;
    }
    if (ws.isNullObject) return { exists: false, name, position: -1, fingerprint: undefined, used: null, tables: [], active: false };
    return {
      exists: true,
      name: ws.name,
      position: ws.position,
      fingerprint: prop.isNullObject ? undefined : String(prop.value),
      used: used.isNullObject ? null : { address: localAddress(used.address), formulas: used.formulas as CellValue[][] },
      tables: tables.items.map((t) => t.name),
      active: activeSheet.name === ws.name,
    };
  }

  private static statusOf(p: Probe): SheetStatus {
    if (!p.exists) return "absent";
    const fp = parseFingerprint(p.fingerprint);
    if (!fp) return p.used === null ? "ours" : "foreign";
    return matchesFingerprint(fp, p.used) ? "ours" : "foreign";
  }

  sheetStatus(sheet: string): Promise<SheetStatus> {
    return this.session.run("check the sheet", async (context) => OfficeGateway.statusOf(await this.probe(context, sheet)));
  }

  writeSheet(write: SheetWrite, options: { overwriteForeign: boolean }): Promise<void> {
    const problem = sheetProblem(write.sheet);
    if (problem) return Promise.reject(new WorkbookError(messages.writeFailed(write.sheet, problem)));
    const cols = Math.max(
      1,
      write.cells.reduce((m, r) => Math.max(m, r.length), 0),
    );
    const rows = write.cells.length;
    try {
      if (write.chart) [write.chart.categories, write.chart.anchor, ...write.chart.series.map((s) => s.values)].forEach(parseBlock);
    } catch {
      return Promise.reject(new WorkbookError(messages.writeFailed(write.sheet, "the chart refers to cells that are not a range.")));
    }
    return this.session.run(`write "${write.sheet}"`, async (context) => {
      const temp = this.tempName(); // a fresh one if the batch is retried
      const before = await this.probe(context, write.sheet);
      if (OfficeGateway.statusOf(before) === "foreign" && !options.overwriteForeign) throw new ForeignContentError(write.sheet);
      if (before.tables.length > 0)
        throw new WorkbookError(
          messages.writeFailed(write.sheet, `it holds the table "${before.tables[0]}", which RegRights will not delete.`),
        );
      const sheets = context.workbook.worksheets;
      const ws = sheets.add(temp);
      ws.visibility = "Hidden";
      if (rows > 0) {
        const block = ws.getRange(blockAddress(blockOf(0, 0, rows, cols)));
        if (write.numberFormats) {
          const formats = Array.from({ length: rows }, (_, r) =>
            Array.from({ length: cols }, (_, c) => write.numberFormats?.[r]?.[c] ?? "General"),
          );
          block.numberFormat = formats;
        }
        block.formulas = rectangular(write.cells, cols, null).map((r) => r.map((v) => (v === null || v === undefined ? "" : v)));
      }
      write.columnWidths?.forEach((w, c) => {
        ws.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = w;
      });
      if (write.chart) {
        const spec = write.chart;
        const first = spec.series[0];
        const chart = ws.charts.add("ColumnClustered", ws.getRange(first ? first.values : spec.categories), "Columns");
        chart.title.text = spec.title;
        spec.series.forEach((s, i) => {
          const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
          if (i > 0) series.setValues(ws.getRange(s.values));
          series.name = s.name;
          series.setXAxisValues(ws.getRange(spec.categories));
        });
        chart.setPosition(spec.anchor);
      }
      const fingerprint = fingerprintOf(write.cells);
      ws.customProperties.add(FINGERPRINT_KEY, fingerprint);
      // The swap: only after every write above has succeeded (Excel stops a batch at its first failure).
      ws.visibility = "Visible";
      if (before.exists) sheets.getItem(before.name).delete();
      ws.name = write.sheet;
      if (before.exists) ws.position = before.position;
      if (before.active) ws.activate();
      try {
        await context.sync();
      } catch (e) {
        const outcome = await this.repair(context, temp, write.sheet, before, fingerprint).catch(() => "unknown" as const);
        if (outcome === "completed") return;
        throw e;
      }
    });
  }

  /**
   * After a failed write batch (Excel ran it in order up to the failing operation): if the old
   * sheet is still there, delete the temporary sheet ("rolled back"); if the old sheet was already
   * deleted, finish the swap with the complete temporary sheet ("completed").
   */
  private async repair(
    context: Excel.RequestContext,
    temp: string,
    name: string,
    before: Probe,
    fingerprint: string,
  ): Promise<"rolled back" | "completed"> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const hasTemp = names.has(temp.toLowerCase());
    const hasName = names.has(name.toLowerCase());
    if (!hasTemp) {
      if (!hasName) return "rolled back";
      // Renamed already: finished unless the sheet of that name is still the old one.
      const prop = sheets.getItem(name).customProperties.getItemOrNullObject(FINGERPRINT_KEY);
      prop.load("value");
      await context.sync();
      if (prop.isNullObject || prop.value !== fingerprint) return "rolled back";
      if (before.exists) sheets.getItem(name).position = before.position;
      await context.sync();
      return "completed";
    }
    if (hasName || !before.exists) {
      sheets.getItem(temp).delete();
      await context.sync();
      return "rolled back";
    }
    const ws = sheets.getItem(temp);
    ws.visibility = "Visible";
    ws.name = name;
    ws.position = before.position;
    await context.sync();
    return "completed";
  }

  readValues(sheet: string, address: string): Promise<CellValue[][]> {
    return this.session.run("read the results", async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load("values");
      await context.sync();
      return range.values as CellValue[][];
    });
  }

  activateSheet(sheet: string): Promise<void> {
    return this.session.run("show the sheet", async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  }
}

/** Rows of the store sheet from A1 (header included), or null when the sheet does not exist. */
async function storeRows(context: Excel.RequestContext): Promise<CellValue[][] | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  ws.load("name");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address,values");
  try {
    await context.sync();
  } catch (e) {
    const again = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    again.load("name");
    await context.sync();
    if (again.isNullObject) return null;
    throw e;
  }
  if (ws.isNullObject) return null;
  if (used.isNullObject) return [];
  // Rebase to A1 so that row i is sheet row i + 1 and column 0 is A.
  const b = parseBlock(used.address);
  const rows: CellValue[][] = [];
  for (let r = 0; r <= b.bottom; r++) {
    const src = used.values[r - b.top] as CellValue[] | undefined;
    rows.push(src ? [...new Array<CellValue>(b.left).fill(""), ...src] : []);
  }
  return rows;
}

class OfficeScenarioStore implements ScenarioStore {
  private readonly subscriptions = new Map<() => void, () => Promise<void>>();

  constructor(private readonly session: OfficeSession) {}

  list(): Promise<ScenarioList> {
    return this.session.run("read the saved scenarios", async (context) => readStore((await storeRows(context)) ?? []));
  }

  /**
   * Two syncs: read the store, then write the record's row. When two authors save the first
   * scenario of a workbook at once, both try to add the store sheet; the one that loses saves again
   * into the sheet the other added.
   */
  async save(record: ScenarioRecord): Promise<void> {
    try {
      await this.saveOnce(record);
    } catch (e) {
      const code = ((e as WorkbookError).cause as { code?: string } | undefined)?.code;
      if (code !== "ItemAlreadyExists") throw e;
      await this.saveOnce(record);
    }
  }

  private saveOnce(record: ScenarioRecord): Promise<void> {
    const row = recordToRow(record);
    return this.session.run("save the scenario", async (context) => {
      const rows = await storeRows(context);
      const sheets = context.workbook.worksheets;
      let ws: Excel.Worksheet;
      if (rows === null) {
        ws = sheets.add(STORE_SHEET);
        ws.visibility = "VeryHidden";
        const header = ws.getRange(blockAddress(blockOf(0, 0, 1, HEADER.length)));
        header.numberFormat = [HEADER.map(() => "@")];
        header.values = [[...HEADER]];
      } else ws = sheets.getItem(STORE_SHEET);
      const at = rowForSave(rows ?? [], record.id);
      const width = Math.max(row.length, (rows?.[at] ?? []).length);
      const padded = padRow(row, width);
      const range = ws.getRange(blockAddress(blockOf(at, 0, 1, width)));
      range.numberFormat = [padded.map(() => "@")];
      range.values = [padded];
      await context.sync();
    });
  }

  remove(id: string): Promise<void> {
    return this.session.run("delete the scenario", async (context) => {
      const rows = await storeRows(context);
      if (!rows) return;
      const found = rowsOf(rows, id);
      if (found.length === 0) return;
      const ws = context.workbook.worksheets.getItem(STORE_SHEET);
      for (const i of found) ws.getRange(blockAddress(blockOf(i, 0, 1, rows[i].length))).clear("Contents");
      await context.sync();
    });
  }

  /**
   * Subscribes to worksheet.onChanged on the store sheet, and to worksheets.onAdded so that when
   * the store sheet appears (the first save in this workbook, by anyone) or is re-created, its
   * onChanged is subscribed then and the listener told. Nothing is written to the workbook.
   * Subscribing the same listener again returns the same unsubscribe; unsubscribing twice is
   * harmless. One sync (plus one per sheet added later, to learn its name).
   */
  async onChange(listener: () => void): Promise<() => Promise<void>> {
    const existing = this.subscriptions.get(listener);
    if (existing) return existing;
    let active = true;
    let watching: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    const onChanged = async () => {
      if (active) listener();
    };
    const handlers = await this.session.run("watch the saved scenarios", async (context) => {
      const sheets = context.workbook.worksheets;
      const ws = sheets.getItemOrNullObject(STORE_SHEET);
      ws.load("name");
      await context.sync();
      if (!ws.isNullObject) watching = ws.onChanged.add(onChanged);
      const added = sheets.onAdded.add(async (args) => {
        if (!active) return;
        const appeared = await this.session
          .run(
            "watch the saved scenarios",
            async (context) => {
              const sheet = context.workbook.worksheets.getItem(args.worksheetId);
              sheet.load("name");
              await context.sync();
              if (sheet.name !== STORE_SHEET) return false;
              if (watching) {
                watching.remove(); // the old store sheet's subscription (the sheet was re-created)
              }
              watching = sheet.onChanged.add(onChanged);
              await context.sync();
              return true;
            },
            context,
          )
          .catch(() => false);
        if (appeared && active) listener();
      });
      await context.sync();
      return { added, context };
    });
    const unsubscribe = async () => {
      if (!active) return;
      active = false;
      this.subscriptions.delete(listener);
      await this.session.run(
        "stop watching the saved scenarios",
        async (context) => {
          handlers.added.remove();
          const w = watching as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null;
          if (w) w.remove();
          await context.sync();
        },
        handlers.context,
      );
    };
    this.subscriptions.set(listener, unsubscribe);
    return unsubscribe;
  }
}
