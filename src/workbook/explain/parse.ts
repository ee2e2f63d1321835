// A pure reader of one RR formula call, for Explain cell: `=RR.NAME(arg, arg, …)` with each
// argument a constant (number, text, TRUE/FALSE, an array constant {1,2;3,4}), an A1 reference
// (a cell or a range, absolute or relative, with or without a sheet name, quoted or not) or left
// out. Anything else in an argument (arithmetic, another function, a defined name, a structured
// reference, a spill reference D15#) is reported as a calculation, never guessed at: Explain cell
// evaluates only what it can read exactly.

import { blockAddress, parseBlock } from "../address";

export type Constant = number | string | boolean | { error: string };

export type CallArg =
  | { kind: "omitted" }
  | { kind: "value"; value: Constant }
  | { kind: "array"; rows: Constant[][] }
  /** sheet: as written (undefined: the formula's own sheet); address: normalised, e.g. "D15:D24". */
  | { kind: "ref"; text: string; sheet?: string; address: string }
  | { kind: "calc"; text: string };

export type RefArg = Extract<CallArg, { kind: "ref" }>;

export type ParsedFormula =
  /**
   * name: the function id without the namespace, upper case ("CUTBACK", "RULE144.STATUS").
   * guard: the cell of `=IF(ISNUMBER(cell),RR.…(…),NA())`, the scenario sheet's guard
   * (src/scenario/sheet.ts guardIncluded): the call runs only while that cell holds a number.
   */
  { kind: "call"; name: string; args: CallArg[]; guard?: RefArg } | { kind: "other"; reason: string };

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?%?$/i;
const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d{1,7}";
const REF = new RegExp(`^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(${CELL}(?::${CELL})?)$`);

/** Splits text at top-level commas (or the given separator), respecting quotes, braces and brackets. */
function splitTop(text: string, separators: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const close = closingQuote(text, i);
      if (close < 0) return null;
      i = close;
    } else if (ch === "(" || ch === "{" || ch === "[") depth++;
    else if (ch === ")" || ch === "}" || ch === "]") {
      if (--depth < 0) return null;
    } else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(text.slice(start));
  return parts;
}

/** Index of the quote closing the one at `open` (a doubled quote is an escaped one), or -1. */
function closingQuote(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] !== q) continue;
    if (text[i + 1] === q) i++;
    else return i;
  }
  return -1;
}

function constant(text: string): Constant | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(pct ? t.slice(0, -1) : t);
    return pct ? n / 100 : n;
  }
  if (t.length >= 2 && t.startsWith('"') && closingQuote(t, 0) === t.length - 1) return t.slice(1, -1).replace(/""/g, '"');
  if (/^TRUE$/i.test(t)) return true;
  if (/^FALSE$/i.test(t)) return false;
  const error = ERRORS.find((e) => e === t.toUpperCase());
  if (error) return { error };
  return undefined;
}

function arrayConstant(text: string): Constant[][] | null {
  const rows = splitTop(text.slice(1, -1), ";");
  if (!rows) return null;
  const out: Constant[][] = [];
  for (const row of rows) {
    const cells = splitTop(row, ",");
    if (!cells) return null;
    const values = cells.map(constant);
    if (values.some((v) => v === undefined)) return null;
    out.push(values as Constant[]);
  }
  // Excel refuses a ragged array constant as a formula; so do we.
  return out.every((r) => r.length === out[0].length) ? out : null;
}

