// One bad input row on the scenario sheet (issue 8, item 2). The row shows its own error, the other
// holders keep their figures, the totals stay numbers, and a visible count says how many rows the
// totals left out. On a host that ignores allowErrorForDataTypeAny, Excel does not call RR.CUTBACK
// at all (custom-functions-errors#errors-as-custom-function-inputs): then no holder may look
// cut back or get $0 of proceeds, and every row says it has no figure.
//
// Expectations are not the engine's output: the other rows must equal the same sheet with the bad
// row's request set to 0 (a bad row takes no part in the split, contract §3), and the totals must
// equal the sum of the cells the sheet itself shows.
import { MemoryWorkbook, type FunctionsMetadata } from "../../src/workbook/memory";
import type { CellValue } from "../../src/workbook/gateway";
import { explainCell } from "../../src/workbook/explain/explain";
import {
  BAD_ROWS_LABEL,
  COL,
  FIRST_HOLDER_ROW,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  buildScenarioSheet,
  colLetter,
  sampleCapTable,
} from "../../src/scenario";
import { demandPayload, holderColumn, readCapTable } from "./support";
import { functionsMetadata } from "../support/functionsMetadata";

const SHEET = "Demand 1";
const BAD = 2; // 0-based holder index of the bad row: Beacon Growth Equity Fund II, L.P.

async function scenario(metadata: FunctionsMetadata, badRequest: CellValue | string) {
  const table = sampleCapTable();
  const cap = await readCapTable(new MemoryWorkbook({ metadata }), table.rows, table.numberFormats, {
    sheet: SAMPLE_SHEET,
    table: SAMPLE_TABLE,
  });
  const { workbook, gateway, parsed } = cap;
  const p = demandPayload(cap, { capacity: 1_500_000, price: 20, grossSpread: 0.06, commissionPerShare: 0.05 });
  await gateway.writeSheet(buildScenarioSheet(p, parsed), { overwriteForeign: false });
  workbook.setCell(SHEET, `${colLetter(COL.requested)}${FIRST_HOLDER_ROW + BAD}`, badRequest as CellValue);
  const n = p.holders.length;
  const column = (c: number) => holderColumn(workbook, SHEET, c, n);
  const totalRow = FIRST_HOLDER_ROW + n;
  const at = (row: number, c: number) => workbook.getValues(SHEET, `${colLetter(c)}${row}`)[0][0];
  return {
    workbook,
    gateway,
    n,
    column,
    total: (c: number) => at(totalRow, c),
    leftOut: (c: number) => at(totalRow + 1, c),
    label: at(totalRow + 1, COL.holder),
  };
}

const sum = (xs: CellValue[]) => xs.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
const others = <T>(xs: T[]) => xs.filter((_, i) => i !== BAD);

describe("a bad requested cell, with the shipped functions.json (errors reach the functions)", () => {
  const metadata = functionsMetadata();

  test.each([
    ["an error value (#N/A)", "=NA()"],
    ["text", "lots"],
  ])("%s: that row has its own error, the others compute as if it requested 0", async (_name, bad) => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    const s = await scenario(metadata, bad);
    const reference = await scenario(metadata, 0);
    const included = s.column(COL.included);
    expect(included[BAD]).toBe("#VALUE!");
    expect(s.column(COL.cutBack)[BAD]).toMatch(/^#/);
    expect(s.column(COL.cap)[BAD]).toBe("#N/A"); // never "$0.00" for a row that did not compute

    expect(others(included)).toEqual(others(reference.column(COL.included)));
    expect(others(s.column(COL.cutPct))).toEqual(others(reference.column(COL.cutPct)));
    expect(others(s.column(COL.cap))).toEqual(others(reference.column(COL.cap)));
    for (const v of others(included)) expect(typeof v).toBe("number");
    // The capacity is still used: 1,500,000 over the other rows (the sample asks more than that).
    expect(sum(included)).toBe(1_500_000);

    expect(s.total(COL.included)).toBe(sum(included));
    expect(s.total(COL.cutBack)).toBe(sum(s.column(COL.cutBack)));
    expect(s.total(COL.cap)).toBeCloseTo(sum(s.column(COL.cap)), 6);
    expect(s.total(COL.registrable)).toBe(reference.total(COL.registrable));
    expect(s.label).toBe(BAD_ROWS_LABEL);
    expect([s.leftOut(COL.registrable), s.leftOut(COL.included), s.leftOut(COL.cutBack), s.leftOut(COL.cap)]).toEqual([0, 1, 1, 1]);
    expect([reference.leftOut(COL.included), reference.leftOut(COL.cap)]).toEqual([0, 0]);
  });

  test("Explain cell on the bad row's proceeds names the Included cell and why it shows #N/A", async () => {
    const s = await scenario(metadata, "=NA()");
    const capCell = `${colLetter(COL.cap)}${FIRST_HOLDER_ROW + BAD}`;
    s.workbook.select(SHEET, capCell);
    const e = explainCell(await s.gateway.readFormulaCell());
    expect(e.function?.name).toBe("RR.INDEMNITY.CAP");
    expect(e.result?.text).toBe("#N/A");
    expect(e.result?.error?.message).toMatch(new RegExp(`^F${FIRST_HOLDER_ROW + BAD} holds #VALUE!, not a number`));
  });

  test("Explain cell on a good row's proceeds explains the RR call inside the guard", async () => {
    const s = await scenario(metadata, "=NA()");
    s.workbook.select(SHEET, `${colLetter(COL.cap)}${FIRST_HOLDER_ROW}`);
    const e = explainCell(await s.gateway.readFormulaCell());
    expect(e.problem).toBeUndefined();
    expect(e.result?.error).toBeUndefined();
    expect(e.result?.text).toBe(e.value);
  });
});

describe("a host that ignores allowErrorForDataTypeAny: Excel does not call RR.CUTBACK", () => {
  const metadata: FunctionsMetadata = { ...functionsMetadata(), allowErrorForDataTypeAny: false };

  test("no holder looks cut back or gets $0; every row is counted as without a figure; totals are numbers", async () => {
    const s = await scenario(metadata, "=NA()");
    const included = s.column(COL.included);
    expect(included[0]).toBe("#N/A"); // the spill's anchor shows the input's error
    expect(included.slice(1).every((v) => v === "")).toBe(true); // nothing spilled
    expect(s.column(COL.cutBack).every((v) => v === "#N/A")).toBe(true);
    expect(s.column(COL.cap).every((v) => v === "#N/A")).toBe(true);
    for (const c of [COL.included, COL.cutBack, COL.cap]) {
      expect(s.total(c)).toBe(0);
      expect(s.leftOut(c)).toBe(s.n);
    }
    expect(s.leftOut(COL.registrable)).toBe(0);
    expect(typeof s.total(COL.registrable)).toBe("number");
    // No row shows a percentage cut back that is a real number above 0, except from 0 requested.
    for (const v of s.column(COL.cutPct)) expect(v === 0 || (typeof v === "string" && v.startsWith("#"))).toBe(true);
  });
});
