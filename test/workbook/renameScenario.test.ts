// Renaming a scenario renames its sheet too, in one batch, all or nothing (ScenarioStore.rename),
// in both gateways: the in-memory workbook, and Office.js against the fake Excel (which refuses
// what Excel refuses: a sheet name already taken, hidden sheets included; a name Excel forbids).
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeGateway } from "../../src/workbook/office/gateway";
import type { Runner } from "../../src/workbook/office/run";
import type { WorkbookGateway } from "../../src/workbook/gateway";
import { WorkbookError } from "../../src/workbook/errors";
import { STORE_SHEET } from "../../src/workbook/records";
import { FakeExcel, FakeMode } from "./support/fakeExcel";
import { capTableRows, CAP_FORMATS, scenarioWrite } from "./support/capTable";

const noWait = { delays: [1, 1, 1], sleep: async () => undefined };

type Kind = "memory" | FakeMode;

function workbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  wb.addSheet("Cap table");
  wb.setCells("Cap table", "A1", capTableRows(5), CAP_FORMATS(5));
  return wb;
}

function gatewayOver(wb: MemoryWorkbook, kind: Kind, options: { blockBudget?: number; run?: Runner } = {}) {
  if (kind === "memory") return { gw: new MemoryGateway(wb) as WorkbookGateway, excel: null };
  const excel = new FakeExcel(wb, { mode: kind });
  const gw = new OfficeGateway({ run: options.run ?? excel.run, retry: noWait, blockBudget: options.blockBudget });
  return { gw: gw as WorkbookGateway, excel };
}

const record = (name: string, extra = "") => ({
  id: "s1",
  name,
  updatedAt: "2026-12-04T01:00:00.000Z",
  payload: { sheet: name, note: extra },
});

/** A saved scenario "Demand" with its sheet written. */
async function setup(kind: Kind, options: { blockBudget?: number; run?: Runner; extra?: string } = {}) {
  const wb = workbook();
  const { gw, excel } = gatewayOver(wb, kind, options);
  await gw.writeSheet(scenarioWrite("Demand", "Cap table", 5, 100_000), { overwriteForeign: false });
  await gw.scenarios.save(record("Demand", options.extra));
  return { wb, gw, excel };
}

const visibleSheets = (wb: MemoryWorkbook) =>
  wb
    .listSheets()
    .filter((s) => s.visibility === "visible")
    .map((s) => s.name);

async function state(wb: MemoryWorkbook, gw: WorkbookGateway) {
  return { sheets: visibleSheets(wb), names: (await gw.scenarios.list()).scenarios.map((s) => s.name) };
}

describe.each(["memory", "web", "desktop"] as const)("rename, %s", (kind) => {
  test("renames the sheet and the record together; the sheet keeps its cells, its place and its ownership", async () => {
    const { wb, gw } = await setup(kind);
    const before = wb.readSheet("Demand");
    const position = wb.listSheets().findIndex((s) => s.name === "Demand");
    expect(await gw.scenarios.rename(record("Demand v2"), { from: "Demand", to: "Demand v2" })).toBe("renamed");
    expect(wb.hasSheet("Demand")).toBe(false);
    expect(wb.listSheets().findIndex((s) => s.name === "Demand v2")).toBe(position);
    expect(wb.readSheet("Demand v2").rows).toEqual(before.rows);
    expect(await gw.sheetStatus("Demand v2")).toBe("ours"); // the fingerprint went with the sheet
    expect((await gw.scenarios.list()).scenarios).toEqual([expect.objectContaining({ id: "s1", name: "Demand v2" })]);
    expect((await gw.scenarios.load("s1")).payload).toEqual({ sheet: "Demand v2", note: "" });
  });

  test("a change of case only is the same sheet, renamed", async () => {
    const { wb, gw } = await setup(kind);
    expect(await gw.scenarios.rename(record("demand"), { from: "Demand", to: "demand" })).toBe("renamed");
    expect(wb.sheetName("DEMAND")).toBe("demand");
  });

  test("no sheet by the old name: only the record changes, and no sheet is made", async () => {
    const { wb, gw } = await setup(kind);
    wb.deleteSheet("Demand");
    const sheets = visibleSheets(wb);
    expect(await gw.scenarios.rename(record("Other"), { from: "Demand", to: "Other" })).toBe("absent");
    expect(visibleSheets(wb)).toEqual(sheets);
    expect((await gw.scenarios.list()).scenarios.map((s) => s.name)).toEqual(["Other"]);
  });

  test.each([
    ["another sheet's name", "Cap table", /A sheet named "Cap table" already exists\. Choose another name/],
    ["another sheet's name in other case", "SHEET1", /A sheet named "SHEET1" already exists/],
    ["the very hidden store sheet's name", STORE_SHEET, /hidden sheet of saved scenarios/],
    ["a character Excel forbids", "Demand/2", /contains one of/],
    ["more than 31 characters", "D".repeat(32), /longer than 31 characters/],
    ["Excel's reserved name", "history", /reserved/],
    ["a blank name", "  ", /cannot be blank/],
  ])("%s is refused in words before anything changes", async (_, to, message) => {
    const { wb, gw } = await setup(kind);
    const before = await state(wb, gw);
    const error = await gw.scenarios.rename(record(to), { from: "Demand", to }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/Nothing was changed\.$/);
    expect(await state(wb, gw)).toEqual(before);
  });

  test("a scenario another author deleted is not brought back", async () => {
    const { wb, gw } = await setup(kind);
    await gw.scenarios.remove("s1");
    await expect(gw.scenarios.rename(record("Back"), { from: "Demand", to: "Back" })).rejects.toThrow(/no longer in this workbook/);
    expect(await state(wb, gw)).toEqual({ sheets: ["Sheet1", "Cap table", "Demand"], names: [] });
  });
});

