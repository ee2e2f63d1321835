// Explain cell, pure: given what the gateway read (the active cell, the RR formula behind it and
// the ranges it refers to), evaluate the formula again through the RR functions themselves
// (src/functions/list.ts) and say what the cell holds and why. Excel desktop and Mac do not
// show a custom function's error message (office-js issues #4971 and #4813), and Excel does not
// call a custom function at all while an argument holds an error value, so the message is
// rebuilt here from the same inputs rather than read back from Excel.

import { RR_FUNCTIONS } from "../../functions/list";
import { at, isBlankOrZero, vector, type Vector } from "../../functions/excel";
import { cutback, describeAllocation, formatCount } from "../../engine";
import type { FormulaCellRead, ReadCell } from "../gateway";
import { parseBlock, parseCell, cellAddress, quoteSheet } from "../address";
import { FUNCTIONS, paramName, type FunctionInfo } from "./catalog";
import { parseRrFormula, type CallArg, type Constant } from "./parse";

export interface Reason {
  /** "Row 3 (F17)", or "(1)" for a condition of RR.DEMAND.CHECK. */
  label: string;
  text: string;
  /** The row of the selected cell. */
  selected: boolean;
  error: boolean;
}

export interface Explanation {
  /** The selected cell, sheet-qualified. */
  cell: string;
  /** Its value as Excel shows it. */
  value: string;
  formula?: { cell: string; text: string; spilled: boolean };
  function?: { name: string; clause: string };
  /** What the RR function gives for the selected cell from the same inputs; error with its full message. */
  result?: { text: string; error?: { code: string; message: string; cell?: string } };
  /** Input cells holding an error value: Excel then shows an error without calling the function. */
  inputErrors: { argument: string; cell: string; code: string }[];
  reasonsTitle?: string;
  reasons: Reason[];
  /** Why the cell cannot be explained, in words (no formula, not an RR call, a calculation…). */
  problem?: string;
}

type Excelish = unknown;

