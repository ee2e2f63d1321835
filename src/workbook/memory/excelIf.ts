// Excel's IF for the in-memory workbook. fast-formula-parser 1.0.19 hands IF its arguments without
// reading references, so `IF(A1,…)` took the TRUE branch for any cell, FALSE included (the
// scenario sheet's `=IF(O15,0,1000)` then hid a request). Excel's rules
// (https://support.microsoft.com/office/if-function-69aed7c9-4e8a-4755-a9bc-aa8bbff73be2):
// a number is TRUE unless 0, a blank is FALSE, "TRUE"/"FALSE" as text are read as such, other text
// is #VALUE!, an error in the test is the result; a left-out value_if_false gives FALSE, and an
// empty one (IF(x,1,)) gives 0.

import { FormulaError } from "fast-formula-parser";

interface Context {
  retrieveRef(arg: unknown): unknown;
}

function isRef(a: unknown): boolean {
  return typeof a === "object" && a !== null && "ref" in a && !(a instanceof FormulaError);
}

function valueOf(ctx: Context, a: unknown): unknown {
  if (a === null || a === undefined || typeof a !== "object" || a instanceof FormulaError) return a;
  if (isRef(a)) return ctx.retrieveRef(a);
  if ("value" in a) return (a as { value: unknown }).value;
  return a;
}

export function excelIf(ctx: Context, test: unknown, whenTrue?: unknown, whenFalse?: unknown, ...more: unknown[]): unknown {
  if (more.length > 0) return FormulaError.VALUE;
  let t = valueOf(ctx, test);
  if (Array.isArray(t)) {
    // A one-cell range reads as its cell; a wider one would spill in Excel, which the preview does not model.
    if (t.length !== 1 || !Array.isArray(t[0]) || t[0].length !== 1) return FormulaError.VALUE;
    t = t[0][0];
  }
  if (t instanceof FormulaError) return t;
  let yes: boolean;
  if (typeof t === "boolean") yes = t;
  else if (typeof t === "number") yes = t !== 0;
  else if (t === null || t === undefined || t === "") yes = false;
  else if (typeof t === "string" && /^(TRUE|FALSE)$/i.test(t)) yes = /^TRUE$/i.test(t);
  else return FormulaError.VALUE;
  const branch = yes ? whenTrue : whenFalse;
  if (branch === undefined) return yes ? true : false; // IF(test) or IF(test, x) with no value_if_false
  if (branch === null) return 0; // an empty argument
  const v = valueOf(ctx, branch);
  return v === null || v === undefined ? 0 : v;
}
