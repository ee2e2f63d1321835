import {
  parseCapTable,
  recogniseColumns,
  recogniseHeader,
  applyOverrides,
  readRole,
  sampleCapTable,
  SAMPLE_HEADERS,
} from "../../src/scenario";

describe("header recognition", () => {
  it.each([
    ["Holder", "holder"],
    ["Investor name", "holder"],
    ["Common shares", "common"],
    ["Common Stock", "common"],
    ["Series B Preferred", "convertible"],
    ["Preferred shares", "convertible"],
    ["Convertible", "convertible"],
    ["Conv. ratio", "ratio"],
    ["Conversion ratio", "ratio"],
    ["Date acquired", "acquired"],
    ["Acquisition date", "acquired"],
    ["Affiliate?", "affiliate"],
    ["Role", "role"],
    ["Registration rights", "role"],
    ["Notes", null],
  ])("%s → %s", (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });

  it("maps the sample's headers to every field, and an override wins", () => {
    const m = recogniseColumns(SAMPLE_HEADERS);
    expect(m).toEqual({ holder: 0, role: 1, common: 2, convertible: 3, ratio: 4, acquired: 5, affiliate: 6 });
    expect(applyOverrides(m, { common: 3, role: -1 })).toEqual({
      holder: 0,
      common: 3,
      convertible: 3,
      ratio: 4,
      acquired: 5,
      affiliate: 6,
    });
  });

  it("reads role words tolerantly", () => {
    expect(readRole("No rights")).toBe("no-rights");
    expect(readRole("Initiating holder")).toBe("initiating");
    expect(readRole("HOLDER")).toBe("holder");
    expect(readRole("Company")).toBe("company");
    expect(readRole("Founder")).toBeNull();
  });
});

describe("parseCapTable", () => {
  const sample = sampleCapTable().rows;
  const mapping = recogniseColumns(sample[0] as string[]);

  it("reads the sample without problems and totals common and as-converted shares", () => {
    const parsed = parseCapTable(sample.slice(1), mapping);
    expect(parsed.problems).toEqual([]);
    expect(parsed.holders).toHaveLength(10);
    expect(parsed.totals.common).toBe(250_000 + 600_000 + 350_000 + 120_000 + 1_000_000);
    // Conversion is floored per holder: 25,001 × 1.25 = 31,251.25 → 31,251.
    const alvarez = parsed.holders.find((h) => h.name === "David R. Alvarez")!;
    expect(alvarez.asConverted).toBe(31_251);
    expect(parsed.totals.asConverted).toBe(parsed.holders.reduce((a, h) => a + (h.asConverted ?? 0), 0));
    expect(parsed.holders.find((h) => h.name.startsWith("Beacon"))!.affiliate).toBe(true);
  });

  it("reports a negative count, a text date and an unknown role by row, and leaves good rows alone", () => {
    const rows = sample.slice(1).map((r) => [...r]);
    rows[0][2] = -5; // common
    rows[1][5] = "2000-03-31"; // text date
    rows[2][1] = "Founder"; // role
    const parsed = parseCapTable(rows, mapping);
    const messages = parsed.problems.map((p) => [p.row, p.field]);
    expect(messages).toEqual([
      [0, "common"],
      [1, "acquired"],
      [2, "role"],
    ]);
    expect(parsed.problems[1].message).toMatch(/Row 2: acquired date is the text "2000-03-31"/);
    expect(parsed.problems[2].message).toMatch(/unknown role "Founder"/);
  });

  it("refuses a table without a holder or common column", () => {
    const parsed = parseCapTable([["x", 1]], { holder: 0 });
    expect(parsed.problems[0].message).toMatch(/Common shares/);
  });
});
