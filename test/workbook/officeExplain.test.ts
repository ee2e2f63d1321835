// Explain cell's reads through the Office.js gateway, against the fake Excel (support/fakeExcel.ts)
// in both its modes: the active cell and its spill parent in one sync, the referenced ranges in a
// second, and the selection-changed event. The memory gateway gives the same read.
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeGateway } from "../../src/workbook/office/gateway";
import { explainCell } from "../../src/workbook/explain/explain";
import { WorkbookError } from "../../src/workbook/errors";
import { FakeExcel, FakeMode } from "./support/fakeExcel";

const noWait = { delays: [1, 1, 1], sleep: async () => undefined };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const CUTBACK = "=RR.CUTBACK(D2:D4,E2:E4,$B$1)";

function setup(mode: FakeMode) {
  // The workbook passes blanks to the functions as that host does (null on the web, 0 on desktop).
  const wb = new MemoryWorkbook({ host: mode });
  wb.addSheet("Scenario");
  wb.addSheet("Cap table");
  wb.setCells("Scenario", "A1", [
    ["Capacity", 400, null, "Requested", "Tier", "Included", "Registrable"],
    [null, null, null, 100, 1, CUTBACK, "=RR.REGISTRABLE('Cap table'!B2:B4,'Cap table'!C2:C4,'Cap table'!D2:D4)"],
    [null, null, null, 200, 3, null, null],
    [null, null, null, 300, 3, null, null],
  ]);
  wb.setCells("Cap table", "A1", [
    ["Holder", "Common", "Preferred", "Ratio"],
    ["A", 100, 0, null],
    ["B", 50, 10, null],
    ["C", 0, 0, null],
  ]);
  wb.setCells("Scenario", "A6", [["#VALUE!", 7, "=SUM(B1:B2)", "=RR.CONSENT(Gone!B1,B2)"]]);
  const excel = new FakeExcel(wb, { mode });
  const gw = new OfficeGateway({ run: excel.run, retry: noWait });
  return { wb, excel, gw, memory: new MemoryGateway(wb) };
}

