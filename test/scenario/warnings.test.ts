// Warnings before a run (issue 9, item 3): each likely mistake the preview trial found is named in
// words, with its rows and columns; a clean sample gives none.
import {
  SCENARIO_SCHEMA,
  parseCapTable,
  recogniseColumns,
  runWarnings,
  sampleCapTable,
  type Cell,
  type ColumnMapping,
  type ScenarioPayload,
} from "../../src/scenario";

const ref = { sheet: "CapTable", address: "A1:G11" };

function check(rows: Cell[][], over: Partial<ScenarioPayload> = {}, mapping?: ColumnMapping) {
  const headers = rows[0] as string[];
  const m = mapping ?? recogniseColumns(headers);
  const parsed = parseCapTable(rows.slice(1), m);
  const p: ScenarioPayload = {
    schema: SCENARIO_SCHEMA,
    sheet: "Demand 1",
    capTable: ref,
    mapping: m,
    offering: "demand",
    capacity: 3_000_000,
    price: 20,
    grossSpread: 0.06,
    commissionPerShare: 0,
    holders: parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: null })),
    rule144: null,
    ...over,
  };
  return runWarnings(p, { ref, headers, mapping: m, parsed });
}

const sample = () => sampleCapTable().rows;

describe("runWarnings", () => {
  test("the sample as inserted: nothing to warn about", () => {
    expect(check(sample())).toEqual([]);
  });

  test("Common mapped to the Series B column: both fields named, with the column", () => {
    const m = { ...recogniseColumns(sample()[0] as string[]), common: 3 };
    expect(check(sample(), {}, m)).toEqual([
      {
        kind: "mapped-twice",
        text: 'Common shares and Convertible / preferred shares all read column "Series B Preferred": each share there would be counted 2 times.',
      },
    ]);
  });

  test("the ratio mapped to (none) while preferred is held: the count of preferred and the ratio of 1 used", () => {
    const m: ColumnMapping = { ...recogniseColumns(sample()[0] as string[]) };
    delete m.ratio;
    // Preferred in the sample: 1,200,000 + 150,000 + 800,000 + 400,000 + 40,000 + 25,001 = 2,615,001.
    expect(check(sample(), {}, m)).toEqual([
      {
        kind: "no-ratio",
        text: "No column is mapped to Conversion ratio, but the holders hold 2,615,001 convertible shares: each is counted as 1 common share.",
      },
    ]);
  });

  test("two rows with the same holder name (spacing and case aside) are named by their Excel rows", () => {
    const rows = sample();
    rows[7][0] = "  alpha venture partners IV, L.P. "; // row 8 of the sheet, the same as row 2
    expect(check(rows).map((w) => w.text)).toEqual([
      '"Alpha Venture Partners IV, L.P." appears in rows 2 and 8 of CapTable: one holder\'s shares are aggregated for Rule 144 and its cutback; if these are two holders, tell them apart.',
    ]);
  });

  test("a price of 0, and spreads that look typed in the wrong convention", () => {
    expect(check(sample(), { price: 0 }).map((w) => w.kind)).toEqual(["zero-price"]);
    expect(check(sample(), { grossSpread: 0.0006 }).map((w) => w.text)).toEqual([
      "A gross spread of 0.06% is unusually low. For 6%, type 6% or 0.06.",
    ]);
    expect(check(sample(), { grossSpread: 0.25 }).map((w) => w.text)).toEqual([
      "A gross spread of 25% is unusually high. For 6%, type 6% or 0.06.",
    ]);
    expect(check(sample(), { grossSpread: 0 })).toEqual([]); // no spread at all is a choice, not a typo
    expect(check(sample(), { grossSpread: 0.01 })).toEqual([]);
    expect(check(sample(), { grossSpread: 0.1 })).toEqual([]);
  });

  test("Rule 144 on without acquired or affiliate columns: what the test will assume", () => {
    const rows = sample().map((r) => r.slice(0, 5));
    const rule144 = {
      asOf: 39630,
      outstanding: 1,
      venue: "exchange" as const,
      reporting: true,
      volumes: { kind: "weekly" as const, weeks: [1, 1, 1, 1] as [number, number, number, number] },
    };
    expect(check(rows).map((w) => w.kind)).toEqual([]);
    expect(check(rows, { rule144 }).map((w) => w.text)).toEqual([
      "No column is mapped to Acquired date: no holder gets a Rule 144 test.",
      "No column is mapped to Affiliate: every holder is taken as a non-affiliate for Rule 144.",
    ]);
  });
});
