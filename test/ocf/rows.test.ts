import { importOcf, toCapTableRows, excelSerialFromIso, isoAcquiredDate, CAP_TABLE_HEADER } from "../../src/ocf";
import { RuleError, serialFromDate } from "../../src/engine";
import { recogniseColumns, parseCapTable } from "../../src/scenario/capTable";
import { loadFixture } from "./support";

describe("date helpers", () => {
  it.each([
    ["1900-03-01", 61],
    ["2008-02-15", 39493],
    ["2018-03-01", 43160],
    ["2021-03-04", 44259],
  ])("%s is Excel serial %i", (iso, serial) => {
    expect(excelSerialFromIso(iso)).toBe(serial);
    expect(isoAcquiredDate(iso)).toBe(iso);
  });

  it("refuses text that is not an ISO date", () => {
    expect(() => excelSerialFromIso("03/04/2021")).toThrow(RuleError);
    expect(() => isoAcquiredDate("2021-02-29")).toThrow(/Acquired date: expected "YYYY-MM-DD", got "2021-02-29"/);
  });
});

describe("toCapTableRows", () => {
  const seriesB = importOcf(loadFixture("series-b"));

  it("gives one row per preferred ratio: common on the first, the latest lot date of the row", () => {
    expect(toCapTableRows(seriesB)).toEqual([
      [...CAP_TABLE_HEADER],
      ["Carol Vance", 9_600_000, 0, null, serialFromDate(2018, 3, 1), false, "no-rights"],
      // Series A (1.25) with the converted common; Series B (1.2) on a row of its own.
      ["Alder Capital Fund II, L.P.", 1_250_000, 3_000_000, 1.25, serialFromDate(2019, 5, 10), false, "holder"],
      ["Alder Capital Fund II, L.P.", 0, 1_000_000, 1.2, serialFromDate(2020, 9, 15), false, "holder"],
      ["Birch Growth Partners, L.P.", 500_000, 1_500_000, 1.2, serialFromDate(2020, 9, 15), false, "holder"],
    ]);
  });

  it("merges classes that convert at the same ratio into one row", () => {
    const files = loadFixture("series-b");
    const txs = JSON.parse(files["Transactions.ocf.json"]);
    txs.items = txs.items.filter((t: { id: string }) => t.id !== "tx-14"); // no adjustment: A 1.25, B 1
    txs.items.find((t: { id: string }) => t.id === "tx-17").quantity = "1000000"; // CS-2: A converted 1:1
    const classes = JSON.parse(files["StockClasses.ocf.json"]);
    classes.items[1].conversion_rights[0].conversion_mechanism.ratio = { numerator: "1", denominator: "1" }; // A now 1:1 too
    files["Transactions.ocf.json"] = JSON.stringify(txs);
    files["StockClasses.ocf.json"] = JSON.stringify(classes);
    const rows = toCapTableRows(importOcf(files), { dates: "iso" });
    expect(rows.filter((r) => r[0] === "Alder Capital Fund II, L.P.")).toEqual([
      // 1,000,000 Series A converted 1:1 → 1,000,000 common; 3,000,000 A + 1,000,000 B at ratio 1.
      ["Alder Capital Fund II, L.P.", 1_000_000, 4_000_000, 1, "2020-09-15", false, "holder"],
    ]);
  });

  it("is read back by the cap table reader with the same as-converted totals", () => {
    const rows = toCapTableRows(seriesB);
    const mapping = recogniseColumns(rows[0] as string[]);
    expect(mapping).toEqual({ holder: 0, common: 1, convertible: 2, ratio: 3, acquired: 4, affiliate: 5, role: 6 });
    const parsed = parseCapTable(rows.slice(1), mapping);
    expect(parsed.problems).toEqual([]);
    expect(parsed.totals.asConverted).toBe(seriesB.holders.reduce((s, h) => s + h.asConverted, 0));
    expect(parsed.holders.map((h) => h.role)).toEqual(["no-rights", "holder", "holder", "holder"]);
  });
});
