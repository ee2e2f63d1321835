// Inputs where only the right rule gives the right answer (issue 13). Mutation testing found each
// rule below changed, or switched off, with every other test still passing: the examples had tied
// remainders, ties where the two tie-breaks agree, or no row on the boundary. Each row here is
// built so that the wrong rule gives a different figure, and each expected figure is derived by
// hand in the comment beside it, not taken from the engine. Black-box: only exported functions.
import { cutback } from "../../src/engine/cutback";
import { splitByFault } from "../../src/engine/indemnity";
import { assessCessation, averageWeeklyVolume, regimeOn, DailyVolume } from "../../src/engine/rule144";
import { edate, isoDate, serialFromDate as D } from "../../src/engine/dates";
import { parsePreset } from "../../src/engine/terms";
import { RuleError } from "../../src/engine/errors";

/** The error `run` throws, failing the test if it returns instead. */
function thrown(run: () => unknown): RuleError {
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleError);
    return e as RuleError;
  }
  throw new Error(`expected a RuleError, got ${JSON.stringify(result)}`);
}

const oneTier = (requested: number[], capacity: number, weights?: number[]) =>
  cutback(
    requested,
    requested.map(() => 1),
    capacity,
    weights,
  ).included;

describe("cutback: the tie-break to the larger request, then the earlier row (largest remainder)", () => {
  test.each([
    // K = 2 over R = 4: 2 × 3 / 4 = 1.5 and 2 × 1 / 4 = 0.5; floors 1 + 0, remainders tie at 0.5;
    // the one leftover share goes to the larger request (3). Earlier row first would give [1, 1].
    ["[3, 1] capacity 2: the larger request first", [3, 1], 2, [2, 0]],
    // Same rows reversed: the larger request is now the later row, so "earlier row" gives [1, 1].
    ["[1, 3] capacity 2: the larger request is the later row", [1, 3], 2, [0, 2]],
    // K = 8 over R = 16 gives each odd request r exactly r / 2: floors 0, 1, 2, 3 (6 shares), every
    // remainder is one half; the 2 leftover shares go to the two largest requests, 7 and 5.
    ["four tied halves [1, 3, 5, 7] capacity 8", [1, 3, 5, 7], 8, [0, 1, 3, 4]],
    ["four tied halves [7, 5, 3, 1] capacity 8", [7, 5, 3, 1], 8, [4, 3, 1, 0]],
    ["four tied halves [3, 7, 1, 5] capacity 8", [3, 7, 1, 5], 8, [1, 4, 0, 3]],
    // Equal requests and equal remainders: 20 / 3 = 6⅔ each, floors 18, 2 leftover → rows 1, 2.
    ["equal requests [10, 10, 10] capacity 20: the earlier rows", [10, 10, 10], 20, [7, 7, 6]],
    // 23 / 5 = 4.6 each: floors 20, 3 leftover → rows 1–3.
    ["equal requests, five rows, capacity 23", [10, 10, 10, 10, 10], 23, [5, 5, 5, 4, 4]],
  ])("by request, small counts: %s", (_label, requested, capacity, expected) => {
    expect(oneTier(requested, capacity)).toEqual(expected);
  });

  test.each([
    // Counts whose products pass 2^52. Requests 2^50 + 1 and 2^50 + 3 (odd), R = 2^51 + 4, capacity
    // K = R / 2 = 2^50 + 2: each row gets exactly r / 2, i.e. 2^49 + ½ and 2^49 + 1½; floors
    // 2^49 and 2^49 + 1 (2^50 + 1 shares), one leftover share, remainders tie at ½ → the larger.
    ["[2^50 + 1, 2^50 + 3], capacity 2^50 + 2", [2 ** 50 + 1, 2 ** 50 + 3], 2 ** 50 + 2, [2 ** 49, 2 ** 49 + 2]],
    ["[2^50 + 3, 2^50 + 1], capacity 2^50 + 2", [2 ** 50 + 3, 2 ** 50 + 1], 2 ** 50 + 2, [2 ** 49 + 2, 2 ** 49]],
    // Three equal requests, capacity 2^51 + 2 ≡ 1 (mod 3) since 2^51 ≡ 2: each floors to
    // (2^51 + 1) / 3 = 750,599,937,895,083 and the one leftover share goes to the first row.
    [
      "three equal [2^50 + 1] × 3, capacity 2^51 + 2",
      [2 ** 50 + 1, 2 ** 50 + 1, 2 ** 50 + 1],
      2 ** 51 + 2,
      [750_599_937_895_084, 750_599_937_895_083, 750_599_937_895_083],
    ],
  ])("by request, large counts: %s", (_label, requested, capacity, expected) => {
    expect(oneTier(requested, capacity)).toEqual(expected);
  });

  test.each([
    // Weights [1, 1], capacity 3: neither row is capped (10 × 2 > 3 × 1), so 3 × 1 / 2 = 1½ each;
    // floors 1 + 1, one leftover, remainders tie → the larger request, 30. Earlier row gives [2, 1].
    ["[10, 30], weights [1, 1], capacity 3", [10, 30], [1, 1], 3, [1, 2]],
    ["[30, 10], weights [1, 1], capacity 3", [30, 10], [1, 1], 3, [2, 1]],
    // Equal requests and weights: 23 / 5 = 4.6 each, floors 20, 3 leftover → the first three rows.
    ["five equal rows, weights 1, capacity 23", [10, 10, 10, 10, 10], [1, 1, 1, 1, 1], 23, [5, 5, 5, 4, 4]],
    // 20 / 3 = 6⅔ each: 2 leftover → the first two rows.
    ["[10, 10, 10], weights [2, 2, 2], capacity 20", [10, 10, 10], [2, 2, 2], 20, [7, 7, 6]],
  ])("by weight: %s", (_label, requested, weights, capacity, expected) => {
    expect(oneTier(requested, capacity, weights)).toEqual(expected);
  });

  test.each([
    // Weights [1, 0], capacity 30: row 1's share 30 × 1 / 1 = 30 reaches its request of 30, so it is
    // capped at 30 and 0 shares are left; the weight-0 row gets 0. Nothing is left to split, so
    // this is an answer, not the "every row with a weight already gets its full request" error.
    ["[30, 100], weights [1, 0], capacity 30", [30, 100], [1, 0], 30, [30, 0]],
    // Same with the zero-weight row first.
    ["[100, 30], weights [0, 1], capacity 30", [100, 30], [0, 1], 30, [0, 30]],
    // Two capped rows use the capacity exactly: 10 + 20 = 30, the weight-0 row gets 0.
    ["[10, 20, 50], weights [1, 2, 0], capacity 30", [10, 20, 50], [1, 2, 0], 30, [10, 20, 0]],
  ])("by weight, capacity used exactly by capped rows: %s", (_label, requested, weights, capacity, expected) => {
    expect(oneTier(requested, capacity, weights)).toEqual(expected);
  });

  test("by weight, shares left but only weight-0 rows to take them: an error naming the tier and the count", () => {
    // [30, 100], weights [1, 0], capacity 31: row 1 is capped at 30, 1 share is left, and only the
    // weight-0 row could take it.
    expect(thrown(() => oneTier([30, 100], 31, [1, 0])).message).toBe(
      "weights: tier 1 has 1 shares left to include but every row with a weight above 0 already gets its full request; give the remaining rows a weight",
    );
  });
});

