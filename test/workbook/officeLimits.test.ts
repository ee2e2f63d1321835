// The 5 MB limit (Excel on the web) at full size: 5,000 holders with the Rule 144 columns and 50
// saved scenarios of about 400 KB each, against a fake that refuses any request or response over
// 5 MB; and the fake's own refusals (VeryHidden delete, handlers of a deleted sheet, store name).
import { MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeGateway } from "../../src/workbook/office/gateway";
import { STORE_SHEET } from "../../src/workbook/records";
import { FakeExcel } from "./support/fakeExcel";
import { capTableRows, CAP_FORMATS, scenarioWrite } from "./support/capTable";

const noWait = { delays: [1, 1, 1], sleep: async () => undefined };

/** The scenario sheet with Rule 144 columns appended (longer formulas per holder row). */
function rule144Write(n: number, capacity: number) {
  const w = scenarioWrite("Demand", "Cap table", n, capacity);
  w.cells = w.cells.map((row, r) =>
    r < 3 || r >= n + 3
      ? [...row, r === 2 ? "Holding period ends" : null, r === 2 ? "Volume limit" : null, r === 2 ? "Ceased" : null]
      : [
          ...row,
          `=RR.RULE144.HOLDING('Cap table'!$E$${r - 1},TRUE)`,
          `=RR.RULE144.VOLUME(1000000,"nasdaq",{1,2,3,4})`,
          `=IF(B${r + 1}>0,"no","yes")`,
        ],
  );
  w.numberFormats = w.numberFormats!.map((row) => [...row, "yyyy-mm-dd", "#,##0", null]);
  return w;
}

const payload = (i: number) => ({
  capacity: i,
  holders: Array.from({ length: 5000 }, (_, h) => ({ row: h, name: `Holder ${h + 1}`, role: "holder", requested: null })),
});

test("5,000 holders with Rule 144 and 50 saved scenarios of ~400 KB: list, open, save, write sheet, all under 5 MB per request and response", async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.addSheet("Cap table");
  wb.setCells("Cap table", "A1", capTableRows(5000), CAP_FORMATS(5000));
  wb.addTable("Cap table", "CapTable", "A1:G5001");
  const excel = new FakeExcel(wb, { mode: "web" });
  const gw = new OfficeGateway({ run: excel.run, retry: noWait });
  const w = rule144Write(5000, 10_000_000);
  expect(JSON.stringify(w.cells).length).toBeGreaterThan(1_000_000); // more than one block
  await gw.readCapTable({ sheet: "Cap table", address: "A1:G5001", table: "CapTable" });
  await gw.writeSheet(w, { overwriteForeign: false });
  expect(wb.value("Demand", "E5004")).toBe(10_000_000);
  await gw.writeSheet(rule144Write(5000, 9_000_000), { overwriteForeign: false }); // re-run over the old sheet
  expect(wb.value("Demand", "E5004")).toBe(9_000_000);
  const one = JSON.stringify(payload(0)).length;
  expect(one).toBeGreaterThan(300_000);
  for (let i = 0; i < 50; i++)
    await gw.scenarios.save({
      id: `s${i}`,
      name: `Scenario ${i}`,
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
      payload: payload(i),
    });
  const before = excel.syncs;
  const list = await gw.scenarios.list();
  expect(excel.syncs - before).toBe(1);
  expect(list.scenarios).toHaveLength(50);
  expect(list.problems).toEqual([]);
  expect((await gw.scenarios.load("s37")).payload).toEqual(payload(37));
  expect(excel.largestRequest).toBeLessThan(5_000_000);
  expect(excel.largestResponse).toBeLessThan(5_000_000);
  // A payload larger than the budget goes out in blocks, and still reads back whole.
  const huge = { text: "é".repeat(1_500_000) };
  await gw.scenarios.save({ id: "s3", name: "Huge", updatedAt: new Date().toISOString(), payload: huge });
  expect((await gw.scenarios.load("s3")).payload).toEqual(huge);
  expect((await gw.scenarios.list()).scenarios.filter((s) => s.id === "s3")).toHaveLength(1);
}, 300_000);

test("the fake refuses what Excel refuses: a request over 5 MB on the web, a VeryHidden delete, a taken store name", async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  const excel = new FakeExcel(wb, { mode: "web" });
  const context = excel.context();
  const ws = context.workbook.worksheets.getItem("Sheet1");
  ws.getRange("A1:A3000").values = Array.from({ length: 3000 }, () => ["x".repeat(2000)]);
  await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  const gw = new OfficeGateway({ run: excel.run, retry: noWait });
  await gw.scenarios.save({ id: "a", name: "A", updatedAt: new Date().toISOString(), payload: {} });
  const c2 = excel.context();
  c2.workbook.worksheets.getItem(STORE_SHEET).delete();
  await expect(c2.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(gw.writeSheet({ sheet: "regrights.scenarios", cells: [["x"]] }, { overwriteForeign: true })).rejects.toThrow(
    /hidden sheet of saved scenarios/,
  );
  expect(wb.visibility(STORE_SHEET)).toBe("veryHidden");
});

test("a whole-column selection reads only the used block; an event handler goes with its deleted sheet", async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.setCells("Sheet1", "B3", [
    ["Holder", "Common"],
    ["A", 1],
    ["B", 2],
  ]);
  const excel = new FakeExcel(wb, { mode: "web" });
  const gw = new OfficeGateway({ run: excel.run, retry: noWait });
  excel.select("Sheet1", "B:C");
  const read = await gw.readSelectedCapTable();
  expect(read).toEqual({
    ref: { sheet: "Sheet1", address: "B3:C5" },
    headers: ["Holder", "Common"],
    rows: [
      ["A", 1],
      ["B", 2],
    ],
  });
  expect(excel.largestResponse).toBeLessThan(10_000);
  let calls = 0;
  const off = await gw.scenarios.onChange(() => void calls++);
  await gw.scenarios.save({ id: "a", name: "A", updatedAt: new Date().toISOString(), payload: {} });
  await new Promise((r) => setTimeout(r, 5));
  expect(calls).toBeGreaterThan(0);
  expect([...excel.handlers].length).toBe(2); // onAdded + the store's onChanged
  wb.setVisibility(STORE_SHEET, "hidden");
  wb.deleteSheet(STORE_SHEET);
  expect([...excel.handlers].length).toBe(1); // the store's handler went with it
  await off(); // removing the dropped handler is tolerated
  expect([...excel.handlers].length).toBe(0);
});
