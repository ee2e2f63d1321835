import fs from "node:fs";
import path from "node:path";
import { MemoryWorkbook, MemoryGateway, RR_FUNCTIONS, ErrorValue } from "../../src/workbook/memory";
import { ForeignContentError } from "../../src/workbook/gateway";
import { WorkbookError } from "../../src/workbook/errors";
import * as rr from "../../src/functions/functions";
import { capTableRows, CAP_FORMATS, scenarioWrite } from "./support/capTable";

function book() {
  const wb = new MemoryWorkbook();
  wb.addSheet("Sheet1");
  return wb;
}

describe("cells and formulas", () => {
  test("constants, formulas, relative and sheet-qualified absolute references, SUM", () => {
    const wb = book();
    wb.addSheet("Cap table");
    wb.setCells("Cap table", "C2", [[10], [20], [30]]);
    wb.setCells("Sheet1", "A1", [["=SUM('Cap table'!$C$2:$C$4)", "=A1*2", "='Cap table'!C3+1"]]);
    expect(wb.getValues("Sheet1", "A1:C1")).toEqual([[60, 120, 21]]);
    expect(wb.input("Sheet1", "B1")).toBe("=A1*2");
  });

  test("recalculates after every write, in dependency order", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [["=B1+1", "=C1*10", 1]]);
    expect(wb.value("Sheet1", "A1")).toBe(11);
    wb.setCell("Sheet1", "C1", 5);
    expect(wb.value("Sheet1", "A1")).toBe(51);
    expect(wb.lastRecalc.passes).toBe(1);
  });

  test("a change no formula can depend on (the scenario store) does not recalculate", async () => {
    const wb = book();
    wb.addSheet("Data");
    wb.setCells("Data", "A1", [[1], [2]]);
    wb.setCell("Sheet1", "A1", "=SUM(Data!A1:A2)");
    expect(wb.value("Sheet1", "A1")).toBe(3);
    const calculated = wb.lastRecalc;
    await new MemoryGateway(wb).scenarios.save({ id: "a", name: "A", updatedAt: "2026-11-25T01:00:00.000Z", payload: {} });
    wb.setCell("Sheet1", "B5", "plain");
    expect(wb.value("Sheet1", "A1")).toBe(3);
    expect(wb.lastRecalc).not.toBe(calculated); // Sheet1 has formulas: recalculated
    const again = wb.lastRecalc;
    await new MemoryGateway(wb).scenarios.save({ id: "b", name: "B", updatedAt: "2026-11-25T01:00:00.000Z", payload: {} });
    expect(wb.value("Sheet1", "A1")).toBe(3);
    expect(wb.lastRecalc).toBe(again);
    wb.setCell("Data", "A2", 5);
    expect(wb.value("Sheet1", "A1")).toBe(6);
  });

  test("blank reads as 0 in arithmetic; errors are Excel error values; a bad sheet is #REF!", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [["=B1*2", "", "=1/0", "=Nope!A1", "=NOSUCHFN(1)"]]);
    expect(wb.getValues("Sheet1", "A1:E1")).toEqual([[0, "", "#DIV/0!", "#REF!", "#NAME?"]]);
  });

  test("a formula Excel would refuse is refused and nothing changes", () => {
    const wb = book();
    wb.setCell("Sheet1", "A1", 1);
    expect(() => wb.setCells("Sheet1", "A1", [[2, "=SUM(("]])).toThrow(/not a valid formula/);
    expect(wb.value("Sheet1", "A1")).toBe(1);
    expect(wb.input("Sheet1", "B1")).toBeNull();
  });

  test("dates are serial numbers and display with their number format", () => {
    const wb = book();
    wb.setCells(
      "Sheet1",
      "A1",
      [["=DATE(2024,5,15)", 1234567.891, 0.2345, 18800000, 1234.5]],
      [["yyyy-mm-dd", "#,##0", "0.0%", "$#,##0.00", "#,##0.00"]],
    );
    expect(wb.value("Sheet1", "A1")).toBe(45427);
    expect(wb.readSheet("Sheet1").rows[0].map((c) => c.text)).toEqual(["2024-05-15", "1,234,568", "23.5%", "$18,800,000.00", "1,234.50"]);
  });
});

