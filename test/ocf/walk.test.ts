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

  it("reads a ratio from price ÷ conversion price (OCF 1.0/1.1) and applies an adjustment from its date", () => {
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
      ],
    );
    const r = importOcf(files);
    // After t2 the ratio is price 1.00 ÷ conversion price 0.40 = 2.5; 1,001 × 2.5 = 2,502.5 → floor 2,502.
    expect(r.stockClasses.find((c) => c.id === "p")?.conversionRatio).toMatchObject({ exact: "2.5", source: "price", adjustedBy: "t2" });
    expect(r.holders[0].preferred[0].asConverted).toBe(2502);
  });

  it("refuses a conversion whose result has no issuance (OCF issues every result; the importer derives none)", () => {
    const files = makePackage(
      [holder("h", "Holder")],
      [commonClass, prefClass("p", [right("c", ["1", "1"])])],
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
      /^Transactions\.ocf\.json: TX_STOCK_CONVERSION "t2", field resulting_security_ids\[0\]: no TX_STOCK_ISSUANCE issues the resulting security "C-1"/,
    );
  });

  it('closes a security on a whole cancellation, repurchase or retraction; a balance_security_id of "" names no balance', () => {
    const files = makePackage(
      [holder("a", "A"), holder("b", "B")],
      [commonClass],
      [
        issue("t1", "C-1", "a", "c", "1000"),
        issue("t2", "C-2", "b", "c", "500"),
        issue("t3", "C-3", "b", "c", "70"),
        // 1,000 − 100 cancelled = 900 in C-4; 900 − 150 repurchased = 750 in C-5.
        {
          object_type: "TX_STOCK_CANCELLATION",
          id: "t4",
          date: "2021-01-01",
          security_id: "C-1",
          quantity: "100",
          balance_security_id: "C-4",
          reason_text: "x",
        },
        issue("t5", "C-4", "a", "c", "900", "2021-01-01"),
        {
          object_type: "TX_STOCK_REPURCHASE",
          id: "t6",
          date: "2021-02-01",
          security_id: "C-4",
          quantity: "150",
          price: usd("2"),
          balance_security_id: "C-5",
        },
        issue("t7", "C-5", "a", "c", "750", "2021-02-01"),
        { object_type: "TX_STOCK_RETRACTION", id: "t8", date: "2021-03-01", security_id: "C-2", reason_text: "void" },
        {
          object_type: "TX_STOCK_CANCELLATION",
          id: "t9",
          date: "2021-03-01",
          security_id: "C-3",
          quantity: "70",
          balance_security_id: "",
          reason_text: "all",
        },
      ],
    );
    const r = importOcf(files);
    expect(r.holders.map((h) => [h.name, h.common, h.lots.map((l) => [l.securityId, l.acquired])])).toEqual([
      ["A", 750, [["C-5", "2020-01-01"]]],
    ]);
    // t1, t2, t3, t4, t6, t8, t9 (t5 and t7 are applied by t4 and t6).
    expect(r.summary.transactionsApplied).toBe(7);
  });

  describe("a package that relies on implicit remainders (as the old fixtures did) is refused", () => {
    const base = [issue("t1", "C-1", "a", "c", "1000")];
    const pkg = (tx: object, more: object[] = []) =>
      makePackage([holder("a", "A"), holder("b", "B")], [commonClass], [...base, tx, ...more]);
    it.each([
      [
        "a partial cancellation with no balance security",
        { object_type: "TX_STOCK_CANCELLATION", id: "t2", date: "2021-01-01", security_id: "C-1", quantity: "100", reason_text: "x" },
        /^Transactions\.ocf\.json: TX_STOCK_CANCELLATION "t2", field balance_security_id: takes 100 of the 1,000 shares of security "C-1" and names no balance security for the other 900; OCF issues a remainder under a new security id with its own TX_STOCK_ISSUANCE$/,
      ],
      [
        'a partial repurchase whose balance_security_id is ""',
        {
          object_type: "TX_STOCK_REPURCHASE",
          id: "t2",
          date: "2021-01-01",
          security_id: "C-1",
          quantity: "100",
          balance_security_id: "",
          price: usd("1"),
        },
        /TX_STOCK_REPURCHASE "t2", field balance_security_id: takes 100 of the 1,000 shares .* names no balance security for the other 900/,
      ],
      [
        "a balance security named but never issued",
        {
          object_type: "TX_STOCK_CANCELLATION",
          id: "t2",
          date: "2021-01-01",
          security_id: "C-1",
          quantity: "100",
          balance_security_id: "C-2",
          reason_text: "x",
        },
        /TX_STOCK_CANCELLATION "t2", field balance_security_id: no TX_STOCK_ISSUANCE issues the balance security "C-2"; OCF issues it under its own TX_STOCK_ISSUANCE/,
      ],
    ])("%s", (_what, tx, message) => {
      expect(() => importOcf(pkg(tx))).toThrow(message);
    });
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
          balance_security_id: "C-3",
        },
        issue("t1", "C-1", "a", "c", "100", "2019-12-01"),
        issue("t5", "C-3", "a", "c", "60", "2021-05-05"),
        { object_type: "TX_STOCK_CANCELLATION", id: "t4", date: "2025-01-01", security_id: "C-3", quantity: "60" },
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

  it("lists every other kind of transaction as not counted with its reason, and refuses a type no schema has", () => {
    const tx = (id: string, object_type: string) => ({ object_type, id, date: "2020-02-02", security_id: "Z" });
    const files = makePackage(
      [holder("h", "H")],
      [commonClass],
      [
        tx("a", "TX_CONVERTIBLE_CONVERSION"),
        tx("b", "TX_PLAN_SECURITY_EXERCISE"),
        tx("c", "TX_EQUITY_COMPENSATION_ISSUANCE"),
        tx("d", "TX_WARRANT_EXERCISE"),
        tx("e", "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT"),
        tx("f", "TX_STOCK_ACCEPTANCE"),
        { object_type: "CE_STAKEHOLDER_STATUS", id: "g", date: "2020-02-02", stakeholder_id: "h", new_status: "ACTIVE" },
        tx("i", "TX_STOCK_PLAN_RETURN_TO_POOL"),
      ],
    );
    expect(importOcf(files).summary.skipped.map((s) => [s.id, s.reason])).toEqual([
      ["a", SKIP_REASONS.convertible],
      ["b", SKIP_REASONS.plan],
      ["c", SKIP_REASONS.plan],
      ["d", SKIP_REASONS.warrant],
      ["e", SKIP_REASONS.authorizedShares],
      ["f", SKIP_REASONS.acceptance],
      ["g", SKIP_REASONS.stakeholderEvent],
      ["i", SKIP_REASONS.planPool],
    ]);
    const unknown = makePackage([holder("h", "H")], [commonClass], [tx("z", "TX_STOCK_SOMETHING_NEW")]);
    expect(() => importOcf(unknown)).toThrow(
      'Transactions.ocf.json: TX_STOCK_SOMETHING_NEW "z", field object_type: "TX_STOCK_SOMETHING_NEW" is not an object type of OCF 1.2.0 or of OCF main; the importer cannot tell whether it changes holdings',
    );
  });

  it("warns when an exercise names resulting stock that no TX_STOCK_ISSUANCE issues", () => {
    const files = makePackage(
      [holder("h", "H")],
      [commonClass],
      [
        {
          object_type: "TX_EQUITY_COMPENSATION_EXERCISE",
          id: "x1",
          date: "2020-02-02",
          security_id: "O-1",
          quantity: "5",
          resulting_security_ids: ["S-9"],
        },
      ],
    );
    expect(importOcf(files).summary.warnings).toEqual([
      'Transactions.ocf.json: TX_EQUITY_COMPENSATION_EXERCISE "x1", field resulting_security_ids: no TX_STOCK_ISSUANCE issues "S-9", so the stock it names is not counted (only issued stock is).',
      "No stakeholder holds stock on 2024-12-31; the cap table has no rows.",
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
