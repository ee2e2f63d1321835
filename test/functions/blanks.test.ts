// Blank cells mean the same on every host. Excel desktop passes a blank cell as 0, Excel on the web
// as null (sometimes ""): OfficeDev/office-js #4702, #5262, #1951. Every example below (each
// function's documented @example, the contract's examples, and cases with blanks) runs with its
// blanks (B) as null, as 0 and as "", in variants that blank more cells: trailing blank rows on every
// range, each omitted optional given as a blank cell, each single value blanked, each cell of each
// range blanked. The three answers must be identical (value, or error code and message).
// Arguments are passed exactly as Excel passes them: a 2-D array for an any[][] parameter, a plain
// value for an any parameter, null for an omitted optional (read from src/functions/functions.ts).
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";
import * as functions from "../../src/functions/functions";
import { RR_LIST } from "../../src/functions/list";
import { serialFromDate as D } from "../../src/engine/dates";

const B = Symbol("blank cell");
type Arg = unknown;
const RR = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
const col = (...values: unknown[]) => values.map((v) => [v]);

/** Each exported function's parameters: any[][] (matrix) or any (scalar), optional or not. */
function signatures(): Map<string, { name: string; matrix: boolean; optional: boolean }[]> {
  const file = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  const out = new Map<string, { name: string; matrix: boolean; optional: boolean }[]>();
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name) return;
    out.set(
      node.name.text,
      node.parameters.map((p) => ({ name: p.name.getText(), matrix: p.type?.getText() === "any[][]", optional: !!p.questionToken })),
    );
  });
  return out;
}
const SIGNATURES = signatures();

interface Example {
  fn: string;
  args: Arg[];
  /** The result the documentation claims (with blanks as null); omitted where only the twins are compared. */
  expected?: unknown;
  label: string;
}

const weekDates = col(D(2024, 4, 15), D(2024, 4, 22), D(2024, 4, 29), D(2024, 5, 6)); // one trading day in each of the four weeks
const demand = [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0];
const errorOf = (v: unknown) => v instanceof CustomFunctions.Error;

