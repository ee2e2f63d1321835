// Reading from real Excel: the cap table (by table or address), the cap table under the selection,
// and results. Values come as Office.js returns Range.values: "" for a blank cell on every host
// (Microsoft: "If the cell contains no data or value, the API returns a blank value ... `""`",
// https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts). Custom
// function arguments are a different channel (blanks arrive as 0 or null there), handled in
// src/functions. Every read goes in blocks under the payload budget (./payloadBlocks).

import { headersOf, type CapTableRead, type CapTableRef, type CellValue } from "../gateway";
import { parseBlock, splitSheet } from "../address";
import { WorkbookError, messages } from "../errors";
import { headRows, queueHead, readRows, responseTooLarge } from "./payloadBlocks";
import type { OfficeSession } from "./run";

/** Columns a cap table usually has, to size the first block of a read before its width is known. */
const CAP_TABLE_COLUMNS = 12;

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code;

/**
 * Reads a range's address and values: its head in the first sync, the rest in blocks (one sync
 * when it fits the budget). onFirstSyncError turns the first sync's errors into words. Should
 * Excel refuse the head as too large (Excel on the web), it is read again in blocks from the start.
 */
export async function readRange(
  context: Excel.RequestContext,
  range: () => Excel.Range,
  columnsGuess: number,
  onFirstSyncError: (e: unknown) => unknown = (e) => e,
): Promise<{ address: string; sheet: string; values: CellValue[][] }> {
  for (const rows of [headRows(columnsGuess), 0]) {
    const r = range();
    r.load("address");
    const sheet = r.worksheet;
    const head = queueHead(sheet, r, ["values"], rows);
    try {
      await context.sync();
    } catch (e) {
      if (responseTooLarge(e) && rows > 0) continue;
      throw onFirstSyncError(e);
    }
    const where = splitSheet(r.address);
    const { values } = await readRows(context, sheet, parseBlock(where.address), ["values"], head);
    return { address: where.address, sheet: where.sheet ?? "", values };
  }
  throw new WorkbookError(messages.tooLarge);
}

/** One sync when the table or block fits the budget; one more per further block. */
export function readCapTable(session: OfficeSession, ref: CapTableRef): Promise<CapTableRead> {
  return session.run("read the cap table", async (context) => {
    const words = (e: unknown) => {
      if (codeOf(e) === "ItemNotFound") return new WorkbookError(ref.table ? messages.noTable(ref.table) : messages.noSheet(ref.sheet), e);
      if (codeOf(e) === "InvalidArgument") return new WorkbookError(messages.badAddress(ref.address), e);
      return e;
    };
    let columns = CAP_TABLE_COLUMNS;
    if (!ref.table) {
      try {
        const b = parseBlock(ref.address);
        columns = b.right - b.left + 1;
      } catch {
        throw new WorkbookError(messages.badAddress(ref.address));
      }
    }
    const read = await readRange(
      context,
      () =>
        ref.table
          ? context.workbook.tables.getItem(ref.table).getRange()
          : context.workbook.worksheets.getItem(ref.sheet).getRange(ref.address),
      columns,
      words,
    );
    return {
      ref: { sheet: read.sheet || ref.sheet, address: read.address, ...(ref.table ? { table: ref.table } : {}) },
      headers: headersOf(read.values[0]),
      rows: read.values.slice(1),
    };
  });
}

/**
 * The Excel table overlapping the selection (its items loaded: Microsoft does not document that
 * getFirst() throws ItemNotFound on an empty collection), else the block around a single selected
 * cell, else the used part of the selection: clicking a column header selects 1,048,576 cells, of
 * which only the used block is read (Range.getUsedRangeOrNullObject(true), ExcelApi 1.4). Two
 * syncs for a block that fits the budget: where the cap table is, then its values.
 */
export function readSelectedCapTable(session: OfficeSession): Promise<CapTableRead> {
  return session.run("read the selection", async (context) => {
    const selection = context.workbook.getSelectedRange();
    selection.load("address,rowCount,columnCount");
    const used = selection.getUsedRangeOrNullObject(true);
    used.load("address");
    const region = selection.getSurroundingRegion();
    region.load("address");
    const tables = selection.getTables(false);
    tables.load("items/name");
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read -- loaded before the sync above
    const sheet = splitSheet(selection.address).sheet ?? "";
    // eslint-disable-next-line office-addins/load-object-before-read -- loaded before the sync above
    const table = tables.items[0];
    if (table) {
      const name = table.name;
      const read = await readRange(context, () => context.workbook.tables.getItem(name).getRange(), CAP_TABLE_COLUMNS);
      return {
        ref: { sheet: read.sheet || sheet, address: read.address, table: name },
        headers: headersOf(read.values[0]),
        rows: read.values.slice(1),
      };
    }
    const single = selection.rowCount === 1 && selection.columnCount === 1;
    if (!single && used.isNullObject) throw new WorkbookError(messages.emptySelection);
    // eslint-disable-next-line office-addins/load-object-before-read -- region and used were loaded ("address") before the sync
    const address = splitSheet((single ? region : used).address).address;
    const b = parseBlock(address);
    const read = await readRange(context, () => context.workbook.worksheets.getItem(sheet).getRange(address), b.right - b.left + 1);
    if (read.values.every((row) => row.every((v) => v === "" || v === null)))
      throw new WorkbookError(single ? messages.noSelection : messages.emptySelection);
    return { ref: { sheet, address: read.address }, headers: headersOf(read.values[0]), rows: read.values.slice(1) };
  });
}

/** Calculated values of a block, in blocks under the budget. */
export function readValues(session: OfficeSession, sheet: string, address: string): Promise<CellValue[][]> {
  return session.run("read the results", async (context) => {
    let columns = CAP_TABLE_COLUMNS;
    try {
      const b = parseBlock(address);
      columns = b.right - b.left + 1;
    } catch {
      throw new WorkbookError(messages.badAddress(address));
    }
    const read = await readRange(
      context,
      () => context.workbook.worksheets.getItem(sheet).getRange(address),
      columns,
      (e) => (codeOf(e) === "ItemNotFound" ? new WorkbookError(messages.noSheet(sheet), e) : e),
    );
    return read.values;
  });
}
