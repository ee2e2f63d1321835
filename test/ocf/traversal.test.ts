// OCF's "Traversing Transactions" explainer: every stock transaction but an issuance closes its
// source security; what stays outstanding is a new security with its own TX_STOCK_ISSUANCE.
// Reissuance and consolidation, locations in overflow messages, and the empty manifest.
import { importOcf, OBJECT_TYPES, MAIN_ONLY, typeName, describeObject } from "../../src/ocf";
import { makePackage, usd } from "./support";
import { objectTypes } from "./schemas";

const holder = (id: string) => ({ object_type: "STAKEHOLDER", id, name: { legal_name: `Holder ${id}` }, stakeholder_type: "INDIVIDUAL" });
const common = { object_type: "STOCK_CLASS", id: "c", name: "Common", class_type: "COMMON", price_per_share: usd("0.01") };
const issue = (id: string, sec: string, qty: string, date = "2020-01-01", who = "h") => ({
  object_type: "TX_STOCK_ISSUANCE",
  id,
  date,
  security_id: sec,
  stakeholder_id: who,
  stock_class_id: "c",
  quantity: qty,
  share_price: usd("0.01"),
  stock_legend_ids: [],
});
const reissue = (id: string, sec: string, results: string[], date: string, split?: string) => ({
  object_type: "TX_STOCK_REISSUANCE",
  id,
  date,
  security_id: sec,
  resulting_security_ids: results,
  ...(split ? { split_transaction_id: split } : {}),
});
const split = (id: string, date: string) => ({
  object_type: "TX_STOCK_CLASS_SPLIT",
  id,
  date,
  stock_class_id: "c",
  split_ratio: { numerator: "2", denominator: "1" },
});
const common_ = (files: Record<string, string>) => importOcf(files).holders.map((h) => [h.stakeholderId, h.common]);

describe("TX_STOCK_REISSUANCE closes its security; the reissued stock is its own issuance", () => {
  it("issue S1 (100), issue S2 (100), reissue S1 → [S2]: 100 shares, not 200", () => {
    const files = makePackage(
      [holder("h")],
      [common],
      [issue("t1", "S1", "100"), issue("t2", "S2", "100", "2021-01-01"), reissue("t3", "S1", ["S2"], "2021-01-01")],
    );
    expect(common_(files)).toEqual([["h", 100]]);
    // The reissued certificate keeps the original lot date (same shares, new certificate).
    expect(importOcf(files).holders[0].lots).toEqual([
      { securityId: "S2", stockClassId: "c", classType: "COMMON", shares: 100, acquired: "2020-01-01", originSecurityId: "S1" },
    ]);
  });

  it("with a 2:1 split and split_transaction_id: S1 100 → 200 on the split, reissued as S2 (200): 200 shares, not 400", () => {
    const files = makePackage(
      [holder("h")],
      [common],
      [
        issue("t1", "S1", "100"),
        split("sp", "2021-01-01"),
        issue("t2", "S2", "200", "2021-01-01"),
        reissue("t3", "S1", ["S2"], "2021-01-01", "sp"),
      ],
    );
    expect(common_(files)).toEqual([["h", 200]]);
  });

  it("refuses a split reissuance listed before its split on the same date (the reissued shares would be split again)", () => {
    const files = makePackage(
      [holder("h")],
      [common],
      [
        issue("t1", "S1", "100"),
        issue("t2", "S2", "200", "2021-01-01"),
        reissue("t3", "S1", ["S2"], "2021-01-01", "sp"),
        split("sp", "2021-01-01"),
      ],
    );
    expect(() => importOcf(files)).toThrow(
      /^Transactions\.ocf\.json: TX_STOCK_REISSUANCE "t3", field split_transaction_id: the split "sp" has not been applied before this reissuance/,
    );
  });

  it("refuses a reissuance whose new securities do not hold what the old one held, or go to someone else", () => {
    const short = makePackage(
      [holder("h")],
      [common],
      [issue("t1", "S1", "100"), issue("t2", "S2", "90"), reissue("t3", "S1", ["S2"], "2021-01-01")],
    );
    expect(() => importOcf(short)).toThrow(
      'Transactions.ocf.json: TX_STOCK_REISSUANCE "t3", field resulting_security_ids: the reissued securities hold 90 shares, but security "S1" holds 100; a reissuance is of the whole security',
    );
    const other = makePackage(
      [holder("h"), holder("k")],
      [common],
      [issue("t1", "S1", "100"), issue("t2", "S2", "100", "2021-01-01", "k"), reissue("t3", "S1", ["S2"], "2021-01-01")],
    );
    expect(() => importOcf(other)).toThrow(
      /field resulting_security_ids\[0\]: "S2" is issued \(t2\) to "k", but a reissued security stays with "h"/,
    );
  });
});