function isError(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

/**
 * An error value as Excel hands one to a function that accepts errors (allowErrorForDataTypeAny):
 * a CustomFunctions.Error with the cell's code, as the in-memory workbook's bridge does
 * (src/workbook/memory/customFunctions.ts says why).
 */
function errorArg(code: string): unknown {
  const CF = (globalThis as { CustomFunctions?: { Error?: new (code: string) => unknown } }).CustomFunctions;
  try {
    if (CF?.Error) return new CF.Error(code);
  } catch {
    // A host that refuses the code (an error value custom functions cannot take, e.g. #SPILL!).
  }
  return { code, message: "" };
}

function toArg(v: ReadCell | Constant): Excelish {
  return isError(v) ? errorArg(v.error) : v === "" ? null : v;
}

/** A CustomFunctions.Error, or anything shaped like one. */
function asError(v: unknown): { code: string; message: string } | null {
  if (v && typeof v === "object" && typeof (v as { code?: unknown }).code === "string")
    return { code: (v as { code: string }).code, message: (v as { message?: string }).message ?? "" };
  return null;
}

export function display(v: unknown): string {
  const e = asError(v);
  if (e) return e.code;
  if (isError(v)) return v.error;
  if (v === null || v === undefined || v === "") return "(blank)";
  if (typeof v === "number") return formatCount(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

interface Prepared {
  args: Excelish[];
  /** Per argument: the block a reference read, for naming cells. */
  blocks: ({ sheet: string; top: number; left: number; rows: number; cols: number } | null)[];
}

/** The block the gateway read for a reference, sheet names matched without case. */
function blockOf(read: FormulaCellRead, sheet: string, address: string) {
  return read.blocks.find((b) => b.sheet.toLowerCase() === sheet.toLowerCase() && b.address === address);
}

function prepare(read: FormulaCellRead, args: CallArg[], info: FunctionInfo, name: string): Prepared | string {
  const out: Prepared = { args: [], blocks: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const param = paramName(info, i);
    out.blocks.push(null);
    if (a.kind === "calc")
      return `RegRights can't explain an argument that is a calculation: ${param} is ${a.text}. Put the calculation in a cell and refer to that cell.`;
    if (a.kind === "omitted") out.args.push(null);
    else if (a.kind === "value") out.args.push(toArg(a.value));
    else if (a.kind === "array") out.args.push(a.rows.map((r) => r.map(toArg)));
    else {
      const sheet = a.sheet ?? read.sheet;
      const block = blockOf(read, sheet, a.address);
      if (!block) return `RegRights did not read ${a.text} (argument ${param}).`;
      if (!block.cells) return `${param} refers to ${a.text}, but there is no sheet named "${sheet}".`;
      const b = parseBlock(a.address);
      out.blocks[i] = { sheet, top: b.top, left: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 };
      const cells = block.cells.map((r) => r.map(toArg));
      out.args.push(cells.length === 1 && cells[0].length === 1 ? cells[0][0] : cells);
    }
  }
  if (args.length > info.params.length)
    return `RR.${name} takes at most ${info.params.length} arguments; the formula gives ${args.length}.`;
  while (out.args.length < info.params.length) out.args.push(null);
  return out;
}

/** The cell behind "ratio (row 3)" when that argument is a range; undefined otherwise. */
function cellOfMessage(message: string, info: FunctionInfo, p: Prepared): string | undefined {
  const m = /^([a-z_0-9]+) \(row (\d+)\): /.exec(message);
  if (!m) return undefined;
  const index = info.params.findIndex((q) => q.replace(/\?$/, "") === m[1]);
  const b = index >= 0 ? p.blocks[index] : null;
  if (!b) return undefined;
  const row = Number(m[2]) - 1;
  const down = b.rows > 1;
  return `${quoteSheet(b.sheet)}!${cellAddress(b.top + (down ? row : 0), b.left + (down ? 0 : row))}`;
}

function inputErrors(read: FormulaCellRead, args: CallArg[], info: FunctionInfo, p: Prepared): Explanation["inputErrors"] {
  const out: Explanation["inputErrors"] = [];
  args.forEach((a, i) => {
    const b = p.blocks[i];
    if (a.kind !== "ref" || !b) return;
    const cells = blockOf(read, b.sheet, a.address)?.cells ?? [];
    cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isError(v)) return;
        const many = b.rows * b.cols > 1;
        const n = b.rows > 1 ? r : c;
        out.push({
          argument: many ? `${paramName(info, i)} (row ${n + 1})` : paramName(info, i),
          cell: `${quoteSheet(b.sheet)}!${cellAddress(b.top + r, b.left + c)}`,
          code: v.error,
        });
      }),
    );
  });
  return out;
}

function grid(result: unknown): unknown[][] {
  if (Array.isArray(result)) return result.map((r) => (Array.isArray(r) ? r : [r]));
  return [[result]];
}