describe.each(["web", "desktop"] as const)("Excel %s", (mode) => {
  test("a cell inside a CUTBACK spill: two syncs, the spill parent's formula and its three ranges", async () => {
    const { wb, excel, gw, memory } = setup(mode);
    wb.select("Scenario", "F3");
    const read = await gw.readFormulaCell();
    expect(excel.syncs).toBe(2);
    expect(gw.syncs).toBe(2);
    // Worked by hand (contract §3): tier 1 asks 100, tier 3 asks 500, capacity 400 → 0, 160, 240.
    expect(read).toEqual({
      sheet: "Scenario",
      address: "F3",
      value: 160,
      formula: { address: "F2", text: CUTBACK },
      blocks: [
        { sheet: "Scenario", address: "D2:D4", cells: [[100], [200], [300]] },
        { sheet: "Scenario", address: "E2:E4", cells: [[1], [3], [3]] },
        { sheet: "Scenario", address: "B1", cells: [[400]] },
      ],
    });
    expect(await memory.readFormulaCell()).toEqual(read);
    const e = explainCell(read);
    expect(e.reasons.findIndex((r) => r.selected)).toBe(1);
    expect(e.reasons[1].text).toMatch(/^Tier 3: 160 of 200 requested included/);
  });

  test("an error cell: its value is the error (valueTypes), the message rebuilt from the other sheet's cells", async () => {
    const { wb, excel, gw } = setup(mode);
    wb.select("Scenario", "G3");
    const read = await gw.readFormulaCell();
    expect(excel.syncs).toBe(2);
    expect(read.value).toEqual({ error: "#VALUE!" });
    expect(read.formula?.address).toBe("G2");
    expect(read.blocks.map((b) => `${b.sheet}!${b.address}`)).toEqual(["Cap table!B2:B4", "Cap table!C2:C4", "Cap table!D2:D4"]);
    // Blank ratio cells read as null: Range.values gives "" for a blank on every host.
    expect(read.blocks[2].cells).toEqual([[null], [null], [null]]);
    const e = explainCell(read);
    expect(e.value).toBe("#VALUE!");
    expect(e.result?.error?.message).toMatch(/^ratio \(row 2\)/);
    expect(e.result?.error?.cell).toBe("'Cap table'!D3");
  });

  test("text that reads like an error is text; a constant and a non-RR formula need one sync", async () => {
    const { wb, excel, gw } = setup(mode);
    wb.select("Scenario", "A6");
    expect(await gw.readFormulaCell()).toMatchObject({ value: "#VALUE!", formula: null, blocks: [] });
    expect(excel.syncs).toBe(1);
    wb.select("Scenario", "B6");
    expect(await gw.readFormulaCell()).toMatchObject({ value: 7, formula: null });
    expect(excel.syncs).toBe(2);
    wb.select("Scenario", "C6");
    const sum = await gw.readFormulaCell();
    expect(excel.syncs).toBe(3);
    expect(explainCell(sum).problem).toBe("RegRights explains RR formulas only: the formula is not a call of an RR function.");
  });

  test("a reference to a sheet that is not there is read as missing, and said in words", async () => {
    const { wb, gw } = setup(mode);
    wb.select("Scenario", "D6");
    const read = await gw.readFormulaCell();
    // #REF!, or #VALUE! from the function itself when functions.json lets errors reach it (allowErrorForDataTypeAny).
    expect(read.value).toEqual({ error: expect.stringMatching(/^#(REF!|VALUE!)$/) });
    expect(read.blocks).toEqual([
      { sheet: "Gone", address: "B1", cells: null },
      { sheet: "Scenario", address: "B2", cells: [[null]] },
    ]);
    expect(explainCell(read).problem).toBe('consenting refers to Gone!B1, but there is no sheet named "Gone".');
  });

  test("a block selected: the active cell is its top-left", async () => {
    const { wb, gw } = setup(mode);
    wb.select("Scenario", "F2:G4");
    expect((await gw.readFormulaCell()).address).toBe("F2");
  });

  test("a formula over more cells than Explain cell reads is refused in words after one sync", async () => {
    const { wb, excel, gw } = setup(mode);
    wb.setCell("Scenario", "J1", "=RR.CONSENT(A1:A200000,B1)");
    wb.select("Scenario", "J1");
    const failure = gw.readFormulaCell();
    await expect(failure).rejects.toThrow(WorkbookError);
    await expect(failure).rejects.toThrow("The formula refers to 200,001 cells; Explain cell reads at most 100,000.");
    expect(excel.syncs).toBe(1);
  });

  test("the view follows the selection: one handler on Workbook.onSelectionChanged, removed by the unsubscribe", async () => {
    const { wb, excel, gw } = setup(mode);
    const seen: number[] = [];
    const unsubscribe = await gw.onSelectionChanged(() => seen.push(1));
    expect(excel.syncs).toBe(1);
    expect(excel.handlers.size).toBe(1);
    wb.select("Scenario", "F4");
    await tick();
    expect(seen).toHaveLength(1);
    await unsubscribe();
    expect(excel.handlers.size).toBe(0);
    wb.select("Scenario", "F2");
    await tick();
    expect(seen).toHaveLength(1);
    await unsubscribe(); // twice is harmless
  });
});

describe("the fake refuses what Excel refuses", () => {
  test("getSpillParentOrNullObject: a null object for a cell no spill covers and for several cells", async () => {
    const { excel } = setup("web");
    const context = excel.context();
    const sheet = context.workbook.worksheets.getItem("Scenario");
    const plain = sheet.getRange("D2").getSpillParentOrNullObject();
    const block = sheet.getRange("F2:F3").getSpillParentOrNullObject();
    const spilled = sheet.getRange("F4").getSpillParentOrNullObject();
    const anchor = sheet.getRange("F2").getSpillParentOrNullObject();
    for (const r of [plain, block, spilled, anchor]) r.load("address");
    await context.sync();
    expect([plain.isNullObject, block.isNullObject, spilled.isNullObject, anchor.isNullObject]).toEqual([true, true, false, false]);
    expect([spilled.address, anchor.address]).toEqual(["Scenario!F2", "Scenario!F2"]);
  });

  test("getActiveCell with nothing selected fails as ItemNotFound", async () => {
    const wb = new MemoryWorkbook();
    wb.addSheet("S");
    const excel = new FakeExcel(wb);
    const context = excel.context();
    context.workbook.getActiveCell().load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
