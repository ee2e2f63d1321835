// Explain cell's reads from real Excel: the active cell, the RR formula behind it, and the ranges
// that formula refers to, in two syncs; and the selection-changed event the view follows.
//
// Office.js calls (each checked against Microsoft's reference):
//   Workbook.getActiveCell()                 ExcelApi 1.7   https://learn.microsoft.com/javascript/api/excel/excel.workbook
//   Range.getSpillParentOrNullObject()       ExcelApi 1.12  https://learn.microsoft.com/javascript/api/excel/excel.range
//     "If it's not a spilled cell, or more than one cell is given, then this method returns an
//     object with its isNullObject property set to true" (and
//     https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dynamic-arrays).
//   Range.formulas                           ExcelApi 1.1   "the formula in A1-style notation",
//     always the en-US form (commas, "." decimals); formulasLocal is the user's locale. So the
//     parser (src/workbook/explain/parse.ts) reads commas only.
//   Range.values + Range.valueTypes          ExcelApi 1.1   an error cell's value is its code as
//     text ("#VALUE!"); valueTypes "Error" tells it from a text cell that reads "#VALUE!"
//     (https://learn.microsoft.com/javascript/api/excel/excel.rangevaluetype).
//   Workbook.onSelectionChanged              ExcelApi 1.2   "Occurs when the selection in the
//     document is changed" (https://learn.microsoft.com/javascript/api/excel/excel.selectionchangedeventargs);
//     a handler is removed with the RequestContext it was added in
//     (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
// The manifest requires ExcelApi 1.12, which covers all of them.

import type { FormulaCellRead, ReadCell } from "../gateway";
import { splitSheet } from "../address";
import { WorkbookError } from "../errors";
import { EXPLAIN_CELL_LIMIT, cellCount, parseRrFormula, referencedBlocks, tooManyCells } from "../explain/parse";
import type { OfficeSession } from "./run";

/** One cell as Excel returns it, with its value type: an error as { error: code }, blank as null. */
export function readCellOf(value: unknown, type: unknown): ReadCell {
  if (type === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined || type === "Empty") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

function grid(values: unknown[][], types: unknown[][]): ReadCell[][] {
  return values.map((row, r) => row.map((v, c) => readCellOf(v, types[r]?.[c])));
}

const isFormulaText = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");

/** Sync 1: the active cell, its spill parent and the sheet names. Sync 2: the referenced ranges (skipped when none). */
export function readFormulaCell(session: OfficeSession): Promise<FormulaCellRead> {
  return session.run("read the selected cell", async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address,formulas,values,valueTypes");
    const parent = cell.getSpillParentOrNullObject();
    parent.load("address,formulas");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();

    const here = splitSheet(cell.address);
    const sheet = here.sheet ?? "";
    const value = readCellOf(cell.values[0][0], cell.valueTypes[0][0]);
    const own: unknown = cell.formulas[0][0];
    let formula: FormulaCellRead["formula"] = null;
    if (isFormulaText(own)) formula = { address: here.address, text: own };
    else if (!parent.isNullObject && isFormulaText(parent.formulas[0][0]))
      formula = { address: splitSheet(parent.address).address, text: parent.formulas[0][0] };
    const read: FormulaCellRead = { sheet, address: here.address, value, formula, blocks: [] };
    if (!formula) return read;

    const wanted = referencedBlocks(parseRrFormula(formula.text), sheet);
    if (wanted.length === 0) return read;
    const cells = cellCount(wanted);
    if (cells > EXPLAIN_CELL_LIMIT) throw new WorkbookError(tooManyCells(cells));
    const names = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
    const ranges = wanted.map((w) => {
      const name = names.get(w.sheet.toLowerCase());
      if (name === undefined) return null; // a reference to a sheet that is gone: said in words by the explainer
      const r = context.workbook.worksheets.getItem(name).getRange(w.address);
      r.load("values,valueTypes");
      return r;
    });
    await context.sync();
    read.blocks = wanted.map((w, i) => {
      const r = ranges[i];
      return { sheet: names.get(w.sheet.toLowerCase()) ?? w.sheet, address: w.address, cells: r ? grid(r.values, r.valueTypes) : null };
    });
    return read;
  });
}

/** Workbook.onSelectionChanged: one sync to add the handler; the unsubscribe removes it in the same context. */
export async function watchSelection(session: OfficeSession, listener: () => void): Promise<() => Promise<void>> {
  let active = true;
  const added = await session.run("follow the selection", async (context) => {
    const handler = context.workbook.onSelectionChanged.add(async () => {
      if (active) listener();
    });
    await context.sync();
    return { handler, context };
  });
  return async () => {
    if (!active) return;
    active = false;
    await session
      .run(
        "stop following the selection",
        async (context) => {
          added.handler.remove();
          await context.sync();
        },
        added.context,
      )
      .catch(() => undefined); // the workbook closed: the handler went with it
  };
}
