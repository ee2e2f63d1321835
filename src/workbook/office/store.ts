// The scenario store in real Excel: one record per row of the very hidden sheet
// RegRights.Scenarios (row format in ../records). Listing reads the index columns A..E only; a
// payload is read when it is opened (load), so fifty 400 KB scenarios list in one small sync.
// Every read and write stays under the payload budget (./payloadBlocks): a record whose row is
// larger goes out in blocks of columns, into a fresh row whose index cells are written last, so
// that nobody ever sees half a record and a failure leaves the old record as it was.

import type { CellValue, ScenarioList, ScenarioRecord, ScenarioStore, SheetRename } from "../gateway";
import { blockAddress, blockOf, parseBlock, splitSheet } from "../address";
import { WorkbookError } from "../errors";
import { sheetRenameProblem } from "../names";
import {
  FIXED_COLUMNS,
  HEADER,
  PART_LENGTH,
  SPREAD_ROWS,
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
import { BLOCK_BUDGET, headRows, jsonBytes, queueHead, readRows, responseTooLarge, spans, type Span } from "./payloadBlocks";
import type { OfficeSession } from "./run";

/** A part's worst size in a response: every character three UTF-8 bytes (or an escaped quote). */
const PART_BYTES = 3 * (PART_LENGTH + 1) + 3;

/**
 * The store's index cells A..E from A1 (row i is sheet row i + 1), or null when the sheet does not
 * exist. One sync while the index fits the budget (it does for thousands of records).
 */
async function indexRows(context: Excel.RequestContext, budget: number): Promise<CellValue[][] | null> {
  // New records land in rows 2..4097 (SPREAD_ROWS), so the head covers those: an index cell is a few bytes.
  for (const rows of [Math.max(headRows(FIXED_COLUMNS, budget), SPREAD_ROWS + 1), 0]) {
    const ws = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address");
    const index = used.getIntersectionOrNullObject(ws.getRange("A:E"));
    index.load("address");
    const head = queueHead(ws, index, ["values"], rows);
    try {
      await context.sync();
    } catch (e) {
      if (responseTooLarge(e) && rows > 0) continue;
      const again = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
      again.load("name");
      await context.sync();
      if (again.isNullObject) return null;
      throw e;
    }
    if (ws.isNullObject) return null;
    if (used.isNullObject || index.isNullObject) return [];
    const b = parseBlock(splitSheet(index.address).address);
    const { values } = await readRows(context, ws, b, ["values"], head, budget);
    // Rebase to A1 so that row i is sheet row i + 1 and column 0 is A.
    const out: CellValue[][] = [];
    for (let r = 0; r <= b.bottom; r++) {
      const src = values[r - b.top] as CellValue[] | undefined;
      out.push(src ? [...new Array<CellValue>(b.left).fill(""), ...src] : []);
    }
    return out;
  }
  throw new WorkbookError("The list of saved scenarios is too large to read.");
}

export class OfficeScenarioStore implements ScenarioStore {
  private readonly subscriptions = new Map<() => void, () => Promise<void>>();

  constructor(
    private readonly session: OfficeSession,
    private readonly budget = BLOCK_BUDGET,
  ) {}

  /** One sync: the index columns only. */
  list(): Promise<ScenarioList> {
    return this.session.run("read the saved scenarios", async (context) => readStore((await indexRows(context, this.budget)) ?? []));
  }

  /** One sync for the index, one per block of payload parts (about ten parts, 320,000 characters, each). */
  load(id: string): Promise<ScenarioRecord> {
    return this.session.run("open the scenario", async (context) => {
      const rows = (await indexRows(context, this.budget)) ?? [];
      const { entries, problems } = readIndex(rows);
      const entry = entries.find((e) => e.summary.id === id);
      if (!entry) {
        const named = problems.length > 0 ? ` (${problems.length} saved scenario(s) could not be read)` : "";
        throw new WorkbookError(`That scenario is no longer in this workbook; another author may have deleted it${named}.`);
      }
      const ws = context.workbook.worksheets.getItem(STORE_SHEET);
      const cells: CellValue[] = [];
      for (const span of spans(new Array<number>(entry.parts).fill(PART_BYTES), this.budget)) {
        const range = ws.getRange(blockAddress(blockOf(entry.row, FIXED_COLUMNS + span.start, 1, span.count)));
        range.load("values");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point (5 MB limit)
        await context.sync();
        cells.push(...(range.values[0] as CellValue[]));
      }
      const read = payloadFromParts(cells, entry.parts);
      if (!read.ok) throw new WorkbookError(`The scenario "${entry.summary.name}" could not be read: ${read.problem}`);
      return { ...entry.summary, payload: read.payload };
    });
  }

  /**
   * Two syncs while the record fits the budget: read the index, then write the record's row. When
   * two authors save the first scenario of a workbook at once, both try to add the store sheet;
   * the one that loses saves again into the sheet the other added.
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
    return this.session.run("save the scenario", async (context) => {
      const rows = await indexRows(context, this.budget);
      const sheets = context.workbook.worksheets;
      let ws: Excel.Worksheet;
      if (rows === null) {
        ws = sheets.add(STORE_SHEET);
        ws.visibility = "VeryHidden";
        const header = ws.getRange(blockAddress(blockOf(0, 0, 1, HEADER.length)));
        header.numberFormat = [HEADER.map(() => "@")];
        header.values = [[...HEADER]];
      } else ws = sheets.getItem(STORE_SHEET);
      await this.writeRecord(context, ws, rows ?? [], record);
    });
  }

  /**
   * Writes the record's row: one sync while it fits the budget, else in blocks (saveInBlocks).
   * first, when given, is queued at the start of the last sync, so that it and the record's
   * index cells go together (rename's sheet rename).
   */
  private async writeRecord(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    rows: CellValue[][],
    record: ScenarioRecord,
    first?: () => void,
  ): Promise<void> {
    const row = recordToRow(record);
    const { entries } = readIndex(rows);
    const old = entries.find((e) => e.summary.id === record.id);
    const at = rowForSave(rows, record.id);
    // Pad to the old record's width at that row, so a shorter payload clears the old parts.
    const width = Math.max(row.length, old && old.row === at ? FIXED_COLUMNS + old.parts : 0);
    const padded = padRow(row, width);
    if (jsonBytes(padded) + jsonBytes(rowFormats(width)) <= this.budget) {
      first?.();
      const range = ws.getRange(blockAddress(blockOf(at, 0, 1, width)));
      range.numberFormat = [rowFormats(width)];
      range.values = [padded];
      await context.sync();
      return;
    }
    await this.saveInBlocks(context, ws, row, rows, record.id, first);
  }

  /**
   * A record larger than the budget: its parts in blocks of columns into a free row, then (last
   * sync) its index cells there, and the old row cleared. Readers skip a row without index cells,
   * so until the last sync they see the old record, after it the new one.
   */
  private async saveInBlocks(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    row: (string | number)[],
    rows: CellValue[][],
    id: string,
    first?: () => void,
  ): Promise<void> {
    const at = rowForSave(rows, `${id}\u0000new`); // an empty row, never the record's own
    const parts = row.slice(FIXED_COLUMNS);
    const write = (span: Span, from: number, cells: (string | number)[]) => {
      const range = ws.getRange(blockAddress(blockOf(at, from + span.start, 1, span.count)));
      range.numberFormat = [rowFormats(from + span.start + span.count).slice(from + span.start)];
      range.values = [cells.slice(span.start, span.start + span.count)];
    };
    try {
      for (const span of spans(
        parts.map((p) => 2 * jsonBytes(p)),
        this.budget,
      )) {
        write(span, FIXED_COLUMNS, parts);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point (5 MB limit)
        await context.sync();
      }
      first?.();
      write({ start: 0, count: FIXED_COLUMNS }, 0, row);
      for (const old of rowsOf(rows, id)) ws.getRange(`${old + 1}:${old + 1}`).clear("Contents");
      await context.sync();
    } catch (e) {
      await (async () => {
        ws.getRange(`${at + 1}:${at + 1}`).clear("Contents");
        await context.sync();
      })().catch(() => undefined);
      throw e;
    }
  }

  remove(id: string): Promise<void> {
    return this.session.run("delete the scenario", async (context) => {
      const rows = await indexRows(context, this.budget);
      if (!rows) return;
      const found = rowsOf(rows, id);
      if (found.length === 0) return;
      const ws = context.workbook.worksheets.getItem(STORE_SHEET);
      // The whole row: the payload parts run past the index columns read here.
      for (const i of found) ws.getRange(`${i + 1}:${i + 1}`).clear("Contents");
      await context.sync();
    });
  }

  /**
   * Two syncs while the record fits the budget, as save: (1) the index and both sheet names, then
   * every check, so that a refusal changes nothing; (2) the sheet's new name, queued first, and
   * the record's row. A batch stops at its first failure, so when the rename fails nothing else
   * is applied; when the row fails after the rename, the sheet gets its old name back (found by
   * its id, never by the new name, which another author might have taken meanwhile).
   */
  rename(record: ScenarioRecord, sheet: { from: string; to: string }): Promise<SheetRename> {
    return this.session.run("rename the scenario", async (context) => {
      const sheets = context.workbook.worksheets;
      /** Queues loads of both sheets' names; the returned function reads them after a sync. */
      const probe = () => {
        const from = sheets.getItemOrNullObject(sheet.from);
        from.load("name,id");
        const to = sheets.getItemOrNullObject(sheet.to);
        to.load("name");
        /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read after the caller's sync */
        return () => ({ found: from.isNullObject ? null : { name: from.name, id: from.id }, taken: !to.isNullObject });
        /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
      };
      let read = probe();
      const rows = await indexRows(context, this.budget); // the same sync
      let names: ReturnType<typeof read>;
      try {
        names = read();
      } catch {
        // The index took more than one sync (its first response was too large), so the names loaded
        // with that first one never arrived: load them again.
        read = probe();
        await context.sync();
        names = read();
      }
      const { found, taken } = names;
      if (rows === null || rowsOf(rows, record.id).length === 0)
        throw new WorkbookError("That scenario is no longer in this workbook; another author may have deleted it.");
      const problem = sheetRenameProblem(sheet.from, sheet.to, taken);
      if (problem) throw new WorkbookError(`RegRights could not rename the sheet "${sheet.from}": ${problem} Nothing was changed.`);
      const ws = sheets.getItem(STORE_SHEET);
      if (found === null || found.name === sheet.to) {
        await this.writeRecord(context, ws, rows, record);
        return found === null ? "absent" : "unchanged";
      }
      const { name: oldName, id } = found;
      try {
        await this.writeRecord(context, ws, rows, record, () => {
          sheets.getItem(id).name = sheet.to;
        });
      } catch (e) {
        await (async () => {
          const again = context.workbook.worksheets.getItemOrNullObject(id);
          again.load("name");
          await context.sync();
          if (!again.isNullObject && again.name !== oldName) {
            again.name = oldName;
            await context.sync();
          }
        })().catch(() => undefined);
        throw e;
      }
      return "renamed";
    });
  }

  /**
   * Subscribes to worksheet.onChanged on the store sheet, and to worksheets.onAdded so that when
   * the store sheet appears (the first save in this workbook, by anyone) or is re-created, its
   * onChanged is subscribed then and the listener told. A handler goes with the sheet it was
   * added to (assumption, README), so a re-created store sheet gets a new one. Nothing is written
   * to the workbook. Subscribing the same listener again returns the same unsubscribe;
   * unsubscribing twice is harmless. One sync (plus one per sheet added later, to learn its name).
   */
  async onChange(listener: () => void): Promise<() => Promise<void>> {
    const existing = this.subscriptions.get(listener);
    if (existing) return existing;
    let active = true;
    let watching: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;
    const onChanged = async () => {
      if (active) listener();
    };
    const forget = (context: Excel.RequestContext, handler: { remove: () => void } | null) =>
      handler
        ? this.session
            .run(
              "stop watching the saved scenarios",
              async (c) => {
                handler.remove();
                await c.sync();
              },
              context,
            )
            .catch(() => undefined) // its sheet was deleted, and the handler with it
        : Promise.resolve();
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
              const previous = watching;
              watching = sheet.onChanged.add(onChanged);
              await context.sync();
              await forget(context, previous); // the old store sheet's, if it was re-created
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
          await context.sync();
        },
        handlers.context,
      );
      await forget(handlers.context, watching);
    };
    this.subscriptions.set(listener, unsubscribe);
    return unsubscribe;
  }
}
