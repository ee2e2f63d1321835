import {
  BAD_ROWS_LABEL,
  COL,
  FIRST_HOLDER_ROW,
  HEADER_ROW,
  SCENARIO_SCHEMA,
  buildScenarioSheet,
  computeScenario,
  parseCapTable,
  recogniseColumns,
  sampleCapTable,
  sheetRef,
  validatePayload,
  type ScenarioPayload,
} from "../../src/scenario";

const sample = sampleCapTable().rows;
const mapping = recogniseColumns(sample[0] as string[]);
const parsed = parseCapTable(sample.slice(1), mapping);

export function demandPayload(over: Partial<ScenarioPayload> = {}): ScenarioPayload {
  return {
    schema: SCENARIO_SCHEMA,
    sheet: "Demand 1",
    capTable: { sheet: "CapTable", address: "A1:G11", table: "RegRightsCapTable" },
    mapping,
    offering: "demand",
    capacity: 3_000_000,
    price: 20,
    grossSpread: 0.06,
    commissionPerShare: 0,
    holders: parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? "holder", requested: null })),
    rule144: null,
    ...over,
  };
}

describe("buildScenarioSheet", () => {
  it("explains each role word in the Role column in a legend, the words RR.PRIORITY reads", () => {
    const w = buildScenarioSheet(demandPayload(), parsed);
    // Rows 2–8, columns E:F (0-based rows 1–6, columns 4–5), written out by hand from ROLE_LABELS.
    const legend = w.cells.slice(1, 7).map((row) => [row[4], row[5]]);
    expect(legend).toEqual([
      ["Role (as RR.PRIORITY reads it)", "Means"],
      ["company", "Company (primary shares)"],
      ["no-rights", "Holder without rights"],
      ["other", "Holder with rights under other agreements"],
      ["holder", "Holder"],
      ["initiating", "Initiating holder"],
    ]);
    const used = parsed.holders.map((_, i) => w.cells[FIRST_HOLDER_ROW - 1 + i][COL.role]);
    const words = legend.slice(1).map(([code]) => code);
    for (const role of used) expect(words).toContain(role);
  });

  it("writes live RR formulas that reference the cap table cells", () => {
    const w = buildScenarioSheet(demandPayload(), parsed);
    const r = FIRST_HOLDER_ROW - 1; // 0-based row of the first holder
    expect(w.sheet).toBe("Demand 1");
    expect(w.cells[HEADER_ROW - 1][COL.included]).toBe("Included");
    expect(w.cells[r][COL.holder]).toBe("=CapTable!A2");
    expect(w.cells[r][COL.registrable]).toBe("=RR.REGISTRABLE(CapTable!C2,CapTable!D2,CapTable!E2)");
    expect(w.cells[r + 9][COL.registrable]).toBe("=RR.REGISTRABLE(CapTable!C11,CapTable!D11,CapTable!E11)");
    expect(w.cells[r][COL.requested]).toBe(`=C${FIRST_HOLDER_ROW}`);
    expect(w.cells[r][COL.tier]).toBe(`=RR.PRIORITY(B${FIRST_HOLDER_ROW},$B$2)`);
    expect(w.cells[r][COL.included]).toBe(`=RR.CUTBACK(D15:D24,E15:E24,$B$3)`);
    expect(w.cells[r + 1][COL.included]).toBeNull(); // the spill fills it
    // Guarded: a row whose Included is not a number shows #N/A, not $0 (issue 8, item 2).
    expect(w.cells[r][COL.cap]).toBe("=IF(ISNUMBER(F15),RR.INDEMNITY.CAP(F15,$B$4,$B$5,$B$6),NA())");
    expect(w.cells[r][COL.cutBack]).toBe("=IF(ISNUMBER(F15),D15-F15,NA())");
    // Totals leave error cells out; the row below counts them.
    expect(w.cells[r + 10][COL.holder]).toBe("Total");
    expect(w.cells[r + 10][COL.included]).toBe('=SUMIF(F15:F24,">=0")');
    expect(w.cells[r + 10][COL.cutPct]).toBe('=IF(SUMIF(G15:G24,">=0",D15:D24)=0,0,G25/SUMIF(G15:G24,">=0",D15:D24))');
    expect(w.cells[r + 11][COL.holder]).toBe(BAD_ROWS_LABEL);
    expect(w.cells[r + 11][COL.included]).toBe("=ROWS(F15:F24)-COUNT(F15:F24)");
    expect(w.cells[r + 11][COL.requested]).toBeNull(); // a blank request is a request of 0, not an error
    expect(w.numberFormats![r][COL.cap]).toBe("$#,##0.00");
    expect(w.numberFormats![r + 1][COL.included]).toBe("#,##0");
    expect(w.chart!.series.map((s) => s.values)).toEqual(["D15:D24", "F15:F24"]);
    // Rectangular, and no structured references anywhere.
    expect(new Set(w.cells.map((row) => row.length)).size).toBe(1);
    expect(JSON.stringify(w.cells)).not.toMatch(/\[@|RegRightsCapTable\[/);
  });

  it("quotes sheet names that need it and offsets by the block's position", () => {
    expect(sheetRef("Cap table")).toBe("'Cap table'");
    expect(sheetRef("O'Neil")).toBe("'O''Neil'");
    expect(sheetRef("AB12")).toBe("'AB12'");
    const w = buildScenarioSheet(demandPayload({ capTable: { sheet: "Cap table", address: "B3:H13" } }), parsed);
    expect(w.cells[FIRST_HOLDER_ROW - 1][COL.registrable]).toBe("=RR.REGISTRABLE('Cap table'!D4,'Cap table'!E4,'Cap table'!F4)");
  });

  it("writes a typed request, zero once ceased, and adds the Rule 144 section with cessation feeding registrability", () => {
    const p = demandPayload({
      holders: demandPayload().holders.map((h, i) => (i === 0 ? { ...h, requested: 1000 } : h)),
      rule144: {
        asOf: 39630,
        outstanding: 20_000_000,
        venue: "exchange",
        reporting: true,
        volumes: { kind: "weekly", weeks: [150_000, 172_000, 196_000, 181_000] },
      },
    });
    const w = buildScenarioSheet(p, parsed);
    const r = FIRST_HOLDER_ROW - 1;
    expect(w.cells[r][COL.requested]).toBe("=IF(O15,0,1000)");
    expect(w.cells[r + 1][COL.requested]).toBe("=C16");
    expect(w.cells[11][1]).toBe("=RR.RULE144.VOLUME(B9,D8:D11,B10)");
    expect(w.cells[r][COL.holdEnd]).toBe("=RR.RULE144.HOLDEND(K15,$B$11)");
    // CEASED tests the count before cessation (column N), and REGISTRABLE takes CEASED (column O): no cycle.
    expect(w.cells[r][COL.tested]).toBe("=RR.REGISTRABLE(CapTable!C2,CapTable!D2,CapTable!E2)");
    expect(w.cells[r][COL.ceased]).toBe("=RR.RULE144.CEASED(N15,J15,K15,$B$8,L15,$B$11)");
    expect(w.cells[r][COL.registrable]).toBe("=RR.REGISTRABLE(CapTable!C2,CapTable!D2,CapTable!E2,0,O15)");
    // Without a date there is no test, so the plain count and a typed request stay as they are.
    expect(w.cells[r + 9][COL.registrable]).toBe("=RR.REGISTRABLE(CapTable!C11,CapTable!D11,CapTable!E11)");
    expect(w.cells[r][COL.acquired]).toBe("=CapTable!F2");
    // The Company's row has no acquired date: no Rule 144 formulas there.
    expect(w.cells[r + 9][COL.holdEnd]).toBeNull();
  });
});

describe("computeScenario", () => {
  it("gives the allocation and caps derived by hand, with explanations", () => {
    // The sample as converted (common + floor(preferred × 1.25)), a Holder demand ("Cutbacks on
    // Holder Demands" (a)(i)) with capacity 3,000,000:
    //   tier 3 (Holders): 1,500,000; 187,500; 1,250,000; 500,000; 50,000; 31,251 (25,001 × 1.25 =
    //   31,251.25, floored) — 3,518,751 in all, more than 3,000,000, so tier 3 is cut and tiers 2
    //   (Northfield, other rights) and 1 (no rights, the Company) are excluded.
    //   3,000,000 × r / 3,518,751, floor and remainder:
    //     1,278,862 r 3,058,638 · 159,857 r 3,021,393 · 1,065,719 r 203,031 · 426,287 r 2,192,463
    //     · 42,628 r 2,682,372 · 26,643 r 2,917,107 — floors sum to 2,999,996, 4 shares left, to the
    //     four largest remainders: rows 1, 2, 6, 5 (not 4 or 3).
    const result = computeScenario(parsed, demandPayload());
    expect(result.holders.map((h) => h.included)).toEqual([1_278_863, 159_858, 1_065_719, 426_287, 42_629, 26_644, 0, 0, 0, 0]);
    expect(result.totals.included).toBe(3_000_000);
    // Cap: 1,278,863 × $20 × (1 − 0.06) = $24,042,624.40.
    expect(result.holders[0].cap).toBe("24042624.40");
    expect(result.holders[0].registrable).toBe(1_500_000);
    // Cut (1,500,000 − 1,278,863) / 1,500,000 = 14.74%; the row got a leftover share.
    expect(result.holders[0].explanation).toBe("Tier 3 — Holders, cut 14.7% pro rata by request; rounding gave +1 share.");
    // Row 3 (Beacon, 1,065,719) got no leftover share.
    expect(result.holders[2].explanation).toBe("Tier 3 — Holders, cut 14.7% pro rata by request; no rounding share.");
    expect(result.holders[6].explanation).toBe("Tier 2 — Holders with other rights, excluded: the capacity was used by higher tiers.");
    expect(computeScenario(parsed, demandPayload({ capacity: 10_000_000 })).holders[9].explanation).toBe(
      "Tier 1 — Company and holders without rights, included in full.",
    );
  });
});

describe("computeScenario on a changed cap table", () => {
  it("refuses, in words, when a row now holds another holder", () => {
    const p = demandPayload();
    const moved = { ...parsed, holders: parsed.holders.map((h, i) => (i === 2 ? { ...h, name: "Someone Else" } : h)) };
    expect(() => computeScenario(moved, p)).toThrow('row 3 is now "Someone Else", not "Beacon Growth Equity Fund II, L.P."');
  });
});

describe("validatePayload", () => {
  it("accepts a good payload and names the field of a bad one", () => {
    expect(validatePayload(demandPayload()).ok).toBe(true);
    expect(validatePayload({ ...demandPayload(), schema: 2 })).toEqual({ ok: false, problem: "schema version 2 is not 1" });
    expect(validatePayload({ ...demandPayload(), capacity: -1 })).toEqual({ ok: false, problem: "capacity: expected whole shares" });
    expect(validatePayload("x")).toEqual({ ok: false, problem: "the record is not an object" });
  });
});
