// The formula contract (shared/docs/formulas.md §1–§4) checked against the shipped bundle,
// dist/functions.js with the engine chunk taskpane.html loads before it, as Excel calls it: registered through CustomFunctions.associate, given
// Excel-shaped arguments. (npm test builds first.)
import * as fs from "fs";
import * as path from "path";
import { serialFromDate as D } from "../src/engine/dates";
import { RR_FUNCTIONS, RR_LIST } from "../src/functions/list";
import { functionsScripts } from "./support/distScripts";

type Fn = (...args: unknown[]) => unknown;
const RR = new Map<string, Fn>();

beforeAll(() => {
  const file = path.resolve(__dirname, "..", "dist", "functions.js");
  if (!fs.existsSync(file)) throw new Error("dist/functions.js is missing: run `npm run build` (npm test does)");
  const stub = { ...CustomFunctions, associate: (id: string, fn: Fn) => RR.set(id, fn) };
  // Evaluated in this realm, so arguments and errors are ordinary objects of the test. The code is
  // our own built bundle, the very file Excel loads.
  // eslint-disable-next-line no-new-func
  for (const script of functionsScripts()) new Function("CustomFunctions", script.code)(stub);
});

const call = (id: string, ...args: unknown[]) => {
  const fn = RR.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  return fn(...args);
};
const col = (...v: unknown[]) => v.map((x) => [x]);
const err = (v: unknown) =>
  v instanceof CustomFunctions.Error ? `${(v as { code: string }).code} ${(v as { message: string }).message}` : v;

