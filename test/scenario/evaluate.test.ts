// The scenario sheet evaluated by the in-memory workbook (fast-formula-parser + the RR functions)
// gives the engine's numbers: the live formulas and the pane's figures agree.
import { averageWeeklyVolume, volumeLimit, weekday } from "../../src/engine";
import { MemoryGateway, MemoryWorkbook } from "../../src/workbook/memory";
import {
  COL,
  FIRST_HOLDER_ROW,
  SAMPLE_SHEET,
  SAMPLE_TABLE,
  SCENARIO_SCHEMA,
  buildScenarioSheet,
  computeScenario,
  parseCapTable,
  recogniseColumns,
  sampleCapTable,
  colLetter,
  type ScenarioPayload,
} from "../../src/scenario";

async function setup() {
  const workbook = new MemoryWorkbook();
  const gateway = new MemoryGateway(workbook);
  const { rows, numberFormats } = sampleCapTable();
  const ref = await gateway.insertTable(SAMPLE_SHEET, SAMPLE_TABLE, rows, numberFormats);
  const read = await gateway.readCapTable(ref);
  const mapping = recogniseColumns(read.headers);
  const parsed = parseCapTable(read.rows, mapping);
  return { workbook, gateway, ref, mapping, parsed };
}

function payload(s: Awaited<ReturnType<typeof setup>>, over: Partial<ScenarioPayload> = {}): ScenarioPayload {
  return {
    schema: SCENARIO_SCHEMA,
    sheet: "Demand 1",
    capTable: s.ref,
    mapping: s.mapping,
    offering: "demand",
    capacity: 3_000_000,
    price: 20,
    grossSpread: 0.06,
    commissionPerShare: 0.05,
    holders: s.parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: null })),
    rule144: {
      asOf: 39630, // 2008-07-01
      outstanding: 20_000_000,
      venue: "exchange",
      reporting: true,
      volumes: { kind: "weekly", weeks: [150_000, 172_000, 196_000, 181_000] },
    },
    ...over,
  };
}

function column(s: Awaited<ReturnType<typeof setup>>, sheet: string, col: number, n: number) {
  const L = colLetter(col);
  return s.workbook.getValues(sheet, `${L}${FIRST_HOLDER_ROW}:${L}${FIRST_HOLDER_ROW + n - 1}`).map((r) => r[0]);
}

describe("scenario sheet in the in-memory workbook", () => {
  it.each(["demand", "company", "other-demand"] as const)("%s: allocations, caps and totals equal the engine's", async (offering) => {
    const s = await setup();
    const p = payload(s, {
      offering,
      holders: payload(s).holders.map((h, i) => (i === 1 ? { ...h, role: "initiating", requested: 100_000 } : h)),
    });
    await s.gateway.writeSheet(buildScenarioSheet(p, s.parsed), { overwriteForeign: false });
    const engine = computeScenario(s.parsed, p);
    const n = engine.holders.length;
    expect(column(s, "Demand 1", COL.registrable, n)).toEqual(engine.holders.map((h) => h.registrable));
    expect(column(s, "Demand 1", COL.tier, n)).toEqual(engine.holders.map((h) => h.tier));
    expect(column(s, "Demand 1", COL.included, n)).toEqual(engine.holders.map((h) => h.included));
    expect(column(s, "Demand 1", COL.cutBack, n)).toEqual(engine.holders.map((h) => h.cutBack));
    expect(column(s, "Demand 1", COL.cap, n)).toEqual(engine.holders.map((h) => Number(h.cap)));
    const total = s.workbook.getValues("Demand 1", `A${FIRST_HOLDER_ROW + n}:I${FIRST_HOLDER_ROW + n}`)[0];
    expect(total[COL.included]).toBe(engine.totals.included);
    expect(total[COL.cap]).toBeCloseTo(Number(engine.totals.cap), 2);
  });

  it("Rule 144 columns equal the engine's assessment", async () => {
    const s = await setup();
    const p = payload(s);
    await s.gateway.writeSheet(buildScenarioSheet(p, s.parsed), { overwriteForeign: false });
    const engine = computeScenario(s.parsed, p);
    const n = engine.holders.length;
    const withDate = engine.holders.filter((h) => h.rule144?.holdEnd);
    expect(withDate.length).toBe(9);
    expect(s.workbook.getValues("Demand 1", "B12")[0][0]).toBe(engine.holders[0].rule144!.volumeLimit);
    const status = column(s, "Demand 1", COL.status, n);
    const ceased = column(s, "Demand 1", COL.ceased, n);
    engine.holders.forEach((h, i) => {
      if (!h.rule144?.holdEnd) return;
      expect(status[i]).toBe(h.rule144.status);
      expect(ceased[i]).toBe(h.rule144.ceased);
    });
  });

  it("Rule 144 from daily volumes: RR.RULE144.WEEKLY over a range, then the volume limit", async () => {
    const s = await setup();
    // Daily volumes Monday to Friday for eight weeks before 2008-07-01 (serial 39630).
    const days: [number, number][] = [];
    for (let d = 39630 - 56; d < 39630; d++) if (weekday(d) >= 1 && weekday(d) <= 5) days.push([d, 30_000 + (d % 7) * 1_000]);
    await s.gateway.insertTable("Volumes", "Volumes", [["Date", "Volume"], ...days]);
    const rows = days.length + 1;
    const p = payload(s, {
      rule144: {
        asOf: 39630,
        outstanding: 10_000_000,
        venue: "exchange",
        reporting: true,
        volumes: { kind: "daily", dates: `Volumes!A2:A${rows}`, volumes: `Volumes!B2:B${rows}`, filingDate: 39630 },
      },
    });
    const w = buildScenarioSheet(p, s.parsed);
    expect(w.cells[7][3]).toBe(`=RR.RULE144.WEEKLY(Volumes!A2:A${rows},Volumes!B2:B${rows},$D$12)`);
    await s.gateway.writeSheet(w, { overwriteForeign: false });
    const average = averageWeeklyVolume(
      days.map(([date, volume]) => ({ date, volume })),
      39630,
    );
    expect(s.workbook.getValues("Demand 1", "D8")[0][0]).toBe(average);
    expect(s.workbook.getValues("Demand 1", "B12")[0][0]).toBe(volumeLimit(10_000_000, [average, average, average, average], "exchange"));
  });

  it("re-running updates the sheet in place (RegRights's own sheet needs no consent)", async () => {
    const s = await setup();
    await s.gateway.writeSheet(buildScenarioSheet(payload(s), s.parsed), { overwriteForeign: false });
    expect(await s.gateway.sheetStatus("Demand 1")).toBe("ours");
    const p2 = payload(s, { capacity: 4_000_000 });
    await s.gateway.writeSheet(buildScenarioSheet(p2, s.parsed), { overwriteForeign: false });
    const n = p2.holders.length;
    expect(column(s, "Demand 1", COL.included, n)).toEqual(computeScenario(s.parsed, p2).holders.map((h) => h.included));
  });
});