function call(name: string, args: Excelish[]): unknown {
  const fn = RR_FUNCTIONS[name] as unknown as (...a: unknown[]) => unknown;
  try {
    return fn(...args);
  } catch (e) {
    return { code: "#VALUE!", message: `RegRights internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Explains the cell read by WorkbookGateway.readFormulaCell. */
export function explainCell(read: FormulaCellRead): Explanation {
  const base: Explanation = { cell: `${quoteSheet(read.sheet)}!${read.address}`, value: display(read.value), inputErrors: [], reasons: [] };
  if (!read.formula)
    return { ...base, problem: "The cell holds no formula, and no formula spills into it. Select a cell with an RR formula." };
  const anchor = parseCell(read.formula.address);
  const here = parseCell(read.address);
  const spilled = anchor.row !== here.row || anchor.col !== here.col;
  const formula = { cell: `${quoteSheet(read.sheet)}!${read.formula.address}`, text: read.formula.text, spilled };
  const parsed = parseRrFormula(read.formula.text);
  if (parsed.kind !== "call") return { ...base, formula, problem: `RegRights explains RR formulas only: ${parsed.reason}.` };
  const info = FUNCTIONS[parsed.name];
  if (!info || !RR_FUNCTIONS[parsed.name]) return { ...base, formula, problem: `RR.${parsed.name} is not a RegRights function.` };
  const fnInfo = { name: `RR.${parsed.name}`, clause: info.clause };
  const p = prepare(read, parsed.args, info, parsed.name);
  if (typeof p === "string") return { ...base, formula, function: fnInfo, problem: p };

  if (parsed.guard) {
    const guard = parsed.guard;
    const v = blockOf(read, guard.sheet ?? read.sheet, guard.address)?.cells?.[0]?.[0];
    if (typeof v !== "number") {
      // The scenario sheet's guard (src/scenario/sheet.ts): no figure for a row whose cutback did not compute.
      const message = `${guard.text} holds ${display(v)}, not a number, so the formula shows #N/A instead of ${fnInfo.name}: a row whose cutback did not compute gets no figure that would look real. Select ${guard.text} to see why.`;
      return {
        ...base,
        formula,
        function: fnInfo,
        inputErrors: inputErrors(read, parsed.args, info, p),
        reasons: [],
        result: { text: "#N/A", error: { code: "#N/A", message } },
      };
    }
  }
  const out = grid(call(parsed.name, p.args));
  const dr = here.row - anchor.row;
  const dc = here.col - anchor.col;
  const mine = out[dr]?.[dc];
  const explanation: Explanation = {
    ...base,
    formula,
    function: fnInfo,
    inputErrors: inputErrors(read, parsed.args, info, p),
    reasons: [],
  };
  if (mine === undefined) {
    explanation.problem = `The cell is outside what ${fnInfo.name} returns (${out.length} × ${out[0]?.length ?? 0}).`;
    return explanation;
  }
  const err = asError(mine);
  explanation.result = err
    ? { text: err.code, error: { ...err, ...withCell(cellOfMessage(err.message, info, p)) } }
    : { text: display(mine) };

  const rowLabel = (i: number) => {
    const down = out.length > 1;
    return `Row ${i + 1} (${cellAddress(anchor.row + (down ? i : 0), anchor.col + (down ? 0 : i))})`;
  };
  const selectedRow = out.length > 1 ? dr : dc;
  const flat = out.length > 1 ? out.map((r) => r[0]) : out[0];
  const reasons = reasonsFor(parsed.name, p, flat);
  if (reasons) {
    explanation.reasonsTitle = reasons.title;
    explanation.reasons = reasons.rows.map((r, i) => ({
      label: reasons.labels === "rows" ? rowLabel(i) : `(${i + 1})`,
      text: r.text,
      error: r.error,
      selected: reasons.labels === "rows" && i === selectedRow,
    }));
  } else if (flat.length > 1) {
    // Any other spilling function: the rows with an error, each with its message.
    explanation.reasonsTitle = "Rows with an error";
    explanation.reasons = flat.flatMap((v, i) => {
      const e = asError(v);
      return e ? [{ label: rowLabel(i), text: `${e.code} ${e.message}`.trim(), error: true, selected: i === selectedRow }] : [];
    });
  }
  return explanation;
}

function withCell(cell: string | undefined): { cell?: string } {
  return cell ? { cell } : {};
}

type Rows = { title: string; labels: "rows" | "conditions"; rows: { text: string; error: boolean }[] };

function textRows(values: unknown[]): Rows["rows"] {
  return values.map((v) => {
    const e = asError(v);
    return e ? { text: `${e.code} ${e.message}`.trim(), error: true } : { text: display(v), error: false };
  });
}

