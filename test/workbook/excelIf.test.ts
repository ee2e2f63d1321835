// The in-memory workbook's IF follows Excel's rules (src/workbook/memory/excelIf.ts cites them).
// fast-formula-parser's own IF took the TRUE branch for any cell reference, FALSE included.
import { MemoryWorkbook } from "../../src/workbook/memory";

describe("IF in the in-memory workbook", () => {
  // A1 FALSE, A2 3, A3 blank, A4 "TRUE" as text, A5 #DIV/0!
  const wb = new MemoryWorkbook();
  wb.addSheet("S");
  wb.setCells("S", "A1", [[false], [3], [null], ["TRUE"], ["=1/0"]]);

  test.each([
    ["=IF(A1,1,5)", 5],
    ["=IF(FALSE,1,5)", 5],
    ["=IF(A2,1,5)", 1],
    ["=IF(0,1,5)", 5],
    ["=IF(A3,1,5)", 5],
    ["=IF(A4,1,5)", 1],
    ["=IF(TRUE,A1,5)", false],
    ["=IF(A1,1)", false],
    ["=IF(A2,A3,5)", 0],
    ["=IF(A5,1,2)", "#DIV/0!"],
    ['=IF("x",1,2)', "#VALUE!"],
    ["=IF(ISNUMBER(A5),A2-1,NA())", "#N/A"],
    ["=IF(ISNUMBER(A2),A2-1,NA())", 2],
  ])("%s → %p", (formula, expected) => {
    wb.setCell("S", "C1", formula);
    expect(wb.getValues("S", "C1")[0][0]).toBe(expected);
  });
});