// The function names the contract declares: every `RR.NAME(` it writes, in signatures and in prose
// (../shared/docs/formulas.md beside the repository, the layout CI gives a fresh clone, as the OCF
// tests read ../shared/ocf; RR_CONTRACT names another copy). Not a list kept in this file.
const CONTRACT = process.env.RR_CONTRACT ?? path.resolve(__dirname, "../../shared/docs/formulas.md");
const contractIds = () =>
  [...new Set([...fs.readFileSync(CONTRACT, "utf8").matchAll(/\bRR\.([A-Z][A-Z0-9.]*[A-Z0-9])\(/g)].map((m) => m[1]))].sort();

test(`every function of the contract (${CONTRACT}) is registered under its name, and no other`, () => {
  const contract = contractIds();
  expect(contract.length).toBeGreaterThan(20);
  expect([...RR.keys()].sort()).toEqual(contract);
  expect(Object.keys(RR_FUNCTIONS).sort()).toEqual(contract);
});
if (!fs.existsSync(CONTRACT)) console.warn(`${CONTRACT} is missing: the function list is not checked against the contract`);

test("the bundle registers what the in-memory workbook and Explain cell evaluate (the list built from functions.ts)", () => {
  expect([...RR.keys()].sort()).toEqual(Object.keys(RR_FUNCTIONS).sort());
  expect(RR.size).toBe(RR_LIST.length);
});

test.each([
  ["§1 common + floor(convertible × ratio) − disposed", "REGISTRABLE", [col(100, 0), col(10, 3), [[1.5]], col(15, 0), null], [[100], [4]]],
  ["§1 ceased gives 0", "REGISTRABLE", [[[100]], [[10]], [[1.5]], null, [[true]]], [[0]]],
  ["§2 volume: 1% wins", "RULE144.VOLUME", [1_840_000, col(15_000, 17_200, 19_600, 18_100), null], 18_400],
  ["§2 volume: average wins on an exchange", "RULE144.VOLUME", [2_400_000, col(24_000, 25_000, 24_500, 24_500), "exchange"], 24_500],
  ["§2 volume: OTC gets 1% alone", "RULE144.VOLUME", [2_400_000, col(24_000, 25_000, 24_500, 24_500), "otc"], 24_000],
  ["§2 holding period, 2008 regime, reporting", "RULE144.HOLDEND", [[[D(2007, 12, 1)]], null], [[D(2008, 6, 2)]]],
  ["§2 holding period, old year ends after 2008-02-15", "RULE144.HOLDEND", [[[D(2007, 6, 1)]], null], [[D(2008, 2, 15)]]],
  ["§2 holding period, non-reporting", "RULE144.HOLDEND", [[[D(2007, 12, 1)]], [[false]]], [[D(2008, 12, 2)]]],
  [
    "§2 ceased: non-affiliate after six months",
    "RULE144.CEASED",
    [[[1e6]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 6, 2)]], [[18_400]], null],
    [[true]],
  ],
  [
    "§2 not ceased: affiliate above the limit",
    "RULE144.CEASED",
    [[[18_401]], [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null],
    [[false]],
  ],
  [
    "§2 1997 regime: Rule 144(k) after two years",
    "RULE144.CEASED",
    [[[1e6]], [[false]], [[D(1998, 1, 5)]], [[D(2000, 1, 6)]], [[18_400]], null],
    [[true]],
  ],
  [
    "§2 status sentence",
    "RULE144.STATUS",
    [[[1e6]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null],
    [["Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime)."]],
  ],
  // §6 Rule 144, more of the rule (figures: six months met EDATE(2007-12-01, 6) + 1 = 2008-06-02).
  [
    "§6 sold_3m exactly at the room: 6,400 + 12,000 = 18,400",
    "RULE144.CEASED",
    [col(6_400, 6_401), [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, [[12_000]], null],
    [[true], [false]],
  ],
  [
    "§6 a group whose sum crosses the limit: 10,000 + 8,401",
    "RULE144.CEASED",
    [col(10_000, 8_401), [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, null, [["Fund A"]]],
    [[false], [false]],
  ],
  [
    "§6 current_info FALSE: an affiliate never; a non-affiliate waits one year",
    "RULE144.CEASED",
    [col(1, 1), col(true, false), [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, [[false]], null, null],
    [[false], [false]],
  ],
  [
    "§6 status: the room left by sales",
    "RULE144.STATUS",
    [[[10_000]], [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, [[12_000]], null],
    [
      [
        "Not ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, fewer than the 10,000 registrable shares (affiliate, Rule 144(e)(1), 2008 regime).",
      ],
    ],
  ],
  [
    "§6 lapse dates the day before, of and after 2008-02-15",
    "RULE144.CEASEDATE",
    [[[10_000]], [[false]], col(D(2007, 2, 13), D(2007, 2, 14), D(2007, 8, 15)), [[18_400]], null, null, null, null, null],
    [[D(2008, 2, 14)], [D(2008, 2, 15)], [D(2008, 2, 16)]],
  ],
  ["§6 windows: 50,000 with 12,000 sold", "RULE144.WINDOWS", [[[50_000]], [[18_400]], [[12_000]]], [[4]]],
  [
    "§6 Form 144: 600 shares the day before and of 2008-02-15; 5,000 is not more than 5,000",
    "RULE144.FORM144",
    [col(600, 600, 5_000), [[0]], [[true]], col(D(2008, 2, 14), D(2008, 2, 15), D(2024, 1, 2))],
    [[true], [false], [false]],
  ],
  [
    "§3 priority, demand",
    "PRIORITY",
    [col("company", "no-rights", "other", "holder", "initiating"), [["demand"]]],
    [[1], [1], [2], [3], [3]],
  ],
  [
    "§3 priority, company",
    "PRIORITY",
    [col("company", "no-rights", "other", "holder", "initiating"), [["company"]]],
    [[2], [1], [1], [1], [1]],
  ],
  [
    "§3 priority, other-demand",
    "PRIORITY",
    [col("company", "no-rights", "other", "holder", "initiating"), [["other-demand"]]],
    [[1], [1], [2], [2], [3]],
  ],
  ["§3 cutback example 7 over [40, 35, 25]", "CUTBACK", [col(40, 35, 25), [[1]], 7, null], [[3], [2], [2]]],
  ["§3 cutback by tiers", "CUTBACK", [col(500, 300, 400, 1000, 2000), col(1, 1, 2, 3, 3), 3200, null], [[0], [0], [200], [1000], [2000]]],
  ["§3 cutback by weights, capped at requests", "CUTBACK", [col(30, 100, 100), [[1]], 200, col(1, 1, 2)], [[30], [70], [100]]],
  ["§4 cap", "INDEMNITY.CAP", [[[1_000_000]], [[20]], [[0.06]], [[0.05]]], [[18_750_000]]],
  ["§4 allocate: several, uncapped Company", "INDEMNITY.ALLOCATE", [100, col(1, 1, 1), col(10, "none", "none")], [[10], [33.33], [33.33]]],
  ["§4 uncovered", "INDEMNITY.UNCOVERED", [100, col(1, 1, 1), col(10, "none", "none")], 23.34],
  [
    "§6 aggregate cap: cap left = cap − cap_used",
    "INDEMNITY.ALLOCATE",
    [100, col(1, 1, 1), col(10, "none", "none"), col(4, 0, 0)],
    [[6], [33.33], [33.33]],
  ],
  ["§6 aggregate cap: cap_used at the cap", "INDEMNITY.UNCOVERED", [100, col(1, 1, 1), col(10, "none", "none"), col(10, 0, 0)], 33.34],
  ["§5 demand OK", "DEMAND.CHECK", [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, null, null], "OK"],
  [
    "§5 demand on the anniversary is too early",
    "DEMAND.OK",
    [D(2001, 3, 15), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, null, null],
    false,
  ],
  [
    "§5 exactly half is not a majority",
    "DEMAND.OK",
    [D(2001, 6, 1), D(2000, 3, 15), 500_000, 1_000_000, 200_000, 25, 0, null, null],
    false,
  ],
  ["§5 three demands used", "DEMAND.OK", [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 3, null, null], false],
  ["§5 six months by EDATE", "DEMAND.OK", [D(2001, 2, 28), D(1999, 1, 1), 600_000, 1_000_000, 200_000, 25, 0, D(2000, 8, 31), null], true],
  [
    "§6 the six-month rule defers: the day before EDATE(last, 6)",
    "DEMAND.CHECK",
    [D(2001, 2, 27), D(1999, 1, 1), 600_000, 1_000_000, 200_000, 25, 0, D(2000, 8, 31), null],
    'OK; effect on or after 2001-02-28 (at most one registration in six months, "Number of Requests; Form")',
  ],
  [
    "§6 a deferred demand is still OK",
    "DEMAND.OK",
    [D(2001, 2, 27), D(1999, 1, 1), 600_000, 1_000_000, 200_000, 25, 0, D(2000, 8, 31), null],
    true,
  ],
  [
    "§6 on EDATE(last, 6) nothing defers",
    "DEMAND.CHECK",
    [D(2001, 2, 28), D(1999, 1, 1), 600_000, 1_000_000, 200_000, 25, 0, D(2000, 8, 31), null],
    "OK",
  ],
  [
    "§6 early demand: before the later of the anniversary and notice + 15",
    "DEMAND.EARLY",
    [D(2001, 3, 24), D(2000, 3, 15), D(2001, 3, 10), null],
    true,
  ],
  ["§6 early demand: not on notice + 15", "DEMAND.EARLY", [D(2001, 3, 25), D(2000, 3, 15), D(2001, 3, 10), null], false],
  ["§6 shelf end: 90 days plus the days suspended", "SHELF.END", [D(2001, 1, 1), 30, null], D(2001, 5, 1)],
  ["§6 shelf: 90 days in total is the cap exactly", "SHELF.OK", [60, 30, null], true],
  ["§6 shelf: 91 days in total is over the cap", "SHELF.OK", [60, 31, null], false],
  [
    "§5 calendar, month end",
    "DATE",
    [col("next-demand", "join", "mail", "demand-window"), [[D(2000, 8, 31)]], null],
    [[D(2001, 2, 28)], [D(2000, 9, 15)], [D(2000, 9, 4)], [D(2001, 8, 31)]],
  ],
  [
    "§5 transfer rights",
    "TRANSFER.OK",
    [col(199_999, 200_000, 5, 5), col(1e6, 1e6, 5, 10), col(false, false, false, true), null, null],
    [[false], [true], [true], [true]],
  ],
  ["§5 consent: exactly half fails", "CONSENT", [500, 1000, null], false],
  [
    "§5 a terms override changes a result",
    "TRANSFER.OK",
    [[[150_000]], [[1e6]], null, null, [["transfer_threshold_shares", 150_000]]],
    [[true]],
  ],
])("%s", (_label, id, args, expected) => {
  expect(call(id, ...(args as unknown[]))).toEqual(expected);
});

test("errors from the bundle are CustomFunctions.Error values naming the argument", () => {
  expect(err((call("CUTBACK", col(1, 2), [[1]], "ten", null) as unknown[][])[0][0])).toMatch(
    /^#VALUE! capacity: expected a whole number of shares/,
  );
  expect(err(call("RULE144.VOLUME", 1000, col(1, 2, 3), null))).toBe(
    "#VALUE! weekly_volumes: expected exactly four weekly volumes, got 3 cells",
  );
  expect(err((call("RULE144.HOLDEND", [[D(1995, 1, 1)]], null) as unknown[][])[0][0])).toMatch(
    /^#N\/A acquired: the holding period would be met on 1996-01-02, before 1997-04-29/,
  );
});

// Blank cells, as each host passes them (desktop 0, web null: office-js #4702, #5262, #1951), through
// the shipped bundle: the contract's blank rules hold in both modes.
const BLANK = Symbol("blank cell");
const host = (blank: null | 0, v: unknown): unknown => (v === BLANK ? blank : Array.isArray(v) ? v.map((x) => host(blank, x)) : v);
const weeks = col(D(2024, 4, 15), D(2024, 4, 22), D(2024, 4, 29), D(2024, 5, 6));

test.each([
  ["§1 a common-only holder needs no ratio", "REGISTRABLE", [[[100]], [[0]], [[BLANK]], null, null], [[100]]],
  ["§2 a blank venue is an exchange", "RULE144.VOLUME", [2_400_000, col(24_000, 25_000, 24_500, 24_500), BLANK], 24_500],
  ["§2 trailing blank rows are no trading days", "RULE144.WEEKLY", [[...weeks, [BLANK]], col(1, 2, 3, 4, BLANK), D(2024, 5, 15)], 2.5],
  ["§3 a trailing blank row asks for nothing", "CUTBACK", [col(40, 35, 25, BLANK), col(1, 1, 1, BLANK), 7, null], [[3], [2], [2], [0]]],
  ["§4 a blank cap is a cap of 0", "INDEMNITY.ALLOCATE", [100, col(1, 1), col(BLANK, "none")], [[0], [50]]],
  ["§6 a blank cap_used is 0", "INDEMNITY.ALLOCATE", [100, col(1, 1), col(10, "none"), col(BLANK, BLANK)], [[10], [50]]],
  [
    "§5 a blank last_registration is none",
    "DEMAND.CHECK",
    [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, BLANK, null],
    "OK",
  ],
  ["§6 a blank notice_date is FALSE", "DEMAND.EARLY", [D(2000, 12, 1), D(2000, 3, 15), BLANK, null], false],
  ["§6 a blank suspended_days is 0", "SHELF.END", [D(2001, 1, 1), BLANK, null], D(2001, 4, 1)],
  ["§6 blank used_days are 0", "SHELF.OK", [BLANK, 90, null], true],
  [
    "§5 [terms] with a blank row",
    "TRANSFER.OK",
    [
      [[150_000]],
      [[1e6]],
      null,
      null,
      [
        ["transfer_threshold_shares", 150_000],
        [BLANK, BLANK],
      ],
    ],
    [[true]],
  ],
])("%s, on desktop and on the web", (_label, id, args, expected) => {
  for (const blank of [null, 0] as const) expect(call(id, ...(args as unknown[]).map((a) => host(blank, a)))).toEqual(expected);
});

test("RR.TERMS on a blank cell is the default table on both hosts", () => {
  expect(call("TERMS", 0)).toEqual(call("TERMS", null));
  expect((call("TERMS", 0) as unknown[][]).length).toBeGreaterThan(10);
});

test("functions.json lets Excel pass error values and data types to every parameter", () => {
  const metadata = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "dist", "functions.json"), "utf8")) as {
    allowErrorForDataTypeAny?: boolean;
    allowCustomDataForDataTypeAny?: boolean;
    functions: { id: string; parameters: { name: string; type?: string }[] }[];
  };
  expect([metadata.allowErrorForDataTypeAny, metadata.allowCustomDataForDataTypeAny]).toEqual([true, true]);
  // "All parameters with the type any or any[][] can accept errors as input values" (custom-functions-json).
  const notAny = metadata.functions.flatMap((f) => f.parameters.filter((p) => p.type !== "any").map((p) => `${f.id}(${p.name})`));
  expect(notAny).toEqual([]);
});

test("an error value in one row of the bundle's CUTBACK: that row's own error, the others split without it", () => {
  const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable); // how the runtime hands an error cell over
  const out = call("CUTBACK", col(40, na, 25), col(1, 1, 1), 7, null) as unknown[][];
  expect(err(out[1][0])).toBe("#VALUE! requested (row 2): the cell holds an error (#N/A); expected a whole number of shares");
  expect([out[0], out[2]]).toEqual(call("CUTBACK", col(40, 25), col(1, 1), 7, null));
});
