// The bridge between the formula engine and the RR custom functions: how Excel hands arguments to
// a custom function and how the function's result comes back (CustomFunctions.Error as an Excel
// error value, arrays as spills).
//
// Arguments, as Excel passes them:
// - ranges as 2-D arrays; omitted optionals as null;
// - a blank cell (referenced alone or inside a range) as null on Excel on the web and as 0 on Excel
//   desktop (office-js issues #4702, #5262 and #1951:
//   https://github.com/OfficeDev/office-js/issues/4702, .../5262, .../1951). `host` picks which;
// - an error value in a referenced cell: Excel does not call the function and the formula shows that
//   error, unless functions.json sets the top-level `allowErrorForDataTypeAny`, in which case
//   "all parameters with the type any or any[][] can accept errors as input values"
//   (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany,
//   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs).
//   Which error Excel shows when several arguments hold one is not documented: here, the first in
//   argument order (row by row within a range). What an accepted error looks like to the function is
//   not documented either: here, a CustomFunctions.Error with the cell's code (the form the functions
//   already recognise), since the ErrorCode docs call #NAME? "supported as a custom function input
//   error".

import { FormulaError, FunctionArg } from "fast-formula-parser";
import { RR_FUNCTIONS } from "../../functions/list";

/** The RR functions by their id in functions.json (src/functions/list.ts builds the table from functions.ts). */
export { RR_FUNCTIONS };
export const RR_NAMESPACE = "RR";

/** Which Excel passes the arguments: blanks arrive as null on the web and as 0 on desktop. */
export type ExcelHost = "web" | "desktop";

/** The part of functions.json (custom-functions-json, "Metadata reference") the bridge follows. */
export interface FunctionsMetadata {
  allowErrorForDataTypeAny?: boolean;
  functions: {
    id: string;
    parameters: { name: string; type?: string; dimensionality?: string; optional?: boolean; repeating?: boolean }[];
  }[];
}

let defaultMetadata: FunctionsMetadata | null | undefined;

/**
 * Where a page or a test setup can leave functions.json for every MemoryWorkbook, as a function
 * called on first use (so a test file that never builds a workbook never loads it).
 */
export const FUNCTIONS_METADATA_PROVIDER = Symbol.for("regrights.functionsMetadata");

/**
 * The functions.json a MemoryWorkbook follows when not given one (the preview loads dist's; jest's
 * setup provides it for every test). null: Excel's defaults (allowErrorForDataTypeAny false).
 */
export function setDefaultFunctionsMetadata(metadata: FunctionsMetadata | null): void {
  defaultMetadata = metadata;
}

export function defaultFunctionsMetadata(): FunctionsMetadata | null {
  if (defaultMetadata === undefined) {
    const provide = (globalThis as Record<symbol, unknown>)[FUNCTIONS_METADATA_PROVIDER];
    defaultMetadata = typeof provide === "function" ? (provide as () => FunctionsMetadata | null)() : null;
  }
  return defaultMetadata;
}

export interface BridgeOptions {
  host: ExcelHost;
  metadata: FunctionsMetadata | null;
}

/** For each parameter position, whether Excel passes an error to it instead of not calling the function. */
function errorsAccepted(id: string, metadata: FunctionsMetadata | null): (index: number) => boolean {
  if (!metadata?.allowErrorForDataTypeAny) return () => false;
  const params = metadata.functions.find((f) => f.id === id)?.parameters ?? [];
  const last = params[params.length - 1];
  return (i) => {
    const p = params[i] ?? (last?.repeating ? last : undefined);
    return p !== undefined && (p.type === undefined || p.type === "any"); // "If not specified, the data type defaults to any."
  };
}

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

/** An error value as a function that accepts errors receives it. */
function errorArgument(e: FormulaError): unknown {
  const cf = (globalThis as { CustomFunctions?: { Error?: new (code: string, message?: string) => unknown } }).CustomFunctions;
  return cf?.Error ? new cf.Error(e.error) : { code: e.error, message: "" };
}

/** One argument as Excel hands it to a custom function; an error it may not receive is thrown. */
function excelArg(arg: FunctionArg | undefined, blank: null | 0, acceptErrors: boolean): unknown {
  if (arg === undefined || arg === null || arg.omitted) return null;
  const cell = (v: unknown) => {
    if (v instanceof FormulaError) {
      if (!acceptErrors) throw v;
      return errorArgument(v);
    }
    return v === undefined || v === null ? blank : v;
  };
  const v = arg.value;
  if (Array.isArray(v)) return (v as unknown[][]).map((row) => (Array.isArray(row) ? row : [row]).map(cell));
  return cell(v);
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

/** The RR function with this id as fast-formula-parser calls it, passing arguments as `options.host` does. */
export function asParserFunction(id: string, fn: (...args: unknown[]) => unknown, options: BridgeOptions) {
  const accepts = errorsAccepted(id, options.metadata);
  const blank = options.host === "desktop" ? 0 : null;
  const registered = options.metadata === null || options.metadata.functions.some((f) => f.id === id);
  return (...args: FunctionArg[]) => {
    // Excel knows only the functions functions.json declares.
    if (!registered) return toFormulaError("#NAME?", `${RR_NAMESPACE}.${id} is not in functions.json.`);
    let excelArgs: unknown[];
    try {
      excelArgs = args.map((a, i) => excelArg(a, blank, accepts(i)));
    } catch (e) {
      return e; // an error in an argument that may not receive one: the formula shows it, uncalled
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
