// Cessation feeds registrability (issue 9, item 2): a holder whose Registrable Securities could all
// be sold under Rule 144 in one three-month period holds none (definition of "Registrable
// Securities", cessation (iii)), so it requests nothing and leaves the cutback, in the pane's figures
// and on the sheet alike. Figures are worked by hand from the sample cap table (src/scenario/sample.ts).
import { serialFromDate } from "../../src/engine";
import { MemoryWorkbook } from "../../src/workbook/memory";
import {
  COL,
  FIRST_HOLDER_ROW,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  buildScenarioSheet,
  computeScenario,
  sampleCapTable,
  type ScenarioPayload,
} from "../../src/scenario";
import { demandPayload, holderColumn, readCapTable } from "./support";

async function setup(requested: (number | null)[] = [], asOf = 39630) {
  const { rows, numberFormats } = sampleCapTable();
  const cap = await readCapTable(new MemoryWorkbook(), rows, numberFormats, { sheet: SAMPLE_SHEET, table: SAMPLE_TABLE });
  const { workbook, gateway, parsed } = cap;
  const base = demandPayload(cap, { capacity: 1_500_000, price: 20, grossSpread: 0.06, commissionPerShare: 0 });
  const p: ScenarioPayload = {
    ...base,
    holders: base.holders.map((h, i) => ({ ...h, requested: requested[i] ?? null })),
    rule144: {
      asOf, // default 2008-07-01: the 2008 regime, six months for a reporting issuer
      outstanding: 20_000_000,
      venue: "exchange",
      reporting: true,
      // Average 174,750; 1% of 20,000,000 is 200,000: the volume limit is 200,000 (Rule 144(e)(1)).
      volumes: { kind: "weekly", weeks: [150_000, 172_000, 196_000, 181_000] },
    },
  };
  await gateway.writeSheet(buildScenarioSheet(p, parsed), { overwriteForeign: false });
  const n = p.holders.length;
  const column = (c: number) => holderColumn(workbook, "Demand 1", c, n);
  return { engine: computeScenario(parsed, p), column, workbook, n };
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

describe("when the rights lapse (RR.RULE144.CEASEDATE) and the overhang by quarter", () => {
  // As of 2001-01-01 the 1997 regime applies: one year's holding, two years for Rule 144(k); the
  // volume limit is 200,000 shares for three months.
  const asOf = serialFromDate(2001, 1, 1);
  const d = (y: number, m: number, day: number) => serialFromDate(y, m, day);

  test("per holder: a date, or #N/A for an affiliate above the limit; the pane's line says the same", async () => {
    const s = await setup([], asOf);
    // Series B acquired 2000-03-31: within the limit after one year (2001-04-01), above it after two
    // years under 144(k) (2002-04-01). Northfield (1998) and Park (1999) had already ceased by then.
    const lapse = [
      d(2002, 4, 1),
      d(2001, 4, 1),
      "#N/A",
      d(2002, 4, 1),
      d(2001, 4, 1),
      d(2001, 4, 1),
      d(2000, 6, 16),
      "#N/A",
      d(2000, 1, 5),
      "",
    ];
    expect(s.column(COL.lapse)).toEqual(lapse);
    expect(s.engine.holders.map((h) => h.rule144?.lapse?.date ?? (h.rule144?.lapse ? "#N/A" : ""))).toEqual(lapse);
    expect(s.engine.holders[0].explanation).toMatch(
      /; rights lapse on 2002-04-01 under Rule 144 \(cessation \(iii\), inputs held fixed\)\.$/,
    );
    expect(s.engine.holders[2].explanation).toMatch(/; rights do not lapse under Rule 144 at these inputs \(/);
  });

  test("the overhang table and its line chart, live on the sheet", async () => {
    const s = await setup([], asOf);
    const top = FIRST_HOLDER_ROW + s.n + 5; // title row, then the header
    const rows = s.workbook.getValues("Demand 1", `A${top + 2}:B${top + 21}`);
    // Registrable on 2001-01-01: 1,500,000 + 187,500 + 1,250,000 + 500,000 + 50,000 + 31,251 +
    // 350,000 + 1,000,000 = 4,868,751. On 2001-04-01 Alpha Entrepreneurs, Chen and Alvarez lapse
    // (268,751); on 2002-04-01 Alpha IV and Harbor (2,000,000); Beacon, Kline and the Company never.
    expect(rows[0]).toEqual([asOf, 4_868_751]);
    expect(rows[1]).toEqual([d(2001, 4, 1), 4_600_000]);
    expect(rows[4]).toEqual([d(2002, 1, 1), 4_600_000]);
    expect(rows[5]).toEqual([d(2002, 4, 1), 2_600_000]);
    expect(rows[19]).toEqual([d(2005, 10, 1), 2_600_000]);
    const charts = s.workbook.charts("Demand 1");
    expect(charts.map((c) => c.type)).toEqual(["ColumnClustered", "Line"]);
    expect(charts[1]).toMatchObject({ categories: `A${top + 2}:A${top + 21}`, series: [{ values: `B${top + 2}:B${top + 21}` }] });
  });
});
