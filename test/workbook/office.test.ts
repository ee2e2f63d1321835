// The Office.js gateway against a hand-written fake of Excel's object model (support/fakeExcel.ts,
// which says why office-addin-mock alone was not enough), backed by the in-memory workbook.
import { MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeGateway } from "../../src/workbook/office/gateway";
import { OfficeSession, plainError } from "../../src/workbook/office/run";
import { ForeignContentError } from "../../src/workbook/gateway";
import { WorkbookError } from "../../src/workbook/errors";
import { STORE_SHEET } from "../../src/workbook/records";
import { FakeExcel, FakeExcelOptions, FakeMode } from "./support/fakeExcel";
import { capTableRows, CAP_FORMATS, scenarioWrite } from "./support/capTable";

const noWait = { delays: [1, 1, 1], sleep: async () => undefined };
/** The host the fake behaves like, set by the describe.each below (every test runs in both). */
let mode: FakeMode = "web";

function setup(n = 20, options: FakeExcelOptions = {}) {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.addSheet("Cap table");
  wb.setCells("Cap table", "A1", capTableRows(n), CAP_FORMATS(n));
  wb.addTable("Cap table", "CapTable", `A1:G${n + 1}`);
  const excel = new FakeExcel(wb, { mode, ...options });
  let temp = 0;
  const gw = new OfficeGateway({ run: excel.run, retry: noWait, tempName: () => `RR~tmp${++temp}` });
  return { wb, excel, gw };
}

