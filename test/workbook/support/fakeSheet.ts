// The fake Excel's worksheet, range and table proxies (see fakeExcel.ts).

import { blockAddress, columnIndex, columnName, parseBlock, quoteSheet, Block, MAX_COLS, MAX_ROWS } from "../../../src/workbook/address";
import type { CellInput } from "../../../src/workbook/gateway";
import { ErrorValue, type Visibility } from "../../../src/workbook/memory";
import { INVALID_OPERATION } from "../../../src/workbook/office/run";
import { FakeContext, FakeOfficeError, Proxy, READ_CELL_LIMIT } from "./fakeCore";
import { FakeChartsP, FakeCustomPropertiesP } from "./fakeParts";

export interface SheetRef {
  name: string;
}

export const toOffice: Record<Visibility, string> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
const fromOffice: Record<string, Visibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** "A1:B2", "B:D" (whole columns) or "1:3" (whole rows), with or without a sheet. */
export function parseAddress(address: string): Block {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (cols) return { top: 0, bottom: MAX_ROWS - 1, left: columnIndex(cols[1]), right: columnIndex(cols[2]) };
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(local);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: MAX_COLS - 1 };
  return parseBlock(local);
}

/** As Excel writes addresses: whole columns as "B:D", whole rows as "1:3". */
export function formatAddress(b: Block): string {
  if (b.top === 0 && b.bottom === MAX_ROWS - 1) return `${columnName(b.left)}:${columnName(b.right)}`;
  if (b.left === 0 && b.right === MAX_COLS - 1) return `${b.top + 1}:${b.bottom + 1}`;
  return blockAddress(b);
}

const unbounded = (b: Block) => (b.top === 0 && b.bottom === MAX_ROWS - 1) || (b.left === 0 && b.right === MAX_COLS - 1);

function intersect(a: Block, b: Block): Block | null {
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  return top > bottom || left > right ? null : { top, bottom, left, right };
}

type Handler = (args: unknown) => Promise<void>;

export class FakeWorksheetP extends Proxy<SheetRef> {
  readonly customProperties: FakeCustomPropertiesP;
  readonly tables: FakeTablesP;
  readonly charts: FakeChartsP;
  readonly onChanged: { add: (handler: Handler) => { remove: () => void; context: FakeContext } };

