// Excel-shaped arguments in, Excel values out. Everything that knows how Excel passes values to a
// custom function lives here, and every cell an RR function reads goes through readCell below.
//
// How Excel passes things (and what RR makes of them):
// - A range arrives as a 2-D array; an omitted optional argument as null (undefined from code).
// - A blank cell arrives as 0 on Excel desktop and as null (or "") on Excel on the web
//   (OfficeDev/office-js #4702, #5262, #1951). So every RR function reads blank and 0 alike:
//   * where 0 is a meaningful number (shares, amounts, weights, fault, a cap) blank reads as 0;
//   * where 0 can never be valid (a date, a role, an offering, an event, a venue, a preset, a
//     term name) 0 reads as blank, and a blank is an error naming the argument (or, for an
//     optional venue, preset or last_registration, the default);
//   * a row whose cells are all blank or 0 is an empty row where a function reads a table of
//     rows (RULE144.WEEKLY's dates | volumes, CUTBACK's requested | priority | weights, [terms]):
//     it is skipped, or in CUTBACK gets 0 and takes no part;
//   * TRUE/FALSE arguments read blank as FALSE; an omitted optional takes its default.
//   * A required argument left empty (=RR.X(1,,2)) arrives as null: it reads as one blank cell.
// - With allowErrorForDataTypeAny in functions.json, a cell holding an error reaches the function
//   (a CustomFunctions.Error, or an Error cell value {type: "Error", basicValue: "#N/A", …}) and
//   the row gets its own #VALUE! naming the argument, the row and the error.
// - With allowCustomDataForDataTypeAny, a cell holding a data type arrives as its cell-value JSON
//   (Excel.CellValue: {type: "Double" | "FormattedNumber" | "String" | "Boolean", basicValue},
//   {type: "Entity", text, …}, {type: "WebImage", address, altText}, …). A Double, FormattedNumber,
//   String or Boolean reads as its basic value; any other data type is an error saying what it is.
// Engine errors become CustomFunctions.Error in exactly one place: toExcelError.

import { RuleError, invalid, checkSerial, Serial } from "../engine";

export type Cell = unknown;
/** What a custom function returns: a value, or an Excel error object. */
export type Result = number | string | boolean | CustomFunctions.Error;

/** Maps a thrown problem to the Excel error that carries its message (#VALUE! or #N/A). */
export function toExcelError(problem: unknown): CustomFunctions.Error {
  if (problem instanceof CustomFunctions.Error) return problem;
  if (problem instanceof RuleError) return excelError(problem.kind === "na" ? "#N/A" : "#VALUE!", problem.message);
  // A bug, not bad input: still an Excel error, never an unhandled exception in the host.
  const detail = problem instanceof Error ? problem.message : String(problem);
  return excelError("#VALUE!", `RegRights internal error: ${detail}`);
}

/** The host's error object; the codes are Excel's own strings should a host omit ErrorCode. */
function excelError(code: "#VALUE!" | "#N/A", message: string): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode ?? {};
  const hostCode = (code === "#N/A" ? codes.notAvailable : codes.invalidValue) ?? code;
  return new CustomFunctions.Error(hostCode as CustomFunctions.ErrorCode, message);
}

/** Runs a computation and returns its value or the Excel error for what it threw. */
export function attempt<T extends Result>(compute: () => T): T | CustomFunctions.Error {
  try {
    return compute();
  } catch (problem) {
    return toExcelError(problem);
  }
}

// ---- Shapes ------------------------------------------------------------------------------------

export type Orientation = "single" | "column" | "row";

/** One argument marked (col) in the contract: one value or a one-column / one-row range. */
export interface Vector {
  name: string;
  cells: Cell[];
  orientation: Orientation;
}

export function isOmitted(arg: unknown): boolean {
  return arg === null || arg === undefined;
}

/** Reads a (col) argument; a 2-D block of several rows and columns is refused. */
export function vector(arg: unknown, name: string): Vector {
  if (!Array.isArray(arg)) return { name, cells: [arg], orientation: "single" };
  if (arg.length === 0) invalid(`${name}: the range is empty`);
  if (!Array.isArray(arg[0])) return { name, cells: arg, orientation: arg.length === 1 ? "single" : "column" };
  const rows = arg.length;
  const cols = (arg[0] as Cell[]).length;
  if (rows === 1 && cols === 1) return { name, cells: [arg[0][0]], orientation: "single" };
  if (cols === 1) {
    const cells = new Array<Cell>(rows);
    for (let r = 0; r < rows; r++) cells[r] = (arg[r] as Cell[])[0];
    return { name, cells, orientation: "column" };
  }
  if (rows === 1) return { name, cells: (arg[0] as Cell[]).slice(), orientation: "row" };
  return invalid(`${name}: expected a single value or a one-column or one-row range, got ${rows} rows × ${cols} columns`);
}

