// Recalculation of the in-memory workbook. Within a pass each formula is evaluated once, on demand
// (a cell reads the formulas it refers to first), with the spill layout of the previous pass;
// passes repeat until the layout stops changing (usually one pass, two when a spill grows or
// shrinks). A circular reference evaluates to 0, as Excel shows it.

import { colOf, isFormula, key, rowOf, SheetData, valueAt } from "./cells";
import { BLOCKED, INCONSISTENT, layOutSheet, NOT_SPILLED, placeSpill, spillCover } from "./spills";
import { ErrorValue, Result, Scalar } from "./values";

/** Evaluates one formula as if written in sheet!(row, col) (see formulas.ts). */
export type Evaluate = (formula: string, sheet: string, row: number, col: number) => Result;

const MAX_PASSES = 10;

export class Recalculator {
  // Evaluation state of the pass in progress (memo is null between passes).
  private memo: Map<SheetData, Map<number, Result>> | null = null;
  /**
   * Cells whose reading depended on the spill layout in this pass, with what covered them then (the
   * anchor's key, NOT_SPILLED, or BLOCKED for an anchor read as #SPILL!). If the layout at the end
   * of the pass says otherwise, the pass is repeated.
   */
  private observed = new Map<SheetData, Map<number, number>>();
  /** Formula cells read before they were evaluated, by the formula being evaluated now. */
  private missing: [SheetData, number][] | null = null;

  constructor(private readonly evaluate: Evaluate) {}

  /** True while a pass is running (a read then comes from the pass, not the last results). */
  get running(): boolean {
    return this.memo !== null;
  }

  /** Recalculates every formula of the sheets; returns the passes made and the formulas per pass. */
  run(sheets: SheetData[]): { passes: number; formulas: number } {
    let passes = 0;
    let formulas = 0;
    try {
      for (; passes < MAX_PASSES;) {
        passes++;
        this.observed = new Map();
        this.memo = new Map(sheets.map((s) => [s, new Map<number, Result>()]));
        formulas = 0;
        for (const s of sheets) {
          const keys: number[] = [];
          for (const [k, v] of s.inputs) if (isFormula(v)) keys.push(k);
          keys.sort((a, b) => a - b); // row by row: most references point up or left, already done
          formulas += keys.length;
          for (const k of keys) this.result(s, k);
        }
        for (const s of sheets) layOutSheet(s, this.memo.get(s)!);
        if (this.consistent()) break;
      }
    } finally {
      this.memo = null;
      this.observed = new Map();
    }
    return { passes, formulas };
  }

  /**
   * The result of the formula at s!k in this pass. fast-formula-parser cannot be re-entered (a
   * formula cannot be evaluated while another is being parsed), so reading a formula cell that is
   * not evaluated yet records it as missing and reads blank; the formulas it was missing are then
   * evaluated first (an explicit stack, so long chains do not exhaust the call stack) and the
   * formula is evaluated again. A formula missing one of the formulas waiting on it is circular:
   * it keeps the blank (0) it read.
   */
  private result(s: SheetData, k: number): Result {
    const memoOf = (x: SheetData) => this.memo!.get(x)!;
    const done = memoOf(s).get(k);
    if (done !== undefined) return done;
    const id = (x: SheetData, xk: number) => `${x.name}\u0000${xk}`;
    const stack: [SheetData, number][] = [[s, k]];
    const waiting = new Set<string>([id(s, k)]);
    while (stack.length > 0) {
      const [ts, tk] = stack[stack.length - 1];
      if (memoOf(ts).has(tk)) {
        stack.pop();
        waiting.delete(id(ts, tk));
        continue;
      }
      const recorded: [SheetData, number][] = [];
      this.missing = recorded;
      let r: Result;
      try {
        r = this.evaluate(ts.inputs.get(tk) as string, ts.name, rowOf(tk), colOf(tk));
      } finally {
        this.missing = null;
      }
      const missing = recorded.filter(([ms, mk]) => !memoOf(ms).has(mk) && !waiting.has(id(ms, mk)));
      if (missing.length === 0) {
        memoOf(ts).set(tk, r);
        placeSpill(ts, tk, r);
        stack.pop();
        waiting.delete(id(ts, tk));
        continue;
      }
      for (const m of missing) {
        if (waiting.has(id(m[0], m[1]))) continue;
        stack.push(m);
        waiting.add(id(m[0], m[1]));
      }
    }
    return memoOf(s).get(k)!;
  }

  /** A formula result during a pass, or null (recorded as missing) when not evaluated yet. */
  private peek(s: SheetData, k: number): Result | null {
    const r = this.memo!.get(s)!.get(k);
    if (r !== undefined) return r;
    this.missing?.push([s, k]);
    return null;
  }

  private observe(s: SheetData, k: number, what: number): void {
    let m = this.observed.get(s);
    if (!m) this.observed.set(s, (m = new Map()));
    const before = m.get(k);
    m.set(k, before === undefined || before === what ? what : INCONSISTENT);
  }

  /** True when every layout-dependent read of the pass agrees with the final layout. */
  private consistent(): boolean {
    for (const [s, reads] of this.observed) {
      const cover = spillCover(s);
      for (const [k, what] of reads) if ((cover.get(k) ?? NOT_SPILLED) !== what) return false;
    }
    return true;
  }

  /** A cell's value as a formula reads it: during a pass from the pass, otherwise the last results. */
  read(s: SheetData, row: number, col: number): Scalar {
    if (!this.memo) return valueAt(s, row, col);
    const k = key(row, col);
    const input = s.inputs.get(k);
    if (isFormula(input)) {
      const r = this.peek(s, k);
      if (r === null || !Array.isArray(r)) return r;
      const blocked = s.spills.get(k) === "blocked";
      this.observe(s, k, blocked ? BLOCKED : k);
      return blocked ? new ErrorValue("#SPILL!") : r[0][0];
    }
    if (input !== undefined) return input;
    for (const [anchor, area] of s.spills) {
      if (area === "blocked" || row < area.top || row > area.bottom || col < area.left || col > area.right) continue;
      if (!isFormula(s.inputs.get(anchor))) continue; // the anchor's formula was removed since the last pass
      this.observe(s, k, anchor);
      const r = this.peek(s, anchor);
      if (r === null || !Array.isArray(r)) return null;
      const v = r[row - area.top]?.[col - area.left];
      return v === undefined ? null : v;
    }
    this.observe(s, k, NOT_SPILLED);
    return null;
  }
}
