// A hand-written fake of the part of the Excel JavaScript object model RegRights uses, backed by
// the in-memory workbook. Why not office-addin-mock alone: its mocks run methods at once and make
// loaded properties readable at sync, but cannot express what these tests need: operations queued
// and run in order at context.sync, a batch that stops at its first failure with the earlier
// operations applied (all-or-nothing writes), error codes thrown by sync (cell-edit mode,
// ItemNotFound), null objects, and worksheet change events from another author.
//
// Semantics modelled: load() then sync() makes properties readable (reading before throws, as
// PropertyNotLoaded does); setters and methods queue; sync runs the queue in order and stops at the
// first failure (earlier operations stay applied); *OrNullObject gives isNullObject; operations
// through a null object give null objects (nullChaining "null") or fail ("throw").

import { MemoryWorkbook, Visibility } from "../../../src/workbook/memory";
import { CELL_EDIT_MODE, Runner } from "../../../src/workbook/office/run";
import { blockAddress, columnIndex, parseBlock, quoteSheet, Block, MAX_ROWS } from "../../../src/workbook/address";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeExcelOptions {
  author?: string;
  nullChaining?: "null" | "throw";
}

type Op = () => void;

/** Marks a registration on worksheets.onAdded rather than on one sheet's onChanged. */
const ADDED = "\u0000added";

const toOffice: Record<Visibility, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const fromOffice: Record<string, Visibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