/** One argument as written. */
export function parseArg(raw: string): CallArg {
  const text = raw.trim();
  if (text === "") return { kind: "omitted" };
  const value = constant(text);
  if (value !== undefined) return { kind: "value", value };
  if (text.startsWith("{") && text.endsWith("}")) {
    const rows = arrayConstant(text);
    return rows ? { kind: "array", rows } : { kind: "calc", text };
  }
  const m = REF.exec(text);
  if (m) {
    let sheet = m[1];
    if (sheet?.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    try {
      return { kind: "ref", text, ...(sheet === undefined ? {} : { sheet }), address: blockAddress(parseBlock(m[2])) };
    } catch {
      return { kind: "calc", text }; // a row or column beyond the sheet
    }
  }
  return { kind: "calc", text };
}

const GUARD = /^=\s*IF\(\s*ISNUMBER\(\s*([^(),]+?)\s*\)\s*,\s*(@?RR\..*)\s*,\s*NA\(\s*\)\s*\)$/i;

/** Reads `=RR.NAME(args…)`, or the guarded `=IF(ISNUMBER(cell),RR.NAME(args…),NA())`; anything else says why it is not one RR call. */
export function parseRrFormula(formula: string): ParsedFormula {
  const g = GUARD.exec(formula.trim());
  if (g) {
    const guard = parseArg(g[1]);
    const inner = parseCall(`=${g[2]}`);
    if (guard.kind === "ref" && inner.kind === "call") return { ...inner, guard };
  }
  return parseCall(formula);
}

function parseCall(formula: string): ParsedFormula {
  const text = formula.trim();
  if (!text.startsWith("=")) return { kind: "other", reason: "the cell holds a value, not a formula" };
  // "@" is Excel's implicit-intersection operator, which it may show before a function written
  // before dynamic arrays.
  const m = /^=\s*@?RR\.([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\s*\(/i.exec(text);
  if (!m) return { kind: "other", reason: "the formula is not a call of an RR function" };
  const open = m[0].length - 1;
  // Find the parenthesis that closes the call.
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const q = closingQuote(text, i);
      if (q < 0) break;
      i = q;
    } else if (ch === "(" || ch === "{" || ch === "[") depth++;
    else if (ch === ")" || ch === "}" || ch === "]") {
      if (--depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return { kind: "other", reason: "the formula's parentheses do not match" };
  const rest = text.slice(close + 1).trim();
  if (rest !== "") return { kind: "other", reason: `the formula is a calculation around RR.${m[1].toUpperCase()}: ${text}` };
  const inner = text.slice(open + 1, close);
  const parts = inner.trim() === "" ? [] : splitTop(inner, ",");
  if (!parts) return { kind: "other", reason: "the formula's quotes or brackets do not match" };
  return { kind: "call", name: m[1].toUpperCase(), args: parts.map(parseArg) };
}

/** The blocks a parsed call reads, each once, with the sheet resolved to the formula's own when not written. */
export function referencedBlocks(call: ParsedFormula, formulaSheet: string): { sheet: string; address: string }[] {
  if (call.kind !== "call") return [];
  const seen = new Map<string, { sheet: string; address: string }>();
  for (const a of call.guard ? [...call.args, call.guard] : call.args) {
    if (a.kind !== "ref") continue;
    const sheet = a.sheet ?? formulaSheet;
    const key = `${sheet.toLowerCase()}!${a.address}`;
    if (!seen.has(key)) seen.set(key, { sheet, address: a.address });
  }
  return [...seen.values()];
}

/**
 * The most cells Explain cell reads for one formula. In Office that is values and valueTypes, about
 * 20 bytes a cell in JSON: some 2 MB, well under Excel on the web's 5 MB response limit
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * so one sync suffices. 5,000 holders in three columns is 15,000.
 */
export const EXPLAIN_CELL_LIMIT = 100_000;

/** Cells in the blocks, to hold a read to EXPLAIN_CELL_LIMIT. */
export function cellCount(blocks: { address: string }[]): number {
  return blocks.reduce((n, w) => {
    const b = parseBlock(w.address);
    return n + (b.bottom - b.top + 1) * (b.right - b.left + 1);
  }, 0);
}

/** The words when a formula refers to more than EXPLAIN_CELL_LIMIT cells. */
export function tooManyCells(cells: number): string {
  const n = (x: number) => x.toLocaleString("en-US");
  return `The formula refers to ${n(cells)} cells; Explain cell reads at most ${n(EXPLAIN_CELL_LIMIT)}. Refer to the rows in use only.`;
}
