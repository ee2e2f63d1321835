// Walk rules not covered by the fixture packages: which conversion right is used, rounding of
// as-converted shares, partial cancellations without a balance security, retraction, and options.
import { importOcf, SKIP_REASONS } from "../../src/ocf";
import { makePackage, usd, zipFiles } from "./support";

const holder = (id: string, name: string) => ({
  object_type: "STAKEHOLDER",
  id,
  name: { legal_name: name },
  stakeholder_type: "INSTITUTION",
});
const commonClass = { object_type: "STOCK_CLASS", id: "c", name: "Common", class_type: "COMMON", price_per_share: usd("0.01") };
const prefClass = (id: string, rights: object[], price = "1.00") => ({
  object_type: "STOCK_CLASS",
  id,
  name: `Pref ${id}`,
  class_type: "PREFERRED",
  price_per_share: usd(price),
  conversion_rights: rights,
});
const right = (target: string | undefined, ratio: [string, string], rounding = "FLOOR") => ({
  type: "STOCK_CLASS_CONVERSION_RIGHT",
  conversion_mechanism: {
    type: "RATIO_CONVERSION",
    ratio: { numerator: ratio[0], denominator: ratio[1] },
    conversion_price: usd("1"),
    rounding_type: rounding,
  },
  ...(target ? { converts_to_stock_class_id: target } : { converts_to_future_round: true }),
});
const issue = (id: string, sec: string, who: string, cls: string, qty: string, date = "2020-01-01") => ({
  object_type: "TX_STOCK_ISSUANCE",
  id,
  date,
  security_id: sec,
  stakeholder_id: who,
  stock_class_id: cls,
  quantity: qty,
  share_price: usd("1"),
  stock_legend_ids: [],
});

