// Writing to real Excel: the scenario sheet (writeSheet, all or nothing), its ownership check
// (sheetStatus) and the cap table import (insertTable). Cells go in row blocks under the payload
// budget, one sync each (./payloadBlocks, Excel on the web's 5 MB limit).
//
// writeSheet is all or nothing: the blocks go into a new hidden sheet; only when it is whole does
// the last batch delete the old sheet and give the new one its name and position. Excel runs a
// batch in order and stops at its first failure, so a failure in any block or in the last batch
// before the delete leaves the old sheet untouched, and the temporary sheet is deleted; a failure
// after the old sheet was deleted (renaming) is finished with the complete temporary sheet. The
// price: formulas on other sheets that pointed into the replaced sheet become #REF!, as when a
// sheet is deleted by hand (RegRights' own sheets are only read by the pane). A temporary sheet
// that could not be deleted (Excel busy) is deleted by the next write.

import {
  ForeignContentError,
  chartsOf,
  type CapTableRef,
  type CellInput,
  type CellValue,
  type SheetStatus,
  type SheetWrite,
} from "../gateway";
import { blockAddress, blockOf, columnName, parseBlock, splitSheet } from "../address";
import { sheetNameProblem, uniqueName, uniqueTableName } from "../names";
import { WorkbookError, messages } from "../errors";
import { FINGERPRINT_KEY, fingerprintOf, matchesFingerprint, parseFingerprint } from "../fingerprint";
import { BLOCK_BUDGET, PAYLOAD_LIMIT, headRows, jsonBytes, queueHead, readRows, responseTooLarge, spans, type Span } from "./payloadBlocks";
import type { OfficeSession } from "./run";

/** A rectangular grid cols wide (short rows padded with blank). */
function rectangular<T>(grid: T[][], cols: number, blank: T): T[][] {
  return grid.map((row) => (row.length === cols ? row : [...row, ...new Array<T>(cols - row.length).fill(blank)]));
}

const local = (address: string) => splitSheet(address).address;

interface Probe {
  exists: boolean;
  name: string;
  position: number;
  fingerprint: string | undefined;
  used: { address: string; formulas: CellValue[][] } | null;
  tables: string[];
  /** The sheet is the active one (its replacement is activated too). */
  active: boolean;
  /** Temporary sheets of earlier failed writes that are still there. */
  stale: string[];
}

const absent = (name: string, stale: string[]): Probe => ({
  exists: false,
  name,
  position: -1,
  fingerprint: undefined,
  used: null,
  tables: [],
  active: false,
  stale,
});

/** The cells and formats of a write as Excel takes them, cut into row blocks under the budget. */
function plan(write: SheetWrite, budget: number) {
  const cols = Math.max(
    1,
    write.cells.reduce((m, r) => Math.max(m, r.length), 0),
  );
  const cells = rectangular(write.cells, cols, null).map((r) => r.map((v) => (v === null || v === undefined ? "" : v)));
  const formats = write.numberFormats ? cells.map((row, r) => row.map((_, c) => write.numberFormats?.[r]?.[c] ?? "General")) : null;
  const costs = cells.map((row, r) => jsonBytes(row) + (formats ? jsonBytes(formats[r]) : 0) + 2);
  return { cols, cells, formats, blocks: spans(costs, budget), largest: Math.max(0, ...costs) };
}

export class SheetWriter {
  /** Temporary sheets a failed write could not delete; the next write deletes them. */
  private readonly leftovers = new Set<string>();

  constructor(
    private readonly session: OfficeSession,
    private readonly tempName: () => string,
    private readonly budget = BLOCK_BUDGET,
  ) {}

