// Dynamic-array spills: a formula whose result is a 2-D array fills the cells below and to the
// right of it, or shows #SPILL! when one of them is not empty (or another spill is there, or the
// array runs off the sheet). Placement happens twice in a recalculation pass: provisionally as
// each anchor is evaluated (so later reads in the pass see it), and finally for the whole sheet.

import { Block, blockOf, intersects, MAX_COLS } from "../address";
import { colOf, isFormula, key, rowOf, SheetData } from "./cells";
import { ErrorValue, Result } from "./values";

const MAX_ROWS = 1_048_576;

// Markers for what covered a cell when it was read (anchors are keys, so 0 or more).
export const NOT_SPILLED = -1;
export const BLOCKED = -2;
export const INCONSISTENT = -3;

/** True when an input other than the anchor itself lies in the area (the spill is blocked). */
function occupied(s: SheetData, area: Block): boolean {
  for (let row = area.top; row <= area.bottom; row++)
    for (let col = area.left; col <= area.right; col++)
      if ((row !== area.top || col !== area.left) && s.inputs.has(key(row, col))) return true;
  return false;
}

const offSheet = (area: Block) => area.bottom >= MAX_ROWS || area.right >= MAX_COLS;

/** Provisional placement as soon as an anchor is evaluated, so later reads in the pass see it. */
export function placeSpill(s: SheetData, k: number, r: Result): void {
  if (!Array.isArray(r)) {
    s.spills.delete(k);
    return;
  }
  const area = blockOf(rowOf(k), colOf(k), r.length, r[0].length);
  let blocked = offSheet(area);
  for (const [a, b] of s.spills)
    if (!blocked && a !== k && b !== "blocked" && isFormula(s.inputs.get(a)) && intersects(b, area)) blocked = true;
  if (!blocked) blocked = occupied(s, area);
  s.spills.set(k, blocked ? "blocked" : area);
}

/** What covers each cell in the sheet's current layout: an anchor's key, or BLOCKED for a blocked anchor. */
export function spillCover(s: SheetData): Map<number, number> {
  const cover = new Map<number, number>();
  for (const [anchor, area] of s.spills) {
    if (area === "blocked") {
      cover.set(anchor, BLOCKED);
      continue;
    }
    cover.set(anchor, anchor);
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++) cover.set(key(row, col), anchor);
  }
  return cover;
}

/** Places a pass's results and spills on a sheet (the final layout: anchors in order, the first wins). */
export function layOutSheet(s: SheetData, memo: Map<number, Result>): void {
  const anchors = [...memo.keys()].sort((a, b) => a - b);
  const spills = new Map<number, Block | "blocked">();
  const taken: Block[] = [];
  s.results = new Map();
  s.spilled = new Map();
  for (const k of anchors) {
    const r = memo.get(k)!;
    if (!Array.isArray(r)) {
      s.results.set(k, r);
      continue;
    }
    const area = blockOf(rowOf(k), colOf(k), r.length, r[0].length);
    const blocked = offSheet(area) || taken.some((t) => intersects(t, area)) || occupied(s, area);
    if (blocked) {
      spills.set(k, "blocked");
      s.results.set(k, new ErrorValue("#SPILL!", "The cells this formula spills into are not empty."));
      continue;
    }
    spills.set(k, area);
    taken.push(area);
    s.results.set(k, r[0][0]);
    r.forEach((rowValues, i) =>
      rowValues.forEach((v, j) => {
        if (i !== 0 || j !== 0) s.spilled.set(key(area.top + i, area.left + j), v);
      }),
    );
  }
  s.spills = spills;
}
