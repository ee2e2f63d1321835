// Formula contract §6 (Rule 144, more of the rule) through the registered functions, called as
// Excel calls them: ranges as 2-D arrays, omitted optionals as null, blank cells as null (web) or
// 0 (desktop). Figures derived by hand beside each case (N months are met on EDATE + 1).
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { serialFromDate as D } from "../../src/engine/dates";

type Err = { code: string; message: string };
const isError = (v: unknown): v is Err => v instanceof CustomFunctions.Error;
const col = (...values: unknown[]) => values.map((v) => [v]);
const RR = functions as unknown as Record<keyof typeof functions, (...args: unknown[]) => any>;
const shown = (v: unknown): unknown => (isError(v) ? `${v.code} ${v.message}` : Array.isArray(v) ? v.map(shown) : v);
const hosts = [null, 0] as const;

const acquired = [[D(2007, 12, 1)]];
const asOf = [[D(2008, 7, 1)]]; // six months met on 2008-06-02
const limit = [[18_400]];

describe("RR.RULE144.CEASED / STATUS with [current_info], [sold_3m], [group]", () => {
  test("omitted (null) §6 arguments give the second-edition answers", () => {
    const old = RR.rule144Status(col(10_000, 18_401), col(false, true), acquired, asOf, limit, null);
    expect(RR.rule144Status(col(10_000, 18_401), col(false, true), acquired, asOf, limit, null, null, null, null)).toEqual(old);
    // Explicit defaults through the §6 path give the same sentences.
    expect(RR.rule144Status(col(10_000, 18_401), col(false, true), acquired, asOf, limit, null, [[true]], [[0]], [[null]])).toEqual(old);
  });

  test("the binding reason, one sentence per row", () => {
    const out = RR.rule144Status(
      col(10_000, 10_000, 6_400, 10_000, 8_401, 10_000),
      col(true, true, true, false, true, true),
      acquired,
      asOf,
      limit,
      null,
      col(false, true, true, false, true, true),
      col(0, 12_000, 12_000, 0, 0, 0),
      col(null, null, null, null, "Fund A", "Fund A"),
    );
    expect(out).toEqual([
      [
        "Not ceased: affiliate, and the issuer is not current in its Exchange Act reports, without which an affiliate cannot sell under Rule 144 (Rule 144(b)(2), (c)(1), 2008 regime).",
      ],
      [
        "Not ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, fewer than the 10,000 registrable shares (affiliate, Rule 144(e)(1), 2008 regime).",
      ],
      [
        "Ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, enough for the 6,400 registrable shares (affiliate, Rule 144(e)(1), 2008 regime); holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
      ],
      [
        "Not ceased: non-affiliate, and the issuer is not current in its Exchange Act reports, so one year must elapse, on 2008-12-02 (Rule 144(b)(1)(i), (c)(1), 2008 regime).",
      ],
      // Fund A: rows 5 and 6, 8,401 + 10,000 = 18,401 > 18,400.
      [
        'Not ceased: affiliate, group "Fund A" (rows 5 and 6) holds 18,401 registrable shares together, above the volume limit of 18,400 for three months (affiliates acting in concert, Rule 144(e)(1), (e)(3)(vi), 2008 regime).',
      ],
      [
        'Not ceased: affiliate, group "Fund A" (rows 5 and 6) holds 18,401 registrable shares together, above the volume limit of 18,400 for three months (affiliates acting in concert, Rule 144(e)(1), (e)(3)(vi), 2008 regime).',
      ],
    ]);
  });

  test("a group whose rows give different volume limits: #VALUE! in each of its affiliate rows, naming the group and the rows", () => {
    for (const blank of hosts) {
      const out = RR.rule144Ceased(
        col(1, 1, 1, 1),
        col(true, true, false, true),
        acquired,
        asOf,
        col(18_400, 20_000, blank, 18_400),
        null,
        null,
        null,
        col("Fund A", "fund a", "Fund A", "B"),
      );
      const message =
        'group (row %): the rows of group "Fund A" (rows 1 and 2) give different volume limits (row 1: 18,400; row 2: 20,000); affiliates acting in concert are tested against one volume limit (Rule 144(e)(3)(vi)), so give every row of the group the same volume_limit';
      expect(shown(out)).toEqual([
        [`#VALUE! ${message.replace("%", "1")}`],
        [`#VALUE! ${message.replace("%", "2")}`],
        [true], // a non-affiliate of the group is tested alone
        [true], // group B: one row
      ]);
    }
  });

  test("a member row with bad input: its own error, and its group cannot be totalled", () => {
    const out = RR.rule144Ceased(col(1, "many", 1), [[true]], acquired, asOf, limit, null, null, null, col("G", "G", null));
    expect(shown(out)).toEqual([
      [
        '#VALUE! group (row 1): the total of group "G" is unknown because row 2 has bad input (see its cell); the affiliates of a group are tested together (Rule 144(e)(3)(vi))',
      ],
      ['#VALUE! registrable (row 2): expected a whole number of shares, got the text "many" (text is not read as a number)'],
      [true],
    ]);
  });

  test("sold_3m above what is possible is #VALUE! naming it and its row", () => {
    const out = RR.rule144Ceased(col(0, 0), [[true]], acquired, asOf, limit, null, null, col(18_400, 18_401), null);
    expect(out[0][0]).toBe(true);
    expect(shown(out[1][0])).toBe(
      "#VALUE! sold_3m (row 2): 18,401 shares sold in the last three months are more than the volume limit of 18,400; an affiliate's Rule 144 sales in three months cannot exceed the limit (Rule 144(e)(1)), so expected 0 to 18,400",
    );
    expect(shown(RR.rule144Ceased([[0]], [[true]], acquired, asOf, limit, null, null, [[-1]], null)[0][0])).toBe(
      "#VALUE! sold_3m: shares cannot be negative, got -1",
    );
  });

  test("one group label for every row broadcasts: all rows act in concert", () => {
    // 9,200 × 2 = 18,400: within; three rows 27,600: above.
    expect(RR.rule144Ceased(col(9_200, 9_200), [[true]], acquired, asOf, limit, null, null, null, [["F"]])).toEqual([[true], [true]]);
    expect(RR.rule144Ceased(col(9_200, 9_200, 9_200), [[true]], acquired, asOf, limit, null, null, null, [["F"]])).toEqual([
      [false],
      [false],
      [false],
    ]);
  });

  test("a one-row layout spills along the row", () => {
    expect(RR.rule144Ceased([[9_200, 9_201]], [[true]], acquired, asOf, limit, null, null, null, [["F", "F"]])).toEqual([[false, false]]);
  });
});

