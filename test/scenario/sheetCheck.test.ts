// The sheet always agrees with the pane (issue 9, item 1). Every scenario here is written into the
// in-memory workbook, read back the way the pane reads it (checkAddress), and compared cell for cell
// with the engine's figures: the OCF fixtures, a table with blank ratios and blank requests, and a
// 5,000-holder table with fund-sized positions. Then the check itself must catch what it is for: a
// cap table edited behind the pane's back, an error cell, a cell still calculating.
import { join } from "node:path";
import { readFileSync, readdirSync } from "node:fs";
import { importOcf, toCapTableRows } from "../../src/ocf";
import { MemoryWorkbook } from "../../src/workbook/memory";
import type { CellInput } from "../../src/workbook/gateway";
import {
  COL,
  FIRST_HOLDER_ROW,
  buildScenarioSheet,
  checkAddress,
  checkSheet,
  colLetter,
  computeScenario,
  describeCheck,
  sampleCapTable,
  type ScenarioPayload,
} from "../../src/scenario";
import { demandPayload, readCapTable } from "./support";
import type { Offering } from "../../src/engine";

type Rows = CellInput[][];

async function run(rows: Rows, over: Partial<ScenarioPayload> = {}, edit?: (wb: MemoryWorkbook) => void) {
  const cap = await readCapTable(new MemoryWorkbook(), rows);
  const { workbook, gateway, parsed } = cap;
  expect(parsed.problems).toEqual([]);
  // capacity 0 is set below: 37% of what is requested, so the cutback bites.
  const p = demandPayload(cap, { capacity: 0, price: 18.5, grossSpread: 0.065, commissionPerShare: 0.02, ...over });
  if (over.capacity === undefined) p.capacity = Math.floor(computeScenario(parsed, { ...p, capacity: 2 ** 52 }).totals.requested * 0.37);
  const result = computeScenario(parsed, p);
  await gateway.writeSheet(buildScenarioSheet(p, parsed), { overwriteForeign: false });
  edit?.(workbook);
  const values = await gateway.readValues(p.sheet, checkAddress(result));
  return { result, check: checkSheet(result, values), values };
}

const ocfFixture = (name: string) => {
  const dir = join(__dirname, "..", "fixtures", "ocf", name);
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) files[f] = readFileSync(join(dir, f), "utf8");
  return toCapTableRows(importOcf(files)) as Rows;
};

/** A cap table as bankers keep one: funds with millions of preferred, common-only rows with blank ratio cells. */
function fundTable(n: number): Rows {
  let s = 7;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const roles = ["Holder", "Holder", "Initiating", "Other", "No rights", "Holder", "Company"];
  const ratios = [1.25, 1, 30.30303, 1.5, 2.125];
  const rows: Rows = [["Holder", "Role", "Common shares", "Series B Preferred", "Conv. ratio", "Date acquired", "Affiliate"]];
  for (let i = 0; i < n; i++) {
    const commonOnly = next() < 0.3;
    rows.push([
      `Holder ${i + 1}`,
      roles[i % roles.length],
      Math.floor(next() * 2_000_000),
      commonOnly ? null : Math.floor(next() * (i % 50 === 0 ? 100_000 : 2_000_000)),
      commonOnly ? null : ratios[i % ratios.length],
      36_000 + Math.floor(next() * 4_000),
      next() < 0.2,
    ]);
  }
  return rows;
}

const rule144 = {
  asOf: 39630, // 2008-07-01
  outstanding: 200_000_000,
  venue: "exchange" as const,
  reporting: true,
  volumes: { kind: "weekly" as const, weeks: [1_500_000, 1_720_000, 1_960_000, 1_810_000] as [number, number, number, number] },
};

describe("the sheet equals the engine's figures, cell for cell", () => {
  test.each(["demand", "company", "other-demand"] as Offering[])("sample cap table, %s, with Rule 144", async (offering) => {
    const { check } = await run(sampleCapTable().rows as Rows, {
      offering,
      rule144: { ...rule144, outstanding: 20_000_000, volumes: { kind: "weekly", weeks: [150_000, 172_000, 196_000, 181_000] } },
    });
    expect(check.differences).toEqual([]);
    expect(check.calculating).toBe(0);
    expect(check.checked).toBeGreaterThan(60);
  });

  test.each(["series-b", "transfer", "seed"])("OCF fixture %s, imported and run as a demand", async (name) => {
    const { check, result } = await run(ocfFixture(name));
    expect(result.holders.length).toBeGreaterThan(0);
    expect(check.differences).toEqual([]);
  });

  test("blank ratios (common-only rows) and blank requests, with a typed request", async () => {
    const rows = fundTable(40);
    const { check, result } = await run(rows);
    expect(result.holders.some((h, i) => rows[i + 1][4] === null && h.registrable > 0)).toBe(true);
    expect(check.differences).toEqual([]);
  });

  test("5,000 holders with positions in the millions and Rule 144", async () => {
    const { check, result } = await run(fundTable(5000), { rule144 });
    expect(result.holders.filter((h) => h.rule144?.ceased).length).toBeGreaterThan(100);
    expect(result.holders.filter((h) => h.included > 0 && h.included < h.requested).length).toBeGreaterThan(0);
    expect(check.differences).toEqual([]);
    expect(check.checked).toBeGreaterThan(5000 * 6);
  }, 120_000);
});

describe("the check catches a sheet that disagrees", () => {
  test("a cap table cell edited after the run: the holder's row and the totals are named", async () => {
    const { check } = await run(sampleCapTable().rows as Rows, {}, (wb) => wb.setCell("Cap table", "C3", 1)); // Alpha Entrepreneurs: common 0 → 1
    const cells = check.differences.map((d) => d.cell);
    expect(cells).toContain(`${colLetter(COL.registrable)}${FIRST_HOLDER_ROW + 1}`);
    expect(check.differences.find((d) => d.cell === `C${FIRST_HOLDER_ROW + 1}`)).toMatchObject({
      holder: "Alpha Venture Entrepreneurs Fund, L.P.",
      column: "Registrable shares",
      sheet: "187,501",
      engine: "187,500",
    });
    const words = describeCheck("Demand 1", check)!;
    expect(words.title).toMatch(/^The sheet "Demand 1" does not agree with these figures in \d+ cells\./);
    expect(words.lines[0]).toMatch(
      /^C16 \(Alpha Venture Entrepreneurs Fund, L\.P\., Registrable shares\): the sheet shows 187,501, RegRights computes 187,500\.$/,
    );
  });

  test("an error cell is a difference; #BUSY! is counted as calculating, not as agreeing", async () => {
    const sheetRows = sampleCapTable().rows as Rows;
    const { result, values } = await run(sheetRows);
    expect(checkSheet(result, values).differences).toEqual([]);
    const changed = values.map((r) => [...r]);
    changed[FIRST_HOLDER_ROW - 1][COL.included] = "#VALUE!";
    changed[FIRST_HOLDER_ROW][COL.cap] = "#BUSY!";
    const check = checkSheet(result, changed);
    expect(check.differences.map((d) => [d.cell, d.sheet])).toEqual([[`F${FIRST_HOLDER_ROW}`, "#VALUE!"]]);
    expect(check.calculating).toBe(1);
    expect(describeCheck("Demand 1", check)!.lines.at(-1)).toBe(
      "1 cell was still calculating and could not be checked; run again to check them.",
    );
    expect(describeCheck("Demand 1", checkSheet(result, values))).toBeNull();
  });
});