describe.each(["web", "desktop"] as const)("Excel %s", (m) => {
  beforeAll(() => {
    mode = m;
  });

  describe("reading the cap table", () => {
    test("readCapTable is one sync, by table or by address", async () => {
      const { excel, gw } = setup(5);
      const byTable = await gw.readCapTable({ sheet: "Cap table", address: "A1:G6", table: "CapTable" });
      expect(excel.syncs).toBe(1);
      expect(byTable.ref).toEqual({ sheet: "Cap table", address: "A1:G6", table: "CapTable" });
      expect(byTable.headers).toEqual(["Holder", "Common", "Preferred", "Ratio", "Acquired", "Affiliate", "Role"]);
      expect(byTable.rows).toHaveLength(5);
      const byAddress = await gw.readCapTable({ sheet: "Cap table", address: "A1:C3" });
      expect(excel.syncs).toBe(2);
      expect(byAddress.rows).toEqual([
        ["Holder 1", expect.any(Number), expect.any(Number)],
        ["Holder 2", expect.any(Number), expect.any(Number)],
      ]);
      expect(gw.syncs).toBe(2);
    });

    test("a missing table or sheet is said in words", async () => {
      const { gw } = setup(2);
      await expect(gw.readCapTable({ sheet: "x", address: "A1", table: "Nope" })).rejects.toThrow('There is no table named "Nope"');
      await expect(gw.readCapTable({ sheet: "Gone", address: "A1:B2" })).rejects.toThrow('There is no sheet named "Gone"');
    });

    test("readSelectedCapTable: the table under the selection (1 sync), or the block around it (2 syncs)", async () => {
      const { wb, excel, gw } = setup(3);
      wb.select("Cap table", "B3");
      const t = await gw.readSelectedCapTable();
      expect(t.ref).toEqual({ sheet: "Cap table", address: "A1:G4", table: "CapTable" });
      expect(t.rows).toHaveLength(3);
      expect(excel.syncs).toBe(2); // where the table is (its items loaded), then its values
      wb.setCells("Sheet1", "C5", [
        ["Holder", "Common"],
        ["A", 1],
      ]);
      wb.select("Sheet1", "D6");
      const block = await gw.readSelectedCapTable();
      expect(block).toEqual({ ref: { sheet: "Sheet1", address: "C5:D6" }, headers: ["Holder", "Common"], rows: [["A", 1]] });
      expect(excel.syncs).toBe(4);
      wb.select("Sheet1", "A1:B2");
      await expect(gw.readSelectedCapTable()).rejects.toThrow(/selected cells are empty/);
    });
  });

  describe("writing a scenario sheet", () => {
    test("a 5,000-holder read + scenario sheet write goes in blocks under the budget (a few context.sync calls)", async () => {
      const { wb, excel, gw } = setup(5000);
      const read = await gw.readCapTable({ sheet: "Cap table", address: "A1:G5001", table: "CapTable" });
      expect(read.rows).toHaveLength(5000);
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 5000, 10_000_000), { overwriteForeign: false });
      expect(excel.syncs).toBeLessThanOrEqual(6);
      expect(excel.largestRequest).toBeLessThan(1_200_000); // BLOCK_BUDGET plus per-operation overhead
      expect(gw.syncs).toBe(excel.syncs);
      expect(wb.value("Demand", "E5004")).toBe(10_000_000);
      // Re-running over the existing sheet: the same budget.
      const before = excel.syncs;
      await gw.readCapTable(read.ref);
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 5000, 9_000_000), { overwriteForeign: false });
      expect(excel.syncs - before).toBeLessThanOrEqual(10); // + the old sheet's formulas, read in blocks
      expect(excel.largestResponse).toBeLessThan(1_500_000);
      expect(wb.value("Demand", "E5004")).toBe(9_000_000);
    }, 120_000);

    test("writes formulas, formats, widths, chart and fingerprint; replaces in place at the same position", async () => {
      const { wb, gw } = setup(10);
      const w = scenarioWrite("Demand", "Cap table", 10, 100_000);
      await gw.writeSheet(w, { overwriteForeign: false });
      expect(wb.input("Demand", "B4")).toBe(w.cells[3][1]);
      expect(wb.numberFormat("Demand", "G4")).toBe("$#,##0.00");
      expect(wb.columnWidth("Demand", 0)).toBe(120);
      expect(wb.charts("Demand")).toEqual([
        {
          type: "ColumnClustered",
          title: "Requested vs included",
          categories: "A4:A13",
          series: [
            { name: "Requested", values: "D4:D13" },
            { name: "Included", values: "E4:E13" },
          ],
          anchor: "I3",
        },
      ]);
      expect(await gw.sheetStatus("Demand")).toBe("ours");
      wb.moveSheet("Demand", 0);
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 10, 50_000), { overwriteForeign: false });
      expect(wb.listSheets().map((s) => s.name)).toEqual(["Demand", "Sheet1", "Cap table"]);
      expect(wb.value("Demand", "E14")).toBe(50_000);
      expect(wb.visibility("Demand")).toBe("visible");
      // Replacing the active sheet keeps it active.
      wb.activate("Demand");
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 10, 40_000), { overwriteForeign: false });
      expect(wb.activeSheet).toBe("Demand");
    });

    test("foreign content is not replaced without consent; the memory and Office fingerprints agree", async () => {
      const { wb, gw } = setup(10);
      const w = scenarioWrite("Demand", "Cap table", 10, 100_000);
      await gw.writeSheet(w, { overwriteForeign: false });
      wb.setCell("Cap table", "B2", 123); // a cap table edit changes values and spills, not ownership
      expect(await gw.sheetStatus("Demand")).toBe("ours");
      wb.setCell("Demand", "B20", "=1+1", undefined, "Bob");
      expect(await gw.sheetStatus("Demand")).toBe("foreign");
      await expect(gw.writeSheet(w, { overwriteForeign: false })).rejects.toBeInstanceOf(ForeignContentError);
      expect(wb.input("Demand", "B20")).toBe("=1+1");
      await gw.writeSheet(w, { overwriteForeign: true });
      expect(await gw.sheetStatus("Demand")).toBe("ours");
      expect(await gw.sheetStatus("Nowhere")).toBe("absent");
      expect(await gw.sheetStatus("Cap table")).toBe("foreign");
    });

    test("all or nothing: a failure at any operation of the write leaves the old sheet or the complete new one, never a half", async () => {
      const { wb, excel, gw } = setup(10);
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 10, 100_000), { overwriteForeign: false });
      wb.moveSheet("Demand", 1);
      const before = wb.readSheet("Demand");
      const sheets = wb.listSheets();
      const probeOps = 0; // a failure in the probe leaves the old sheet too
      let rolledBack = 0;
      let completed = 0;
      for (let at = 0; ; at++) {
        excel.failNext = { remaining: probeOps + at, code: "GeneralException" };
        const outcome = await gw.writeSheet(scenarioWrite("Demand", "Cap table", 10, 1), { overwriteForeign: false }).then(
          () => "resolved",
          (e) => e,
        );
        const injected = excel.failNext === null;
        excel.failNext = null;
        expect(wb.listSheets()).toEqual(sheets); // no temporary sheet left, same order
        if (outcome === "resolved") {
          expect(wb.value("Demand", "E14")).toBe(1);
          expect(await gw.sheetStatus("Demand")).toBe("ours");
          if (!injected) break; // past the last operation: nothing failed
          completed++;
        } else {
          expect(outcome).toBeInstanceOf(WorkbookError);
          expect(wb.readSheet("Demand")).toEqual(before);
          rolledBack++;
        }
        // Back to the old content for the next position.
        await gw.writeSheet(scenarioWrite("Demand", "Cap table", 10, 100_000), { overwriteForeign: false });
        wb.moveSheet("Demand", 1);
      }
      expect(rolledBack).toBeGreaterThan(10);
      expect(completed).toBeGreaterThan(0);
    });

    test("a formula Excel refuses: plain words, nothing half-written", async () => {
      const { wb, gw } = setup(3);
      const bad = scenarioWrite("Demand", "Cap table", 3, 10);
      bad.cells[4][6] = "=SUM((";
      const error = await gw.writeSheet(bad, { overwriteForeign: false }).catch((e) => e);
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).not.toMatch(/InvalidArgument|GeneralException|#/);
      expect(wb.hasSheet("Demand")).toBe(false);
      expect(wb.listSheets().map((s) => s.name)).toEqual(["Sheet1", "Cap table"]);
    });

    test("works whether Excel gives null objects or refuses to read through a missing sheet", async () => {
      const { wb, excel, gw } = setup(3, { nullChaining: "throw" });
      expect(await gw.sheetStatus("Demand")).toBe("absent");
      expect(excel.syncs).toBe(2);
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 3, 10), { overwriteForeign: false });
      expect(wb.hasSheet("Demand")).toBe(true);
      expect(await gw.scenarios.list()).toEqual({ scenarios: [], problems: [] });
    });

    test("insertTable: a table on a new uniquely named sheet, activated", async () => {
      const { wb, gw } = setup(1);
      const ref = await gw.insertTable("Cap table", "CapTable", capTableRows(4), CAP_FORMATS(4));
      expect(ref).toMatchObject({ sheet: "Cap table (2)", address: "A1:G5" });
      expect(ref.table).not.toBe("CapTable");
      expect(wb.table(ref.table!)).toMatchObject({ sheet: "Cap table (2)", address: "A1:G5" });
      expect(wb.activeSheet).toBe("Cap table (2)");
      expect(wb.numberFormat("Cap table (2)", "E2")).toBe("yyyy-mm-dd");
    });
  });

  describe("cell-edit mode and errors", () => {
    test("retries while Excel is in cell-edit mode, then succeeds", async () => {
      const { excel, gw } = setup(2);
      excel.editModeFailures = 2;
      const read = await gw.readCapTable({ sheet: "Cap table", address: "A1:G3" });
      expect(read.rows).toHaveLength(2);
      expect(excel.syncs).toBe(3);
    });

    test("a write retried after cell-edit mode completes once, with no temporary sheet left", async () => {
      const { wb, excel, gw } = setup(3);
      excel.editModeFailures = 1;
      await gw.writeSheet(scenarioWrite("Demand", "Cap table", 3, 10), { overwriteForeign: false });
      expect(excel.syncs).toBe(3);
      expect(wb.listSheets().map((s) => s.name)).toEqual(["Sheet1", "Cap table", "Demand"]);
      expect(await gw.sheetStatus("Demand")).toBe("ours");
    });

    test("gives up after a bounded number of retries with a plain-words message", async () => {
      const { excel, gw } = setup(2);
      excel.editModeFailures = 100;
      const error = await gw.readCapTable({ sheet: "Cap table", address: "A1:G3" }).catch((e) => e);
      expect(error).toBeInstanceOf(WorkbookError);
      expect(error.message).toMatch(/cell is being edited/);
      expect(error.message).not.toMatch(/InvalidOperationInCellEditMode/);
      expect(excel.syncs).toBe(4);
    });

    test("waits between retries with the configured backoff", async () => {
      const waits: number[] = [];
      const session = new OfficeSession(
        async () => {
          throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
        },
        { delays: [10, 20, 40], sleep: async (ms) => void waits.push(ms) },
      );
      await expect(session.run("read", async () => 1)).rejects.toThrow(WorkbookError);
      expect(waits).toEqual([10, 20, 40]);
    });

    test("Office error codes become sentences without codes", () => {
      for (const code of [
        "AccessDenied",
        "ItemNotFound",
        "ItemAlreadyExists",
        "InvalidArgument",
        "RequestPayloadSizeLimitExceeded",
        "ApiNotFound",
        "Conflict",
        "GeneralException",
      ]) {
        const message = plainError(Object.assign(new Error("x"), { code }), "write the sheet").message;
        expect(message).not.toContain(code);
        expect(message.length).toBeGreaterThan(20);
      }
    });
  });

  describe("scenario store on a very hidden sheet", () => {
    const rec = (id: string, name: string, capacity: number) => ({
      id,
      name,
      updatedAt: new Date(Date.UTC(2026, 10, 25, 1, capacity % 60)).toISOString(),
      payload: { capacity },
    });

    test("two co-authors saving different scenarios at the same moment both survive; the same id replaces", async () => {
      const wb = new MemoryWorkbook();
      wb.addSheet("Sheet1");
      const alice = new OfficeGateway({ run: new FakeExcel(wb, { author: "Alice", mode }).run, retry: noWait });
      const bob = new OfficeGateway({ run: new FakeExcel(wb, { author: "Bob", mode }).run, retry: noWait });
      await alice.scenarios.save(rec("first", "First", 1)); // creates the store
      expect(wb.visibility(STORE_SHEET)).toBe("veryHidden");
      // Both read before either writes (their syncs interleave).
      await Promise.all([alice.scenarios.save(rec("alice-1", "Alice's", 2)), bob.scenarios.save(rec("bob-1", "Bob's", 3))]);
      const list = await alice.scenarios.list();
      expect(list.scenarios.map((s) => s.name).sort()).toEqual(["Alice's", "Bob's", "First"]);
      await bob.scenarios.save(rec("alice-1", "Alice's, revised by Bob", 4));
      const after = await alice.scenarios.list();
      expect(after.scenarios).toHaveLength(3);
      expect(after.scenarios.find((s) => s.id === "alice-1")).toMatchObject({ name: "Alice's, revised by Bob" });
      expect(await alice.scenarios.load("alice-1")).toMatchObject({ name: "Alice's, revised by Bob", payload: { capacity: 4 } });
      await alice.scenarios.remove("first");
      expect((await bob.scenarios.list()).scenarios.map((s) => s.id).sort()).toEqual(["alice-1", "bob-1"]);
    });

    test("two co-authors saving the first scenarios of a workbook at once: both survive", async () => {
      const wb = new MemoryWorkbook();
      wb.addSheet("Sheet1");
      const alice = new OfficeGateway({ run: new FakeExcel(wb, { author: "Alice", mode }).run, retry: noWait });
      const bob = new OfficeGateway({ run: new FakeExcel(wb, { author: "Bob", mode }).run, retry: noWait });
      await Promise.all([alice.scenarios.save(rec("a", "Alice's", 1)), bob.scenarios.save(rec("b", "Bob's", 2))]);
      expect((await alice.scenarios.list()).scenarios.map((s) => s.name).sort()).toEqual(["Alice's", "Bob's"]);
      expect(wb.visibility(STORE_SHEET)).toBe("veryHidden");
    });

    test("save is 2 syncs and writes one row only", async () => {
      const wb = new MemoryWorkbook();
      wb.addSheet("Sheet1");
      const excel = new FakeExcel(wb, { mode });
      const gw = new OfficeGateway({ run: excel.run, retry: noWait });
      await gw.scenarios.save(rec("a", "A", 1));
      const changed: string[] = [];
      wb.onChanged((e) => changed.push(`${e.sheet}!${e.address}`));
      const syncs = excel.syncs;
      await gw.scenarios.save(rec("b", "B", 2));
      expect(excel.syncs - syncs).toBe(2);
      expect(new Set(changed).size).toBe(1); // its number formats, then its values: one row
      expect(changed[0]).toMatch(/^RegRights\.Scenarios!A\d+:F\d+$/);
    });

    test("a corrupt row is reported by name and the others load", async () => {
      const wb = new MemoryWorkbook();
      wb.addSheet("Sheet1");
      const gw = new OfficeGateway({ run: new FakeExcel(wb, { mode }).run, retry: noWait });
      await gw.scenarios.save(rec("a", "Good", 1));
      await gw.scenarios.save(rec("b", "Broken", 2));
      const used = wb.usedRange(STORE_SHEET)!;
      const rows = wb.getValues(STORE_SHEET, used);
      const at = rows.findIndex((r) => r[0] === "b");
      wb.setCell(STORE_SHEET, `F${at + 1}`, "~{oops");
      // The list reads the index only; the damaged payload is reported by name when it is opened.
      const list = await gw.scenarios.list();
      expect(list.scenarios.map((s) => s.name).sort()).toEqual(["Broken", "Good"]);
      await expect(gw.scenarios.load("b")).rejects.toThrow(/"Broken" could not be read: .*damaged/);
      expect((await gw.scenarios.load("a")).payload).toEqual({ capacity: 1 });
      wb.setCell(STORE_SHEET, `D${at + 1}`, "");
      expect((await gw.scenarios.list()).problems).toEqual([{ name: "Broken", problem: expect.stringMatching(/schema/) }]);
    });

    test("onChange fires for another author's saves, before and after the store exists; unsubscribe stops it; subscribing twice is one subscription", async () => {
      const wb = new MemoryWorkbook();
      wb.addSheet("Sheet1");
      const alice = new OfficeGateway({ run: new FakeExcel(wb, { author: "Alice", mode }).run, retry: noWait });
      const bob = new OfficeGateway({ run: new FakeExcel(wb, { author: "Bob", mode }).run, retry: noWait });
      let calls = 0;
      const listener = () => void calls++;
      const off = await alice.scenarios.onChange(listener);
      expect(await alice.scenarios.onChange(listener)).toBe(off);
      expect(wb.hasSheet(STORE_SHEET)).toBe(false); // watching writes nothing
      await bob.scenarios.save(rec("x", "Bob's", 1)); // creates the store: seen through worksheets.onAdded
      await new Promise((r) => setTimeout(r, 5));
      expect(calls).toBeGreaterThan(0);
      const afterFirst = calls;
      await bob.scenarios.save(rec("x2", "Bob's other", 1)); // seen through the store's onChanged
      await new Promise((r) => setTimeout(r, 5));
      expect(calls).toBeGreaterThan(afterFirst);
      await off();
      await off();
      const seen = calls;
      await bob.scenarios.save(rec("y", "Bob's second", 2));
      await new Promise((r) => setTimeout(r, 5));
      expect(calls).toBe(seen);
    });
  });
});
