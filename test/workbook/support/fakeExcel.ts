// A hand-written fake of the part of the Excel JavaScript object model RegRights uses, backed by
// the in-memory workbook. Why not office-addin-mock alone: its mocks run methods at once and make
// loaded properties readable at sync, but cannot express what these tests need: operations queued
// and run in order at context.sync, a batch that stops at its first failure with the earlier
// operations applied (all-or-nothing writes), error codes thrown by sync (cell-edit mode,
// ItemNotFound, the 5 MB limit), null objects, and worksheet change events from another author.
//
// Semantics modelled: load() then sync() makes properties readable (reading before throws, as
// PropertyNotLoaded does); setters and methods queue; sync runs the queue in order and stops at the
// first failure (earlier operations stay applied); *OrNullObject gives isNullObject; operations
// through a null object give null objects (nullChaining "null") or fail ("throw"). The host's
// limits and modes are in fakeCore.ts; what Excel refuses is refused here too:
//   - deleting a VeryHidden sheet (InvalidOperation, Worksheet.delete's documentation);
//   - a sheet name already taken, hidden sheets included (the scenario store's own name is a
//     clash like any other);
//   - an event handler lives as long as its object: deleting a sheet drops its onChanged handlers
//     (and removing one afterwards fails); a renamed sheet keeps them. Sheets have ids, and
//     onAdded passes the id (worksheets.getItem takes a name or an id), as Excel does.
// Files: fakeCore.ts (context, proxies, limits), fakeSheet.ts (worksheet, range, tables),
// fakeParts.ts (custom properties, charts).

import { MemoryWorkbook } from "../../../src/workbook/memory";
import type { Runner } from "../../../src/workbook/office/run";
import { FakeContext, FakeExcelOptions, FakeHost, FakeMode, FakeOfficeError, Proxy, Registration } from "./fakeCore";
import { FakeRangeP, FakeTablesP, FakeWorksheetP, SheetRef, parseAddress, removeHandler } from "./fakeSheet";

export { FakeOfficeError } from "./fakeCore";
export type { FakeExcelOptions, FakeMode } from "./fakeCore";

/** Marks a registration on worksheets.onAdded rather than on one sheet's onChanged. */
const ADDED = "\u0000added";
/** Marks a registration on workbook.onSelectionChanged. */
const SELECTION = "\u0000selection";

class FakeWorkbookP {
  readonly worksheets: FakeWorksheetsP;
  readonly tables: FakeTablesP;
  /** Workbook.onSelectionChanged (ExcelApi 1.2); the handler goes when removed, in its context. */
  readonly onSelectionChanged: { add: (handler: (args: unknown) => Promise<void>) => { remove: () => void; context: FakeContext } };
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetsP(context);
    this.tables = new FakeTablesP(context, () => null);
    this.onSelectionChanged = {
      add: (handler) => {
        const registration: Registration = { sheetId: SELECTION, handler };
        context.queue.push(() => context.fake.handlers.add(registration));
        return { remove: () => removeHandler(context, registration), context };
      },
    };
  }
  /** Workbook.getActiveCell (ExcelApi 1.7): the selection's active cell, its top-left here. */
  getActiveCell(): FakeRangeP {
    return new FakeRangeP(this.context, () => {
      const sel = this.context.fake.selectionOverride ?? this.context.wb.selection;
      if (!sel) throw new FakeOfficeError("ItemNotFound", "Nothing is selected.");
      const b = parseAddress(sel.address);
      return { sheet: { name: sel.sheet }, block: { top: b.top, bottom: b.top, left: b.left, right: b.left } };
    });
  }
  getSelectedRange(): FakeRangeP {
    return new FakeRangeP(this.context, () => {
      const sel = this.context.fake.selectionOverride ?? this.context.wb.selection;
      if (!sel) throw new FakeOfficeError("ItemNotFound", "Nothing is selected.");
      return { sheet: { name: sel.sheet }, block: parseAddress(sel.address) };
    });
  }
}

class FakeWorksheetsP extends Proxy<null> {
  items: FakeWorksheetP[] = [];
  readonly onAdded: { add: (handler: (args: { worksheetId: string }) => Promise<void>) => { remove: () => void; context: FakeContext } };
  constructor(context: FakeContext) {
    super(context, () => null, true);
    this.onAdded = {
      add: (handler) => {
        const registration: Registration = { sheetId: ADDED, handler: handler as (args: unknown) => Promise<void> };
        context.queue.push(() => context.fake.handlers.add(registration));
        return { remove: () => removeHandler(context, registration), context };
      },
    };
  }
  override load(props?: string): this {
    const list = (props ?? "")
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.context.queue.push(() => {
      this.items = this.context.wb.listSheets().map((s) => {
        const ref: SheetRef = { name: s.name };
        const ws = new FakeWorksheetP(this.context, () => ref);
        ws.fill(list);
        return ws;
      });
      this.context.responseBytes += 40 * this.items.length;
    });
    return this;
  }
  private lookup(key: string, orNull: boolean): FakeWorksheetP {
    let ref: SheetRef | null = null;
    return new FakeWorksheetP(
      this.context,
      () => {
        if (!ref) {
          const actual = this.context.fake.nameOf(key);
          if (!actual) {
            if (orNull) return null;
            throw new FakeOfficeError("ItemNotFound", `There is no sheet named "${key}".`);
          }
          ref = { name: actual };
        }
        return ref;
      },
      orNull,
    );
  }
  /** By name or by id, as Excel's WorksheetCollection.getItem. */
  getItem(key: string): FakeWorksheetP {
    return this.lookup(key, false);
  }
  getItemOrNullObject(key: string): FakeWorksheetP {
    return this.lookup(key, true);
  }
  getActiveWorksheet(): FakeWorksheetP {
    let ref: SheetRef | null = null;
    return new FakeWorksheetP(this.context, () => {
      if (!ref) {
        const active = this.context.wb.activeSheet;
        if (!active) throw new FakeOfficeError("ItemNotFound", "No sheet is active.");
        ref = { name: active };
      }
      return ref;
    });
  }
  add(name: string): FakeWorksheetP {
    const ref: SheetRef = { name };
    this.context.queue.push(() => this.context.wb.addSheet(name, { author: this.context.author }));
    return new FakeWorksheetP(this.context, () => ref);
  }
}