describe("spills", () => {
  test("a 2-D result fills the cells below as spilled values", () => {
    const wb = book();
    wb.setCell("Sheet1", "B2", "=RR.CUTBACK({40;35;25}, 1, 7)");
    expect(wb.getValues("Sheet1", "B2:B4")).toEqual([[3], [2], [2]]);
    const view = wb.readSheet("Sheet1");
    expect(view.rows[2][1]).toMatchObject({ value: 2, spilled: true, formula: null });
    expect(view.rows[1][1]).toMatchObject({ value: 3, spilled: false, formula: "=RR.CUTBACK({40;35;25}, 1, 7)" });
    // Other formulas read spilled cells.
    wb.setCell("Sheet1", "C1", "=SUM(B2:B4)");
    expect(wb.value("Sheet1", "C1")).toBe(7);
  });

  test("#SPILL! when blocked, and the spill comes back when the block is cleared", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [["=RR.CUTBACK({40;35;25}, 1, 7)"], [null], ["x"]]);
    expect(wb.getValues("Sheet1", "A1:A3")).toEqual([["#SPILL!"], [""], ["x"]]);
    wb.clear("Sheet1", "A3");
    expect(wb.getValues("Sheet1", "A1:A3")).toEqual([[3], [2], [2]]);
  });

  test("a formula above a spill reads it (evaluated again once the spill is placed)", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [["=SUM(B3:B5)"], [null, "=RR.CUTBACK({40;35;25}, 1, 7)"]]);
    expect(wb.value("Sheet1", "A1")).toBe(4);
    expect(wb.lastRecalc.passes).toBe(2);
    wb.setCell("Sheet1", "A3", 1); // unrelated edit: the layout is known, one pass
    expect(wb.value("Sheet1", "A1")).toBe(4);
    expect(wb.lastRecalc.passes).toBe(1);
  });

  test("removing a spilling formula removes its spill; overlapping spills: the first one wins", () => {
    const wb = book();
    wb.setCells("Sheet1", "B1", [["=RR.CUTBACK({40;35;25}, 1, 7)"]]);
    wb.setCells("Sheet1", "A2", [["={1,2}"]]);
    expect(wb.getValues("Sheet1", "A1:B3")).toEqual([
      ["", 3],
      ["#SPILL!", 2],
      ["", 2],
    ]);
    wb.clear("Sheet1", "B1");
    expect(wb.getValues("Sheet1", "A1:B3")).toEqual([
      ["", ""],
      [1, 2],
      ["", ""],
    ]);
    expect(wb.usedRange("Sheet1")).toBe("A2:B2");
  });

  test("a formula reading a spill that changes size is recalculated to a fixed point", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [
      [1, "=SUM(C1:C10)", "=A1:A2"],
      [2, null, null],
    ]);
    expect(wb.value("Sheet1", "B1")).toBe(3);
    wb.setCell("Sheet1", "A2", 5);
    expect(wb.value("Sheet1", "B1")).toBe(6);
  });
});

describe("RR functions", () => {
  test("every @customfunction id of functions.ts is registered", () => {
    const source = fs.readFileSync(path.join(__dirname, "../../src/functions/functions.ts"), "utf8");
    const ids = [...source.matchAll(/@customfunction\s+(\S+)/g)].map((m) => m[1]).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(Object.keys(RR_FUNCTIONS).sort()).toEqual(ids);
  });

  test("formulas over a cap table give the engine's numbers", () => {
    const wb = book();
    const n = 40;
    const cap = capTableRows(n, 7);
    wb.addSheet("Cap table");
    wb.setCells("Cap table", "A1", cap);
    const w = scenarioWrite("Scenario", "Cap table", n, 500_000);
    wb.addSheet("Scenario");
    wb.setCells("Scenario", "A1", w.cells, w.numberFormats);
    const body = cap.slice(1);
    const col = (j: number) => body.map((r) => [r[j]]);
    const registrable = rr.registrable(col(1), col(2), col(3)) as number[][];
    const tiers = rr.priority(col(6), [["demand"]]) as number[][];
    const kept = rr.cutback(registrable, tiers, 500_000) as number[][];
    const caps = rr.indemnityCap(kept, [[20]], [[0.06]]) as number[][];
    const got = wb.getValues("Scenario", `B4:G${3 + n}`);
    expect(got.map((r) => r[0])).toEqual(registrable.map((r) => r[0]));
    expect(got.map((r) => r[1])).toEqual(tiers.map((r) => r[0]));
    expect(got.map((r) => r[3])).toEqual(kept.map((r) => r[0]));
    expect(got.map((r) => r[5])).toEqual(caps.map((r) => r[0]));
    expect(wb.value("Scenario", `E${4 + n}`)).toBe(500_000);
    expect(wb.value("Scenario", "A4")).toBe("Holder 1");
  });

  test("omitted optionals arrive as null, scalars and ranges in Excel's shapes", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [
      ["=RR.REGISTRABLE(100, 10, 1.5)", "=RR.REGISTRABLE(100, 10, 1.5, , TRUE)", "=RR.RULE144.VOLUME(1840000, {15000,17200,19600,18100})"],
      [
        "=RR.INDEMNITY.CAP(1000000, 20, 0.06)",
        '=RR.PRIORITY("other", "demand")',
        '=RR.INDEMNITY.UNCOVERED(100, {1;1;1}, {10;"none";"none"})',
      ],
    ]);
    expect(wb.getValues("Sheet1", "A1:C2")).toEqual([
      [115, 0, 18400],
      [18800000, 2, 23.34],
    ]);
  });

  test("an RR error is an Excel error value with the function's message", () => {
    const wb = book();
    wb.setCell("Sheet1", "A1", "=RR.REGISTRABLE(-1, 0, 1)");
    const v = wb.value("Sheet1", "A1");
    expect(v).toBeInstanceOf(ErrorValue);
    expect((v as ErrorValue).code).toBe("#VALUE!");
    expect(wb.readSheet("Sheet1").rows[0][0].error).toMatch(/common/);
  });

  test("an error in an argument reaches the function (allowErrorForDataTypeAny), which names it", () => {
    const wb = book();
    wb.setCells("Sheet1", "A1", [["=1/0", "=RR.REGISTRABLE(A1, 0, 1)"]]);
    expect(wb.value("Sheet1", "B1")).toEqual(
      new ErrorValue("#VALUE!", "common: the cell holds an error (#DIV/0!); expected a whole number of shares"),
    );
  });
});