/**
 * A (col) argument read in place, without copying its cells: the same shapes, lengths and
 * messages as vector, for a function that reads a million rows in one call (RR.CUTBACK). A row
 * that needs more than a plain cell (an error message naming the row) asks for the Vector, built
 * once on first use.
 */
export class Column {
  readonly length: number;
  readonly orientation: Orientation;
  /** arg[i][0] down a 2-D column; list[i] along a row or a flat list; `one` for a single value. */
  private readonly nested: boolean;
  private readonly list: readonly Cell[];
  private readonly one: Cell;
  private full: Vector | undefined;

  constructor(
    private readonly arg: unknown,
    readonly name: string,
  ) {
    if (!Array.isArray(arg)) {
      this.length = 1;
      this.orientation = "single";
      this.nested = false;
      this.list = [];
      this.one = arg;
      return;
    }
    if (arg.length === 0) invalid(`${name}: the range is empty`);
    const rows = arg.length;
    let list: readonly Cell[] = arg;
    let nested = false;
    let orientation: Orientation = rows === 1 ? "single" : "column";
    if (Array.isArray(arg[0])) {
      const cols = (arg[0] as Cell[]).length;
      if (rows === 1 && cols === 1) orientation = "single";
      else if (cols === 1) nested = true;
      else if (rows === 1) {
        list = arg[0] as Cell[];
        orientation = "row";
      } else {
        invalid(`${name}: expected a single value or a one-column or one-row range, got ${rows} rows × ${cols} columns`);
      }
      if (orientation === "single") list = arg[0] as Cell[];
    }
    this.nested = nested;
    this.list = list;
    this.length = list.length;
    this.orientation = orientation;
    this.one = list[0];
  }

  /** The cell of row i, broadcasting a single value (as at, without the name). */
  cell(i: number): Cell {
    if (this.nested) return (this.list[i] as Cell[])[0];
    return this.length === 1 ? this.one : this.list[i];
  }

  /** The argument as vector reads it, for the readers that name the row in their messages. */
  vector(): Vector {
    return (this.full ??= vector(this.arg, this.name));
  }
}

/** Reads an argument that must be one value (a 1×1 range is accepted). */
export function single(arg: unknown, name: string): Cell {
  if (!Array.isArray(arg)) return arg;
  const v = vector(arg, name);
  if (v.cells.length !== 1) invalid(`${name}: expected a single value, got a range of ${v.cells.length} cells`);
  return v.cells[0];
}

