// Every RR function by its Excel id (without the RR. namespace), for code that evaluates RR
// formulas outside Excel: the in-memory workbook (preview, tests) and Explain cell.
//
// The list is not written here. It is the JSDoc of ./functions.ts, read at build time by the same
// metadata generator that writes functions.json (scripts/rr-functions.js), and injected as
// RR_FUNCTION_LIST: by webpack's DefinePlugin in the bundles, as a jest global in the tests. Each
// id's implementation is the adapter exported under the name of its functions.ts declaration
// (./adapters or ./agreementAdapters), so adding a function is its declaration there and its
// adapter, nothing else. ./functions.ts itself is never imported: it is the custom-functions
// entry, and the build appends CustomFunctions.associate(...) calls to it.

import * as rr from "./adapters";
import * as agreement from "./agreementAdapters";

/** One RR function as functions.ts declares it (scripts/rr-functions.js). */
export interface RrFunctionEntry {
  /** The Excel id, e.g. "RULE144.VOLUME". */
  id: string;
  /** The declaration's name in functions.ts, and so the adapter's. */
  functionName: string;
  /** Parameter names in order; a trailing "?" marks an optional one. */
  params: readonly string[];
  /** The @clause of its JSDoc. */
  clause: string;
}

declare const RR_FUNCTION_LIST: readonly RrFunctionEntry[] | undefined;

type Implementation = (...args: never[]) => unknown;

function entries(): readonly RrFunctionEntry[] {
  if (typeof RR_FUNCTION_LIST === "undefined")
    throw new Error("RR_FUNCTION_LIST is not defined: webpack.config.js and jest.config.js inject it (scripts/rr-functions.js)");
  return RR_FUNCTION_LIST;
}

/** The functions.ts declarations, in file order. */
export const RR_LIST: readonly RrFunctionEntry[] = entries();

const twice = Object.keys(rr).filter((name) => name in agreement);
if (twice.length > 0) throw new Error(`Adapters exported from both ./adapters and ./agreementAdapters: ${twice.join(", ")}`);
const adapters: Readonly<Record<string, unknown>> = { ...rr, ...agreement };
const missing = RR_LIST.filter((f) => typeof adapters[f.functionName] !== "function");
if (missing.length > 0)
  throw new Error(
    `No adapter named like the functions.ts declaration of ${missing.map((f) => `RR.${f.id} (${f.functionName})`).join(", ")}: export one from ./adapters or ./agreementAdapters`,
  );

/** Each RR function's implementation by Excel id. */
export const RR_FUNCTIONS: Readonly<Record<string, Implementation>> = Object.fromEntries(
  RR_LIST.map((f) => [f.id, adapters[f.functionName] as Implementation]),
);