describe.each(["web", "desktop"] as const)("rename in Excel %s: one batch, all or nothing", (mode) => {
  test("works whether Excel gives null objects or refuses to read through a missing sheet", async () => {
    const wb = workbook();
    const excel = new FakeExcel(wb, { mode, nullChaining: "throw" });
    const gw = new OfficeGateway({ run: excel.run, retry: noWait });
    await gw.scenarios.save(record("Demand"));
    expect(await gw.scenarios.rename(record("Other"), { from: "Demand", to: "Other" })).toBe("absent");
    await gw.writeSheet(scenarioWrite("Other", "Cap table", 5, 100_000), { overwriteForeign: false });
    expect(await gw.scenarios.rename(record("Third"), { from: "Other", to: "Third" })).toBe("renamed");
    expect(await state(wb, gw)).toEqual({ sheets: ["Sheet1", "Cap table", "Third"], names: ["Third"] });
  });

  test("two syncs, as save", async () => {
    const { gw, excel } = await setup(mode);
    const syncs = excel!.syncs;
    await gw.scenarios.rename(record("Demand v2"), { from: "Demand", to: "Demand v2" });
    expect(excel!.syncs - syncs).toBe(2);
  });

  // A record that fits one block, and one larger than the budget (written in blocks of columns).
  test.each([
    ["one block", undefined, ""],
    ["in blocks", 2_000, "x".repeat(6_000)],
  ])("a failure at any operation (%s) leaves the old names or both new ones, never one without the other", async (_, budget, extra) => {
    let completed = 0;
    let refused = 0;
    for (let at = 0; ; at++) {
      const { wb, gw, excel } = await setup(mode, { blockBudget: budget, extra });
      const syncs = excel!.syncs;
      // Past the first sync (the checks), the failure lands in the writes.
      let n = 0;
      const sync = FakeExcelSync.wrap(excel!, () => {
        if (n++ === 1) excel!.failNext = { remaining: at, code: "GeneralException" };
      });
      const outcome = await gw.scenarios.rename(record("Demand v2", extra), { from: "Demand", to: "Demand v2" }).then(
        () => "resolved",
        (e: unknown) => e,
      );
      sync.restore();
      const injected = excel!.failNext === null;
      excel!.failNext = null;
      const after = await state(wb, gw);
      if (outcome === "resolved") {
        expect(after).toEqual({ sheets: ["Sheet1", "Cap table", "Demand v2"], names: ["Demand v2"] });
        expect((await gw.scenarios.load("s1")).payload).toEqual({ sheet: "Demand v2", note: extra });
        if (!injected) break;
        completed++;
      } else {
        expect(outcome).toBeInstanceOf(WorkbookError);
        expect(after).toEqual({ sheets: ["Sheet1", "Cap table", "Demand"], names: ["Demand"] });
        expect((await gw.scenarios.load("s1")).payload).toEqual({ sheet: "Demand", note: extra });
        refused++;
      }
      expect(wb.listSheets().filter((s) => s.name !== STORE_SHEET && s.visibility !== "visible")).toEqual([]);
      expect(excel!.syncs).toBeGreaterThan(syncs);
    }
    expect(refused).toBeGreaterThan(1);
    expect(completed + refused).toBeGreaterThan(2);
  });

  test("another author takes the new name between the checks and the write: Excel refuses, in words, and nothing changes", async () => {
    const wb = workbook();
    const excel = new FakeExcel(wb, { mode });
    let armed = false;
    const run: Runner = (batch, existing) => {
      const context = existing ?? excel.context();
      const sync = context.sync.bind(context);
      let n = 0;
      context.sync = (async () => {
        await sync();
        if (armed && n++ === 0) wb.addSheet("Demand v2", { author: "Bob" });
      }) as typeof context.sync;
      return batch(context);
    };
    const gw = new OfficeGateway({ run, retry: noWait });
    await gw.writeSheet(scenarioWrite("Demand", "Cap table", 5, 100_000), { overwriteForeign: false });
    await gw.scenarios.save(record("Demand"));
    armed = true;
    const error = await gw.scenarios.rename(record("Demand v2"), { from: "Demand", to: "Demand v2" }).catch((e: unknown) => e);
    armed = false;
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/already exists/);
    expect((error as Error).message).not.toMatch(/ItemAlreadyExists/);
    expect(visibleSheets(wb)).toEqual(["Sheet1", "Cap table", "Demand", "Demand v2"]);
    expect((await gw.scenarios.list()).scenarios.map((s) => s.name)).toEqual(["Demand"]);
    expect(await gw.sheetStatus("Demand")).toBe("ours");
  });
});

/** Calls before() ahead of every context.sync of the fake's next contexts (to arm a failure). */
const FakeExcelSync = {
  wrap(excel: FakeExcel, before: () => void) {
    const original = excel.context.bind(excel);
    excel.context = () => {
      const context = original();
      const sync = context.sync.bind(context);
      context.sync = ((value?: unknown) => {
        before();
        return sync(value);
      }) as typeof context.sync;
      return context;
    };
    return {
      restore: () => {
        excel.context = original;
      },
    };
  },
};