describe("sheets, tables, selection, properties, events", () => {
  test("sheets keep position and visibility; names are case-insensitive", () => {
    const wb = book();
    wb.addSheet("Hidden", { visibility: "hidden" });
    wb.addSheet("Store", { visibility: "veryHidden", position: 0 });
    expect(wb.listSheets().map((s) => [s.name, s.position, s.visibility])).toEqual([
      ["Store", 0, "veryHidden"],
      ["Sheet1", 1, "visible"],
      ["Hidden", 2, "hidden"],
    ]);
    expect(() => wb.addSheet("sheet1")).toThrow(/already exists/);
    expect(() => wb.activate("Store")).toThrow(/hidden/);
    expect(() => wb.addSheet("a/b")).toThrow();
  });

  test("tables, selection and the gateway's readSelectedCapTable", async () => {
    const wb = book();
    const gw = new MemoryGateway(wb);
    const ref = await gw.insertTable("Cap table", "CapTable", capTableRows(3), CAP_FORMATS(3));
    expect(ref).toEqual({ sheet: "Cap table", address: "A1:G4", table: "CapTable" });
    wb.select("Cap table", "C3");
    const read = await gw.readSelectedCapTable();
    expect(read.ref).toEqual(ref);
    expect(read.headers[0]).toBe("Holder");
    expect(read.rows).toHaveLength(3);
    // A second insert gets unique names.
    const again = await gw.insertTable("Cap table", "CapTable", capTableRows(1));
    expect(again.sheet).toBe("Cap table (2)");
    expect(again.table).not.toBe("CapTable");
    expect(again.table).toMatch(/^CapTable\w+$/);
  });

  test("a selected block without a table: its surrounding region", async () => {
    const wb = book();
    wb.setCells("Sheet1", "B2", [
      ["Holder", "Common"],
      ["A", 1],
      ["B", 2],
    ]);
    wb.select("Sheet1", "C3");
    const gw = new MemoryGateway(wb);
    const read = await gw.readSelectedCapTable();
    expect(read.ref).toEqual({ sheet: "Sheet1", address: "B2:C4" });
    expect(read.rows).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
    wb.select("Sheet1", "H20");
    await expect(gw.readSelectedCapTable()).rejects.toThrow(WorkbookError);
  });

  test("change events carry the author; gateways count round trips", async () => {
    const wb = book();
    const events: string[] = [];
    const off = wb.onChanged((e) => events.push(`${e.author}:${e.sheet}!${e.address}`));
    wb.setCell("Sheet1", "A1", 1, undefined, "Bob");
    off();
    wb.setCell("Sheet1", "A2", 1);
    expect(events).toEqual(["Bob:Sheet1!A1"]);
    const gw = new MemoryGateway(wb);
    await gw.readValues("Sheet1", "A1");
    await gw.sheetStatus("Sheet1");
    expect(gw.roundTrips).toBe(2);
    expect(wb.roundTrips).toBe(2);
  });
});

