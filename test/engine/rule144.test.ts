import fc from "fast-check";
import { serialFromDate as D, isoDate, MAX_SERIAL } from "../../src/engine/dates";
import {
  volumeLimit,
  averageWeeklyVolume,
  holdingPeriodEnd,
  assessCessation,
  hasCeased,
  parseVenue,
  REGIME_1997_START,
  REGIME_2008_START,
  DailyVolume,
} from "../../src/engine/rule144";
import { RuleError } from "../../src/engine/errors";

describe("Rule 144(e)(1) volume limit", () => {
  test.each([
    // public exam examples (rule144.md)
    [1_840_000, [15_000, 17_200, 19_600, 18_100], "exchange", 18_400],
    [2_400_000, [24_000, 25_000, 24_500, 24_500], "exchange", 24_500],
    [2_400_000, [24_000, 25_000, 24_500, 24_500], "otc", 24_000],
    // order does not matter
    [1_840_000, [18_100, 19_600, 17_200, 15_000], "exchange", 18_400],
    // both tests floor to whole shares
    [1_840_050, [0, 0, 0, 0], "exchange", 18_400],
    [100, [1, 1, 1, 2], "exchange", 1],
    [0, [0, 0, 0, 0], "exchange", 0],
  ] as const)("outstanding %p, weeks %p on %s → %p", (outstanding, weeks, venue, expected) => {
    expect(volumeLimit(outstanding, weeks, venue)).toBe(expected);
  });

  test("refuses anything but four whole weekly volumes", () => {
    expect(() => volumeLimit(1000, [1, 2, 3], "exchange")).toThrow(/weekly_volumes: expected exactly four weekly volumes, got 3/);
    expect(() => volumeLimit(1000, [1, 2, 3, 4, 5], "exchange")).toThrow(/got 5/);
    expect(() => volumeLimit(1000, [1, 2, 3.5, 4], "exchange")).toThrow(/weekly_volumes \(value 3\): expected a whole number/);
    expect(() => volumeLimit(-1000, [1, 2, 3, 4], "exchange")).toThrow(/outstanding: shares cannot be negative/);
  });

  test("venue words", () => {
    expect(parseVenue(" OTC ")).toBe("otc");
    expect(parseVenue("Exchange")).toBe("exchange");
    expect(() => parseVenue("nyse")).toThrow(/venue: unknown venue "nyse"; expected "exchange" or "otc"/);
  });

  test("the limit is the greater of the two tests and never below 1% of outstanding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 4, maxLength: 4 }),
        (out, weeks) => {
          const limit = volumeLimit(out, weeks, "exchange");
          const sum = weeks.reduce((a, b) => a + b, 0);
          return limit === Math.max(Math.floor(out / 100), Math.floor(sum / 4)) && volumeLimit(out, weeks, "otc") === Math.floor(out / 100);
        },
      ),
    );
  });
});

