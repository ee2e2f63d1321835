import { importOcf, type OcfInput } from "../../src/ocf";
import { RuleError } from "../../src/engine";
import { editFixture, item, loadFixture, zipFiles } from "./support";

const TX = "Transactions.ocf.json";
const CLASSES = "StockClasses.ocf.json";
const HOLDERS = "Stakeholders.ocf.json";

/** The RuleError importOcf throws for this input (fails the test if it returns or throws another error). */
function rejection(input: OcfInput): RuleError {
  let result: unknown;
  try {
    result = importOcf(input);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleError);
    return err as RuleError;
  }
  throw new Error(`expected a rejection, got a result with ${(result as { holders: unknown[] }).holders.length} holders`);
}

/** Asserts the message names the file, the object and the field, in that order. */
function expectNamed(err: RuleError, file: string, object: string | null, field: string | null, problem: RegExp) {
  expect(err.message.startsWith(file)).toBe(true);
  if (object) expect(err.message).toContain(object);
  if (field) expect(err.message).toContain(`field ${field}`);
  expect(err.message).toMatch(problem);
}

describe("OCF import: bad packages are rejected whole, naming file, object id and field", () => {
  it("a file the manifest names is missing", () => {
    const files = loadFixture("seed");
    delete files[TX];
    const err = rejection(files);
    expectNamed(
      err,
      "Manifest.ocf.json",
      null,
      "transactions_files[0].filepath",
      /"Transactions\.ocf\.json" named here is not in the package/,
    );
    expect(rejection(zipFiles(files)).message).toBe(err.message);
  });

  it("there is no manifest", () => {
    const files = loadFixture("seed");
    delete files["Manifest.ocf.json"];
    expect(rejection(files).message).toMatch(/^The package has no manifest: no file has "file_type": "OCF_MANIFEST_FILE"/);
  });

  it("the manifest leaves out the transactions files", () => {
    const files = editFixture("seed", "Manifest.ocf.json", (m) => delete m.transactions_files);
    expectNamed(rejection(files), "Manifest.ocf.json", null, "transactions_files", /missing/);
  });

  it("the package is not OCF 1.x", () => {
    const files = editFixture("seed", "Manifest.ocf.json", (m) => (m.ocf_version = "2.0.0"));
    expectNamed(rejection(files), "Manifest.ocf.json", null, "ocf_version", /reads OCF 1\.x, got "2\.0\.0"/);
  });

  it("a file is malformed JSON", () => {
    const files = loadFixture("seed");
    files[CLASSES] = files[CLASSES].replace(/}\s*$/, "");
    expect(rejection(files).message).toMatch(/^StockClasses\.ocf\.json: not valid JSON/);
  });

  it("a zip that is not a zip", () => {
    expect(rejection(new Uint8Array([1, 2, 3, 4, 5])).message).toMatch(/\.ocf\.zip could not be opened/);
  });

  it("a file's file_type does not match its manifest slot", () => {
    const files = editFixture("seed", HOLDERS, (b) => (b.file_type = "OCF_STOCK_CLASSES_FILE"));
    expectNamed(rejection(files), HOLDERS, null, "file_type", /expected "OCF_STAKEHOLDERS_FILE" .* got "OCF_STOCK_CLASSES_FILE"/);
  });

  it("an object's object_type is wrong for its file", () => {
    const files = editFixture("seed", CLASSES, (b) => (item(b, "sc-seed").object_type = "STAKEHOLDER"));
    expectNamed(
      rejection(files),
      CLASSES,
      '"sc-seed"',
      "object_type",
      /expected "STOCK_CLASS" in a OCF_STOCK_CLASSES_FILE, got "STAKEHOLDER"/,
    );
    const tx = editFixture("seed", TX, (b) => (item(b, "tx-002").object_type = "STOCK_CLASS"));
    expectNamed(rejection(tx), TX, '"tx-002"', "object_type", /expected a transaction type/);
  });

  it("a transaction references an unknown security", () => {
    const files = editFixture("transfer", TX, (b) => (item(b, "tx-6").security_id = "PA-99"));
    expectNamed(rejection(files), TX, 'TX_STOCK_TRANSFER "tx-6"', "security_id", /no stock security "PA-99" has been issued/);
  });

  it("a transaction references a security that an earlier transaction ended", () => {
    const files = editFixture("transfer", TX, (b) =>
      b.items.push({ object_type: "TX_STOCK_CANCELLATION", id: "tx-10", date: "2022-05-01", security_id: "CS-1", quantity: "1" }),
    );
    expectNamed(rejection(files), TX, 'TX_STOCK_CANCELLATION "tx-10"', "security_id", /"CS-1" is no longer outstanding \(closed by tx-4\)/);
  });

  it("a transaction references an unknown stakeholder", () => {
    const files = editFixture("seed", TX, (b) => (item(b, "tx-003").stakeholder_id = "sh-nobody"));
    expectNamed(rejection(files), TX, 'TX_STOCK_ISSUANCE "tx-003"', "stakeholder_id", /no stakeholder "sh-nobody"/);
  });

  it("a transaction references an unknown stock class", () => {
    const files = editFixture("seed", TX, (b) => (item(b, "tx-001").stock_class_id = "sc-class-z"));
    expectNamed(rejection(files), TX, 'TX_STOCK_ISSUANCE "tx-001"', "stock_class_id", /no stock class "sc-class-z"/);
    const split = editFixture("series-b", TX, (b) => (item(b, "tx-07").stock_class_id = "sc-zz"));
    expectNamed(rejection(split), TX, 'TX_STOCK_CLASS_SPLIT "tx-07"', "stock_class_id", /no stock class "sc-zz"/);
  });

  it("a conversion right names an unknown target class", () => {
    const files = editFixture("seed", CLASSES, (b) => (item(b, "sc-seed").conversion_rights[0].converts_to_stock_class_id = "sc-gone"));
    expectNamed(
      rejection(files),
      CLASSES,
      'STOCK_CLASS "sc-seed"',
      "conversion_rights[0].converts_to_stock_class_id",
      /no stock class "sc-gone"/,
    );
  });

  it("a negative quantity", () => {
    const files = editFixture("seed", TX, (b) => (item(b, "tx-004").quantity = "-80000"));
    expectNamed(rejection(files), TX, 'TX_STOCK_ISSUANCE "tx-004"', "quantity", /cannot be negative, got "-80000"/);
    const transfer = editFixture("transfer", TX, (b) => (item(b, "tx-4").quantity = "-250000"));
    expectNamed(rejection(transfer), TX, 'TX_STOCK_TRANSFER "tx-4"', "quantity", /cannot be negative/);
  });

  it.each([
    ["a fraction", "10.5", /whole number of shares, got "10\.5"/],
    ["a JSON number instead of a decimal string", 4000000, /expected a decimal string such as "1000", got 4000000/],
    ["text", "4,000,000", /expected a decimal string/],
  ])("a quantity that is %s", (_what, value, problem) => {
    const files = editFixture("seed", TX, (b) => (item(b, "tx-001").quantity = value));
    expectNamed(rejection(files), TX, 'TX_STOCK_ISSUANCE "tx-001"', "quantity", problem);
  });

  it("a ratio with a zero denominator: conversion right, split and ratio adjustment", () => {
    const right = editFixture(
      "seed",
      CLASSES,
      (b) => (item(b, "sc-seed").conversion_rights[0].conversion_mechanism.ratio.denominator = "0"),
    );
    expectNamed(
      rejection(right),
      CLASSES,
      'STOCK_CLASS "sc-seed"',
      "conversion_rights[0].conversion_mechanism.ratio.denominator",
      /denominator cannot be 0/,
    );
    // The OCF 1.0/1.1 shape: the ratio on the right itself.
    const old = editFixture(
      "series-b",
      CLASSES,
      (b) =>
        (item(b, "sc-b").conversion_rights = [{ ratio: { numerator: "1", denominator: "0.0" }, converts_to_stock_class_id: "sc-common" }]),
    );
    expectNamed(rejection(old), CLASSES, 'STOCK_CLASS "sc-b"', "conversion_rights[0].ratio.denominator", /denominator cannot be 0/);
    const split = editFixture("series-b", TX, (b) => (item(b, "tx-06").split_ratio.denominator = "0"));
    expectNamed(rejection(split), TX, 'TX_STOCK_CLASS_SPLIT "tx-06"', "split_ratio.denominator", /denominator cannot be 0/);
    const adj = editFixture("series-b", TX, (b) => (item(b, "tx-14").new_ratio_conversion_mechanism.ratio.denominator = "0"));
    expectNamed(
      rejection(adj),
      TX,
      'TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT "tx-14"',
      "new_ratio_conversion_mechanism.ratio.denominator",
      /denominator cannot be 0/,
    );
  });

  it("a conversion price of zero", () => {
    const files = editFixture("series-b", CLASSES, (b) => {
      // Without a ratio the importer reads original price ÷ conversion price (OCF 1.0/1.1).
      const m = item(b, "sc-a").conversion_rights[0].conversion_mechanism;
      delete m.ratio;
      m.conversion_price.amount = "0.00";
    });
    expectNamed(
      rejection(files),
      CLASSES,
      'STOCK_CLASS "sc-a"',
      "conversion_rights[0].conversion_mechanism.conversion_price.amount",
      /conversion price cannot be 0/,
    );
  });

  it("a split that would leave fractional shares names the transaction and the security", () => {
    const files = editFixture("series-b", TX, (b) => (item(b, "tx-07").split_ratio = { numerator: "2", denominator: "3" }));
    expectNamed(
      rejection(files),
      TX,
      'TX_STOCK_CLASS_SPLIT "tx-07"',
      "split_ratio",
      /splitting security "PA-1" \(2,000,000 shares\) by 2\/3 gives 1,333,333\.33\d*, not a whole number of shares/,
    );
  });

  it("a transfer of more shares than the security holds", () => {
    const files = editFixture("transfer", TX, (b) => (item(b, "tx-6").quantity = "500001"));
    expectNamed(rejection(files), TX, 'TX_STOCK_TRANSFER "tx-6"', "quantity", /transfers 500,001 shares but security "PA-1" holds 500,000/);
  });

  it("a transfer whose resulting securities do not add up to its quantity", () => {
    const files = editFixture("transfer", TX, (b) => (item(b, "tx-7").quantity = "100000"));
    expectNamed(
      rejection(files),
      TX,
      'TX_STOCK_TRANSFER "tx-6"',
      "resulting_security_ids",
      /hold 180,000 shares, but the transfer's quantity is 200,000/,
    );
  });

  it("a transfer to a resulting security nobody is issued", () => {
    const files = editFixture("transfer", TX, (b) => (b.items = b.items.filter((i: { id: string }) => i.id !== "tx-8")));
    expectNamed(
      rejection(files),
      TX,
      'TX_STOCK_TRANSFER "tx-6"',
      "resulting_security_ids[1]",
      /no TX_STOCK_ISSUANCE issues the resulting security "PA-3"/,
    );
  });

  it("a balance security issued for the wrong remainder", () => {
    const files = editFixture("transfer", TX, (b) => (item(b, "tx-5").quantity = "700000"));
    expectNamed(
      rejection(files),
      TX,
      'TX_STOCK_TRANSFER "tx-4"',
      "balance_security_id",
      /issued \(tx-5\) for 700,000 shares, but 750,000 remain/,
    );
  });

  it("a bad date, a duplicate id and a consolidation whose combined security is not issued", () => {
    const date = editFixture("seed", TX, (b) => (item(b, "tx-002").date = "2019-02-30"));
    expectNamed(rejection(date), TX, 'TX_STOCK_ISSUANCE "tx-002"', "date", /expected a date "YYYY-MM-DD", got "2019-02-30"/);
    const dup = editFixture("seed", HOLDERS, (b) => (item(b, "sh-bob").id = "sh-alice"));
    expectNamed(rejection(dup), HOLDERS, 'STAKEHOLDER "sh-alice"', "id", /used twice/);
    const cons = editFixture("transfer", TX, (b) =>
      b.items.push({
        object_type: "TX_STOCK_CONSOLIDATION",
        id: "tx-c",
        date: "2022-06-01",
        security_ids: ["CS-3"],
        resulting_security_id: "CS-9",
      }),
    );
    expectNamed(
      rejection(cons),
      TX,
      'TX_STOCK_CONSOLIDATION "tx-c"',
      "resulting_security_id",
      /no TX_STOCK_ISSUANCE issues the consolidated security "CS-9"/,
    );
  });

  it("a stakeholder without a legal name and a class with an unknown class_type", () => {
    const name = editFixture("seed", HOLDERS, (b) => delete item(b, "sh-bob").name.legal_name);
    expectNamed(rejection(name), HOLDERS, 'STAKEHOLDER "sh-bob"', "name.legal_name", /expected a non-empty string, got nothing/);
    const type = editFixture("seed", CLASSES, (b) => (item(b, "sc-seed").class_type = "PREFERENCE"));
    expectNamed(rejection(type), CLASSES, 'STOCK_CLASS "sc-seed"', "class_type", /expected one of "COMMON", "PREFERRED", got "PREFERENCE"/);
  });

  it("a bad transaction late in the file rejects the whole package (nothing partial)", () => {
    const files = editFixture("series-b", TX, (b) => (item(b, "tx-15").quantity = "99999999"));
    expect(() => importOcf(files)).toThrow(RuleError);
    expect(() => importOcf(files)).toThrow(
      /TX_STOCK_REPURCHASE "tx-15", field quantity: removes 99,999,999 shares but security "CS-1" holds 10,000,000/,
    );
  });
});
