// Excel-shaped arguments in, Excel values out. Everything that knows how Excel passes values to a
// custom function lives here: ranges arrive as 2-D arrays, omitted optional arguments as null (or
// undefined when called from code), a blank cell as 0 on desktop and null or "" on the web.
// Engine errors become CustomFunctions.Error in exactly one place: toExcelError.

import { RuleError, invalid, describe, checkSerial, Serial } from "../engine";

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
  let length = 1;
  let first: Vector | undefined;
  for (const v of vectors) {
    if (v.cells.length === 1) continue;
    if (first && v.cells.length !== length) {
      invalid(`${v.name}: has ${v.cells.length} cells but ${first.name} has ${length}; ranges given to one call must have the same length`);
    }
    if (!first) {
      first = v;
      length = v.cells.length;
    }
  }
  const ranges = vectors.filter((v) => v.cells.length > 1);
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

/**
 * The engine names arguments ("as_of: …") but not rows; where that argument is a range, the
 * message gains the row ("as_of (row 3): …") so the user can find the cell.
 */
function withRow(problem: unknown, vectors: Vector[], row: number): unknown {
  if (!(problem instanceof RuleError)) return problem;
  const match = /^([a-z_0-9]+): /.exec(problem.message);
  const named = match && vectors.find((v) => v.name === match[1]);
  if (!named || named.cells.length === 1) return problem;
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

function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || cell === "";
}

function notANumber(cell: Cell, name: string, expected: string): never {
  if (typeof cell === "string") return invalid(`${name}: expected ${expected}, got ${describe(cell)} (text is not read as a number)`);
  if (typeof cell === "object") return invalid(`${name}: the cell holds an error value; expected ${expected}`);
  return invalid(`${name}: expected ${expected}, got ${describe(cell)}`);
}

/** A number; a blank cell reads as 0, as Excel desktop passes it. */
export function num(cell: Cell, name: string, expected = "a number"): number {
  if (isBlank(cell)) return 0;
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  return notANumber(cell, name, expected);
}

/** A required argument given as a whole: omitted is an error, not a default. */
export function required(arg: unknown, name: string, expected: string): unknown {
  if (isOmitted(arg) || (Array.isArray(arg) && arg.length === 0)) invalid(`${name}: is required; expected ${expected}`);
  return arg;
}

/** TRUE/FALSE or 1/0; a blank cell reads as 0, that is FALSE. */
export function bool(cell: Cell, name: string): boolean {
  if (isBlank(cell)) return false;
  if (typeof cell === "boolean") return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  return invalid(`${name}: expected TRUE or FALSE (or 1 or 0), got ${describe(cell)}`);
}

/** Text such as a role or venue; a blank is an error naming what was expected. */
export function text(cell: Cell, name: string, expected: string): string {
  if (typeof cell === "string" && cell.trim() !== "") return cell;
  if (isBlank(cell)) return invalid(`${name}: is blank; expected ${expected}`);
  return invalid(`${name}: expected ${expected}, got ${describe(cell)}`);
}

/** An Excel date serial; text dates are refused rather than guessed at. */
export function date(cell: Cell, name: string): Serial {
  if (isBlank(cell)) invalid(`${name}: is blank; expected a date`);
  if (typeof cell === "string") {
    invalid(
      `${name}: expected a date serial, got ${describe(cell)}; text dates are not read (enter a real date, or convert with DATEVALUE)`,
    );
  }
  if (typeof cell !== "number") notANumber(cell, name, "a date");
  return checkSerial(cell, name);
}