describe("OCF walk rules", () => {
  it("uses the first conversion right into a common class, and rounds as-converted per the right", () => {
    const files = makePackage(
      [holder("h", "Holder")],
      [
        commonClass,
        prefClass("f", [right(undefined, ["1", "1"]), right("c", ["1", "3"], "CEILING")]),
        prefClass("n", [right("c", ["2", "3"], "NORMAL")]),
        prefClass("d", [right("c", ["2", "3"])]),
      ],
      [issue("t1", "F-1", "h", "f", "100"), issue("t2", "N-1", "h", "n", "100"), issue("t3", "D-1", "h", "d", "100")],
    );
    const h = importOcf(files).holders[0];
    // 100 × 1/3 = 33.3… ceiling 34; 100 × 2/3 = 66.6… half-up 67; floor 66.
    expect(h.preferred.map((p) => [p.stockClassId, p.ratio?.numerator, p.ratio?.denominator, p.ratio?.rounding, p.asConverted])).toEqual([
      ["f", "1", "3", "CEILING", 34],
      ["n", "2", "3", "NORMAL", 67],
      ["d", "2", "3", "FLOOR", 66],
    ]);
    expect(h.preferred[0].ratio?.exact).toBe("0.3333333333333333333333333333333333333333");
    expect(h.asConverted).toBe(34 + 67 + 66);
  });

  it("derives a conversion's common from the class ratio in force on its date when no issuance records it", () => {
    const files = makePackage(
      [holder("h", "Holder")],
      [commonClass, prefClass("p", [right("c", ["3", "2"])])],
      [
        issue("t1", "P-1", "h", "p", "1001"),
        {
          object_type: "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT",
          id: "t2",
          date: "2021-01-01",
          stock_class_id: "p",
          new_ratio_conversion_mechanism: { type: "RATIO_CONVERSION", conversion_price: usd("0.40"), rounding_type: "FLOOR" },
        },
        {
          object_type: "TX_STOCK_CONVERSION",
          id: "t3",
          date: "2021-06-01",
          security_id: "P-1",
          quantity_converted: "1001",
          resulting_security_ids: ["C-1"],
        },
      ],
    );
    const r = importOcf(files);
    // After t2 the ratio is price 1.00 ÷ conversion price 0.40 = 2.5; 1,001 × 2.5 = 2,502.5 → floor 2,502.
    expect(r.holders[0].lots).toEqual([
      { securityId: "C-1", stockClassId: "c", classType: "COMMON", shares: 2502, acquired: "2020-01-01", originSecurityId: "P-1" },
    ]);
    expect(r.stockClasses.find((c) => c.id === "p")?.conversionRatio).toMatchObject({ exact: "2.5", source: "price", adjustedBy: "t2" });
  });

  it("refuses a conversion it cannot derive (no issuance for the result, no target class)", () => {
    const files = makePackage(
      [holder("h", "Holder")],
      [commonClass, prefClass("p", [right(undefined, ["1", "1"])])],
      [
        issue("t1", "P-1", "h", "p", "10"),
        {
          object_type: "TX_STOCK_CONVERSION",
          id: "t2",
          date: "2021-01-01",
          security_id: "P-1",
          quantity_converted: "10",
          resulting_security_ids: ["C-1"],
        },
      ],
    );
    expect(() => importOcf(files)).toThrow(
      /^Transactions\.ocf\.json: TX_STOCK_CONVERSION "t2", field resulting_security_ids: no TX_STOCK_ISSUANCE issues the resulting security "C-1"/,
    );
  });

  it("reduces a security in place when a cancellation or repurchase names no balance security; a retraction removes it", () => {
    const files = makePackage(
      [holder("a", "A"), holder("b", "B")],
      [commonClass],
      [
        issue("t1", "C-1", "a", "c", "1000"),
        issue("t2", "C-2", "b", "c", "500"),
        { object_type: "TX_STOCK_CANCELLATION", id: "t3", date: "2021-01-01", security_id: "C-1", quantity: "100", reason_text: "x" },
        { object_type: "TX_STOCK_REPURCHASE", id: "t4", date: "2021-02-01", security_id: "C-1", quantity: "150", price: usd("2") },
        { object_type: "TX_STOCK_RETRACTION", id: "t5", date: "2021-03-01", security_id: "C-2", reason_text: "void" },
      ],
    );
    const r = importOcf(files);
    expect(r.holders.map((h) => [h.name, h.common])).toEqual([["A", 750]]);
    expect(r.summary.transactionsApplied).toBe(5);
  });

  it("orders by date, keeping file order within a date, and skips what comes after the as-of date", () => {
    const files = makePackage(
      [holder("a", "A"), holder("b", "B")],
      [commonClass],
      [
        // The transfer is listed first but dated after the issuance; its resulting issuance is listed before it.
        issue("t3", "C-2", "b", "c", "40", "2021-05-05"),
        {
          object_type: "TX_STOCK_TRANSFER",
          id: "t2",
          date: "2021-05-05",
          security_id: "C-1",
          quantity: "40",
          resulting_security_ids: ["C-2"],
        },
        issue("t1", "C-1", "a", "c", "100", "2019-12-01"),
        { object_type: "TX_STOCK_CANCELLATION", id: "t4", date: "2025-01-01", security_id: "C-1", quantity: "60" },
      ],
    );
    const r = importOcf(files);
    expect(r.holders.map((h) => [h.name, h.common, h.lots[0].acquired])).toEqual([
      ["A", 60, "2019-12-01"],
      ["B", 40, "2019-12-01"],
    ]);
    expect(r.summary.skipped).toEqual([
      { file: "Transactions.ocf.json", id: "t4", objectType: "TX_STOCK_CANCELLATION", reason: SKIP_REASONS.afterAsOf },
    ]);
    expect(() => importOcf(files, { asOf: "2021-13-01" })).toThrow(/^options: field asOf: expected a date/);
  });

  it("warns about preferred that has no ratio conversion right, counting it as 0 as converted", () => {
    const files = makePackage(
      [holder("h", "H")],
      [commonClass, { ...prefClass("x", []), conversion_rights: undefined }],
      [issue("t1", "X-1", "h", "x", "10")],
    );
    const r = importOcf(files);
    expect(r.holders[0]).toMatchObject({ totalPreferred: 10, asConverted: 0 });
    expect(r.summary.warnings).toEqual(["Pref x (x) has no ratio conversion right; its shares count as 0 common as converted."]);
  });

  it("skips other security kinds with their reasons and unknown types with a warning reason", () => {
    const tx = (id: string, object_type: string) => ({ object_type, id, date: "2020-02-02", security_id: "Z" });
    const files = makePackage(
      [holder("h", "H")],
      [commonClass],
      [
        tx("a", "TX_CONVERTIBLE_CONVERSION"),
        tx("b", "TX_PLAN_SECURITY_EXERCISE"),
        tx("c", "TX_WARRANT_EXERCISE"),
        tx("d", "TX_STOCK_REISSUANCE"),
        tx("e", "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT"),
        tx("f", "TX_SOMETHING_NEW"),
      ],
    );
    const reasons = importOcf(files).summary.skipped.map((s) => [s.id, s.reason]);
    expect(reasons).toEqual([
      ["a", `concerns a convertible, which is not imported: ${SKIP_REASONS.convertible}`],
      ["b", `concerns a plan security, which is not imported: ${SKIP_REASONS.plan}`],
      ["c", `concerns a warrant, which is not imported: ${SKIP_REASONS.warrant}`],
      ["d", SKIP_REASONS.reissuance],
      ["e", SKIP_REASONS.noHoldings],
      ["f", SKIP_REASONS.unknown],
    ]);
  });
});

describe("OCF input forms", () => {
  it("accepts a Map of files and the zip as an ArrayBuffer, with the same result", () => {
    const files = makePackage([holder("h", "H")], [commonClass], [issue("t1", "C-1", "h", "c", "7")]);
    const expected = importOcf(files);
    expect(importOcf(new Map(Object.entries(files)))).toEqual(expected);
    const zip = zipFiles(files, "export");
    expect(importOcf(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer)).toEqual(expected);
    expect(expected.holders[0].common).toBe(7);
  });
});
