// Explain cell over the in-memory workbook (tests and the preview): the same read as the Office
// gateway's (src/workbook/office/formulaCell.ts), from the model. The active cell is the top-left
// cell of the selection, as in Excel after a click or a drag from there. Error cells give only
// their code, as Excel's Range.values does: the message is rebuilt by the explainer.

import type { FormulaCellRead, ReadCell } from "../gateway";
import { cellAddress, parseBlock } from "../address";
import { WorkbookError, messages } from "../errors";
import { EXPLAIN_CELL_LIMIT, cellCount, parseRrFormula, referencedBlocks, tooManyCells } from "../explain/parse";
import { isFormula, mapBlock } from "./cells";
import { ErrorValue, Scalar } from "./values";
import type { MemoryWorkbook } from "./workbook";

function readCell(v: Scalar): ReadCell {
  if (v instanceof ErrorValue) return { error: v.code };
  return v === "" ? null : v;
}

export function readFormulaCell(wb: MemoryWorkbook): FormulaCellRead {
  const sel = wb.selection;
  if (!sel) throw new WorkbookError(messages.noSelection);
  const b = parseBlock(sel.address);
  const address = cellAddress(b.top, b.left);
  const sheet = sel.sheet;
  const read: FormulaCellRead = { sheet, address, value: readCell(wb.value(sheet, address)), formula: null, blocks: [] };
  const own = wb.input(sheet, address);
  const parent = isFormula(own) ? address : wb.spillParent(sheet, address);
  const text = parent === null ? null : wb.input(sheet, parent);
  if (parent === null || !isFormula(text)) return read;
  read.formula = { address: parent, text };
  const wanted = referencedBlocks(parseRrFormula(text), sheet);
  const cells = cellCount(wanted);
  if (cells > EXPLAIN_CELL_LIMIT) throw new WorkbookError(tooManyCells(cells));
  read.blocks = wanted.map((w) => {
    const name = wb.sheetName(w.sheet);
    if (!name) return { ...w, cells: null };
    return {
      sheet: name,
      address: w.address,
      cells: mapBlock(parseBlock(w.address), (r, c) => readCell(wb.value(name, cellAddress(r, c)))),
    };
  });
  return read;
}