/** Row-by-row reasons for the functions whose answer needs one: CUTBACK, CEASED/STATUS, DEMAND.CHECK/OK. */
function reasonsFor(name: string, p: Prepared, flat: unknown[]): Rows | null {
  switch (name) {
    case "CUTBACK":
      return cutbackReasons(p.args, flat);
    case "RULE144.CEASED":
    case "RULE144.STATUS": {
      const status = grid(call("RULE144.STATUS", p.args));
      return { title: "Rule 144 status by row", labels: "rows", rows: textRows(status.length > 1 ? status.map((r) => r[0]) : status[0]) };
    }
    case "DEMAND.CHECK":
    case "DEMAND.OK": {
      const check = call("DEMAND.CHECK", p.args);
      const e = asError(check);
      if (e) return { title: "Conditions", labels: "conditions", rows: [{ text: `${e.code} ${e.message}`.trim(), error: true }] };
      const text = String(check);
      if (text === "OK") return { title: "Conditions", labels: "conditions", rows: [{ text: "Every condition is met.", error: false }] };
      if (text.startsWith("OK; ")) {
        // The six-month rule defers the registration; the request itself meets every condition.
        const deferral = `Every condition is met; the registration is deferred: ${text.slice(4)}.`;
        return { title: "Conditions", labels: "conditions", rows: [{ text: deferral, error: false }] };
      }
      const parts = text
        .replace(/^Not OK:\s*/, "")
        .split(/\s*\(\d+\)\s+/)
        .filter(Boolean);
      return { title: "Conditions not met", labels: "conditions", rows: parts.map((t) => ({ text: t, error: true })) };
    }
    default:
      return null;
  }
}

/**
 * RR.CUTBACK gives shares only; the reasons come from the engine's cutback over the rows the
 * function allocated (rows with bad input take no part, as the function documents). If the
 * engine's split does not reproduce the function's, no reasons are given rather than wrong ones.
 */
function cutbackReasons(args: Excelish[], flat: unknown[]): Rows {
  const title = "Allocation by row";
  const [requestedArg, priorityArg, capacityArg, weightsArg] = args;
  let req: Vector, pri: Vector, w: Vector | null;
  try {
    req = vector(requestedArg, "requested");
    pri = vector(priorityArg, "priority");
    w = weightsArg === null || weightsArg === undefined ? null : vector(weightsArg, "weights");
  } catch {
    return { title, labels: "rows", rows: textRows(flat) };
  }
  // The rows the function allocated: a number, and not an empty row (requested, priority and
  // weights all blank or 0), which the function gives 0 without a part in the split.
  const empty = (i: number) => isBlankOrZero(at(req, i).cell) && isBlankOrZero(at(pri, i).cell) && (!w || isBlankOrZero(at(w, i).cell));
  const good: number[] = [];
  flat.forEach((v, i) => typeof v === "number" && !empty(i) && good.push(i));
  const num = (v: unknown) => (typeof v === "number" ? v : 0);
  const requested = good.map((i) => num(at(req, i).cell));
  const tiers = good.map((i) => num(at(pri, i).cell));
  const capacity = num(Array.isArray(capacityArg) ? capacityArg[0]?.[0] : capacityArg);
  let engine: ReturnType<typeof cutback> | null = null;
  try {
    engine = cutback(requested, tiers, capacity, w ? good.map((i) => num(at(w!, i).cell)) : undefined);
    if (engine.included.some((n, j) => n !== flat[good[j]])) engine = null;
  } catch {
    engine = null;
  }
  const rows = flat.map((v, i) => {
    const e = asError(v);
    if (e) return { text: `${e.code} ${e.message} This row takes no part in the split.`.replace(/\s+/g, " ").trim(), error: true };
    const j = good.indexOf(i);
    if (j < 0 && empty(i)) return { text: "Empty row: requests nothing and takes no part in the split.", error: false };
    if (!engine || j < 0) return { text: `${display(v)} included.`, error: false };
    const tier = engine.tiers.find((t) => t.tier === tiers[j]);
    const how = describeAllocation({
      requested: requested[j],
      included: engine.included[j],
      tier,
      roundedUp: engine.roundedUp[j] === 1,
      byWeights: !!w,
    });
    return {
      text: `Tier ${tiers[j]}: ${formatCount(engine.included[j])} of ${formatCount(requested[j])} requested included, ${how}.`,
      error: false,
    };
  });
  return { title, labels: "rows", rows };
}