  constructor(context: FakeContext, resolver: () => SheetRef | null, nullable = false) {
    super(context, resolver, nullable);
    this.customProperties = new FakeCustomPropertiesP(context, this);
    this.tables = new FakeTablesP(context, () => {
      const t = this.target();
      if (t !== null) return t.name;
      if (context.throwsOnNull) throw new FakeOfficeError("InvalidObjectPath", "The sheet does not exist.");
      return undefined;
    });
    this.charts = new FakeChartsP(context, this);
    this.onChanged = {
      add: (handler) => {
        // Bound to the sheet itself (its id), not its name: a handler goes when its sheet is deleted.
        const registration = { sheetId: "", handler };
        context.queue.push(() => {
          registration.sheetId = context.fake.idOf(this.must().name) ?? "";
          context.fake.handlers.add(registration);
        });
        return { remove: () => removeHandler(context, registration), context };
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
    if (prop === "id") return this.context.fake.idOf(t.name);
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
  get id(): string {
    return this.get("id");
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
    return new FakeRangeP(
      this.context,
      () => {
        const t = this.target();
        if (t === null) {
          if (this.context.throwsOnNull) throw new FakeOfficeError("InvalidObjectPath", "The sheet does not exist.");
          return null;
        }
        const used = this.context.wb.usedRange(t.name, valuesOnly);
        return used === null ? null : { sheet: t, block: parseBlock(used) };
      },
      true,
    );
  }

  /** Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation exception". */
  delete(): void {
    this.context.queue.push(() => {
      const name = this.must().name;
      if (this.context.wb.visibility(name) === "veryHidden")
        throw new FakeOfficeError(INVALID_OPERATION, "A very hidden sheet cannot be deleted; make it visible or hidden first.");
      this.context.wb.deleteSheet(name, this.context.author);
    });
  }

  activate(): void {
    this.context.queue.push(() => this.context.wb.activate(this.must().name));
  }
}

/** EventHandlerResult.remove. Assumption: removing a handler whose object is gone fails. */
export function removeHandler(context: FakeContext, registration: { sheetId: string; handler: Handler }): void {
  context.queue.push(() => {
    if (!context.fake.handlers.has(registration))
      throw new FakeOfficeError("ItemNotFound", "The event handler is no longer registered (its object was deleted).");
    context.fake.handlers.delete(registration);
  });
}

interface RangeTarget {
  sheet: SheetRef;
  block: Block;
}

export class FakeRangeP extends Proxy<RangeTarget> {
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
    const cells = (t.block.bottom - t.block.top + 1) * (t.block.right - t.block.left + 1);
    const cellLevel = prop === "values" || prop === "formulas" || prop === "numberFormat" || prop === "valueTypes";
    if (cellLevel && unbounded(t.block)) return null; // Microsoft: null for an unbounded range
    if (cellLevel && cells > READ_CELL_LIMIT) throw new FakeOfficeError("GeneralException", "A range read is limited to 5,000,000 cells.");
    switch (prop) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${formatAddress(t.block)}`;
      case "values":
        return wb.getValues(t.sheet.name, a);
      case "formulas":
        return wb.getFormulas(t.sheet.name, a);
      case "numberFormat":
        return wb.getNumberFormats(t.sheet.name, a);
      case "valueTypes":
        return valueTypes(wb, t.sheet.name, t.block);
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
  /** Range.valueTypes (Excel.RangeValueType): "Empty", "String", "Double", "Boolean" or "Error". */
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }

  private write(grid: unknown[][], what: "cells" | "formats"): void {
    this.context.send(() => {
      const t = this.must();
      if (unbounded(t.block)) throw new FakeOfficeError("InvalidArgument", "Cell-level properties cannot be set on a whole column or row.");
      const rows = t.block.bottom - t.block.top + 1;
      const cols = t.block.right - t.block.left + 1;
      if (grid.length !== rows || grid.some((r) => r.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${cols}).`,
        );
      const topLeft = blockAddress({ ...t.block, bottom: t.block.top, right: t.block.left });
      const wb = this.context.wb;
      if (what === "formats") return wb.setCells(t.sheet.name, topLeft, [], grid as never, this.context.author);
      // As typing it: a numeric string in a General cell becomes a number; a number in a Text
      // cell is kept as text or as a number by the mode's assumption (textNumbers).
      const cells = grid.map((row, r) =>
        row.map((v, c) => {
          const format = wb.numberFormat(t.sheet.name, `${columnName(t.block.left + c)}${t.block.top + r + 1}`);
          if (format === "@") return typeof v === "number" && this.context.fake.textNumbers === "text" ? String(v) : v;
          if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
          return v;
        }),
      );
      wb.setCells(t.sheet.name, topLeft, cells as CellInput[][], undefined, this.context.author);
    }, grid);
  }

  /** Chained from this range: null when this is a null object (or refused, nullChaining "throw"). */
  private derived(f: (t: RangeTarget) => RangeTarget | null): FakeRangeP {
    return new FakeRangeP(
      this.context,
      () => {
        const t = this.target();
        if (t === null) {
          if (this.context.throwsOnNull) throw new FakeOfficeError("InvalidObjectPath", "The range does not exist.");
          return null;
        }
        return f(t);
      },
      true,
    );
  }

  /**
   * Range.getSpillParentOrNullObject (ExcelApi 1.12): the anchor of the spill covering this one
   * cell (the anchor itself for the anchor); a null object for a cell no spill covers, and for a
   * range of more than one cell, as Microsoft documents.
   */
  getSpillParentOrNullObject(): FakeRangeP {
    return this.derived((t) => {
      const single = t.block.top === t.block.bottom && t.block.left === t.block.right;
      const anchor = single ? this.context.wb.spillParent(t.sheet.name, blockAddress(t.block)) : null;
      return anchor === null ? null : { sheet: t.sheet, block: parseBlock(anchor) };
    });
  }

  getIntersectionOrNullObject(other: FakeRangeP | string): FakeRangeP {
    return this.derived((t) => {
      const o = typeof other === "string" ? { sheet: t.sheet, block: parseAddress(other) } : other.target();
      if (o === null) return null;
      if (o.sheet.name.toLowerCase() !== t.sheet.name.toLowerCase())
        throw new FakeOfficeError("InvalidArgument", "The ranges are on different sheets.");
      const b = intersect(t.block, o.block);
      return b && { sheet: t.sheet, block: b };
    });
  }

  /** Range.getUsedRangeOrNullObject: the smallest block holding the used cells within this range. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRangeP {
    return this.derived((t) => {
      const wb = this.context.wb;
      const used = wb.usedRange(t.sheet.name, valuesOnly);
      const within = used === null ? null : intersect(parseBlock(used), t.block);
      if (!within) return null;
      const values = wb.getValues(t.sheet.name, blockAddress(within));
      let b: Block | null = null;
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === "" || v === null) return;
          const [y, x] = [within.top + r, within.left + c];
          b = b
            ? { top: Math.min(b.top, y), bottom: Math.max(b.bottom, y), left: Math.min(b.left, x), right: Math.max(b.right, x) }
            : { top: y, bottom: y, left: x, right: x };
        }),
      );
      return b && { sheet: t.sheet, block: b };
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

export class FakeTableP extends Proxy<{ name: string }> {
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
    return new FakeRangeP(this.context, () => {
      const info = this.context.wb.table(this.must().name);
      if (!info) throw new FakeOfficeError("ItemNotFound", "The table does not exist.");
      return { sheet: { name: info.sheet }, block: parseBlock(info.address) };
    });
  }
}

/**
 * A table collection: of a sheet, of the workbook (sheet null), or the tables overlapping a
 * range (within). No getFirst(): what it does on an empty collection is undocumented, so the
 * gateway loads items instead, and the fake offers nothing else.
 */
