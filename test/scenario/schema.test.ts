// One schema for the scenario payload (src/scenario/schema.ts): the pane's form and the scenario
// store apply the same rule to each field, so a number the form refuses is a number the store
// refuses, and whatever the form writes the store reads back.
import fc from "fast-check";
import { EMPTY_FORM, formFromPayload, validateForm, type ScenarioForm } from "../../src/taskpane/form";
import { parseCapTable, recogniseColumns, sampleCapTable, validatePayload, type ScenarioPayload } from "../../src/scenario";

const rows = sampleCapTable().rows;
const mapping = recogniseColumns(rows[0] as string[]);
const parsed = parseCapTable(rows.slice(1), mapping);
const cap = { ref: { sheet: "CapTable", address: "A1:G11" }, mapping, parsed };
const holders = parsed.holders.map((h) => ({ row: h.row, name: h.name, role: h.role ?? ("holder" as const), requested: "" }));
const weekly: ScenarioForm["rule144"] = {
  ...EMPTY_FORM.rule144,
  enabled: true,
  asOf: "2008-07-01",
  outstanding: "20,000,000",
  weeks: ["150,000", "172,000", "196,000", "181,000"],
};
const good: ScenarioForm = {
  ...EMPTY_FORM,
  capacity: "3,000,000",
  price: "20",
  spread: "6%",
  commission: "0.05",
  holders,
  rule144: weekly,
};

function payloadOf(form: ScenarioForm): ScenarioPayload {
  const { errors, payload } = validateForm(form, cap);
  expect(errors).toEqual({});
  return payload!;
}

test("what the form writes, the store reads back: weekly and daily volumes, requests, no Rule 144", () => {
  const daily = {
    ...weekly,
    source: "daily" as const,
    dates: "Volumes!A2:A60",
    volumes: "'Daily data'!$B$2:$B$60",
    filingDate: "2008-06-30",
  };
  const requests = holders.map((h, i) => (i === 0 ? { ...h, requested: "1,000" } : h));
  for (const form of [good, { ...good, rule144: daily }, { ...good, holders: requests }, { ...good, rule144: EMPTY_FORM.rule144 }]) {
    const payload = payloadOf(form);
    expect(validatePayload(payload)).toEqual({ ok: true, payload });
  }
});

// A number typed as its shortest decimal text (what String gives, e.g. "1.5", "-3", "1e-7"); the
// form's verdict on the text and the store's on the number must agree, field by field.
const numbers = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -1e7, max: 1e7 }),
  fc.double({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, 0.999999, 1, 1.5, 2 ** 53 - 1, 2 ** 53, 1e20),
);
const FIELDS: [string, (text: string) => ScenarioForm, (v: number) => ScenarioPayload, string][] = [
  ["capacity", (t) => ({ ...good, capacity: t }), (v) => ({ ...payloadOf(good), capacity: v }), "capacity"],
  // Without a commission, so that the rule across fields (commissionProblem) cannot refuse a price
  // or a spread on the commission's field; the commission's own row below decides that rule.
  ["price", (t) => ({ ...good, commission: "", price: t }), (v) => ({ ...payloadOf({ ...good, commission: "" }), price: v }), "price"],
  [
    "grossSpread",
    (t) => ({ ...good, commission: "", spread: t }),
    (v) => ({ ...payloadOf({ ...good, commission: "" }), grossSpread: v }),
    "spread",
  ],
  ["commissionPerShare", (t) => ({ ...good, commission: t }), (v) => ({ ...payloadOf(good), commissionPerShare: v }), "commission"],
  [
    "rule144.outstanding",
    (t) => ({ ...good, rule144: { ...weekly, outstanding: t } }),
    (v) => ({ ...payloadOf(good), rule144: { ...payloadOf(good).rule144!, outstanding: v } }),
    "r144:outstanding",
  ],
  [
    "rule144 week 3",
    (t) => ({ ...good, rule144: { ...weekly, weeks: ["1", "2", t, "4"] } }),
    (v) => ({ ...payloadOf(good), rule144: { ...payloadOf(good).rule144!, volumes: { kind: "weekly", weeks: [1, 2, v, 4] } } }),
    "r144:week3",
  ],
];

test.each(FIELDS)("%s: the form refuses a number exactly when the store does", (_name, form, stored, key) => {
  fc.assert(
    fc.property(numbers, (v) => {
      const formOk = validateForm(form(String(v)), cap).errors[key] === undefined;
      expect([v, formOk]).toEqual([v, validatePayload(stored(v)).ok]);
    }),
    { numRuns: 300 },
  );
});

