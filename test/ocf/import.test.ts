import { importOcf, toCapTableRows, SKIP_REASONS, type OcfImport, type HolderPosition, type OcfInput } from "../../src/ocf";
import { loadFixture, zipFiles } from "./support";

type Form = "files" | "zip" | "zip in a folder";
const FORMS: Form[] = ["files", "zip", "zip in a folder"];

function input(name: string, form: Form): OcfInput {
  const files = loadFixture(name);
  if (form === "files") return files;
  return zipFiles(files, form === "zip" ? "" : `${name}-export`);
}

function holder(result: OcfImport, name: string): HolderPosition {
  const h = result.holders.find((x) => x.name === name);
  if (!h) throw new Error(`no holder ${name}; holders: ${result.holders.map((x) => x.name).join(", ")}`);
  return h;
}

/** A compact view of a holder: common, preferred per class, as-converted. */
function counts(h: HolderPosition) {
  return {
    common: h.common,
    preferred: Object.fromEntries(h.preferred.map((p) => [p.stockClassId, p.shares])),
    totalPreferred: h.totalPreferred,
    asConverted: h.asConverted,
  };
}

describe.each(FORMS)("OCF import from %s", (form) => {
  describe("seed-stage company", () => {
    const result = importOcf(input("seed", form));

    it("reads the issuer, as-of date and holders in the stakeholders file's order", () => {
      expect(result.issuer).toBe("Acorn Robotics, Inc.");
      expect(result.asOf).toBe("2021-12-31");
      expect(result.holders.map((h) => h.name)).toEqual(["Alice Nakamura", "Bob Osei", "Seedling Ventures I, L.P."]);
    });

    it("counts each holder's common, seed preferred and as-converted shares exactly", () => {
      expect(counts(holder(result, "Alice Nakamura"))).toEqual({
        common: 4_000_000,
        preferred: { "sc-seed": 80_000 },
        totalPreferred: 80_000,
        asConverted: 4_080_000,
      });
      expect(counts(holder(result, "Bob Osei"))).toEqual({ common: 3_000_000, preferred: {}, totalPreferred: 0, asConverted: 3_000_000 });
      expect(counts(holder(result, "Seedling Ventures I, L.P."))).toEqual({
        common: 0,
        preferred: { "sc-seed": 1_600_000 },
        totalPreferred: 1_600_000,
        asConverted: 1_600_000,
      });
    });

    it("takes the seed ratio from the ratio (not the price) when both are given", () => {
      const seed = result.stockClasses.find((c) => c.id === "sc-seed");
      expect(seed?.conversionRatio).toMatchObject({
        numerator: "1",
        denominator: "1",
        exact: "1",
        value: 1,
        source: "ratio",
        rounding: "FLOOR",
        convertsToStockClassId: "sc-common",
      });
      expect(result.stockClasses.find((c) => c.id === "sc-common")?.conversionRatio).toBeNull();
    });

    it("dates each lot from its issuance", () => {
      expect(holder(result, "Alice Nakamura").lots).toEqual([
        {
          securityId: "CS-1",
          stockClassId: "sc-common",
          classType: "COMMON",
          shares: 4_000_000,
          acquired: "2019-01-15",
          originSecurityId: "CS-1",
        },
        {
          securityId: "PS-2",
          stockClassId: "sc-seed",
          classType: "PREFERRED",
          shares: 80_000,
          acquired: "2020-06-01",
          originSecurityId: "PS-2",
        },
      ]);
    });

    it("lists the SAFE, the option, the vesting start, the warrant and the stock plan as not counted, each with its reason", () => {
      const tx = expect.stringMatching(/Transactions\.ocf\.json$/);
      // Walked in date order (file order within a date), then the objects of the other files.
      expect(result.summary.skipped).toEqual([
        { file: tx, id: "tx-005", objectType: "TX_CONVERTIBLE_ISSUANCE", reason: SKIP_REASONS.convertible },
        { file: tx, id: "tx-006", objectType: "TX_EQUITY_COMPENSATION_ISSUANCE", reason: SKIP_REASONS.plan },
        { file: tx, id: "tx-008", objectType: "TX_VESTING_START", reason: SKIP_REASONS.vesting },
        { file: tx, id: "tx-007", objectType: "TX_WARRANT_ISSUANCE", reason: SKIP_REASONS.warrant },
        {
          file: expect.stringMatching(/StockPlans\.ocf\.json$/),
          id: "plan-2019",
          objectType: "STOCK_PLAN",
          reason: SKIP_REASONS.stockPlan,
        },
      ]);
      expect(SKIP_REASONS.convertible).toMatch(/^share count depends on a future financing/);
    });

    it("summarises what was imported", () => {
      expect(result.summary).toMatchObject({
        ocfVersion: "1.2.0",
        files: 8,
        stakeholders: 5,
        stockClasses: 2,
        transactionsApplied: 4,
        securitiesOutstanding: 4,
        holders: 3,
        warnings: [],
      });
    });
  });

  describe("Series B with a 2:1 split, conversions, a repurchase and a ratio adjustment", () => {
    const result = importOcf(input("series-b", form));

    it("counts each holder exactly after the split and the conversions", () => {
      expect(result.holders.map((h) => h.name)).toEqual(["Carol Vance", "Alder Capital Fund II, L.P.", "Birch Growth Partners, L.P."]);
      // CS-1 5,000,000 × 2 = 10,000,000; tx-15 repurchases 400,000, the remainder CS-4 is issued (tx-19) for 9,600,000.
      expect(counts(holder(result, "Carol Vance"))).toEqual({
        common: 9_600_000,
        preferred: {},
        totalPreferred: 0,
        asConverted: 9_600_000,
      });
      // Series A PA-1 2,000,000 × 2 = 4,000,000; tx-10 converts 1,000,000 into CS-2, issued (tx-17)
      // for 1,250,000 common (= 1,000,000 × 5/4), and the remainder PA-2 is issued (tx-18) for 3,000,000.
      // Series B 500,000 × 2 = 1,000,000 at the adjusted 6/5 = 1,200,000.
      expect(counts(holder(result, "Alder Capital Fund II, L.P."))).toEqual({
        common: 1_250_000,
        preferred: { "sc-a": 3_000_000, "sc-b": 1_000_000 },
        totalPreferred: 4_000_000,
        asConverted: 1_250_000 + 3_750_000 + 1_200_000,
      });
      // Series B 1,000,000 × 2 = 2,000,000; 500,000 converted (issued explicitly as CS-3).
      expect(counts(holder(result, "Birch Growth Partners, L.P."))).toEqual({
        common: 500_000,
        preferred: { "sc-b": 1_500_000 },
        totalPreferred: 1_500_000,
        asConverted: 500_000 + 1_800_000,
      });
    });

    it("gives the ratio per class (Series A 5/4, the price ratio 1.00 ÷ 0.80), and the adjusted ratio from its date", () => {
      const a = holder(result, "Alder Capital Fund II, L.P.").preferred;
      expect(a.map((p) => [p.className, p.ratio?.exact, p.ratio?.source, p.asConverted])).toEqual([
        ["Series A Preferred", "1.25", "ratio", 3_750_000],
        ["Series B Preferred", "1.2", "ratio", 1_200_000],
      ]);
      expect(a[0].ratio).toMatchObject({ numerator: "5", denominator: "4", adjustedBy: null });
      expect(a[1].ratio).toMatchObject({ numerator: "6", denominator: "5", rounding: "NORMAL", adjustedBy: "tx-14" });
    });

    it("keeps the original lot date through conversions and the repurchase's balance security", () => {
      expect(holder(result, "Carol Vance").lots).toEqual([
        {
          securityId: "CS-4",
          stockClassId: "sc-common",
          classType: "COMMON",
          shares: 9_600_000,
          acquired: "2018-03-01",
          originSecurityId: "CS-1",
        },
      ]);
      const alder = holder(result, "Alder Capital Fund II, L.P.").lots.map((l) => [l.securityId, l.shares, l.acquired, l.originSecurityId]);
      expect(alder).toEqual([
        ["CS-2", 1_250_000, "2019-05-10", "PA-1"],
        ["PA-2", 3_000_000, "2019-05-10", "PA-1"],
        ["PB-2", 1_000_000, "2020-09-15", "PB-2"],
      ]);
      const birch = holder(result, "Birch Growth Partners, L.P.").lots.map((l) => [l.securityId, l.shares, l.acquired]);
      expect(birch).toEqual([
        ["CS-3", 500_000, "2020-09-15"],
        ["PB-3", 1_500_000, "2020-09-15"],
      ]);
    });

    it("skips only the transaction after the as-of date; the fully cancelled holder has no row", () => {
      expect(result.summary.skipped).toEqual([
        {
          file: expect.stringMatching(/Transactions\.ocf\.json$/),
          id: "tx-16",
          objectType: "TX_STOCK_CANCELLATION",
          reason: SKIP_REASONS.afterAsOf,
        },
      ]);
      expect(result.holders.some((h) => h.name === "Cedar Angels LLC")).toBe(false);
      // 19 transactions: tx-16 is after the as-of date, and the issuances of the results and
      // remainders (CS-2 and PA-2 of tx-10, CS-3 and PB-3 of tx-11, CS-4 of tx-15) are applied by
      // the transaction they result from, not counted on their own: 19 − 1 − 5 = 13.
      expect(result.summary).toMatchObject({ transactionsApplied: 13, securitiesOutstanding: 6, holders: 3, stakeholders: 4 });
    });

    it("walks only to an earlier as-of date when asked (before the split)", () => {
      const early = importOcf(input("series-b", form), { asOf: "2020-12-31" });
      expect(counts(holder(early, "Carol Vance")).common).toBe(5_000_000);
      expect(counts(holder(early, "Alder Capital Fund II, L.P.")).preferred).toEqual({ "sc-a": 2_000_000, "sc-b": 500_000 });
      expect(counts(holder(early, "Cedar Angels LLC")).preferred).toEqual({ "sc-b": 100_000 });
      expect(early.stockClasses.find((c) => c.id === "sc-b")?.conversionRatio?.exact).toBe("1");
    });
  });

  describe("transfer between holders", () => {
    const result = importOcf(input("transfer", form));

    it("moves the transferred shares and puts the rest in the balance security", () => {
      // CS-1 1,000,000 (Dana) → CS-2 250,000 to Eve, balance CS-3 750,000 (Dana).
      // PA-1 500,000 (Granite) → PA-2 120,000 to Frank, PA-3 80,000 to Eve, balance PA-4 300,000 (Granite).
      expect(result.holders.map((h) => [h.name, h.common, h.totalPreferred, h.asConverted])).toEqual([
        ["Dana Whitfield", 750_000, 0, 750_000],
        ["Eve Marchetti", 250_000, 80_000, 330_000],
        ["Granite Growth Fund, L.P.", 0, 300_000, 300_000],
        ["Frank Li", 0, 120_000, 120_000],
      ]);
    });

    it("tacks the transferee's lot to the transferor's acquisition date", () => {
      const eve = holder(result, "Eve Marchetti").lots.map((l) => [l.securityId, l.shares, l.acquired, l.originSecurityId]);
      expect(eve).toEqual([
        ["CS-2", 250_000, "2017-02-01", "CS-1"],
        ["PA-3", 80_000, "2018-07-01", "PA-1"],
      ]);
      expect(holder(result, "Granite Growth Fund, L.P.").lots).toEqual([
        {
          securityId: "PA-4",
          stockClassId: "sc-a",
          classType: "PREFERRED",
          shares: 300_000,
          acquired: "2018-07-01",
          originSecurityId: "PA-1",
        },
      ]);
    });

    it("conserves the total shares of each class", () => {
      const total = (r: OcfImport, cls: string) =>
        r.holders
          .flatMap((h) => h.lots)
          .filter((l) => l.stockClassId === cls)
          .reduce((n, l) => n + l.shares, 0);
      expect(total(result, "sc-common")).toBe(1_000_000);
      expect(total(result, "sc-a")).toBe(500_000);
    });

    it("becomes cap table rows", () => {
      expect(toCapTableRows(result, { dates: "iso" })).toEqual([
        ["Holder", "Common", "Preferred", "Conversion ratio", "Acquired date", "Affiliate", "Role"],
        ["Dana Whitfield", 750_000, 0, null, "2017-02-01", false, "no-rights"],
        ["Eve Marchetti", 250_000, 80_000, 1, "2018-07-01", false, "holder"],
        ["Granite Growth Fund, L.P.", 0, 300_000, 1, "2018-07-01", false, "holder"],
        ["Frank Li", 0, 120_000, 1, "2018-07-01", false, "holder"],
      ]);
    });
  });
});