describe("contribution: leftover cents by largest remainder, not by position or size", () => {
  test.each([
    // 10 cents by fault 2 : 5 (of 7): 20 / 7 = 2 r 6 and 50 / 7 = 7 r 1; floors 9 cents, 1 left →
    // the larger remainder (6/7, the smaller fault). By the larger fault it would be 0.02 / 0.08.
    ["0.10 by [2, 5]", 0.1, [2, 5], ["0.03", "0.07"]],
    ["0.10 by [5, 2]", 0.1, [5, 2], ["0.07", "0.03"]],
    // 10 cents by 1 : 2 : 4 (of 7): 10/7 = 1 r 3, 20/7 = 2 r 6, 40/7 = 5 r 5; floors 8, 2 left →
    // remainders 6 and 5 (rows 2 and 3). Earlier rows first would give 0.02 / 0.03 / 0.05.
    ["0.10 by [1, 2, 4]", 0.1, [1, 2, 4], ["0.01", "0.03", "0.06"]],
    // 0.10 by 0.3 : 0.7 (decimal weights, 3 : 7 over 10): 3 and 7 exactly, no leftover.
    ["0.10 by [0.3, 0.7]", 0.1, [0.3, 0.7], ["0.03", "0.07"]],
    // 1.00 by 1 : 1 : 1 : 1 : 1 : 1 : 1 (7 parties): 100 / 7 = 14 r 2 each, 2 left → the first two.
    ["1.00 by seven equal faults", 1, [1, 1, 1, 1, 1, 1, 1], ["0.15", "0.15", "0.14", "0.14", "0.14", "0.14", "0.14"]],
  ])("%s", (_label, loss, fault, expected) => {
    expect(splitByFault(loss, fault).map((m) => m.toFixed(2))).toEqual(expected);
  });
});