test.each([
  ["a fractional capacity", { capacity: 1.5 }, "capacity: expected whole shares"],
  ["a capacity past 2^53", { capacity: 2 ** 53 }, "capacity: expected whole shares"],
  ["a negative price", { price: -0.01 }, "price: expected a number of 0 or more"],
  ["a spread of 100%", { grossSpread: 1 }, "grossSpread: expected a fraction below 1"],
  ["a negative commission", { commissionPerShare: -1 }, "commissionPerShare: expected 0 or more"],
  // $20 less the 6% spread leaves $18.80 a share.
  [
    "a commission above the price after the spread",
    { commissionPerShare: 18.81 },
    "commissionPerShare: more than the price after the gross spread ($18.80 a share)",
  ],
  ["a blank sheet name", { sheet: " " }, "sheet: missing"],
  ["a reserved sheet name", { sheet: "History" }, "sheet: not an Excel sheet name (reserved)"],
  ["a sheet name of 32 characters", { sheet: "x".repeat(32) }, "sheet: not an Excel sheet name (too long)"],
] as const)("the store names the field of %s", (_label, over, problem) => {
  expect(validatePayload({ ...payloadOf(good), ...over })).toEqual({ ok: false, problem });
});

test.each([
  ["an as-of date of 0", (r: NonNullable<ScenarioPayload["rule144"]>) => ({ ...r, asOf: 0 }), "rule144.asOf: expected a date serial"],
  [
    "a fractional as-of date",
    (r: NonNullable<ScenarioPayload["rule144"]>) => ({ ...r, asOf: 39630.5 }),
    "rule144.asOf: expected a date serial",
  ],
  [
    "a date past 9999-12-31",
    (r: NonNullable<ScenarioPayload["rule144"]>) => ({ ...r, asOf: 2958466 }),
    "rule144.asOf: expected a date serial",
  ],
  [
    "a range without its sheet",
    (r: NonNullable<ScenarioPayload["rule144"]>) => ({
      ...r,
      volumes: { kind: "daily", dates: "A2:A60", volumes: "Volumes!B2:B60", filingDate: 39629 },
    }),
    "rule144.volumes.dates: expected a range such as Volumes!A2:A60",
  ],
  [
    "a daily filing date of 0",
    (r: NonNullable<ScenarioPayload["rule144"]>) => ({
      ...r,
      volumes: { kind: "daily", dates: "V!A2:A6", volumes: "V!B2:B6", filingDate: 0 },
    }),
    "rule144.volumes.filingDate: expected a date serial",
  ],
] as const)("the store names the Rule 144 field of %s", (_label, change, problem) => {
  const p = payloadOf(good);
  expect(validatePayload({ ...p, rule144: change(p.rule144!) })).toEqual({ ok: false, problem });
});

test("a stored request follows the form's rule for whole shares; null is all the holder's shares", () => {
  const p = payloadOf(good);
  const at = (requested: unknown) => ({ ...p, holders: p.holders.map((h, i) => (i === 1 ? { ...h, requested } : h)) });
  expect(validatePayload(at(null)).ok).toBe(true);
  expect(validatePayload(at(2.5))).toEqual({ ok: false, problem: "holders[1].requested: expected whole shares" });
  expect(validateForm({ ...good, holders: holders.map((h, i) => (i === 1 ? { ...h, requested: "2.5" } : h)) }, cap).errors).toEqual({
    [`requested:${holders[1].row}`]: `The shares requested by ${holders[1].name} must be whole shares.`,
  });
});

test("the form words each fault of whole shares as before", () => {
  const errors = (capacity: string) => validateForm({ ...good, capacity }, cap).errors.capacity;
  expect(errors("three")).toBe("Enter the underwriter capacity as a whole number of shares, e.g. 3,000,000.");
  expect(errors("-1")).toBe("The underwriter capacity cannot be negative.");
  expect(errors("1.5")).toBe("The underwriter capacity must be whole shares.");
  expect(errors("9007199254740992")).toBe("The underwriter capacity is too large.");
  expect(errors("")).toBe("Enter the underwriter capacity as a whole number of shares, e.g. 3,000,000.");
});

test("an opened scenario shows the dates the form read, early 1900 included (Excel's calendar, serial 60 is 1900-02-29)", () => {
  for (const asOf of ["1900-01-01", "1900-02-28", "1900-03-01", "2008-07-01"]) {
    const p = payloadOf({ ...good, rule144: { ...weekly, asOf } });
    expect(formFromPayload(p).rule144.asOf).toBe(asOf);
  }
});
