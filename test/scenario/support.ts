// What the scenario tests that write sheets share: a cap table inserted and read back through the
// in-memory gateway, a demand payload over it, and a column of the written sheet.
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import type { CellInput, CellValue } from "../../src/workbook/gateway";
import {
  FIRST_HOLDER_ROW,
  SCENARIO_SCHEMA,
  colLetter,
  parseCapTable,
  recogniseColumns,
  type CapTableLocation,
  type ColumnMapping,
  type ParsedCapTable,
  type ScenarioPayload,
} from "../../src/scenario";

export interface ReadCapTable {
  workbook: MemoryWorkbook;
  gateway: MemoryGateway;
  ref: CapTableLocation;
  mapping: ColumnMapping;
  parsed: ParsedCapTable;
}

/** Inserts `rows` as a table, reads it back as the pane does, and maps its columns by their headers. */
export async function readCapTable(
  workbook: MemoryWorkbook,
  rows: CellInput[][],
  numberFormats?: (string | null)[][],
  at: { sheet: string; table: string } = { sheet: "Cap table", table: "CapTable" },
): Promise<ReadCapTable> {
  const gateway = new MemoryGateway(workbook);
  const ref = await gateway.insertTable(at.sheet, at.table, rows, numberFormats);
  const read = await gateway.readCapTable(ref);
  const mapping = recogniseColumns(read.headers);
  return { workbook, gateway, ref, mapping, parsed: parseCapTable(read.rows, mapping) };
}

/** A demand on the sheet "Demand 1", every holder asking for all its registrable shares; `over` sets the figures. */
export function demandPayload(
  cap: ReadCapTable,
  over: Pick<ScenarioPayload, "capacity" | "price" | "grossSpread" | "commissionPerShare"> & Partial<ScenarioPayload>,
): ScenarioPayload {
  return {
    schema: SCENARIO_SCHEMA,
    sheet: "Demand 1",
    capTable: cap.ref,
    mapping: cap.mapping,
    offering: "demand",
    holders: cap.parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: null })),
    rule144: null,
    ...over,
  };
}

/** The values of one per-holder column of a scenario sheet, one per holder. */
export function holderColumn(workbook: MemoryWorkbook, sheet: string, col: number, n: number): CellValue[] {
  const L = colLetter(col);
  return workbook.getValues(sheet, `${L}${FIRST_HOLDER_ROW}:${L}${FIRST_HOLDER_ROW + n - 1}`).map((r) => r[0]);
}