describe("average weekly volume over four calendar weeks", () => {
  // Filing on Wednesday 2024-05-15: its week is Sun 05-12 … Sat 05-18; the four weeks before run
  // from Sun 04-14 to Sat 05-11.
  const filing = D(2024, 5, 15);
  const weekdays = (sunday: number, volume: number): DailyVolume[] => [1, 2, 3, 4, 5].map((k) => ({ date: sunday + k, volume }));
  const fourWeeks = [
    ...weekdays(D(2024, 4, 14), 1000),
    ...weekdays(D(2024, 4, 21), 2000),
    ...weekdays(D(2024, 4, 28), 3000),
    ...weekdays(D(2024, 5, 5), 4000),
  ];

  test("sums the four weeks and divides by four", () => {
    expect(averageWeeklyVolume(fourWeeks, filing)).toBe((5 * (1000 + 2000 + 3000 + 4000)) / 4);
  });

  test("ignores the filing week and anything older than four weeks", () => {
    const noise = [
      { date: D(2024, 5, 13), volume: 1e9 },
      { date: D(2024, 5, 12), volume: 1e9 }, // Sunday of the filing week
      { date: D(2024, 4, 13), volume: 1e9 }, // Saturday before the first week
    ];
    expect(averageWeeklyVolume([...noise, ...fourWeeks], filing)).toBe(12_500);
  });

  test("the boundary days count: Sunday 04-14 and Saturday 05-11", () => {
    const edges = [
      { date: D(2024, 4, 14), volume: 4 },
      { date: D(2024, 5, 11), volume: 8 },
    ];
    expect(averageWeeklyVolume([...fourWeeks, ...edges], filing)).toBe(12_503);
  });

  test("a fractional average is kept exactly (in quarters)", () => {
    const days = [D(2024, 4, 15), D(2024, 4, 22), D(2024, 4, 29), D(2024, 5, 6)].map((date, k) => ({ date, volume: k === 0 ? 1 : 0 }));
    expect(averageWeeklyVolume(days, filing)).toBe(0.25);
  });

  test("a week of zeros is data; a week with no entry is #N/A naming that week", () => {
    const zeros = fourWeeks.map((d) => (d.date < D(2024, 4, 21) ? { ...d, volume: 0 } : d));
    expect(averageWeeklyVolume(zeros, filing)).toBe((5 * 9000) / 4);
    const missing = fourWeeks.filter((d) => d.date < D(2024, 4, 21) || d.date > D(2024, 4, 27));
    let caught: unknown;
    try {
      averageWeeklyVolume(missing, filing);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect((caught as RuleError).kind).toBe("na");
    expect((caught as RuleError).message).toMatch(/week 2024-04-21 to 2024-04-27/);
  });

  test("a filing on a Sunday starts its own week", () => {
    expect(averageWeeklyVolume(fourWeeks, D(2024, 5, 12))).toBe(12_500);
    expect(() => averageWeeklyVolume(fourWeeks, D(2024, 5, 11))).toThrow(/2024-04-07 to 2024-04-13/); // a Saturday filing: its week began 05-05;
  });
});

describe("Rule 144(d) holding period end (RR.RULE144.HOLDEND)", () => {
  test.each([
    ["2008 regime, reporting: 6 months, met the day after EDATE", D(2007, 12, 1), true, "2008-06-02"],
    ["2008 regime, non-reporting: one year", D(2007, 12, 1), false, "2008-12-02"],
    ["old year would end after 2008-02-15, new 6 months earlier: 2008-02-15", D(2007, 6, 1), true, "2008-02-15"],
    ["same, non-reporting: one year either way", D(2007, 6, 1), false, "2008-06-02"],
    ["1997 regime year ends before 2008-02-15", D(2006, 12, 1), true, "2007-12-02"],
    ["year ends on 2008-02-14, the last day of the 1997 regime", D(2007, 2, 13), true, "2008-02-14"],
    ["year ends on 2008-02-15 itself", D(2007, 2, 14), true, "2008-02-15"],
    ["first sale day of the 1997 regime", D(1996, 4, 28), true, "1997-04-29"],
    ["month end: EDATE(2000-08-31, 12) + 1", D(2000, 8, 31), true, "2001-09-01"],
    ["month end: EDATE(2023-08-31, 6) is the leap day", D(2023, 8, 31), true, "2024-03-01"],
    ["month end: EDATE(2024-08-31, 6) + 1", D(2024, 8, 31), true, "2025-03-01"],
  ])("%s", (_label, acquired, reporting, expected) => {
    expect(isoDate(holdingPeriodEnd(acquired, reporting))).toBe(expected);
  });

  test("a sale before 1997-04-29 is outside the model (#N/A)", () => {
    expect(() => holdingPeriodEnd(D(1996, 4, 27), true)).toThrow(/before 1997-04-29, outside the modelled Rule 144 regimes/);
    // Asserted outside any catch: a return instead of a throw fails the test.
    let caught: unknown = "returned";
    try {
      holdingPeriodEnd(D(1990, 1, 1), true);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect((caught as RuleError).kind).toBe("na");
    expect((caught as RuleError).message).toBe(
      "acquired: the holding period would be met on 1991-01-02, before 1997-04-29, outside the modelled Rule 144 regimes (Releases 33-7390 and 33-8869)",
    );
  });

  test("the end is after the acquisition, never later than the one-year end, and 6-month ≤ 1-year", () => {
    fc.assert(
      fc.property(fc.integer({ min: D(1996, 5, 1), max: D(2090, 1, 1) }), (acq) => {
        const rep = holdingPeriodEnd(acq, true);
        const non = holdingPeriodEnd(acq, false);
        return rep > acq && rep <= non && non - acq <= 367;
      }),
    );
  });
});

describe("cessation (iii): could all be sold under Rule 144 in three months?", () => {
  const base = { registrable: 10_000, affiliate: false, acquired: D(2007, 12, 1), volumeLimit: 18_400, reporting: true };

  test.each([
    [
      "2008, non-affiliate, the day before the period is met",
      { ...base, asOf: D(2008, 6, 1) },
      false,
      "Not ceased: holding period not met until 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "2008, non-affiliate, the day the period is met",
      { ...base, asOf: D(2008, 6, 2) },
      true,
      "Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "2008, non-affiliate, non-reporting issuer: one year",
      { ...base, reporting: false, asOf: D(2008, 7, 1) },
      false,
      "Not ceased: holding period not met until 2008-12-02 (one year, Rule 144(d)(1)(ii), 2008 regime).",
    ],
    [
      "2008, non-affiliate, many shares: no volume limit applies",
      { ...base, registrable: 5_000_000, asOf: D(2008, 7, 1) },
      true,
      "Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      '2008, affiliate exactly at the limit ("shall not exceed")',
      { ...base, affiliate: true, registrable: 18_400, asOf: D(2008, 7, 1) },
      true,
      "Ceased: affiliate, 18,400 registrable shares are within the volume limit of 18,400 for three months (Rule 144(e)(1), 2008 regime); holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "2008, affiliate one share over",
      { ...base, affiliate: true, registrable: 18_401, asOf: D(2008, 7, 1) },
      false,
      "Not ceased: affiliate, 18,401 registrable shares exceed the volume limit of 18,400 for three months (Rule 144(e)(1), 2008 regime).",
    ],
    [
      "1997, non-affiliate under two years, within the limit",
      { ...base, acquired: D(1999, 6, 1), asOf: D(2001, 1, 1) },
      true,
      "Ceased: non-affiliate held less than two years (Rule 144(k) not until 2001-06-02), 10,000 registrable shares are within the volume limit of 18,400 for three months (Rule 144(e)(1), 1997 regime); holding period met on 2000-06-02 (one year, Rule 144(d)(1), 1997 regime).",
    ],
    [
      "1997, non-affiliate under two years, over the limit",
      { ...base, registrable: 50_000, acquired: D(1999, 6, 1), asOf: D(2001, 6, 1) },
      false,
      "Not ceased: non-affiliate held less than two years (Rule 144(k) not until 2001-06-02), 50,000 registrable shares exceed the volume limit of 18,400 for three months (Rule 144(e)(1), 1997 regime).",
    ],
    [
      "1997, non-affiliate on the day two years are met (Rule 144(k))",
      { ...base, registrable: 50_000, acquired: D(1999, 6, 1), asOf: D(2001, 6, 2) },
      true,
      "Ceased: non-affiliate, held two years on 2001-06-02 (Rule 144(k), 1997 regime).",
    ],
    [
      "1997 on as_of, but the first sale is under the 2008 rule",
      { ...base, acquired: D(2007, 6, 1), asOf: D(2008, 1, 15) },
      false,
      "Not ceased: holding period not met until 2008-02-15 (6 months, Rule 144(d)(1)(i), 2008 regime; 1997 regime on as_of).",
    ],
    [
      "1997, affiliate: the volume limit, whatever the holding time",
      { ...base, affiliate: true, registrable: 50_000, acquired: D(1990, 1, 1), asOf: D(2000, 1, 1) },
      false,
      "Not ceased: affiliate, 50,000 registrable shares exceed the volume limit of 18,400 for three months (Rule 144(e)(1), 1997 regime).",
    ],
  ])("%s", (_label, input, ceased, sentence) => {
    const result = assessCessation(input);
    expect(result.ceased).toBe(ceased);
    expect(result.explanation).toBe(sentence);
  });

  test("as_of before 1997-04-29 is #N/A; bad counts are named", () => {
    expect(() => assessCessation({ ...base, asOf: D(1997, 4, 28) })).toThrow(/as_of: a sale on 1997-04-28 is before 1997-04-29/);
    expect(() => assessCessation({ ...base, asOf: D(2009, 1, 1), registrable: -1 })).toThrow(/registrable: shares cannot be negative/);
    expect(() => assessCessation({ ...base, asOf: D(2009, 1, 1), volumeLimit: -1 })).toThrow(/volume_limit/);
  });

  const anyInput = fc.record({
    registrable: fc.integer({ min: 0, max: 1e8 }),
    affiliate: fc.boolean(),
    acquired: fc.integer({ min: D(1990, 1, 1), max: D(2030, 1, 1) }),
    asOf: fc.integer({ min: REGIME_1997_START, max: D(2032, 1, 1) }),
    volumeLimit: fc.integer({ min: 0, max: 1e8 }),
    reporting: fc.boolean(),
  });

  test("never ceased before the holding period ends; the sentence agrees with the answer", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const { ceased, explanation } = assessCessation(input);
        const prefixOk = explanation.startsWith(ceased ? "Ceased: " : "Not ceased: ");
        let endOk = true;
        if (ceased && input.acquired >= D(1996, 5, 1)) endOk = holdingPeriodEnd(input.acquired, input.reporting) <= input.asOf;
        return prefixOk && endOk;
      }),
    );
  });

  test("2008 regime, non-affiliate: ceased exactly from RR.RULE144.HOLDEND on", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const i = {
          ...input,
          affiliate: false,
          asOf: Math.max(input.asOf, REGIME_2008_START),
          acquired: Math.max(input.acquired, D(1997, 1, 1)),
        };
        return assessCessation(i).ceased === i.asOf >= holdingPeriodEnd(i.acquired, i.reporting);
      }),
    );
  });

  test("more time never un-ceases a holder; more shares never make one cease", () => {
    fc.assert(
      fc.property(anyInput, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 1e6 }), (input, later, more) => {
        const first = assessCessation(input).ceased;
        const afterRegimeChange = input.asOf < REGIME_2008_START && input.asOf + later >= REGIME_2008_START;
        const laterOk = !first || afterRegimeChange || assessCessation({ ...input, asOf: Math.min(input.asOf + later, MAX_SERIAL) }).ceased;
        const moreOk = first || !assessCessation({ ...input, registrable: input.registrable + more }).ceased;
        return laterOk && moreOk;
      }),
    );
  });

  // The volume test compares in doubles below a 2^53 cap and in BigInt above it; both against the
  // BigInt sum, at the magnitudes where a double sum would round (2^53 − 1 + 2 reads as 2^53).
  const affiliateHeld = { affiliate: true, acquired: D(2020, 1, 1), asOf: D(2024, 1, 1), reporting: true, currentInfo: true };
  test.each([
    [1000, 600, 400, true],
    [1000, 600, 401, false],
    [1000.9, 600, 400, true],
    [1000.9, 601, 400, false],
    [2 ** 53, Number.MAX_SAFE_INTEGER, 1, true],
    [2 ** 53, Number.MAX_SAFE_INTEGER, 2, false],
    [2 ** 53, Number.MAX_SAFE_INTEGER, 0, true],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, 1, true],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1, false],
    [2 ** 60, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true],
  ])("volume limit %d, registrable %d, sold_3m %d: ceased %s (Rule 144(e)(1))", (volumeLimit, registrable, sold3m, expected) => {
    const input = { ...affiliateHeld, volumeLimit, registrable, sold3m };
    expect(hasCeased(input)).toBe(expected);
    expect(assessCessation(input).ceased).toBe(expected);
  });

  test("the volume test is the exact sum against the whole limit, for every magnitude", () => {
    const magnitude = fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    const limit = fc.oneof(magnitude, fc.double({ min: 0, max: 2 ** 60, noNaN: true }), fc.constant(2 ** 53));
    fc.assert(
      fc.property(limit, magnitude, magnitude, (volumeLimit, registrable, sold) => {
        const cap = BigInt(Math.floor(volumeLimit));
        const sold3m = BigInt(sold) > cap ? Number(cap) : sold; // more than the limit is refused for an affiliate
        const input = { ...affiliateHeld, volumeLimit, registrable, sold3m };
        return hasCeased(input) === BigInt(registrable) + BigInt(sold3m) <= cap;
      }),
      { numRuns: 5000 },
    );
  });

  test("hasCeased (RR.RULE144.CEASED) answers as assessCessation does, and refuses the same input", () => {
    const outcome = (f: () => boolean) => {
      try {
        return f();
      } catch (problem) {
        return problem instanceof Error ? problem.message : String(problem);
      }
    };
    fc.assert(
      fc.property(
        anyInput,
        fc.boolean(),
        fc.integer({ min: 0, max: 2e8 }),
        fc.integer({ min: 1, max: D(9999, 12, 31) }),
        (input, currentInfo, sold3m, acquired) => {
          for (const variant of [input, { ...input, currentInfo, sold3m }, { ...input, acquired }]) {
            if (outcome(() => hasCeased(variant)) !== outcome(() => assessCessation(variant).ceased)) return false;
          }
          return true;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
