// Formula evaluation for the in-memory workbook with fast-formula-parser (MIT): Excel's grammar,
// ~280 built-in functions, A1 references with or without a sheet ('Cap table'!$C$2:$C$13), and the
// RR.* functions registered from src/functions/functions.ts (customFunctions.ts hands them their
// arguments as Excel does) and Excel error values.
// Not supported: structured references (Table1[Holder]), defined names, external workbooks,
// R1C1, 3-D references (Sheet1:Sheet3!A1), the # spill operator, LAMBDA/LET and other functions
// fast-formula-parser lacks (they give #NAME?).

import FormulaParser, { FormulaError, FunctionArg } from "fast-formula-parser";
import { asParserFunction, BridgeOptions, RR_FUNCTIONS, RR_NAMESPACE, toFormulaError } from "./customFunctions";
import { ErrorValue, Result, Scalar } from "./values";
import { excelIf } from "./excelIf";

export { ErrorValue, RR_FUNCTIONS, RR_NAMESPACE };
export type { Result, Scalar };

/** What the evaluator needs from the workbook. Rows and columns are 0-based. */
export interface FormulaHost {
  /** The sheet's canonical name, or undefined when there is no such sheet (names are case-insensitive). */
  resolveSheet(name: string): string | undefined;
  read(sheet: string, row: number, col: number): Scalar;
  /** Last used row and column of a sheet (for whole-column references like A:A). */
  extent(sheet: string): { rows: number; cols: number };
}

function toScalar(v: unknown): Scalar {
  if (v instanceof FormulaError) return new ErrorValue(v.error, v.message || undefined);
  if (v instanceof ErrorValue) return v;
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v + 0 : new ErrorValue(Number.isNaN(v) ? "#VALUE!" : "#NUM!");
  if (typeof v === "string" || typeof v === "boolean") return v;
  return new ErrorValue("#VALUE!");
}

const RESULT = "RESULT_";

/** Thrown for text Excel would refuse as a formula (a syntax error). */
export class FormulaSyntaxError extends Error {}

export class FormulaEvaluator {
  private readonly parser: FormulaParser;
  /** Parses without reading cells or running the RR functions: the syntax check. */
  private readonly checker: FormulaParser;

  constructor(
    private readonly host: FormulaHost,
    bridge: BridgeOptions = { host: "web", metadata: null },
  ) {
    const functions: Record<string, (...args: FunctionArg[]) => unknown> = {};
    for (const [id, fn] of Object.entries(RR_FUNCTIONS))
      functions[`${RR_NAMESPACE}.${id}`] = asParserFunction(id, fn as (...args: unknown[]) => unknown, bridge);
    // Every formula is evaluated as RESULT_(formula): fast-formula-parser turns a top-level
    // reference to an error cell into #VALUE!, but hands a function argument through as it is.
    // IF gets the parser as its first argument (fast-formula-parser passes context to IF by name).
    functions.IF = excelIf as unknown as (...args: FunctionArg[]) => unknown;
    functions[RESULT] = (arg: FunctionArg) => (arg.value === null || arg.value === undefined ? 0 : arg.value);
    this.parser = new FormulaParser({
      functions,
      onCell: (ref) => {
        const sheet = this.sheet(ref.sheet);
        if (sheet === undefined) return FormulaError.REF;
        const v = host.read(sheet, ref.row - 1, ref.col - 1);
        return v instanceof ErrorValue ? toFormulaError(v.code) : v;
      },
      onRange: (ref) => {
        const sheet = this.sheet(ref.sheet);
        if (sheet === undefined) return [[FormulaError.REF]];
        const extent = host.extent(sheet);
        const bottom = Math.min(ref.to.row, FormulaParser.MAX_ROW) - 1;
        const right = Math.min(ref.to.col, FormulaParser.MAX_COLUMN) - 1;
        // Whole rows or columns (A:A, 1:1) stop at the sheet's last used cell.
        const lastRow = ref.to.row >= FormulaParser.MAX_ROW ? Math.min(bottom, Math.max(extent.rows - 1, ref.from.row - 1)) : bottom;
        const lastCol = ref.to.col >= FormulaParser.MAX_COLUMN ? Math.min(right, Math.max(extent.cols - 1, ref.from.col - 1)) : right;
        const out: unknown[][] = [];
        for (let r = ref.from.row - 1; r <= lastRow; r++) {
          const row: unknown[] = [];
          for (let c = ref.from.col - 1; c <= lastCol; c++) {
            const v = host.read(sheet, r, c);
            row.push(v instanceof ErrorValue ? toFormulaError(v.code) : v);
          }
          out.push(row);
        }
        return out;
      },
      onVariable: () => toFormulaError("#NAME?", "Defined names and structured references are not supported in the preview."),
    });
    const stubs: Record<string, (...args: FunctionArg[]) => unknown> = { [RESULT]: () => 0 };
    for (const id of Object.keys(RR_FUNCTIONS)) stubs[`${RR_NAMESPACE}.${id}`] = () => 0;
    this.checker = new FormulaParser({ functions: stubs, onCell: () => 0, onRange: () => [[0]], onVariable: () => FormulaError.NAME });
  }

  /** Throws FormulaSyntaxError for text Excel would refuse as a formula; evaluates nothing. */
  check(formula: string): void {
    const text = formula.startsWith("=") ? formula.slice(1) : formula;
    try {
      this.checker.parse(`${RESULT}(${text})`, { sheet: "S", row: 1, col: 1 }, true);
    } catch (e) {
      if (e instanceof FormulaError && e.error === "#ERROR!" && !/not implemented/i.test(e.message))
        throw new FormulaSyntaxError(`"${formula}" is not a valid formula.`);
    }
  }

  private sheet(name: string | undefined): string | undefined {
    return name === undefined ? undefined : this.host.resolveSheet(name);
  }

  /** Evaluates formula (with its leading "=") as if in sheet!(row, col); a 2-D result is a spill. */
  evaluate(formula: string, sheet: string, row: number, col: number): Result {
    const text = formula.startsWith("=") ? formula.slice(1) : formula;
    let raw: unknown;
    try {
      raw = this.parser.parse(`${RESULT}(${text})`, { sheet, row: row + 1, col: col + 1 }, true);
    } catch (e) {
      if (e instanceof FormulaError) {
        if (e.error === "#ERROR!") {
          if (/not implemented/i.test(e.message)) return new ErrorValue("#NAME?", e.message);
          throw new FormulaSyntaxError(`"${formula}" is not a valid formula.`);
        }
        return toScalar(e);
      }
      throw e;
    }
    if (Array.isArray(raw)) {
      const grid = (raw as unknown[][]).map((r) => (Array.isArray(r) ? r : [r]).map((v) => toScalar(v) ?? 0));
      if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
      if (grid.length === 0 || grid[0].length === 0) return new ErrorValue("#CALC!");
      return grid;
    }
    const v = toScalar(raw);
    return v === null ? 0 : v;
  }
}