describe("RR.RULE144.CEASEDATE", () => {
  test("per row, across the regime change; blank optionals on both hosts", () => {
    for (const blank of hosts) {
      const out = RR.rule144CeaseDate(
        col(10_000, 10_000, 50_000, 10_000, 18_401),
        col(false, false, false, false, true),
        col(D(2007, 2, 13), D(2007, 8, 15), D(2007, 2, 13), D(2007, 12, 1), D(2007, 12, 1)),
        limit,
        null,
        col(true, true, true, false, true),
        col(blank, blank, blank, blank, blank),
        col(blank, blank, blank, blank, blank),
        [[blank]],
      );
      expect(shown(out.slice(0, 4))).toEqual([
        [D(2008, 2, 14)], // one year, 1997 regime, within the limit
        [D(2008, 2, 16)], // six months, 2008 regime
        [D(2008, 2, 15)], // above the limit: the 2008 regime frees a non-affiliate
        [D(2008, 12, 2)], // no current information: one year (144(b)(1)(i))
      ]);
      expect(out[4][0].code).toBe("#N/A");
      expect(out[4][0].message).toMatch(/^never: .*18,401 registrable shares exceed the volume limit of 18,400/);
    }
  });

  test("from", () => {
    expect(RR.rule144CeaseDate([[10_000]], [[false]], acquired, limit, null, null, null, null, [[D(2010, 1, 1)]])).toEqual([
      [D(2010, 1, 1)],
    ]);
    expect(RR.rule144CeaseDate([[10_000]], [[false]], acquired, limit, null, null, null, null, [[D(2008, 6, 1)]])).toEqual([
      [D(2008, 6, 2)],
    ]);
  });

  test("CEASED is FALSE the day before CEASEDATE and TRUE on it, through the functions on both hosts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.boolean(),
        fc.integer({ min: D(1995, 1, 1), max: D(2012, 1, 1) }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 5_000 }),
        (registrable, affiliate, acq, reporting, currentInfo, sold) => {
          for (const blank of hosts) {
            const fixed = [[[registrable]], [[affiliate]], [[acq]]];
            const tail = [[[reporting]], [[currentInfo]], [[sold === 0 ? blank : sold]], [[blank]]];
            const lapse = RR.rule144CeaseDate(...fixed, limit, ...tail, null)[0][0];
            if (isError(lapse)) {
              if (lapse.code !== "#N/A") return false;
              continue;
            }
            const ceased = (day: number) => RR.rule144Ceased(...fixed, [[day]], limit, ...tail)[0][0];
            if (ceased(lapse) !== true) return false;
            if (lapse > D(1997, 4, 29) && lapse > acq && ceased(lapse - 1) !== false) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("RR.RULE144.WINDOWS and RR.RULE144.FORM144", () => {
  test("windows per row", () => {
    // 6,400 room; 6,401 → 2; 50,000 → 6,400 + 18,400 + 18,400 + 6,800 = 4; 0 → 0.
    expect(RR.rule144Windows(col(6_400, 6_401, 50_000, 0), limit, [[12_000]])).toEqual([[1], [2], [4], [0]]);
    expect(shown(RR.rule144Windows([[1]], [[0]], null)[0][0])).toMatch(/^#N\/A volume_limit: is 0, less than one share/);
  });

  test("Form 144 on both sides of 2008-02-15 and of each threshold", () => {
    const out = RR.rule144Form144(
      col(600, 600, 5_000, 5_001, 0, 501),
      col(0, 0, 50_000, 0, 50_000.01, 0),
      col(true, true, true, true, true, false),
      col(D(2008, 2, 14), D(2008, 2, 15), D(2024, 1, 2), D(2024, 1, 2), D(2024, 1, 2), D(2008, 2, 14)),
    );
    expect(out).toEqual([[true], [false], [false], [true], [true], [true]]);
    expect(shown(RR.rule144Form144([[1]], [[1]], [[true]], [[D(1997, 4, 28)]])[0][0])).toMatch(/^#N\/A sale_date: a sale on 1997-04-28/);
  });
});

describe("RR.RULE144.CEASED down a long column (the per-row path)", () => {
  test("each row is that row's answer alone, and a TRUE or FALSE row cannot be changed to alter another", () => {
    // 10,000 / 18,401 registrable alternating, every third an affiliate: TRUE, FALSE and bad-input rows mixed.
    const n = 3_000;
    const reg = Array.from({ length: n }, (_, i) => [i % 7 === 6 ? "many" : i % 2 === 0 ? 10_000 : 18_401]);
    const aff = Array.from({ length: n }, (_, i) => [i % 3 === 0]);
    const out = RR.rule144Ceased(reg, aff, acquired, asOf, limit, null) as unknown[][];
    expect(out).toHaveLength(n);
    for (let i = 0; i < n; i += 1) {
      const alone = RR.rule144Ceased([reg[i]], [aff[i]], acquired, asOf, limit, null)[0][0];
      // The row number is in a bad row's message only in the column.
      expect(shown(out[i][0])).toEqual(
        isError(alone) ? String(shown(alone)).replace("registrable:", `registrable (row ${i + 1}):`) : alone,
      );
      expect(out[i]).toHaveLength(1);
    }
    const trueRow = out.findIndex((row) => row[0] === true);
    const falseRow = out.findIndex((row) => row[0] === false);
    expect([trueRow, falseRow].every((r) => r >= 0)).toBe(true);
    // Rows may share one frozen array: writing into a row is refused rather than seen in every other row.
    expect(() => {
      out[trueRow][0] = false;
    }).toThrow(TypeError);
    expect(out.filter((row) => row[0] === true).length).toBe(
      out.filter((_, i) => reg[i][0] !== "many" && (!aff[i][0] || reg[i][0] === 10_000)).length,
    );
  });
});