describe("Rule 144: the regime changes on the sale date 2008-02-15", () => {
  // Release 33-8869, 72 FR 71546 (17 Dec 2007): "Effective Date: February 15, 2008", applying to
  // securities acquired before or after that date (shared/docs/rule144.md). So a sale on
  // 2008-02-15 is under the 2008 regime and one on 2008-02-14 under the 1997 regime.
  test.each([
    [D(1997, 4, 29), "1997"], // Release 33-7390's effective date, the first day modelled
    [D(2008, 2, 14), "1997"],
    [D(2008, 2, 15), "2008"],
    [D(2008, 2, 16), "2008"],
  ])("a sale on %p is under the %s regime", (sale, regime) => {
    expect(regimeOn(sale, "as_of")).toBe(regime);
  });

  // Acquired 2007-08-01 from a reporting issuer, non-affiliate. 2008 regime: 6 months, met the day
  // after EDATE(2007-08-01, 6) = 2008-02-01, i.e. 2008-02-02. 1997 regime: one year, met
  // 2008-08-02; the first sale day is then 2008-02-15, when the 2008 rule takes effect.
  const acquired = D(2007, 8, 1);
  const base = { registrable: 10_000, affiliate: false, acquired, volumeLimit: 18_400, reporting: true };
  test.each([
    [
      "as_of 2008-02-14: 1997 regime, one year not met; the first sale is 2008-02-15 under the 2008 rule",
      { ...base, asOf: D(2008, 2, 14) },
      false,
      "Not ceased: holding period not met until 2008-02-15 (6 months, Rule 144(d)(1)(i), 2008 regime; 1997 regime on as_of).",
    ],
    [
      "as_of 2008-02-15: 2008 regime, six months met on 2008-02-02",
      { ...base, asOf: D(2008, 2, 15) },
      true,
      "Ceased: non-affiliate, holding period met on 2008-02-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "as_of 2008-02-15, affiliate within the volume limit",
      { ...base, affiliate: true, asOf: D(2008, 2, 15) },
      true,
      "Ceased: affiliate, 10,000 registrable shares are within the volume limit of 18,400 for three months (Rule 144(e)(1), 2008 regime); holding period met on 2008-02-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
  ])("%s", (_label, input, ceased, sentence) => {
    expect(assessCessation(input)).toEqual({ ceased, explanation: sentence });
  });
});

describe("Rule 144: a sentence under the 1997 regime cites the 1997 paragraph", () => {
  // Acquired 2006-06-01, as_of 2007-01-01 (1997 regime): one year, met the day after
  // EDATE(2006-06-01, 12) = 2007-06-01, i.e. 2007-06-02, before 2008-02-15, so the first sale is
  // under the 1997 regime too: Rule 144(d)(1) (one year), not the 2008 regime's 144(d)(1)(i).
  test.each([
    ["reporting issuer", true],
    ["non-reporting issuer", false],
  ])("not ceased, %s", (_label, reporting) => {
    const r = assessCessation({
      registrable: 10_000,
      affiliate: false,
      acquired: D(2006, 6, 1),
      asOf: D(2007, 1, 1),
      volumeLimit: 18_400,
      reporting,
    });
    expect(r).toEqual({
      ceased: false,
      explanation: "Not ceased: holding period not met until 2007-06-02 (one year, Rule 144(d)(1), 1997 regime).",
    });
  });
});

describe("Rule 144(e)(1): a calendar week with no trading day is #N/A, not a week of 0", () => {
  // Filing Wednesday 2024-05-15; the four weeks before its week (Sun 05-12) run Sun 04-14 to
  // Sat 05-11. Each row drops one of the four weeks from Monday–Friday data of 1,000 shares a day.
  const filing = D(2024, 5, 15);
  const weeks = [D(2024, 4, 14), D(2024, 4, 21), D(2024, 4, 28), D(2024, 5, 5)];
  const days: DailyVolume[] = weeks.flatMap((sunday) => [1, 2, 3, 4, 5].map((k) => ({ date: sunday + k, volume: 1000 })));
  const without = (sunday: number) => days.filter((d) => d.date < sunday || d.date > sunday + 6);

  test("all four weeks: (4 × 5,000) / 4 = 5,000", () => {
    expect(averageWeeklyVolume(days, filing)).toBe(5000);
  });

  test.each([
    ["the first week", weeks[0], "2024-04-14 to 2024-04-20"],
    ["the second week", weeks[1], "2024-04-21 to 2024-04-27"],
    ["the third week", weeks[2], "2024-04-28 to 2024-05-04"],
    ["the fourth week", weeks[3], "2024-05-05 to 2024-05-11"],
  ])("%s missing → #N/A naming it", (_label, sunday, range) => {
    const error = thrown(() => averageWeeklyVolume(without(sunday), filing));
    expect(error.kind).toBe("na");
    expect(error.message).toBe(
      `dates: no trading day dated in the week ${range}, one of the four calendar weeks before the week of filing_date (2024-05-15)`,
    );
  });

  test("no data at all → #N/A naming the first week", () => {
    const error = thrown(() => averageWeeklyVolume([], filing));
    expect(error.kind).toBe("na");
    expect(error.message).toMatch(/^dates: no trading day dated in the week 2024-04-14 to 2024-04-20,/);
  });
});

describe("EDATE: the Gregorian leap rule, centuries included", () => {
  test.each([
    // 2000 is divisible by 400: a leap year, so 31 Aug 1999 + 6 months clamps to 29 Feb 2000.
    ["1999-08-31", 6, "2000-02-29", D(1999, 8, 31)],
    // 2100 is divisible by 100 but not 400: not a leap year, 28 Feb.
    ["2099-08-31", 6, "2100-02-28", D(2099, 8, 31)],
    // 2400, like 2000.
    ["2399-08-31", 6, "2400-02-29", D(2399, 8, 31)],
    // 2024 divisible by 4, not 100: leap. 2023 is not: 31 Jan 2023 + 1 month is 28 Feb.
    ["2024-01-31", 1, "2024-02-29", D(2024, 1, 31)],
    ["2023-01-31", 1, "2023-02-28", D(2023, 1, 31)],
    // 29 Feb 2000 + 12 months: 2001 has no 29 Feb.
    ["2000-02-29", 12, "2001-02-28", D(2000, 2, 29)],
    // 29 Feb 2000 + 48 months: 2004 is a leap year.
    ["2000-02-29", 48, "2004-02-29", D(2000, 2, 29)],
    // Excel's fictitious 1900-02-29 (serial 60): 31 Jan 1900 + 1 month lands on it.
    ["1900-01-31", 1, "1900-02-29", D(1900, 1, 31)],
  ])("EDATE(%s, %p) = %s", (_from, months, expected, start) => {
    expect(isoDate(edate(start, months))).toBe(expected);
  });
});

describe('presets: "ctc" is a preset, in any case', () => {
  test.each([
    ["ctc", "ctc"],
    [" CTC ", "ctc"],
    ["nvca", "nvca"],
  ])("%p → %p", (text, preset) => {
    expect(parsePreset(text)).toBe(preset);
  });
});