/** Every cell of a range of any shape, row by row. */
export function allCells(arg: unknown): Cell[] {
  if (!Array.isArray(arg)) return [arg];
  return arg.flatMap((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * The common length of the vectors of one call: single values broadcast, ranges must agree.
 * The result spills down a column unless every range given is a row.
 */
export function layout(vectors: Vector[]): { length: number; orientation: Orientation } {
  return layoutOf(vectors.map((v) => ({ name: v.name, length: v.cells.length, orientation: v.orientation })));
}

/** layout over anything with a name, a length and an orientation (a Column, say). */
export function layoutOf(vectors: readonly { name: string; length: number; orientation: Orientation }[]): {
  length: number;
  orientation: Orientation;
} {
  let length = 1;
  let first: { name: string } | undefined;
  for (const v of vectors) {
    if (v.length === 1) continue;
    if (first && v.length !== length) {
      invalid(`${v.name}: has ${v.length} cells but ${first.name} has ${length}; ranges given to one call must have the same length`);
    }
    if (!first) {
      first = v;
      length = v.length;
    }
  }
  const ranges = vectors.filter((v) => v.length > 1);
  const orientation: Orientation = ranges.length === 0 ? "single" : ranges.every((v) => v.orientation === "row") ? "row" : "column";
  return { length, orientation };
}

/** The cell of a vector for row i, broadcasting a single value; a range's name carries the row. */
export function at(v: Vector, i: number): { cell: Cell; name: string } {
  return v.cells.length === 1 ? { cell: v.cells[0], name: v.name } : { cell: v.cells[i], name: `${v.name} (row ${i + 1})` };
}

/** Lays out per-row results the way the inputs were laid out (down a column, or along a row). */
export function spill(values: Result[], orientation: Orientation): Result[][] {
  if (orientation === "row") return [values];
  const out = new Array<Result[]>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}

/**
 * The usual shape of a (col) function: read the vectors, compute each row on its own (a bad row is
 * an error in its own cell), spill. Problems with the call as a whole are a single error.
 */
export function byRow(vectors: Vector[], compute: (row: number) => Result): Result[][] {
  let shape: { length: number; orientation: Orientation };
  try {
    shape = layout(vectors);
  } catch (problem) {
    return [[toExcelError(problem)]];
  }
  const results = new Array<Result>(shape.length);
  for (let i = 0; i < shape.length; i++) {
    try {
      results[i] = compute(i);
    } catch (problem) {
      results[i] = toExcelError(withRow(problem, vectors, i));
    }
  }
  return spill(results, shape.orientation);
}

// A TRUE or FALSE row down a column is one shared (frozen) row: 100,000 one-cell arrays less to
// allocate and collect for RR.RULE144.CEASED; Excel and the in-memory workbook only read them.
const TRUE_ROW: readonly Result[] = Object.freeze([true]);
const FALSE_ROW: readonly Result[] = Object.freeze([false]);

/** byRow over Columns (read in place, no copy of the cells), for the functions read a row at a time over many rows. */
export function byRowOf(columns: readonly Column[], compute: (row: number) => Result): Result[][] {
  let shape: { length: number; orientation: Orientation };
  try {
    shape = layoutOf(columns);
  } catch (problem) {
    return [[toExcelError(problem)]];
  }
  // Straight into the spilled shape: a one-cell row per row down a column, or one row of cells.
  const across = shape.orientation === "row";
  const out = new Array<Result[]>(across ? 1 : shape.length);
  const cells = across ? (out[0] = new Array<Result>(shape.length)) : null;
  for (let i = 0; i < shape.length; i++) {
    let value: Result;
    try {
      value = compute(i);
    } catch (problem) {
      value = toExcelError(withRow(problem, columns, i));
    }
    if (cells !== null) cells[i] = value;
    else out[i] = value === true ? (TRUE_ROW as Result[]) : value === false ? (FALSE_ROW as Result[]) : [value];
  }
  return out;
}

/**
 * The engine names arguments ("as_of: …") but not rows; where that argument is a range, the
 * message gains the row ("as_of (row 3): …") so the user can find the cell.
 */
function withRow(problem: unknown, vectors: readonly (Vector | Column)[], row: number): unknown {
  if (!(problem instanceof RuleError)) return problem;
  const match = /^([a-z_0-9]+): /.exec(problem.message);
  const named = match && vectors.find((v) => v.name === match[1]);
  if (!named || (named instanceof Column ? named.length : named.cells.length) === 1) return problem;
  return new RuleError(`${named.name} (row ${row + 1}): ${problem.message.slice(match[0].length)}`, problem.kind);
}

/** Wraps a whole-call computation that returns a grid, turning a throw into a 1×1 error. */
export function grid(compute: () => Result[][]): Result[][] {
  try {
    return compute();
  } catch (problem) {
    return [[toExcelError(problem)]];
  }
}

// ---- Cells -------------------------------------------------------------------------------------

/** What a cell holds, whichever host passed it and however (plain value, error, data type). */
export type CellValue =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "data"; what: string };

const BLANK: CellValue = { kind: "blank" };

/** The one reader of cells: every RR argument is read through it. */
export function readCell(cell: Cell): CellValue {
  if (cell === null || cell === undefined || cell === "") return BLANK;
  if (typeof cell === "number") return { kind: "number", value: cell };
  if (typeof cell === "string") return { kind: "text", value: cell };
  if (typeof cell === "boolean") return { kind: "boolean", value: cell };
  if (typeof cell === "object" && !Array.isArray(cell)) return readObject(cell as Record<string, unknown>);
  return { kind: "data", what: Array.isArray(cell) ? "an array" : `a ${typeof cell} value` };
}

/**
 * An object in a cell: an error or a data type. Shapes: Excel.CellValue JSON ("basicValue"), as
 * Microsoft documents for custom functions and data types
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts);
 * the runtime's own CustomFunctionError (code, basicValue) for errors passed under
 * allowErrorForDataTypeAny (office-js custom-functions-runtime.js, _transferCustomFunctionError);
 * "primitive" is what that runtime reads from the host's JSON (CreateCustomFunctionInstance).
 */
function readObject(o: Record<string, unknown>): CellValue {
  const type = typeof o.type === "string" ? o.type : "";
  const basic = o.basicValue !== undefined ? o.basicValue : o.primitive;
  switch (type) {
    case "Error":
    case "CustomFunctionError":
      return { kind: "error", code: errorCode(o) };
    case "Empty":
      return BLANK;
    case "Double":
    case "FormattedNumber":
      return typeof basic === "number" ? { kind: "number", value: basic } : { kind: "data", what: `${type} without a number` };
    case "String":
      return typeof basic === "string" ? readCell(basic) : { kind: "data", what: "String without text" };
    case "Boolean":
      return typeof basic === "boolean" ? { kind: "boolean", value: basic } : { kind: "data", what: "Boolean without a value" };
    case "Entity":
    case "LinkedEntity":
      return { kind: "data", what: typeof o.text === "string" && o.text !== "" ? `${type} "${clip(o.text)}"` : type };
    case "WebImage":
    case "LocalImage":
      return { kind: "data", what: typeof o.altText === "string" && o.altText !== "" ? `image "${clip(o.altText)}"` : "image" };
    case "Array":
      return { kind: "data", what: "an array" };
    default:
      // A CustomFunctions.Error from a host or shim that sets only code and message.
      if (typeof o.code === "string" && o.code.startsWith("#")) return { kind: "error", code: o.code };
      return { kind: "data", what: type || "an object" };
  }
}

function errorCode(o: Record<string, unknown>): string {
  for (const v of [o.code, o.basicValue, o.primitive]) if (typeof v === "string" && v.startsWith("#")) return v;
  return typeof o.errorType === "string" ? o.errorType : "an error";
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Blank, or 0 (how Excel desktop passes a blank cell). */
export function isBlankOrZero(cell: Cell): boolean {
  if (cell === 0 || cell === null || cell === undefined || cell === "") return true;
  if (typeof cell !== "object") return false; // a number, text or TRUE/FALSE: read without allocating
  const v = readCell(cell);
  return v.kind === "blank" || (v.kind === "number" && v.value === 0);
}

/** Describes a value the way the user sees it, for "got …" in messages. */
export function describeCell(cell: Cell): string {
  const v = readCell(cell);
  switch (v.kind) {
    case "blank":
      return "a blank";
    case "text":
      return `the text "${clip(v.value)}"`;
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "number":
      return String(v.value);
    case "error":
      return `an error (${v.code})`;
    case "data":
      return `a data type (${v.what})`;
  }
}

/** The message for a cell that is not what the argument takes. */
function refuse(v: CellValue, cell: Cell, name: string, expected: string, textNote = ""): never {
  if (v.kind === "error") return invalid(`${name}: the cell holds an error (${v.code}); expected ${expected}`);
  if (v.kind === "data") return invalid(`${name}: the cell holds a data type (${v.what}); expected ${expected}`);
  return invalid(`${name}: expected ${expected}, got ${describeCell(cell)}${v.kind === "text" ? textNote : ""}`);
}

/** A number; a blank cell reads as 0, as Excel desktop passes it. */
export function num(cell: Cell, name: string, expected = "a number"): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell; // the common case, read without allocating
  const v = readCell(cell);
  if (v.kind === "blank") return 0;
  if (v.kind === "number" && Number.isFinite(v.value)) return v.value;
  return refuse(v, cell, name, expected, " (text is not read as a number)");
}

/**
 * A required argument given as a whole. Excel passes null for an empty argument (=RR.X(1,,2)) and,
 * on the web, for a reference to a blank cell (office-js #4702); desktop passes 0 for the latter.
 * So null reads as one blank cell, never as "missing": a blank and a 0 must mean the same.
 */
export function whole(arg: unknown): unknown {
  return arg === undefined ? null : arg;
}

/** TRUE/FALSE or 1/0; a blank cell reads as 0, that is FALSE. */
export function bool(cell: Cell, name: string): boolean {
  if (typeof cell === "boolean") return cell;
  const v = readCell(cell);
  if (v.kind === "blank") return false;
  if (v.kind === "boolean") return v.value;
  if (v.kind === "number" && (v.value === 1 || v.value === 0)) return v.value === 1;
  return refuse(v, cell, name, "TRUE or FALSE (or 1 or 0)");
}

/** Text such as a role or venue. No such argument can be 0, so 0 (desktop's blank) is a blank. */
export function text(cell: Cell, name: string, expected: string): string {
  const v = readCell(cell);
  if (v.kind === "text" && v.value.trim() !== "") return v.value;
  if (isBlankOrZero(cell) || v.kind === "text") return invalid(`${name}: is blank; expected ${expected}`);
  return refuse(v, cell, name, expected);
}

/** An Excel date serial; text dates are refused rather than guessed at; 0 is no date (a blank). */
export function date(cell: Cell, name: string): Serial {
  const v = readCell(cell);
  if (isBlankOrZero(cell)) invalid(`${name}: is blank or 0; expected a date`);
  if (v.kind === "text") {
    invalid(
      `${name}: expected a date serial, got ${describeCell(cell)}; text dates are not read (enter a real date, or convert with DATEVALUE)`,
    );
  }
  if (v.kind !== "number") refuse(v, cell, name, "a date");
  return checkSerial(v.value, name);
}