function wrapError(e: unknown): FakeOfficeError {
  if (e instanceof FakeOfficeError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (/already exists/.test(message)) return new FakeOfficeError("ItemAlreadyExists", message);
  if (/There is no/.test(message)) return new FakeOfficeError("ItemNotFound", message);
  return new FakeOfficeError("InvalidArgument", message);
}

/** Base of all proxies: a queue on the context, and properties readable once loaded. */
class Proxy<T> {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  isNullObject = false;

  constructor(
    readonly context: FakeContext,
    protected readonly resolver: () => T | null,
    protected readonly nullable = false,
  ) {}

  /** The target now; null for a null object (only when nullable or chained from one). */
  target(): T | null {
    return this.resolver();
  }

  must(): T {
    const t = this.target();
    if (t === null)
      throw new FakeOfficeError(
        this.context.fake.options.nullChaining === "throw" ? "InvalidObjectPath" : "ItemNotFound",
        "The object does not exist.",
      );
    return t;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was not loaded (call load and sync first).`);
    return this.data[prop] as V;
  }

  protected read(_t: T, _prop: string): unknown {
    return undefined;
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.queue.push(() => {
      const t = this.target();
      this.isNullObject = t === null;
      if (t === null && !this.nullable && !this.context.chainedNull(this))
        throw new FakeOfficeError("ItemNotFound", "The object does not exist.");
      for (const p of list) {
        this.data[p] = t === null ? undefined : this.read(t, p);
        this.loaded.add(p);
      }
    });
    return this;
  }
}

interface SheetRef {
  name: string;
}

export class FakeContext {
  queue: Op[] = [];
  readonly workbook: FakeWorkbookP;
  private readonly nullParents = new WeakSet<object>();

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookP(this);
  }

  markChained(child: object, parent: Proxy<unknown>): void {
    this.nullParents.add(child);
    (child as { parent?: Proxy<unknown> }).parent = parent;
  }

  chainedNull(p: object): boolean {
    return this.nullParents.has(p) && this.fake.options.nullChaining !== "throw";
  }

  async sync(): Promise<void> {
    this.fake.syncs++;
    await Promise.resolve();
    const ops = this.queue;
    this.queue = [];
    if (this.fake.editModeFailures > 0) {
      this.fake.editModeFailures--;
      throw new FakeOfficeError(CELL_EDIT_MODE, "The requested action isn't allowed while Excel is in cell-edit mode.");
    }
    for (const op of ops) {
      if (this.fake.failNext && this.fake.failNext.remaining-- === 0) {
        const { code } = this.fake.failNext;
        this.fake.failNext = null;
        throw new FakeOfficeError(code, "Injected failure.");
      }
      try {
        op();
      } catch (e) {
        throw wrapError(e);
      }
    }
  }

  get wb(): MemoryWorkbook {
    return this.fake.workbook;
  }

  get author(): string {
    return this.fake.author;
  }
}

class FakeWorkbookP {
  readonly worksheets: FakeWorksheetsP;
  readonly tables: FakeTablesP;
  constructor(private readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetsP(context);
    this.tables = new FakeTablesP(context, () => null);
  }
  getSelectedRange(): FakeRangeP {
    const wb = this.context.wb;
    return new FakeRangeP(this.context, () => {
      const sel = wb.selection;
      if (!sel) throw new FakeOfficeError("ItemNotFound", "Nothing is selected.");
      return { sheet: { name: sel.sheet }, block: parseBlock(sel.address) };
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
        const registration: Registration = { sheet: () => ADDED, handler: handler as (args: unknown) => Promise<void> };
        context.queue.push(() => context.fake.handlers.add(registration));
        return { remove: () => context.queue.push(() => context.fake.handlers.delete(registration)), context };
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
    });
    return this;
  }
  getItem(name: string): FakeWorksheetP {
    let ref: SheetRef | null = null;
    return new FakeWorksheetP(this.context, () => {
      if (!ref) {
        const actual = this.context.wb.sheetName(name);
        if (!actual) throw new FakeOfficeError("ItemNotFound", `There is no sheet named "${name}".`);
        ref = { name: actual };
      }
      return ref;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheetP {
    let ref: SheetRef | null = null;
    return new FakeWorksheetP(
      this.context,
      () => {
        if (!ref) {
          const actual = this.context.wb.sheetName(name);
          if (!actual) return null;
          ref = { name: actual };
        }
        return ref;
      },
      true,
    );
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

class FakeWorksheetP extends Proxy<SheetRef> {
  readonly customProperties: FakeCustomPropertiesP;
  readonly tables: FakeTablesP;
  readonly charts: FakeChartsP;
  readonly onChanged: { add: (handler: (args: unknown) => Promise<void>) => { remove: () => void; context: FakeContext } };

  constructor(context: FakeContext, resolver: () => SheetRef | null, nullable = false) {
    super(context, resolver, nullable);
    this.customProperties = new FakeCustomPropertiesP(context, this);
    this.tables = new FakeTablesP(context, () => {
      const t = this.target();
      if (t !== null) return t.name;
      if (context.fake.options.nullChaining === "throw") throw new FakeOfficeError("InvalidObjectPath", "The sheet does not exist.");
      return undefined;
    });
    this.charts = new FakeChartsP(context, this);
    this.onChanged = {
      add: (handler) => {
        const registration = { sheet: () => this.target()?.name, handler };
        context.queue.push(() => {
          this.must();
          context.fake.handlers.add(registration);
        });
        return {
          remove: () => context.queue.push(() => context.fake.handlers.delete(registration)),
          context,
        };
      },
    };
  }

  /** Fills properties directly (collection loads). */
  fill(props: string[]): void {
    const t = this.must();
    for (const p of props) {
      this.data[p] = this.read(t, p);
      this.loaded.add(p);
    }
  }

  protected override read(t: SheetRef, prop: string): unknown {
    const wb = this.context.wb;
    if (prop === "name") return t.name;
    if (prop === "position") return wb.listSheets().find((s) => s.name === t.name)!.position;
    if (prop === "visibility") return toOffice[wb.visibility(t.name)];
    return undefined;
  }

  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.context.queue.push(() => {
      const t = this.must();
      this.context.wb.renameSheet(t.name, value, this.context.author);
      t.name = value;
    });
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.context.queue.push(() => this.context.wb.moveSheet(this.must().name, value));
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(value: string) {
    this.context.queue.push(() => this.context.wb.setVisibility(this.must().name, fromOffice[value], this.context.author));
  }

  getRange(address: string): FakeRangeP {
    const r = new FakeRangeP(this.context, () => {
      const t = this.target();
      return t === null ? null : { sheet: t, block: parseAddress(address) };
    });
    if (this.nullable) this.context.markChained(r, this);
    return r;
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRangeP {
    const r = new FakeRangeP(
      this.context,
      () => {
        const t = this.target();
        if (t === null) {
          if (this.context.fake.options.nullChaining === "throw")
            throw new FakeOfficeError("InvalidObjectPath", "The sheet does not exist.");
          return null;
        }
        const used = this.context.wb.usedRange(t.name, valuesOnly);
        return used === null ? null : { sheet: t, block: parseBlock(used) };
      },
      true,
    );
    return r;
  }

  delete(): void {
    this.context.queue.push(() => this.context.wb.deleteSheet(this.must().name, this.context.author));
  }

  activate(): void {
    this.context.queue.push(() => this.context.wb.activate(this.must().name));
  }
}

function parseAddress(address: string): Block {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (cols) return { top: 0, bottom: MAX_ROWS - 1, left: columnIndex(cols[1]), right: columnIndex(cols[2]) };
  return parseBlock(local);
}

interface RangeTarget {
  sheet: SheetRef;
  block: Block;
}

class FakeRangeP extends Proxy<RangeTarget> {
  readonly format: { columnWidth: number };
  readonly worksheet: FakeWorksheetP;

  constructor(context: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(context, resolver, nullable);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessor objects need the proxy
    const self = this;
    this.worksheet = new FakeWorksheetP(context, () => self.must().sheet);
    this.format = {
      get columnWidth(): number {
        throw new Error("not modelled");
      },
      set columnWidth(w: number) {
        context.queue.push(() => {
          const t = self.must();
          context.wb.setColumnWidths(t.sheet.name, new Array(t.block.right - t.block.left + 1).fill(w), t.block.left);
        });
      },
    };
  }

  protected override read(t: RangeTarget, prop: string): unknown {
    const wb = this.context.wb;
    const a = blockAddress(t.block);
    switch (prop) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${a}`;
      case "values":
        return wb.getValues(t.sheet.name, a);
      case "formulas":
        return wb.getFormulas(t.sheet.name, a);
      case "numberFormat":
        return wb.getNumberFormats(t.sheet.name, a);
      case "rowCount":
        return t.block.bottom - t.block.top + 1;
      case "columnCount":
        return t.block.right - t.block.left + 1;
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(grid: unknown[][]) {
    this.write(grid, "cells");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, "cells");
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.write(grid, "formats");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  private write(grid: unknown[][], what: "cells" | "formats"): void {
    this.context.queue.push(() => {
      const t = this.must();
      const rows = t.block.bottom - t.block.top + 1;
      const cols = t.block.right - t.block.left + 1;
      if (grid.length !== rows || grid.some((r) => r.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${cols}).`,
        );
      const topLeft = blockAddress({ ...t.block, bottom: t.block.top, right: t.block.left });
      if (what === "cells") this.context.wb.setCells(t.sheet.name, topLeft, grid as never, undefined, this.context.author);
      else this.context.wb.setCells(t.sheet.name, topLeft, [], grid as never, this.context.author);
    });
  }

  getTables(fullyContained = false): FakeTablesP {
    void fullyContained;
    return new FakeTablesP(
      this.context,
      () => this.must().sheet.name,
      () => blockAddress(this.must().block),
    );
  }

  getSurroundingRegion(): FakeRangeP {
    return new FakeRangeP(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, block: parseBlock(this.context.wb.surroundingRegion(t.sheet.name, blockAddress(t.block))) };
    });
  }

  select(): void {
    this.context.queue.push(() => {
      const t = this.must();
      this.context.wb.select(t.sheet.name, blockAddress(t.block));
    });
  }

  clear(applyTo: string = "All"): void {
    this.context.queue.push(() => {
      const t = this.must();
      this.context.wb.clear(t.sheet.name, blockAddress(t.block), {
        formats: applyTo === "All" || applyTo === "Formats",
        author: this.context.author,
      });
    });
  }
}

class FakeTableP extends Proxy<{ name: string }> {
  protected override read(t: { name: string }, prop: string): unknown {
    return prop === "name" ? t.name : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.context.queue.push(() => {
      const t = this.must();
      this.context.wb.renameTable(t.name, value);
      t.name = value;
    });
  }
  fill(): void {
    this.data.name = this.must().name;
    this.loaded.add("name");
  }
  getRange(): FakeRangeP {
    const r = new FakeRangeP(this.context, () => {
      if (this.nullable && this.target() === null && this.context.fake.options.nullChaining !== "throw") return null;
      const info = this.context.wb.table(this.must().name);
      if (!info) throw new FakeOfficeError("ItemNotFound", "The table does not exist.");
      return { sheet: { name: info.sheet }, block: parseBlock(info.address) };
    });
    if (this.nullable) this.context.markChained(r, this);
    return r;
  }
  get worksheet(): FakeWorksheetP {
    return new FakeWorksheetP(this.context, () => {
      const info = this.context.wb.table(this.must().name);
      if (!info) throw new FakeOfficeError("ItemNotFound", "The table does not exist.");
      return { name: info.sheet };
    });
  }
}

class FakeTablesP extends Proxy<null> {
  items: FakeTableP[] = [];
  /** sheet: the sheet the collection is scoped to (null: the workbook); within: a block it must overlap. */
  constructor(
    context: FakeContext,
    private readonly sheet: () => string | null | undefined,
    private readonly within?: () => string,
  ) {
    super(context, () => null, true);
  }
  override load(): this {
    this.context.queue.push(() => {
      const sheet = this.sheet();
      const wb = this.context.wb;
      if (sheet === undefined) {
        this.items = [];
        this.isNullObject = true;
        return;
      }
      const tables = this.within ? [wb.tableAt(sheet!, this.within())].filter((t) => t !== undefined) : wb.listTables(sheet ?? undefined);
      this.items = tables.map((t) => {
        const ref = { name: t!.name };
        const p = new FakeTableP(this.context, () => ref);
        p.fill();
        return p;
      });
    });
    return this;
  }
  getFirst(): FakeTableP {
    let ref: { name: string } | null = null;
    return new FakeTableP(this.context, () => {
      if (!ref) {
        const sheet = this.sheet();
        const t = sheet && this.within ? this.context.wb.tableAt(sheet, this.within()) : this.context.wb.listTables(sheet ?? undefined)[0];
        if (!t) throw new FakeOfficeError("ItemNotFound", "There is no table there.");
        ref = { name: t.name };
      }
      return ref;
    });
  }
  getItem(name: string): FakeTableP {
    let ref: { name: string } | null = null;
    return new FakeTableP(this.context, () => {
      if (!ref) {
        const info = this.context.wb.table(name);
        if (!info) throw new FakeOfficeError("ItemNotFound", `There is no table named "${name}".`);
        ref = { name: info.name };
      }
      return ref;
    });
  }
  add(address: string, hasHeaders: boolean): FakeTableP {
    void hasHeaders;
    const ref = { name: "" };
    this.context.queue.push(() => {
      const sheet = this.sheet();
      if (!sheet) throw new FakeOfficeError("InvalidArgument", "Give the table's sheet in the address.");
      const taken = new Set(this.context.wb.listTables().map((t) => t.name));
      let n = 1;
      while (taken.has(`Table${n}`)) n++;
      ref.name = `Table${n}`;
      this.context.wb.addTable(sheet, ref.name, address, this.context.author);
    });
    return new FakeTableP(this.context, () => ref);
  }
}

class FakeCustomPropertiesP {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetP,
  ) {}
  getItemOrNullObject(key: string): FakePropertyP {
    const p = new FakePropertyP(
      this.context,
      () => {
        const t = this.sheet.target();
        if (t === null) {
          if (this.context.fake.options.nullChaining === "throw")
            throw new FakeOfficeError("InvalidObjectPath", "The sheet does not exist.");
          return null;
        }
        const value = this.context.wb.property(t.name, key);
        return value === undefined ? null : { value };
      },
      true,
    );
    return p;
  }
  add(key: string, value: string): void {
    this.context.queue.push(() => {
      if (key.length > 255) throw new FakeOfficeError("InvalidArgument", "The key is longer than 255 characters.");
      this.context.wb.setProperty(this.sheet.must().name, key, value);
    });
  }
}

class FakePropertyP extends Proxy<{ value: string }> {
  protected override read(t: { value: string }, prop: string): unknown {
    return prop === "value" ? t.value : undefined;
  }
  get value(): string {
    return this.get("value");
  }
}

class FakeChartsP {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetP,
  ) {}
  add(type: string, source: FakeRangeP, seriesBy: string): FakeChartP {
    void seriesBy;
    const chart = new FakeChartP(this.context, this.sheet);
    this.context.queue.push(() => {
      const name = this.sheet.must().name;
      const values = blockAddress(source.must().block);
      if (type !== "ColumnClustered") throw new FakeOfficeError("InvalidArgument", `Chart type ${type} is not modelled.`);
      chart.index = this.context.wb.charts(name).length;
      this.context.wb.addChart(name, {
        type: "ColumnClustered",
        title: "",
        categories: values,
        series: [{ name: "Series1", values }],
        anchor: "A1",
      });
    });
    return chart;
  }
}

class FakeChartP {
  index = -1;
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => FakeSeriesP; add: (name: string) => FakeSeriesP };
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: FakeWorksheetP,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- accessor objects need the proxy
    const self = this;
    this.title = {
      get text(): string {
        throw new Error("not modelled");
      },
      set text(value: string) {
        self.update((c) => (c.title = value));
      },
    };
    this.series = {
      getItemAt: (i) => new FakeSeriesP(this, () => i),
      add: (name) => {
        let index = -1;
        this.update((c) => {
          index = c.series.length;
          c.series.push({ name, values: "" });
        });
        return new FakeSeriesP(this, () => index);
      },
    };
  }
  update(change: (c: ReturnType<MemoryWorkbook["charts"]>[number]) => void): void {
    this.context.queue.push(() => {
      const name = this.sheet.must().name;
      const chart = this.context.wb.charts(name)[this.index];
      if (!chart) throw new FakeOfficeError("ItemNotFound", "The chart does not exist.");
      change(chart);
      this.context.wb.setChart(name, this.index, chart);
    });
  }
  setPosition(anchor: string): void {
    this.update((c) => (c.anchor = blockAddress(parseBlock(anchor))));
  }
}

class FakeSeriesP {
  constructor(
    private readonly chart: FakeChartP,
    private readonly index: () => number,
  ) {}
  set name(value: string) {
    this.chart.update((c) => (c.series[this.index()].name = value));
  }
  setValues(range: FakeRangeP): void {
    this.chart.update((c) => (c.series[this.index()].values = blockAddress(range.must().block)));
  }
  setXAxisValues(range: FakeRangeP): void {
    this.chart.update((c) => (c.categories = blockAddress(range.must().block)));
  }
}

interface Registration {
  sheet: () => string | undefined;
  handler: (args: unknown) => Promise<void>;
}

/** A fake Excel over a MemoryWorkbook; several fakes over one workbook are several co-authors. */
export class FakeExcel {
  syncs = 0;
  /** The next n syncs fail as when a cell is being edited. */
  editModeFailures = 0;
  /** Make the operation at this index of the next sync fail with code. */
  failNext: { remaining: number; code: string } | null = null;
  readonly handlers = new Set<Registration>();
  readonly author: string;

  constructor(
    readonly workbook: MemoryWorkbook,
    readonly options: FakeExcelOptions = {},
  ) {
    this.author = options.author ?? "you";
    workbook.onChanged((e) => {
      for (const h of [...this.handlers]) {
        if (h.sheet() === ADDED) {
          if (e.kind === "sheetAdded")
            setTimeout(
              () => void h.handler({ worksheetId: e.sheet, source: e.author === this.author ? "Local" : "Remote", type: "WorksheetAdded" }),
              0,
            );
          continue;
        }
        if (e.kind === "cells" && h.sheet()?.toLowerCase() === e.sheet.toLowerCase()) {
          const args = {
            address: e.address,
            source: e.author === this.author ? "Local" : "Remote",
            type: "RangeEdited",
            worksheetId: e.sheet,
          };
          setTimeout(() => void h.handler(args), 0);
        }
      }
    });
  }

  context(): Excel.RequestContext {
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  /** A Runner for OfficeGateway: a fresh context per batch (or the given one). */
  readonly run: Runner = (batch, existing) => batch(existing ?? this.context());
}