  /**
   * Loads what sheetStatus and writeSheet need about a sheet: one sync when its formulas fit the
   * budget (read through getItemOrNullObject in the same batch), one more per further block.
   * Should Excel refuse reading through a missing sheet, the probe is repeated with the null
   * check alone (one more sync, only when the sheet is absent).
   */
  private async probe(context: Excel.RequestContext, name: string, cols: number): Promise<Probe> {
    for (const rows of [headRows(cols, this.budget), 0]) {
      const sheets = context.workbook.worksheets;
      const ws = sheets.getItemOrNullObject(name);
      ws.load("name,position");
      // Queued through the (possibly null) sheet in the same batch on purpose: one sync, see above.
      const prop = ws.customProperties.getItemOrNullObject(FINGERPRINT_KEY);
      prop.load("value");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address");
      const head = queueHead(ws, used, ["formulas"], rows);
      // eslint-disable-next-line office-addins/call-sync-before-read -- a navigation property, queued in the same batch
      const tables = ws.tables;
      tables.load("items/name");
      const activeSheet = sheets.getActiveWorksheet();
      activeSheet.load("name");
      const leftovers = [...this.leftovers].map((n) => {
        const s = sheets.getItemOrNullObject(n);
        s.load("name");
        return { n, s };
      });
      try {
        await context.sync();
      } catch (e) {
        if (responseTooLarge(e) && rows > 0) continue;
        // Reading through a missing sheet may be refused; find out whether it is just missing.
        const again = sheets.getItemOrNullObject(name);
        again.load("name");
        await context.sync();
        if (again.isNullObject) return absent(name, []);
        throw e;
      }
      const stale = leftovers.filter((l) => !l.s.isNullObject).map((l) => l.s.name);
      for (const l of leftovers) if (l.s.isNullObject) this.leftovers.delete(l.n);
      if (ws.isNullObject) return absent(name, stale);
      const formulas = used.isNullObject
        ? null
        : (await readRows(context, ws, parseBlock(local(used.address)), ["formulas"], head, this.budget)).formulas;
      return {
        exists: true,
        name: ws.name,
        position: ws.position,
        fingerprint: prop.isNullObject ? undefined : String(prop.value),
        used: used.isNullObject || !formulas ? null : { address: local(used.address), formulas },
        tables: tables.items.map((t) => t.name),
        active: activeSheet.name === ws.name,
        stale,
      };
    }
    throw new WorkbookError(messages.tooLarge);
  }

  private static statusOf(p: Probe): SheetStatus {
    if (!p.exists) return "absent";
    const fp = parseFingerprint(p.fingerprint);
    if (!fp) return p.used === null ? "ours" : "foreign";
    return matchesFingerprint(fp, p.used) ? "ours" : "foreign";
  }

  sheetStatus(sheet: string): Promise<SheetStatus> {
    return this.session.run("check the sheet", async (context) => SheetWriter.statusOf(await this.probe(context, sheet, 8)));
  }

  writeSheet(write: SheetWrite, options: { overwriteForeign: boolean }): Promise<void> {
    const problem = sheetNameProblem(write.sheet);
    if (problem) return Promise.reject(new WorkbookError(messages.writeFailed(write.sheet, problem)));
    try {
      for (const c of chartsOf(write)) [c.categories, c.anchor, ...c.series.map((s) => s.values)].forEach(parseBlock);
    } catch {
      return Promise.reject(new WorkbookError(messages.writeFailed(write.sheet, "the chart refers to cells that are not a range.")));
    }
    const p = plan(write, this.budget);
    if (p.largest > PAYLOAD_LIMIT / 2) return Promise.reject(new WorkbookError(messages.tooLarge));
    return this.session.run(`write "${write.sheet}"`, async (context) => {
      const temp = this.tempName(); // a fresh one if the batch is retried
      const before = await this.probe(context, write.sheet, p.cols);
      if (SheetWriter.statusOf(before) === "foreign" && !options.overwriteForeign) throw new ForeignContentError(write.sheet);
      if (before.tables.length > 0)
        throw new WorkbookError(
          messages.writeFailed(write.sheet, `it holds the table "${before.tables[0]}", which RegRights will not delete.`),
        );
      const sheets = context.workbook.worksheets;
      for (const stale of before.stale) sheets.getItem(stale).delete(); // goes with the first block
      const ws = sheets.add(temp);
      ws.visibility = "Hidden";
      const fingerprint = fingerprintOf(write.cells);
      try {
        for (const [i, block] of p.blocks.entries()) {
          this.queueBlock(ws, block, p);
          if (i === 0) for (const stale of before.stale) this.leftovers.delete(stale);
          // The last block goes with the swap below; the others each in a sync of their own.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point (5 MB limit)
          if (i < p.blocks.length - 1) await context.sync();
        }
        this.queueFinish(ws, write, before, fingerprint);
        await context.sync();
      } catch (e) {
        const outcome = await this.repair(context, temp, write.sheet, before, fingerprint).catch(() => "unknown" as const);
        if (outcome === "completed") return;
        if (outcome === "unknown") this.leftovers.add(temp);
        throw e;
      }
    });
  }