describe("writeSheet and sheetStatus", () => {
  const setup = () => {
    const wb = book();
    wb.addSheet("Cap table");
    wb.setCells("Cap table", "A1", capTableRows(10));
    return { wb, gw: new MemoryGateway(wb) };
  };

  test("absent, then ours after a write, foreign after an edit, and writes ask before replacing", async () => {
    const { wb, gw } = setup();
    const w = scenarioWrite("Demand", "Cap table", 10, 100_000);
    expect(await gw.sheetStatus("Demand")).toBe("absent");
    await gw.writeSheet(w, { overwriteForeign: false });
    expect(await gw.sheetStatus("Demand")).toBe("ours");
    expect(wb.charts("Demand")[0].series.map((s) => s.name)).toEqual(["Requested", "Included"]);
    expect(wb.columnWidth("Demand", 0)).toBe(120);
    // Changing the cap table changes values (and spills), not ownership.
    wb.setCell("Cap table", "B2", 5);
    expect(await gw.sheetStatus("Demand")).toBe("ours");
    // Re-running replaces in place.
    await gw.writeSheet(scenarioWrite("Demand", "Cap table", 10, 50_000), { overwriteForeign: false });
    expect(wb.value("Demand", "E14")).toBe(50_000);
    // A user's formula anywhere, or a changed constant, makes it foreign.
    wb.setCell("Demand", "H1", "note");
    expect(await gw.sheetStatus("Demand")).toBe("foreign");
    await expect(gw.writeSheet(w, { overwriteForeign: false })).rejects.toBeInstanceOf(ForeignContentError);
    expect(wb.value("Demand", "H1")).toBe("note");
    await gw.writeSheet(w, { overwriteForeign: true });
    expect(await gw.sheetStatus("Demand")).toBe("ours");
    wb.setCell("Demand", "A3", "Investor");
    expect(await gw.sheetStatus("Demand")).toBe("foreign");
  });

  test("a sheet the user made is foreign; an empty one is not", async () => {
    const { wb, gw } = setup();
    wb.addSheet("Mine");
    expect(await gw.sheetStatus("Mine")).toBe("ours");
    wb.setCell("Mine", "A1", 1);
    expect(await gw.sheetStatus("Mine")).toBe("foreign");
  });

  test("all or nothing: a bad formula leaves the old sheet as it was", async () => {
    const { wb, gw } = setup();
    const w = scenarioWrite("Demand", "Cap table", 10, 100_000);
    await gw.writeSheet(w, { overwriteForeign: false });
    const before = wb.readSheet("Demand");
    const bad = { ...w, cells: [...w.cells, ["=SUM(("]] };
    await expect(gw.writeSheet(bad, { overwriteForeign: false })).rejects.toThrow(/could not write "Demand".*as it was/);
    expect(wb.readSheet("Demand")).toEqual(before);
    expect(await gw.sheetStatus("Demand")).toBe("ours");
    // A first write that fails leaves no sheet behind.
    await expect(gw.writeSheet({ ...bad, sheet: "New" }, { overwriteForeign: false })).rejects.toThrow(WorkbookError);
    expect(wb.hasSheet("New")).toBe(false);
  });
});

describe("scenario store", () => {
  test("very hidden store; two authors saving different scenarios both survive; same id replaces", async () => {
    const wb = book();
    const alice = new MemoryGateway(wb, { author: "Alice" });
    const bob = new MemoryGateway(wb, { author: "Bob" });
    const seen: string[] = [];
    const off = await alice.scenarios.onChange(() => seen.push("changed"));
    await Promise.all([
      alice.scenarios.save({ id: "a", name: "Alice's", updatedAt: "2026-11-25T01:00:00.000Z", payload: { capacity: 1 } }),
      bob.scenarios.save({ id: "b", name: "Bob's", updatedAt: "2026-11-25T01:00:01.000Z", payload: { capacity: 2 } }),
    ]);
    expect(wb.visibility("RegRights.Scenarios")).toBe("veryHidden");
    let list = await alice.scenarios.list();
    expect(list.scenarios.map((s) => s.name).sort()).toEqual(["Alice's", "Bob's"]);
    await bob.scenarios.save({ id: "a", name: "Alice's, edited by Bob", updatedAt: "2026-11-25T01:05:00.000Z", payload: { capacity: 3 } });
    list = await alice.scenarios.list();
    expect(list.scenarios).toHaveLength(2);
    expect(await alice.scenarios.load("a")).toMatchObject({ name: "Alice's, edited by Bob", payload: { capacity: 3 } });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    await off();
    await bob.scenarios.remove("b");
    expect((await alice.scenarios.list()).scenarios.map((s) => s.id)).toEqual(["a"]);
    expect(seen.length).toBeLessThan(6);
  });
});

describe("speed (measured, not asserted)", () => {
  test("a 5,000-holder cap table and its scenario sheet recalculate", () => {
    const wb = book();
    wb.addSheet("Cap table");
    wb.setCells("Cap table", "A1", capTableRows(5000));
    const w = scenarioWrite("Demand", "Cap table", 5000, 10_000_000);
    wb.addSheet("Demand");
    wb.setCells("Demand", "A1", w.cells, w.numberFormats);
    const stats = wb.recalculate();
    expect(stats.formulas).toBe(5000 * 6 + 1 + 4);
    expect(wb.value("Demand", "E5004")).toBe(10_000_000);
    console.log(`in-memory recalculation, 5,000 holders: ${stats.formulas} formulas, ${stats.passes} pass(es), ${stats.ms.toFixed(0)} ms`);
  }, 120_000);
});