describe("TX_STOCK_CONSOLIDATION (OCF main) closes its securities; the combined security is issued like any other", () => {
  const consolidate = {
    object_type: "TX_STOCK_CONSOLIDATION",
    id: "t9",
    date: "2022-01-01",
    security_ids: ["S1", "S2"],
    resulting_security_id: "S3",
  };

  it("S1 (100, 2020) + S2 (50, 2021) → S3 (150), dated 2021-06-01, the later lot, with a warning", () => {
    const files = makePackage(
      [holder("h")],
      [common],
      [issue("t1", "S1", "100"), issue("t2", "S2", "50", "2021-06-01"), consolidate, issue("t3", "S3", "150", "2022-01-01")],
    );
    const r = importOcf(files);
    expect(r.holders[0].lots).toEqual([
      { securityId: "S3", stockClassId: "c", classType: "COMMON", shares: 150, acquired: "2021-06-01", originSecurityId: "S2" },
    ]);
    expect(r.summary.warnings).toEqual([
      'Transactions.ocf.json: TX_STOCK_CONSOLIDATION "t9", field security_ids: the consolidated securities were acquired on different dates (2020-01-01, 2021-06-01); "S3" is dated 2021-06-01, the latest.',
    ]);
    expect(r.summary.transactionsApplied).toBe(3); // t1, t2, t9 (t3 is applied by t9)
  });

  it("refuses a combined security issued for a different quantity, or not issued at all", () => {
    const wrong = makePackage(
      [holder("h")],
      [common],
      [issue("t1", "S1", "100"), issue("t2", "S2", "50"), consolidate, issue("t3", "S3", "140", "2022-01-01")],
    );
    expect(() => importOcf(wrong)).toThrow(
      'Transactions.ocf.json: TX_STOCK_CONSOLIDATION "t9", field resulting_security_id: "S3" is issued (t3) for 140 shares, but the consolidated securities hold 150',
    );
    const missing = makePackage([holder("h")], [common], [issue("t1", "S1", "100"), issue("t2", "S2", "50"), consolidate]);
    expect(() => importOcf(missing)).toThrow(/field resulting_security_id: no TX_STOCK_ISSUANCE issues the consolidated security "S3"/);
  });
});

describe("every message names the file, the object, the field and the value, including overflow", () => {
  const big = String(2 ** 53 + 1); // 9007199254740993: 2^53 − 1 is the largest exact count

  it.each([
    [
      big,
      `Transactions.ocf.json: TX_STOCK_ISSUANCE "t1", field quantity: got "${big}" shares, more than 9,007,199,254,740,991, the largest count a worksheet holds exactly`,
    ],
    ["1e30", 'Transactions.ocf.json: TX_STOCK_ISSUANCE "t1", field quantity: expected a decimal string such as "1000", got "1e30"'],
    [
      "1000000000000000000000000000000",
      /^Transactions\.ocf\.json: TX_STOCK_ISSUANCE "t1", field quantity: got "1000000000000000000000000000000" shares, more than/,
    ],
  ])("an issued quantity of %s", (qty, message) => {
    expect(() => importOcf(makePackage([holder("h")], [common], [issue("t1", "S1", qty)]))).toThrow(message);
  });

  it("a holder whose lots add up past 2^53 − 1 is refused at the stakeholder, with the securities and the total", () => {
    const half = String(2 ** 52); // 4503599627370496; two of them are 2^53
    const files = makePackage([holder("h")], [common], [issue("t1", "S1", half), issue("t2", "S2", half)]);
    expect(() => importOcf(files)).toThrow(
      'Stakeholders.ocf.json: STAKEHOLDER "h": the common shares held in "S1", "S2" add up to 9007199254740992, more than 9,007,199,254,740,991, the largest count a worksheet holds exactly',
    );
  });

  it("a split past 2^53 − 1 is refused at the split, naming the security and the result", () => {
    const files = makePackage([holder("h")], [common], [issue("t1", "S1", String(2 ** 52)), split("sp", "2021-01-01")]);
    expect(() => importOcf(files)).toThrow(
      'Transactions.ocf.json: TX_STOCK_CLASS_SPLIT "sp", field split_ratio: splitting security "S1" by 2/1 gives 9007199254740992 shares, more than 9,007,199,254,740,991, the largest count a worksheet holds exactly',
    );
  });
});

describe("the manifest", () => {
  it("refuses a package whose manifest lists no stakeholders or transactions", () => {
    const files = makePackage([], [], []);
    expect(() => importOcf(files)).toThrow(
      "Manifest.ocf.json: field stakeholders_files: the manifest lists no stakeholders or transactions (stakeholders_files and transactions_files name only empty files); there is no cap table to import",
    );
  });

  it("accepts CE_ change events in a transactions file (OCF main) and lists them as not counted", () => {
    const ce = {
      object_type: "CE_STAKEHOLDER_RELATIONSHIP",
      id: "ce1",
      date: "2021-01-01",
      stakeholder_id: "h",
      relationship_started: "EMPLOYEE",
    };
    const r = importOcf(makePackage([holder("h")], [common], [issue("t1", "S1", "10"), ce]));
    expect(r.summary.skipped.map((s) => [s.objectType, s.id])).toEqual([["CE_STAKEHOLDER_RELATIONSHIP", "ce1"]]);
  });
});

describe("every object type of OCF v1.2.0 and main is recognised", () => {
  const all = [...new Set([...objectTypes("v1.2.0"), ...objectTypes("main")])];

  it("the catalogue has exactly the schemas' object types, and main's extra ones are the ones it marks", () => {
    expect(Object.keys(OBJECT_TYPES).sort()).toEqual(all.sort());
    const v120 = new Set(objectTypes("v1.2.0"));
    expect(
      objectTypes("main")
        .filter((t) => !v120.has(t))
        .sort(),
    ).toEqual([...MAIN_ONLY].sort());
  });

  it.each(all)("%s has a treatment and a human name", (type) => {
    const t = OBJECT_TYPES[type];
    expect(["read", "walk", "skip"]).toContain(t.kind);
    expect(typeName(type)).toMatch(/^[a-z][a-z ]+[a-z]$/);
  });

  it("names objects in words a lawyer reads", () => {
    expect(describeObject("TX_STOCK_CANCELLATION", "tx-16")).toBe("stock cancellation (TX_STOCK_CANCELLATION, tx-16)");
    expect(describeObject("TX_EQUITY_COMPENSATION_ISSUANCE", "eci_01")).toBe(
      "equity compensation issuance (TX_EQUITY_COMPENSATION_ISSUANCE, eci_01)",
    );
    expect(typeName("CE_STAKEHOLDER_STATUS")).toBe("stakeholder status change");
  });
});