  private queueBlock(ws: Excel.Worksheet, block: Span, p: ReturnType<typeof plan>): void {
    const range = ws.getRange(blockAddress(blockOf(block.start, 0, block.count, p.cols)));
    if (p.formats) range.numberFormat = p.formats.slice(block.start, block.start + block.count);
    range.formulas = p.cells.slice(block.start, block.start + block.count);
  }

  /** Widths, chart and fingerprint; then the swap, only after every block has been written. */
  private queueFinish(ws: Excel.Worksheet, write: SheetWrite, before: Probe, fingerprint: string): void {
    const sheets = ws.context.workbook.worksheets;
    write.columnWidths?.forEach((w, c) => {
      ws.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = w;
    });
    for (const spec of chartsOf(write)) {
      const first = spec.series[0];
      const chart = ws.charts.add(spec.type, ws.getRange(first ? first.values : spec.categories), "Columns");
      chart.title.text = spec.title;
      spec.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
        if (i > 0) series.setValues(ws.getRange(s.values));
        series.name = s.name;
        series.setXAxisValues(ws.getRange(spec.categories));
      });
      chart.setPosition(spec.anchor);
    }
    ws.customProperties.add(FINGERPRINT_KEY, fingerprint);
    ws.visibility = "Visible";
    if (before.exists) sheets.getItem(before.name).delete();
    ws.name = write.sheet;
    if (before.exists) ws.position = before.position;
    if (before.active) ws.activate();
  }

  /**
   * After a failed write (Excel ran the failing batch in order up to the failing operation): if
   * the old sheet is still there, delete the temporary sheet ("rolled back"); if the old sheet was
   * already deleted, finish the swap with the complete temporary sheet ("completed").
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

  /**
   * A new, uniquely named sheet with an Excel table over rows (header first), activated. One sync
   * for the names in use, one per further block of rows, one for the last block and the table. A
   * failure part-way deletes the new sheet.
   */
  insertTable(sheetName: string, tableName: string, rows: CellInput[][], numberFormats?: (string | null)[][]): Promise<CapTableRef> {
    const problem = sheetNameProblem(sheetName);
    if (problem) return Promise.reject(new WorkbookError(`RegRights could not add the sheet: ${problem}`));
    if (rows.length < 1 || rows[0].length < 1)
      return Promise.reject(new WorkbookError("There is nothing to insert: the table needs a header row."));
    const p = plan({ sheet: sheetName, cells: rows, numberFormats: numberFormats ?? undefined }, this.budget);
    if (p.largest > PAYLOAD_LIMIT / 2) return Promise.reject(new WorkbookError(messages.tooLarge));
    return this.session.run("insert the table", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const sheetTaken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const sheet = uniqueName(sheetName, (n) => sheetTaken.has(n.toLowerCase()) || sheetNameProblem(n) !== null);
      const table = uniqueTableName(tableName, new Set(tables.items.map((t) => t.name.toLowerCase())));
      const address = blockAddress(blockOf(0, 0, rows.length, p.cols));
      const ws = sheets.add(sheet);
      try {
        for (const [i, block] of p.blocks.entries()) {
          this.queueBlock(ws, block, p);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point (5 MB limit)
          if (i < p.blocks.length - 1) await context.sync();
        }
        // A Range, not an address: an address without a sheet name means the *active* sheet
        // (TableCollection.add, https://learn.microsoft.com/javascript/api/excel/excel.tablecollection#excel-excel-tablecollection-add-member(1)).
        const t = ws.tables.add(ws.getRange(address), true);
        t.name = table;
        ws.activate();
        ws.getRange("A1").select();
        await context.sync();
      } catch (e) {
        await (async () => {
          context.workbook.worksheets.getItem(sheet).delete();
          await context.sync();
        })().catch(() => undefined);
        throw e;
      }
      return { sheet, address, table };
    });
  }
}
