// What Explain cell needs to know about each RR function that Excel's functions.json does not
// carry: the @clause of its help, and its parameter names in order (to name an argument whose
// cell holds an error value). Both come from the JSDoc of src/functions/functions.ts, through the
// build's list of RR functions (src/functions/list.ts); nothing is written here by hand.

import { RR_LIST, type RrFunctionEntry } from "../../functions/list";

export type FunctionInfo = Pick<RrFunctionEntry, "params" | "clause">;

export const FUNCTIONS: Readonly<Record<string, FunctionInfo>> = Object.fromEntries(
  RR_LIST.map((f) => [f.id, { params: f.params, clause: f.clause }]),
);

/** A parameter's name without the optional marker. */
export function paramName(info: FunctionInfo, index: number): string {
  return (info.params[index] ?? `argument ${index + 1}`).replace(/\?$/, "");
}