export class FakeTablesP extends Proxy<null> {
  items: FakeTableP[] = [];
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
      this.context.responseBytes += 40 * this.items.length;
    });
    return this;
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
  /** TableCollection.add: "If the address does not contain a sheet name, the currently-active sheet is used." */
  add(address: string | FakeRangeP, hasHeaders: boolean): FakeTableP {
    void hasHeaders;
    const ref = { name: "" };
    this.context.queue.push(() => {
      const wb = this.context.wb;
      let sheet: string | null;
      let block: string;
      if (typeof address === "string") {
        sheet = address.includes("!")
          ? (wb.sheetName(address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "")) ?? null)
          : wb.activeSheet;
        block = blockAddress(parseAddress(address));
      } else {
        const t = address.must();
        sheet = t.sheet.name;
        block = blockAddress(t.block);
      }
      if (!sheet) throw new FakeOfficeError("InvalidArgument", "There is no sheet for the table.");
      const taken = new Set(wb.listTables().map((t) => t.name));
      let n = 1;
      while (taken.has(`Table${n}`)) n++;
      ref.name = `Table${n}`;
      wb.addTable(sheet, ref.name, block, this.context.author);
    });
    return new FakeTableP(this.context, () => ref);
  }
}

function valueTypes(wb: FakeContext["wb"], sheet: string, b: Block): string[][] {
  const out: string[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: string[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const v = wb.value(sheet, `${columnName(c)}${r + 1}`);
      row.push(
        v instanceof ErrorValue
          ? "Error"
          : v === null || v === ""
            ? "Empty"
            : typeof v === "number"
              ? "Double"
              : typeof v === "boolean"
                ? "Boolean"
                : "String",
      );
    }
    out.push(row);
  }
  return out;
}
