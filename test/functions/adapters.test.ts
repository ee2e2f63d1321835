// The RR functions called as Excel calls them: ranges as 2-D arrays, omitted optionals as null,
// blank cells as null (web) or 0 (desktop), errors as CustomFunctions.Error values.
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { serialFromDate as D } from "../../src/engine/dates";
import { cutback } from "../../src/engine/cutback";

type Err = { code: string; message: string };
const isError = (v: unknown): v is Err => v instanceof CustomFunctions.Error;

function expectError(v: unknown, code: "#VALUE!" | "#N/A", message: RegExp | string) {
  expect(isError(v)).toBe(true);
  expect((v as Err).code).toBe(code);
  if (typeof message === "string") expect((v as Err).message).toBe(message);
  else expect((v as Err).message).toMatch(message);
}

const col = (...values: unknown[]) => values.map((v) => [v]);

// Excel passes null for an omitted optional argument, which the declared signatures leave implicit.
const RR = functions as unknown as Record<keyof typeof functions, (...args: unknown[]) => any>;

describe("RR.REGISTRABLE", () => {
  test("spills one count per row down a column; a single ratio broadcasts", () => {
    expect(RR.registrable(col(100, 0, 250_000), col(10, 3, 1_000_000), [[1.5]], null, null)).toEqual([[115], [4], [1_750_000]]);
  });

  test("a one-row range spills along the row", () => {
    expect(RR.registrable([[100, 0]], [[10, 3]], [[1.5, 0.5]], null, null)).toEqual([[115, 1]]);
  });

  test("disposed and ceased, given or omitted", () => {
    expect(RR.registrable(col(100, 100), col(10, 10), [[1.5]], col(15, 0), col(false, true))).toEqual([[100], [0]]);
    expect(RR.registrable([[100]], [[10]], [[1.5]], [[null]], [[null]])).toEqual([[115]]); // blank cells read as 0 / FALSE
    expect(RR.registrable([[100]], [[10]], [[1.5]], undefined, [[1]])).toEqual([[0]]); // 1 is TRUE
  });

  test("a bad row is an error in its own cell; the others compute", () => {
    const out = RR.registrable(col(100, "abc", -5, 7.5, true), [[0]], [[1]], null, null);
    expect(out[0][0]).toBe(100);
    expectError(
      out[1][0],
      "#VALUE!",
      'common (row 2): expected a whole number of shares, got the text "abc" (text is not read as a number)',
    );
    expectError(out[2][0], "#VALUE!", "common (row 3): shares cannot be negative, got -5");
    expectError(out[3][0], "#VALUE!", "common (row 4): expected a whole number of shares, got 7.5");
    expectError(out[4][0], "#VALUE!", "common (row 5): expected a whole number of shares, got TRUE");
  });

  test("a blank ratio with convertible shares is an error, never a silent zero", () => {
    expectError(
      RR.registrable([[0]], [[10]], [[null]], null, null)[0][0],
      "#VALUE!",
      /ratio: must be greater than 0 when convertible shares are held/,
    );
    expectError(RR.registrable([[0]], [[10]], [[0]], null, null)[0][0], "#VALUE!", /ratio: must be greater than 0/);
  });

  test("disposed above the holding, a bad ceased flag", () => {
    expectError(RR.registrable([[10]], [[0]], [[1]], [[11]], null)[0][0], "#VALUE!", /disposed: 11 is more than the holder's 10/);
    expectError(
      RR.registrable([[10]], [[0]], [[1]], null, [["yes"]])[0][0],
      "#VALUE!",
      'ceased: expected TRUE or FALSE (or 1 or 0), got the text "yes"',
    );
  });

  test("whole-call problems: lengths, shapes, required arguments", () => {
    expectError(
      RR.registrable(col(1, 2), col(1, 2, 3), [[1]], null, null)[0][0],
      "#VALUE!",
      "convertible: has 3 cells but common has 2; ranges given to one call must have the same length",
    );
    expectError(
      RR.registrable(
        [
          [1, 2],
          [3, 4],
        ],
        [[1]],
        [[1]],
        null,
        null,
      )[0][0],
      "#VALUE!",
      "common: expected a single value or a one-column or one-row range, got 2 rows × 2 columns",
    );
    // An empty argument (null) reads as one blank cell, as desktop's 0 does: 0 + floor(1 × 1).
    expect(RR.registrable(null, [[1]], [[1]], null, null)).toEqual([[1]]);
    expect(RR.registrable(col(1, 2), col(1, 2, 3), [[1]], null, null)).toHaveLength(1);
  });
});

describe("RR.RULE144.VOLUME", () => {
  test("the public examples", () => {
    expect(RR.rule144Volume(1_840_000, col(15_000, 17_200, 19_600, 18_100), null)).toBe(18_400);
    expect(RR.rule144Volume(2_400_000, [[24_000, 25_000, 24_500, 24_500]], null)).toBe(24_500);
    expect(
      RR.rule144Volume(
        2_400_000,
        [
          [24_000, 25_000],
          [24_500, 24_500],
        ],
        "OTC",
      ),
    ).toBe(24_000);
    expect(RR.rule144Volume([[2_400_000]], col(24_000, 25_000, 24_500, 24_500), [["exchange"]])).toBe(24_500);
  });

  test("bad input", () => {
    expectError(RR.rule144Volume(1000, col(1, 2, 3), null), "#VALUE!", "weekly_volumes: expected exactly four weekly volumes, got 3 cells");
    expectError(
      RR.rule144Volume(1000, col(1, 2, "x", 4), null),
      "#VALUE!",
      /weekly_volumes \(value 3\): expected a whole number of shares, got the text "x"/,
    );
    expectError(
      RR.rule144Volume("1,000", col(1, 2, 3, 4), null),
      "#VALUE!",
      /outstanding: expected a whole number of shares, got the text "1,000"/,
    );
    expect(RR.rule144Volume(null, col(1, 2, 3, 4), null)).toBe(2); // blank outstanding reads as 0: the average, floored
    expectError(RR.rule144Volume(1000, col(1, 2, 3, 4), "nyse"), "#VALUE!", /venue: unknown venue "nyse"; expected "exchange" or "otc"/);
    expectError(RR.rule144Volume(1000, null, null), "#VALUE!", "weekly_volumes: expected exactly four weekly volumes, got 1 cell");
  });
});

describe("RR.RULE144.WEEKLY", () => {
  const filing = D(2024, 5, 15);
  const dates: number[] = [];
  const volumes: number[] = [];
  [D(2024, 4, 14), D(2024, 4, 21), D(2024, 4, 28), D(2024, 5, 5)].forEach((sunday, w) => {
    for (let k = 1; k <= 5; k++) {
      dates.push(sunday + k);
      volumes.push(1000 * (w + 1));
    }
  });

  test("daily data in columns, trailing blank rows ignored", () => {
    expect(RR.rule144Weekly(col(...dates, null, null), col(...volumes, null, null), filing)).toBe(12_500);
  });

  test("a text date is refused; a missing week is #N/A naming it", () => {
    expectError(
      RR.rule144Weekly(col("2024-04-15", ...dates.slice(1)), col(...volumes), filing),
      "#VALUE!",
      /dates \(row 1\): expected a date serial, got the text "2024-04-15"; text dates are not read/,
    );
    expectError(RR.rule144Weekly(col(...dates.slice(5)), col(...volumes.slice(5)), filing), "#N/A", /week 2024-04-14 to 2024-04-20/);
    expectError(RR.rule144Weekly(col(...dates), col(...volumes.slice(1)), filing), "#VALUE!", /volumes: has 19 cells but dates has 20/);
    expectError(RR.rule144Weekly(col(...dates), col(...volumes), "May 15"), "#VALUE!", /filing_date: expected a date serial/);
  });
});

describe("RR.RULE144.HOLDEND", () => {
  test("per row, reporting omitted means TRUE, a blank reporting cell means FALSE", () => {
    expect(RR.rule144HoldEnd(col(D(2007, 12, 1), D(2007, 6, 1)), null)).toEqual([[D(2008, 6, 2)], [D(2008, 2, 15)]]);
    expect(RR.rule144HoldEnd([[D(2007, 12, 1)]], [[null]])).toEqual([[D(2008, 12, 2)]]);
    expect(RR.rule144HoldEnd([[D(2007, 12, 1)]], [[false]])).toEqual([[D(2008, 12, 2)]]);
  });

  test("outside the model is #N/A in that row only", () => {
    const out = RR.rule144HoldEnd(col(D(1995, 1, 1), D(2007, 12, 1), "1/1/2000", null), null);
    expectError(out[0][0], "#N/A", /before 1997-04-29/);
    expect(out[1][0]).toBe(D(2008, 6, 2));
    expectError(out[2][0], "#VALUE!", /acquired \(row 3\): expected a date serial, got the text "1\/1\/2000"/);
    expectError(out[3][0], "#VALUE!", "acquired (row 4): is blank or 0; expected a date");
  });
});

describe("RR.RULE144.CEASED and RR.RULE144.STATUS", () => {
  const args = [
    col(10_000, 50_000, 10_000),
    col(false, true, false),
    [[D(2007, 12, 1)]],
    col(D(2008, 7, 1), D(2008, 7, 1), D(2008, 6, 1)),
    [[18_400]],
    null,
  ] as const;

  test("one answer per holder", () => {
    expect(RR.rule144Ceased(...args)).toEqual([[true], [false], [false]]);
    expect(RR.rule144Status(...args)).toEqual([
      ["Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime)."],
      [
        "Not ceased: affiliate, 50,000 registrable shares exceed the volume limit of 18,400 for three months (Rule 144(e)(1), 2008 regime).",
      ],
      ["Not ceased: holding period not met until 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime)."],
    ]);
  });

  test("bad rows and dates before the model", () => {
    const out = RR.rule144Ceased(
      col(1, 1, 1),
      col(false, "maybe", false),
      [[D(2007, 12, 1)]],
      col(D(2009, 1, 1), D(2009, 1, 1), D(1997, 1, 1)),
      [[100]],
      null,
    );
    expect(out[0][0]).toBe(true);
    expectError(out[1][0], "#VALUE!", /affiliate \(row 2\): expected TRUE or FALSE/);
    expectError(out[2][0], "#N/A", /as_of \(row 3\): a sale on 1997-01-01 is before 1997-04-29/);
    expectError(
      RR.rule144Status([[1]], [[false]], [[D(2007, 1, 1)]], [[D(2009, 1, 1)]], [["lots"]], null)[0][0],
      "#VALUE!",
      /volume_limit: expected a volume limit in shares, got the text "lots"/,
    );
  });
});

describe("RR.PRIORITY", () => {
  test("the three tables, case-insensitive, broadcasting the offering", () => {
    expect(RR.priority(col("company", "No-Rights", "other", "HOLDER", "initiating"), [["demand"]])).toEqual([[1], [1], [2], [3], [3]]);
    expect(RR.priority(col("company", "no-rights", "other", "holder", "initiating"), [["company"]])).toEqual([[2], [1], [1], [1], [1]]);
    expect(RR.priority(col("company", "no-rights", "other", "holder", "initiating"), [["other-demand"]])).toEqual([
      [1],
      [1],
      [2],
      [2],
      [3],
    ]);
  });

  test("unknown words list the valid ones, in their own row", () => {
    const out = RR.priority(col("holder", "founder", null), [["demand"]]);
    expect(out[0][0]).toBe(3);
    expectError(
      out[1][0],
      "#VALUE!",
      'role (row 2): unknown role "founder"; expected "company", "no-rights", "other", "holder" or "initiating"',
    );
    expectError(out[2][0], "#VALUE!", /role \(row 3\): is blank; expected a role/);
    expectError(
      RR.priority([["holder"]], [["ipo"]])[0][0],
      "#VALUE!",
      'offering: unknown offering "ipo"; expected "demand", "company" or "other-demand"',
    );
  });
});

describe("RR.CUTBACK", () => {
  test("example 7 over [40, 35, 25] → [3, 2, 2]", () => {
    expect(RR.cutback(col(40, 35, 25), [[1]], 7, null)).toEqual([[3], [2], [2]]);
    expect(RR.cutback(col(40, 35, 25), [[1]], [[7]], null)).toEqual([[3], [2], [2]]);
  });

  test("tiers from RR.PRIORITY", () => {
    const tiers = RR.priority(col("company", "no-rights", "other", "holder", "initiating"), [["demand"]]);
    expect(RR.cutback(col(500, 300, 400, 1000, 2000), tiers, 3200, null)).toEqual([[0], [0], [200], [1000], [2000]]);
  });

  test("weights: shares owned", () => {
    expect(RR.cutback(col(30, 100, 100), [[1]], 200, col(1, 1, 2))).toEqual([[30], [70], [100]]);
  });

  test("a request of 2^32 or more, or a tier of 256 or more, after smaller ones reads as the engine reads it", () => {
    // The adapter holds requests in 32 bits and tiers in bytes until a larger one comes.
    const requested = [7, 2 ** 32 + 5, 9, 2 ** 40, 3, 2 ** 32 - 1];
    const tiers = [1, 1, 300, 2, 300, 1];
    for (const capacity of [10, 2 ** 32 + 12, 2 ** 40 + 2 ** 32 + 20]) {
      const expected = cutback(requested, tiers, capacity).included.map((x) => [x]);
      expect(RR.cutback(col(...requested), col(...tiers), capacity, null)).toEqual(expected);
      const weights = requested.map((r, i) => r + i);
      const weighted = cutback(requested, tiers, capacity, weights).included.map((x) => [x]);
      expect(RR.cutback(col(...requested), col(...tiers), capacity, col(...weights))).toEqual(weighted);
    }
  });

  test("a bad row shows its error and takes no part; blank requests are 0", () => {
    const out = RR.cutback(col(40, "forty", 35, null, 25), col(1, 1, 1, 1, 1), 7, null);
    expect([out[0][0], out[2][0], out[3][0], out[4][0]]).toEqual([3, 2, 0, 2]);
    expectError(out[1][0], "#VALUE!", /requested \(row 2\): expected a whole number of shares, got the text "forty"/);
    const tiers = RR.cutback(col(1, 1), col(1, 0), 1, null);
    expectError(tiers[1][0], "#VALUE!", /priority \(row 2\): expected a tier, a whole number of 1 or more/);
  });

  test("whole-call problems are one error", () => {
    expectError(
      RR.cutback(col(1, 2), [[1]], "ten", null)[0][0],
      "#VALUE!",
      /capacity: expected a whole number of shares, got the text "ten"/,
    );
    expect(RR.cutback(col(1, 2), [[1]], null, null)).toEqual([[0], [0]]); // a blank capacity reads as 0, as on desktop
    expectError(
      RR.cutback(col(1, 2), [[1]], col(1, 2), null)[0][0],
      "#VALUE!",
      /capacity: expected a single value, got a range of 2 cells/,
    );
    expectError(RR.cutback(col(1, 2), col(1, 1, 1), 2, null)[0][0], "#VALUE!", /priority: has 3 cells but requested has 2/);
  });
});

describe("RR.INDEMNITY.*", () => {
  test("CAP to the cent, per row", () => {
    expect(RR.indemnityCap(col(1_000_000, 3), col(20, 0.335), col(0.06, 0), null)).toEqual([[18_800_000], [1.01]]);
    expect(RR.indemnityCap([[1_000_000]], [[20]], [[0.06]], [[0.05]])).toEqual([[18_750_000]]);
    expectError(RR.indemnityCap([[100]], [[20]], [[1]], null)[0][0], "#VALUE!", /discount: must be less than 1/);
    expectError(
      RR.indemnityCap([[100]], [[20]], [["6%"]], null)[0][0],
      "#VALUE!",
      /discount: expected a fraction such as 0.06, got the text "6%"/,
    );
  });

  test('ALLOCATE: several liability, "none" for the Company, a blank cap is 0', () => {
    expect(RR.indemnityAllocate(100, col(1, 1, 1), col(10, "none", "NONE"))).toEqual([[10], [33.33], [33.33]]);
    expect(RR.indemnityAllocate(100, col(1, 1, 1), col(null, "none", 1000))).toEqual([[0], [33.33], [33.33]]);
    expect(RR.indemnityUncovered(100, col(1, 1, 1), col(10, "none", "none"))).toBe(23.34);
    expect(RR.indemnityUncovered(100, col(1, 1, 1), col("none", "none", "none"))).toBe(0);
  });

  test("[cap_used]: the cap left is cap − cap_used, per row; #VALUE! naming it when negative or above the cap", () => {
    expect(RR.indemnityAllocate(100, col(1, 1, 1), col(10, "none", "none"), col(4, 0, 0))).toEqual([[6], [33.33], [33.33]]);
    expect(RR.indemnityAllocate(100, col(1, 1, 1), col(10, "none", "none"), col(10, null, null))).toEqual([[0], [33.33], [33.33]]);
    expect(RR.indemnityAllocate(100, col(1, 1, 1), col(10, "none", "none"), [[0]])).toEqual([[10], [33.33], [33.33]]);
    expect(RR.indemnityUncovered(100, col(1, 1, 1), col(10, "none", "none"), col(4, 0, 0))).toBe(27.34);
    const over = RR.indemnityAllocate(100, col(1, 1, 1), col(10, "none", "none"), col(10.01, 0, 0));
    expectError(over[0][0], "#VALUE!", /^cap_used \(row 1\): \$10.01 already borne is more than the cap of \$10; the cap is one aggregate/);
    expect([over[1], over[2]]).toEqual([[33.33], [33.33]]);
    expectError(
      RR.indemnityAllocate(100, col(1, 1), col(10, 10), col(0, -1))[1][0],
      "#VALUE!",
      /^cap_used \(row 2\): expected an amount already borne under the cap of 0 or more, got -1$/,
    );
    expectError(
      RR.indemnityAllocate(100, col(1, 1), col(10, 10), col(0, "ten"))[1][0],
      "#VALUE!",
      /^cap_used \(row 2\): expected an amount already borne under the cap, got the text "ten"/,
    );
    expectError(RR.indemnityUncovered(100, col(1, 1), col(10, 10), col(11, 0)), "#VALUE!", /^cap_used \(row 1\): \$11 already borne/);
    expectError(RR.indemnityAllocate(100, col(1, 1), col(10, 10), col(0, 0, 0))[0][0], "#VALUE!", /^cap_used: has 3 cells but fault has 2/);
  });

  test("a bad cap is an error in its row only; a bad fault leaves its row out of the split", () => {
    const out = RR.indemnityAllocate(100, col(1, 1, 1), col(10, "n/a", "none"));
    expect(out[0][0]).toBe(10);
    expectError(out[1][0], "#VALUE!", 'cap (row 2): expected an amount, or the text "none" for an uncapped party, got the text "n/a"');
    expect(out[2][0]).toBe(33.33);
    const f = RR.indemnityAllocate(100, col(1, "high", 1), [["none"]]);
    expect([f[0][0], f[2][0]]).toEqual([50, 50]);
    expectError(f[1][0], "#VALUE!", /fault \(row 2\)/);
    expectError(RR.indemnityUncovered(100, col(1, 1), col(1, "x")), "#VALUE!", /cap \(row 2\)/);
    expectError(RR.indemnityAllocate(100, col(0, 0), [["none"]])[0][0], "#VALUE!", /fault: the fault weights add up to 0/);
    expect(RR.indemnityAllocate(null, col(1), [["none"]])).toEqual([[0]]); // a blank loss reads as 0
  });
});

describe("no function ever throws, or returns NaN, Infinity or undefined", () => {
  const cell = fc.oneof(
    fc.integer({ min: -10, max: 1e7 }),
    fc.double({ min: -1e6, max: 1e16, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(null, "", "none", "holder", "demand", "otc", "abc", true, false, 0, 1, 0.06, D(2008, 6, 2), D(1990, 1, 1)),
  );
  const range = fc.oneof(
    fc.array(cell, { minLength: 1, maxLength: 4 }).map((a) => a.map((v) => [v])),
    fc.array(cell, { minLength: 1, maxLength: 3 }).map((a) => [a]),
    fc.constant(null),
  );
  const arg = fc.oneof(range, cell);

  const sane = (v: unknown) =>
    isError(v) || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
  const flat = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);

  const all: [string, (...a: never[]) => unknown][] = Object.entries(RR).filter(([, f]) => typeof f === "function") as never;

  test.each(all)("%s", (_name, fn) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: 6, maxLength: 6 }), (args) => {
        const out = flat((fn as (...a: unknown[]) => unknown)(...args));
        return out.length > 0 && out.every(sane);
      }),
      { numRuns: 300 },
    );
  });
});