/** A fake Excel over a MemoryWorkbook; several fakes over one workbook are several co-authors. */
export class FakeExcel implements FakeHost {
  syncs = 0;
  /** The next n syncs fail as when a cell is being edited. */
  editModeFailures = 0;
  /** The next n syncs fail with a plain InvalidOperation (cell edit on some hosts, or protection). */
  invalidOperationFailures = 0;
  /** Make the operation at this index of the next sync fail with code. */
  failNext: { remaining: number; code: string } | null = null;
  selectionOverride: { sheet: string; address: string } | null = null;
  largestRequest = 0;
  largestResponse = 0;
  readonly handlers = new Set<Registration>();
  readonly author: string;
  readonly mode: FakeMode;
  readonly textNumbers: "text" | "number";
  private readonly ids = new Map<string, string>(); // lower-case sheet name → id
  private nextId = 1;

  constructor(
    readonly workbook: MemoryWorkbook,
    readonly options: FakeExcelOptions = {},
  ) {
    this.author = options.author ?? "you";
    this.mode = options.mode ?? "web";
    this.textNumbers = options.textNumbers ?? (this.mode === "desktop" ? "text" : "number");
    for (const s of workbook.listSheets()) this.assignId(s.name);
    workbook.onSelectionChanged(() => {
      for (const h of this.handlers) if (h.sheetId === SELECTION) setTimeout(() => void h.handler({ type: "SelectionChanged" }), 0);
    });
    workbook.onChanged((e) => {
      const source = e.author === this.author ? "Local" : "Remote";
      if (e.kind === "sheetAdded") {
        const id = this.assignId(e.sheet);
        for (const h of this.handlers)
          if (h.sheetId === ADDED) setTimeout(() => void h.handler({ worksheetId: id, source, type: "WorksheetAdded" }), 0);
        return;
      }
      if (e.kind === "sheetDeleted") {
        const id = this.ids.get(e.sheet.toLowerCase());
        this.ids.delete(e.sheet.toLowerCase());
        for (const h of [...this.handlers]) if (h.sheetId === id) this.handlers.delete(h);
        return;
      }
      if (e.kind === "sheetRenamed") {
        const names = new Set(workbook.listSheets().map((s) => s.name.toLowerCase()));
        for (const [name, id] of this.ids)
          if (!names.has(name)) {
            this.ids.delete(name);
            this.ids.set(e.sheet.toLowerCase(), id);
            break;
          }
        return;
      }
      if (e.kind !== "cells") return;
      const id = this.ids.get(e.sheet.toLowerCase());
      for (const h of this.handlers)
        if (h.sheetId === id) {
          const args = { address: e.address, source, type: "RangeEdited", worksheetId: id };
          setTimeout(() => void h.handler(args), 0);
        }
    });
  }

  private assignId(name: string): string {
    const id = `{sheet-${this.nextId++}}`;
    this.ids.set(name.toLowerCase(), id);
    return id;
  }

  idOf(sheet: string): string | undefined {
    return this.ids.get(sheet.toLowerCase());
  }

  /** The sheet's name for a name or an id. */
  nameOf(key: string): string | undefined {
    const byName = this.workbook.sheetName(key);
    if (byName) return byName;
    for (const [name, id] of this.ids) if (id === key) return this.workbook.sheetName(name);
    return undefined;
  }

  /** Selects what the workbook model cannot (a whole column "B:B", a whole row "3:3"). */
  select(sheet: string, address: string): void {
    const first = address.split(":")[0];
    this.workbook.select(sheet, /^[A-Za-z]+$/.test(first) ? `${first}1` : /^\d+$/.test(first) ? `A${first}` : first);
    this.selectionOverride = { sheet: this.workbook.sheetName(sheet) ?? sheet, address };
  }

  context(): Excel.RequestContext {
    const context = new FakeContext(this);
    context.workbook = new FakeWorkbookP(context);
    return context as unknown as Excel.RequestContext;
  }

  /** A Runner for OfficeGateway: a fresh context per batch (or the given one). */
  readonly run: Runner = (batch, existing) => batch(existing ?? this.context());
}