const EXAMPLES: Example[] = [
  // §1 REGISTRABLE
  { label: "@example", fn: "registrable", args: [[[100]], [[10]], [[1.5]], null, null], expected: [[115]] },
  { label: "contract", fn: "registrable", args: [col(100, 0), col(10, 3), [[1.5]], col(15, 0), null], expected: [[100], [4]] },
  { label: "common only, blank ratio (issue 8)", fn: "registrable", args: [[[100]], [[0]], [[B]], null, null], expected: [[100]] },
  { label: "common only, empty ratio argument", fn: "registrable", args: [[[100]], [[0]], null, null, null], expected: [[100]] },
  {
    label: "cap table with blank cells",
    fn: "registrable",
    args: [col(100, B, 250), col(B, 10, 4), col(B, 1.5, 2), col(B, B, B), col(B, B, B)],
    expected: [[100], [15], [258]],
  },
  // §2 Rule 144
  { label: "@example", fn: "rule144Volume", args: [1_840_000, col(15_000, 17_200, 19_600, 18_100), null], expected: 18_400 },
  { label: "contract", fn: "rule144Volume", args: [2_400_000, col(24_000, 25_000, 24_500, 24_500), "otc"], expected: 24_000 },
  { label: "blank venue", fn: "rule144Volume", args: [2_400_000, col(24_000, 25_000, 24_500, 24_500), B], expected: 24_500 },
  { label: "four weeks", fn: "rule144Weekly", args: [weekDates, col(1, 2, 3, 4), D(2024, 5, 15)], expected: 2.5 },
  {
    label: "trailing blank rows (issue 8)",
    fn: "rule144Weekly",
    args: [[...weekDates, [B], [B]], col(1, 2, 3, 4, B, B), D(2024, 5, 15)],
    expected: 2.5,
  },
  { label: "a blank volume is 0 shares", fn: "rule144Weekly", args: [weekDates, col(1, B, 3, 4), D(2024, 5, 15)], expected: 2 },
  { label: "@example", fn: "rule144HoldEnd", args: [[[D(2007, 6, 1)]], null], expected: [[D(2008, 2, 15)]] },
  { label: "blank reporting reads FALSE", fn: "rule144HoldEnd", args: [[[D(2007, 12, 1)]], [[B]]], expected: [[D(2008, 12, 2)]] },
  { label: "a blank row", fn: "rule144HoldEnd", args: [col(D(2007, 12, 1), B), null] },
  {
    label: "README",
    fn: "rule144Ceased",
    args: [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, null, null],
    expected: [[true]],
  },
  {
    label: "blank affiliate reads FALSE",
    fn: "rule144Ceased",
    args: [[[1e6]], [[B]], [[D(2007, 12, 1)]], [[D(2008, 6, 2)]], [[18_400]], null, null, null, null],
    expected: [[true]],
  },
  {
    label: "contract",
    fn: "rule144Status",
    args: [[[1e6]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, null, null],
    expected: [["Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime)."]],
  },
  {
    label: "rows with blanks",
    fn: "rule144Status",
    args: [col(1e6, B), col(true, B), col(D(2007, 12, 1), D(2007, 12, 1)), [[D(2008, 7, 1)]], col(18_400, B), null, null, null, null],
  },
  // §6 Rule 144, more of the rule. 6,400 + 12,000 sold = 18,400, exactly the limit; 6,401 is one over.
  {
    label: "sold_3m at the room",
    fn: "rule144Ceased",
    args: [col(6_400, 6_401), [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, [[12_000]], null],
    expected: [[true], [false]],
  },
  // Fund A's affiliates: 10,000 + 8,401 = 18,401 > 18,400, though each alone is within; row 3 has a
  // blank label and is tested alone (8,401 ≤ 18,400).
  {
    label: "a group crossing the limit, a blank label",
    fn: "rule144Ceased",
    args: [
      col(10_000, 8_401, 8_401),
      [[true]],
      [[D(2007, 12, 1)]],
      [[D(2008, 7, 1)]],
      [[18_400]],
      null,
      null,
      null,
      col("Fund A", "Fund A", B),
    ],
    expected: [[false], [false], [true]],
  },
  {
    label: "blank sold_3m and current_info cells in a range",
    fn: "rule144Ceased",
    args: [col(18_400, 18_400), [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, col(true, B), col(B, 1), null],
    expected: [[true], [false]],
  },
  // Non-affiliate of a reporting issuer without current information: one year, EDATE(2007-12-01, 12) + 1.
  {
    label: "current_info FALSE",
    fn: "rule144Status",
    args: [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, [[false]], null, null],
    expected: [
      [
        "Not ceased: non-affiliate, and the issuer is not current in its Exchange Act reports, so one year must elapse, on 2008-12-02 (Rule 144(b)(1)(i), (c)(1), 2008 regime).",
      ],
    ],
  },
  // The sentence: room 18,400 − 12,000 = 6,400 for 10,000.
  {
    label: "the room left by sales",
    fn: "rule144Status",
    args: [[[10_000]], [[true]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], null, null, [[12_000]], null],
    expected: [
      [
        "Not ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, fewer than the 10,000 registrable shares (affiliate, Rule 144(e)(1), 2008 regime).",
      ],
    ],
  },
  {
    label: "@example",
    fn: "rule144CeaseDate",
    args: [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[18_400]], null, null, null, null, null],
    expected: [[D(2008, 6, 2)]],
  },
  // One year (1997 regime) on 2008-02-14, on 2008-02-15; six months (2008) on 2008-02-16.
  {
    label: "a blank from is the default; lapses across the change",
    fn: "rule144CeaseDate",
    args: [
      col(10_000, 10_000, 10_000),
      [[false]],
      col(D(2007, 2, 13), D(2007, 2, 14), D(2007, 8, 15)),
      [[18_400]],
      null,
      null,
      null,
      null,
      [[B]],
    ],
    expected: [[D(2008, 2, 14)], [D(2008, 2, 15)], [D(2008, 2, 16)]],
  },
  {
    label: "a group, sales and a blank row",
    fn: "rule144CeaseDate",
    args: [col(10_000, 8_400, B), col(true, true, B), [[D(2007, 12, 1)]], [[18_400]], null, null, col(B, B, B), col("G", "G", B), null],
  },
  // 50,000: 6,400, then 18,400 twice (43,200), then 6,800: four periods.
  { label: "@example", fn: "rule144Windows", args: [[[50_000]], [[18_400]], [[12_000]]], expected: [[4]] },
  { label: "a blank sold_3m", fn: "rule144Windows", args: [col(18_400, 18_401, B), [[18_400]], [[B]]], expected: [[1], [2], [0]] },
  { label: "@example", fn: "rule144Form144", args: [[[5_001]], [[40_000]], [[true]], [[D(2024, 5, 15)]]], expected: [[true]] },
  // 600 shares on 2008-02-14: more than 1997's 500, for a non-affiliate too.
  {
    label: "blank amounts and a blank affiliate",
    fn: "rule144Form144",
    args: [col(600, 600), col(B, B), col(true, B), [[D(2008, 2, 14)]]],
    expected: [[true], [true]],
  },
  // §3 Cutbacks
  { label: "@example", fn: "priority", args: [[["other"]], [["demand"]]], expected: [[2]] },
  { label: "a blank role", fn: "priority", args: [col("holder", B), [["demand"]]] },
  { label: "@example", fn: "cutback", args: [col(40, 35, 25), [[1]], 7, null], expected: [[3], [2], [2]] },
  {
    label: "contract: by tiers",
    fn: "cutback",
    args: [col(500, 300, 400, 1000, 2000), col(1, 1, 2, 3, 3), 3200, null],
    expected: [[0], [0], [200], [1000], [2000]],
  },
  { label: "contract: weights", fn: "cutback", args: [col(30, 100, 100), [[1]], 200, col(1, 1, 2)], expected: [[30], [70], [100]] },
  {
    label: "trailing blank rows are empty rows",
    fn: "cutback",
    args: [col(40, 35, 25, B, B), col(1, 1, 1, B, B), 7, null],
    expected: [[3], [2], [2], [0], [0]],
  },
  // 7 pro rata over 40 and 25: 4.31 and 2.69, floors 4 and 2, the leftover share to the larger remainder.
  { label: "a blank request asks for nothing", fn: "cutback", args: [col(40, B, 25), col(1, 1, 1), 7, null], expected: [[4], [0], [3]] },
  // §4 Indemnity
  { label: "@example", fn: "indemnityCap", args: [[[1_000_000]], [[20]], [[0.06]], null], expected: [[18_800_000]] },
  { label: "blank commission", fn: "indemnityCap", args: [[[1_000_000]], [[20]], [[0.06]], [[B]]], expected: [[18_800_000]] },
  {
    label: "@example",
    fn: "indemnityAllocate",
    args: [100, col(1, 1, 1), col(10, "none", "none"), null],
    expected: [[10], [33.33], [33.33]],
  },
  {
    label: "a trailing blank row",
    fn: "indemnityAllocate",
    args: [100, col(1, 1, 1, B), col(10, "none", "none", B), null],
    expected: [[10], [33.33], [33.33], [0]],
  },
  { label: "@example", fn: "indemnityUncovered", args: [100, col(1, 1, 1), col(10, "none", "none"), null], expected: 23.34 },
  {
    label: "a trailing blank row",
    fn: "indemnityUncovered",
    args: [100, col(1, 1, 1, B), col(10, "none", "none", B), null],
    expected: 23.34,
  },
  // cap_used: row 1 already bore 4 of its 10, so 6 is left; its share is 33.34 (the tie's cent to the earlier row).
  {
    label: "cap_used leaves cap − cap_used",
    fn: "indemnityAllocate",
    args: [100, col(1, 1, 1), col(10, "none", "none"), col(4, B, B)],
    expected: [[6], [33.33], [33.33]],
  },
  {
    label: "cap_used at the cap leaves nothing",
    fn: "indemnityAllocate",
    args: [100, col(1, 1, 1), col(10, "none", 1000), col(10, B, 1000)],
    expected: [[0], [33.33], [0]],
  },
  {
    label: "cap_used leaves cap − cap_used",
    fn: "indemnityUncovered",
    args: [100, col(1, 1, 1), col(10, "none", "none"), col(4, B, B)],
    expected: 27.34,
  },
  {
    label: "a blank cap_used cell is 0",
    fn: "indemnityUncovered",
    args: [100, col(1, 1, 1), col(10, "none", "none"), [[B]]],
    expected: 23.34,
  },
  // §5 Agreement mechanics
  { label: "@example", fn: "demandCheck", args: [...demand, null, null, null], expected: "OK" },
  { label: "blank last_registration", fn: "demandCheck", args: [...demand, B, null, null], expected: "OK" },
  { label: "blank discount", fn: "demandCheck", args: [...demand, null, B, null], expected: "OK" },
  {
    label: "terms with a blank row",
    fn: "demandCheck",
    args: [
      ...demand,
      null,
      null,
      [
        ["max_demands", 3],
        [B, B],
      ],
    ],
    expected: "OK",
  },
  // The six-month rule defers: last registration 2000-12-15, EDATE(…, 6) = 2001-06-15 after the request.
  {
    label: "deferred by the six-month rule",
    fn: "demandCheck",
    args: [...demand, D(2000, 12, 15), null, null],
    expected: 'OK; effect on or after 2001-06-15 (at most one registration in six months, "Number of Requests; Form")',
  },
  { label: "deferred is still OK", fn: "demandOk", args: [...demand, D(2000, 12, 15), null, null], expected: true },
  // NVCA terms: 40% of the 1,000,000 outstanding is 400,000 shares; $15 million net at $25 less 6%
  // ($23.50) needs more than 638,297.87 shares, so 200,000 shares fail both, and 400,000 pass.
  {
    label: "NVCA base and net value, with blanks in the table",
    fn: "demandCheck",
    args: [
      D(2006, 6, 1),
      D(2000, 3, 15),
      600_000,
      1_000_000,
      200_000,
      25,
      0,
      null,
      0.06,
      [
        ["demand_min_percent", 0.4],
        ["demand_min_base", "outstanding"],
        ["demand_min_value", 15_000_000],
        ["demand_value_net", true],
        [B, B],
      ],
    ],
    expected:
      'Not OK: (1) too small: 200,000 shares requested, fewer than both 40% of the 1,000,000 Registrable Securities outstanding (400,000 shares) and more than $15,000,000 net of selling expenses at $25 a share less a 6% discount (638,298 shares); at least the lesser is needed ("Registration on Request" (i))',
  },
  {
    label: "a blank demand_value_net cell is FALSE",
    fn: "demandOk",
    args: [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, null, null, [["demand_value_net", B]]],
    expected: true,
  },
  { label: "@example", fn: "demandOk", args: [D(2001, 3, 15), ...demand.slice(1), null, null, null], expected: false },
  { label: "blank demands_used", fn: "demandOk", args: [...demand.slice(0, 6), B, null, null, null], expected: true },
  { label: "@example", fn: "demandEarly", args: [D(2000, 12, 1), D(2000, 3, 15), D(2000, 11, 20), null], expected: true },
  { label: "blank notice is FALSE", fn: "demandEarly", args: [D(2000, 12, 1), D(2000, 3, 15), B, null], expected: false },
  {
    label: "terms with a blank row",
    fn: "demandEarly",
    args: [
      D(2001, 3, 25),
      D(2000, 3, 15),
      D(2001, 3, 10),
      [
        ["early_demand_days", 16],
        [B, B],
      ],
    ],
    expected: true,
  },
  { label: "@example", fn: "shelfEnd", args: [D(2001, 1, 1), 30, null], expected: D(2001, 5, 1) },
  { label: "blank suspended_days is 0", fn: "shelfEnd", args: [D(2001, 1, 1), B, null], expected: D(2001, 4, 1) },
  { label: "@example", fn: "shelfOk", args: [60, 30, null], expected: true },
  { label: "the cap exactly, blank used", fn: "shelfOk", args: [B, 90, null], expected: true },
  { label: "one day over", fn: "shelfOk", args: [60, 31, [["shelf_suspension_days", 90]]], expected: false },
  { label: "@example", fn: "agreementDate", args: [[["next-demand"]], [[D(2000, 8, 31)]], null], expected: [[D(2001, 2, 28)]] },
  {
    label: "terms with blank rows and cells",
    fn: "agreementDate",
    args: [
      [["lockup"]],
      [[D(2001, 1, 1)]],
      [
        ["term", "value", "unit", "clause"],
        ["lockup_days", 30, B, B],
        [B, B, B, B],
      ],
    ],
    expected: [[D(2001, 1, 31)]],
  },
  { label: "a blank event", fn: "agreementDate", args: [col("mail", B), [[D(2000, 8, 31)]], null] },
  { label: "@example", fn: "transferOk", args: [[[150_000]], [[150_000]], null, null, null], expected: [[true]] },
  { label: "blank flags read FALSE", fn: "transferOk", args: [[[199_999]], [[1e6]], [[B]], [[B]], null], expected: [[false]] },
  { label: "@example", fn: "consent", args: [500_000, 1_000_000, null], expected: false },
  { label: "blank terms cell", fn: "consent", args: [600, 1000, [[B]]], expected: true },
  { label: "@example", fn: "terms", args: ["nvca"] },
  { label: "blank preset", fn: "terms", args: [B] },
];

/** The value with every blank marker replaced: how one host passes the same sheet. */
function withBlanks(v: Arg, blank: null | 0 | ""): Arg {
  if (v === B) return blank;
  return Array.isArray(v) ? v.map((x) => withBlanks(x, blank)) : v;
}

/** Results compared across hosts: errors by code and message, -0 as 0. */
function comparable(v: unknown): unknown {
  if (errorOf(v)) return { error: (v as { code: string }).code, message: (v as { message: string }).message };
  if (Array.isArray(v)) return v.map(comparable);
  return typeof v === "number" ? v + 0 : v;
}

const isRange = (v: Arg) => Array.isArray(v) && (v.length > 1 || (Array.isArray(v[0]) && (v[0] as Arg[]).length > 1));

/** The example and the variants that blank more of it. */
function variants(e: Example): { label: string; args: Arg[] }[] {
  const params = SIGNATURES.get(e.fn)!;
  const blankOf = (i: number) => (params[i].matrix ? [[B]] : B);
  const out = [{ label: "as given", args: e.args }];
  if (e.args.some((a, i) => params[i].matrix && isRange(a) && (a as Arg[][])[0].length === 1)) {
    out.push({
      label: "two trailing blank rows on every column range",
      args: e.args.map((a, i) => (params[i].matrix && isRange(a) && (a as Arg[][])[0].length === 1 ? [...(a as Arg[][]), [B], [B]] : a)),
    });
  }
  e.args.forEach((a, i) => {
    const set = (v: Arg) => e.args.map((x, j) => (j === i ? v : x));
    if (a === null && params[i].optional) out.push({ label: `${params[i].name} given as a blank cell`, args: set(blankOf(i)) });
    else if (!isRange(a) && a !== null) out.push({ label: `${params[i].name} blanked`, args: set(blankOf(i)) });
    else if (isRange(a)) {
      (a as Arg[][]).forEach((row, r) =>
        row.forEach((_, c) => {
          const copy = (a as Arg[][]).map((x) => x.slice());
          copy[r][c] = B;
          out.push({ label: `${params[i].name} cell (${r + 1}, ${c + 1}) blanked`, args: set(copy) });
        }),
      );
    }
  });
  return out;
}

test("every RR function has examples here, and each is called as Excel calls it", () => {
  const ids = RR_LIST.map((f) => RR[f.functionName]);
  expect(ids.every((f) => typeof f === "function")).toBe(true);
  const covered = new Set(EXAMPLES.map((e) => RR[e.fn]));
  expect(ids.filter((f) => !covered.has(f as never)).length).toBe(0);
  for (const e of EXAMPLES) {
    const params = SIGNATURES.get(e.fn)!;
    expect([e.fn, e.label, e.args.length]).toEqual([e.fn, e.label, params.length]);
    e.args.forEach((a, i) => {
      const shaped = a === null || (params[i].matrix ? Array.isArray(a) && a.every(Array.isArray) : !Array.isArray(a));
      expect([e.fn, e.label, params[i].name, shaped]).toEqual([e.fn, e.label, params[i].name, true]);
    });
  }
});

test.each(EXAMPLES.filter((e) => e.expected !== undefined))("$fn ($label) gives the documented result on both hosts", (e) => {
  for (const blank of [null, 0] as const) {
    expect(comparable(RR[e.fn](...e.args.map((a) => withBlanks(a, blank))))).toEqual(comparable(e.expected));
  }
});

describe.each(EXAMPLES)("$fn ($label)", (e) => {
  test.each(variants(e))('$label: blanks as null, 0 and "" give the same result', ({ args }) => {
    const web = comparable(RR[e.fn](...args.map((a) => withBlanks(a, null))));
    const desktop = comparable(RR[e.fn](...args.map((a) => withBlanks(a, 0))));
    const webText = comparable(RR[e.fn](...args.map((a) => withBlanks(a, ""))));
    expect(desktop).toEqual(web);
    expect(webText).toEqual(web);
  });
});

test('RR.TERMS of a blank cell is the CTC 2000 table, and "nvca" differs from it', () => {
  expect(RR.terms(0)).toEqual(RR.terms(null));
  expect(RR.terms(null)).not.toEqual(RR.terms("nvca"));
  expect((RR.terms("nvca") as unknown[][])[0]).toEqual(["term", "value", "unit", "clause"]);
});

test("a blank ratio with convertible shares is still an error naming ratio, on both hosts", () => {
  for (const blank of [null, 0]) {
    const out = (RR.registrable([[0]], [[10]], [[blank]], null, null) as unknown[][])[0][0] as { code: string; message: string };
    expect(errorOf(out)).toBe(true);
    expect(out.message).toBe("ratio: must be greater than 0 when convertible shares are held (convertible is 10); a blank cell reads as 0");
  }
});
