// The read-back check (issue 9, item 1): the figures the scenario sheet computed, cell by cell,
// against the engine's. The pane's figures come from the engine and the sheet's from live Excel
// formulas; nothing else ties the two, so after every run the pane reads the sheet back and names
// any cell that differs or holds an error before the user reads a figure.

import { formatCount } from "../engine";
import type { SheetCell as CellValue } from "./types";
import type { ScenarioResult } from "./compute";
import { COL, FIRST_HOLDER_ROW, HEADERS, colLetter, holderRows } from "./sheet";

export interface SheetDifference {
  /** "F17": the sheet cell. */
  cell: string;
  /** Holder name, or "Total". */
  holder: string;
  /** Column header as the sheet shows it. */
  column: string;
  sheet: string;
  engine: string;
}

export interface SheetCheck {
  /** Cells compared. */
  checked: number;
  differences: SheetDifference[];
  /** Cells Excel is still calculating (#BUSY!, #GETTING_DATA): read again later. */
  calculating: number;
}

/** What Excel shows while a custom function is still calculating (a value, not a result). */
const CALCULATING = new Set(["#BUSY!", "#GETTING_DATA"]);

/** The block to read back: from A1 to the Total row, over every column the sheet writes. */
export function checkAddress(result: ScenarioResult): string {
  const { total } = holderRows(result.holders.length);
  const rule = result.holders.some((h) => h.rule144 !== undefined);
  return `A1:${colLetter(rule ? HEADERS.length - 1 : COL.cap)}${total}`;
}

function shown(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === "") return "(blank)";
  if (typeof v === "number") return Number.isInteger(v) ? formatCount(v) : String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** values: the block of checkAddress, as read (row 0 is sheet row 1). */
export function checkSheet(result: ScenarioResult, values: CellValue[][]): SheetCheck {
  const out: SheetCheck = { checked: 0, differences: [], calculating: 0 };
  const compare = (row: number, col: number, holder: string, engine: number | boolean | string, cents = false) => {
    const v = values[row - 1]?.[col];
    out.checked++;
    if (typeof v === "string" && CALCULATING.has(v)) {
      out.calculating++;
      return;
    }
    // Money to the cent: the sheet holds a double, the engine a decimal string.
    const same = cents && typeof v === "number" && typeof engine === "number" ? Math.abs(v - engine) < 0.005 : v === engine;
    if (!same)
      out.differences.push({
        cell: `${colLetter(col)}${row}`,
        holder,
        column: HEADERS[col],
        sheet: shown(v),
        engine: typeof engine === "number" && cents ? engine.toFixed(2) : shown(engine),
      });
  };
  result.holders.forEach((h, i) => {
    const row = FIRST_HOLDER_ROW + i;
    compare(row, COL.registrable, h.name, h.registrable);
    compare(row, COL.requested, h.name, h.requested);
    compare(row, COL.tier, h.name, h.tier);
    compare(row, COL.included, h.name, h.included);
    compare(row, COL.cutBack, h.name, h.cutBack);
    compare(row, COL.cap, h.name, Number(h.cap), true);
    if (h.rule144 && h.rule144.ceased !== null) {
      compare(row, COL.tested, h.name, h.rule144.tested);
      compare(row, COL.ceased, h.name, h.rule144.ceased);
    }
    const lapse = h.rule144?.lapse;
    if (lapse) compare(row, COL.lapse, h.name, lapse.date ?? "#N/A");
  });
  const { total } = holderRows(result.holders.length);
  const t = result.totals;
  compare(total, COL.registrable, "Total", t.registrable);
  compare(total, COL.requested, "Total", t.requested);
  compare(total, COL.included, "Total", t.included);
  compare(total, COL.cutBack, "Total", t.cutBack);
  compare(total, COL.cap, "Total", Number(t.cap), true);
  return out;
}

/** The check in words for the pane: null when the sheet agrees. */
export function describeCheck(sheet: string, check: SheetCheck, shownAtMost = 8): { title: string; lines: string[] } | null {
  if (check.differences.length === 0 && check.calculating === 0) return null;
  const lines = check.differences
    .slice(0, shownAtMost)
    .map((d) => `${d.cell} (${d.holder}, ${d.column}): the sheet shows ${d.sheet}, RegRights computes ${d.engine}.`);
  const more = check.differences.length - lines.length;
  if (more > 0) lines.push(`… and ${formatCount(more)} more ${more === 1 ? "cell" : "cells"}.`);
  if (check.calculating > 0)
    lines.push(
      `${formatCount(check.calculating)} ${check.calculating === 1 ? "cell was" : "cells were"} still calculating and could not be checked; run again to check them.`,
    );
  const n = check.differences.length;
  const title =
    n > 0
      ? `The sheet "${sheet}" does not agree with these figures in ${formatCount(n)} ${n === 1 ? "cell" : "cells"}. Use the sheet's figures only after fixing the cells named below (Explain cell shows why).`
      : `The sheet "${sheet}" was still calculating; not every cell was checked.`;
  return { title, lines };
}
