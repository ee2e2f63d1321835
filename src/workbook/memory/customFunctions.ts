// The bridge between the formula engine and the RR custom functions: how Excel hands arguments to
// a custom function (ranges as 2-D arrays, omitted optionals as null, blanks in ranges as null) and
// how the function's result comes back (CustomFunctions.Error as an Excel error value, arrays as
// spills).

import { FormulaError, FunctionArg } from "fast-formula-parser";
import { RR_REGISTRY } from "../../functions/registry";

/** The RR functions by their id in functions.json (src/functions/registry.ts keeps the table). */
export const RR_FUNCTIONS: Readonly<Record<string, (...args: never[]) => unknown>> = RR_REGISTRY;
export const RR_NAMESPACE = "RR";

/** A CustomFunctions.Error (or anything shaped like one: code + message). */
function customError(v: unknown): { code: string; message: string } | null {
  if (
    v &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    typeof (v as { code?: unknown }).code === "string" &&
    (v as { code: string }).code.startsWith("#")
  )
    return { code: (v as { code: string }).code, message: (v as { message?: string }).message ?? "" };
  return null;
}

export const toFormulaError = (code: string, message?: string) => (message ? new FormulaError(code, message) : new FormulaError(code));

/** One argument as Excel hands it to a custom function; an error in it is returned instead. */
function excelArg(arg: FunctionArg | undefined): unknown {
  if (arg === undefined || arg === null || arg.omitted) return null;
  const v = arg.value;
  if (v instanceof FormulaError) throw v;
  if (Array.isArray(v)) {
    for (const row of v) for (const cell of row as unknown[]) if (cell instanceof FormulaError) throw cell;
    return (v as unknown[][]).map((row) => row.map((cell) => (cell === undefined ? null : cell)));
  }
  return v;
}

/** A custom function's result in fast-formula-parser's terms: errors as FormulaError, arrays kept. */
function parserResult(value: unknown): unknown {
  const err = customError(value);
  if (err) return toFormulaError(err.code, err.message);
  if (Array.isArray(value)) {
    return value.map((row) =>
      (Array.isArray(row) ? row : [row]).map((cell) => {
        const e = customError(cell);
        return e ? toFormulaError(e.code, e.message) : cell;
      }),
    );
  }
  if (typeof value === "number" && !Number.isFinite(value)) return FormulaError.NUM;
  return value;
}

/** An RR function as fast-formula-parser calls it. */
export function asParserFunction(fn: (...args: unknown[]) => unknown) {
  return (...args: FunctionArg[]) => {
    let excelArgs: unknown[];
    try {
      excelArgs = args.map(excelArg);
    } catch (e) {
      return e;
    }
    while (excelArgs.length < fn.length) excelArgs.push(null);
    try {
      return parserResult(fn(...excelArgs));
    } catch (e) {
      // Functions return their errors; a throw is a bug and still becomes a cell error.
      const err = customError(e);
      return err ? toFormulaError(err.code, err.message) : toFormulaError("#VALUE!", e instanceof Error ? e.message : String(e));
    }
  };
}
