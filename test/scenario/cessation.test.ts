// Cessation feeds registrability (issue 9, item 2): a holder whose Registrable Securities could all
// be sold under Rule 144 in one three-month period holds none (definition of "Registrable
// Securities", cessation (iii)), so it requests nothing and leaves the cutback, in the pane's figures
// and on the sheet alike. Figures are worked by hand from the sample cap table (src/scenario/sample.ts).
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import {
  COL,
  FIRST_HOLDER_ROW,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  SCENARIO_SCHEMA,
  buildScenarioSheet,
  colLetter,
  computeScenario,
  parseCapTable,
  recogniseColumns,
  sampleCapTable,
  type ScenarioPayload,
} from "../../src/scenario";

async function setup(requested: (number | null)[] = []) {
  const workbook = new MemoryWorkbook();
  const gateway = new MemoryGateway(workbook);
  const { rows, numberFormats } = sampleCapTable();
  const ref = await gateway.insertTable(SAMPLE_SHEET, SAMPLE_TABLE, rows, numberFormats);
  const read = await gateway.readCapTable(ref);
  const mapping = recogniseColumns(read.headers);
  const parsed = parseCapTable(read.rows, mapping);
  const p: ScenarioPayload = {
    schema: SCENARIO_SCHEMA,
    sheet: "Demand 1",
    capTable: ref,
    mapping,
    offering: "demand",
    capacity: 1_500_000,
    price: 20,
    grossSpread: 0.06,
    commissionPerShare: 0,
    holders: parsed.holders.map((h, i) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: requested[i] ?? null })),
    rule144: {
      asOf: 39630, // 2008-07-01: the 2008 regime, six months for a reporting issuer
      outstanding: 20_000_000,
      venue: "exchange",
      reporting: true,
      // Average 174,750; 1% of 20,000,000 is 200,000: the volume limit is 200,000 (Rule 144(e)(1)).
      volumes: { kind: "weekly", weeks: [150_000, 172_000, 196_000, 181_000] },
    },
  };
  await gateway.writeSheet(buildScenarioSheet(p, parsed), { overwriteForeign: false });
  const n = p.holders.length;
  const column = (c: number) =>
    workbook.getValues("Demand 1", `${colLetter(c)}${FIRST_HOLDER_ROW}:${colLetter(c)}${FIRST_HOLDER_ROW + n - 1}`).map((r) => r[0]);
  return { engine: computeScenario(parsed, p), column };
}

// Sample rows: 0–5 Series B funds and individuals (non-affiliates, acquired 2000-03-31), 6 Northfield
// (non-affiliate, 1998), 7 Kline (affiliate, no rights, 350,000), 8 Park (non-affiliate, no rights),
// 9 the Company (no acquired date), 2 Beacon (affiliate, 250,000 + 800,000 × 1.25 = 1,250,000).
const CEASED = [true, true, false, true, true, true, true, false, true, null];

describe("Rule 144 cessation (iii) on 2008-07-01", () => {
  test("non-affiliates held eight years have ceased; affiliates above 200,000 shares and the undated Company have not", async () => {
    const s = await setup();
    expect(s.engine.holders.map((h) => h.rule144?.ceased ?? null)).toEqual(CEASED);
    expect(s.column(COL.ceased)).toEqual(CEASED.map((c) => (c === null ? "" : c)));
  });

  test("ceased holders have 0 registrable shares and leave the cutback; the rest split the capacity", async () => {
    const s = await setup();
    // Left: Beacon 1,250,000 (tier 3), Kline 350,000 and the Company 1,000,000 (tier 1): 2,600,000
    // asked of 1,500,000. Tier 1 is cut first to 250,000, pro rata 350:1,000 → 64,814.8 and
    // 185,185.2; the larger remainder (Kline's .81) takes the last share: 64,815 and 185,185.
    const included = [0, 0, 1_250_000, 0, 0, 0, 0, 64_815, 0, 185_185];
    const registrable = [0, 0, 1_250_000, 0, 0, 0, 0, 350_000, 0, 1_000_000];
    expect(s.engine.holders.map((h) => h.registrable)).toEqual(registrable);
    expect(s.engine.holders.map((h) => h.included)).toEqual(included);
    expect(s.column(COL.registrable)).toEqual(registrable);
    expect(s.column(COL.included)).toEqual(included);
    // The count Rule 144 was applied to stays visible: Alpha IV's 1,200,000 × 1.25.
    expect(s.column(COL.tested)[0]).toBe(1_500_000);
    expect(s.engine.holders[0].rule144?.tested).toBe(1_500_000);
    expect(s.engine.holders[0].explanation).toBe(
      'Tier 3 — Holders, ceased under Rule 144 on 2008-07-01, the as-of date; no longer registrable (definition of "Registrable Securities", cessation (iii)).',
    );
  });

  test("a typed request of a ceased holder becomes 0, on the sheet as in the pane", async () => {
    const s = await setup([500_000, null, 600_000]);
    expect(s.engine.holders[0].requested).toBe(0);
    expect(s.column(COL.requested)[0]).toBe(0);
    // Beacon has not ceased: its typed 600,000 stands, and tier 3 fits in full.
    expect(s.engine.holders[2].requested).toBe(600_000);
    expect(s.column(COL.requested)[2]).toBe(600_000);
    expect(s.column(COL.included)[2]).toBe(600_000);
  });
});
