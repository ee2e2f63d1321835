// Formula contract §6, "Rule 144, more of the rule": current public information (144(b)(1)(i), (c)),
// sales in the last three months (144(e)(1)), persons acting in concert (144(e)(3)(vi)), the lapse
// date across the 15 Feb 2008 regime change, the dribble-out count and Form 144 (144(h)).
// Every expected figure is derived by hand in the comment beside it. Periods: N months are met on
// EDATE(acquired, N) + 1 (rule144.md's convention).
import fc from "fast-check";
import { serialFromDate as D, isoDate } from "../../src/engine/dates";
import {
  assessCessation,
  cessationDate,
  dribbleWindows,
  form144Required,
  aggregateGroups,
  CessationInput,
  GroupRow,
  GroupTotal,
  REGIME_1997_START,
  REGIME_2008_START,
} from "../../src/engine/rule144";
import { RuleError } from "../../src/engine/errors";

const base = { registrable: 10_000, affiliate: false, acquired: D(2007, 12, 1), volumeLimit: 18_400, reporting: true };

function kindOf(f: () => unknown): string {
  try {
    f();
    return "none";
  } catch (e) {
    return (e as RuleError).kind;
  }
}

describe("the regime change: the day before, of and after 2008-02-15", () => {
  // Acquired 2007-06-01: the 1997 year ends EDATE + 1 = 2008-06-02; the 2008 six months ended
  // 2007-12-02, so a non-affiliate is free from the first day of the 2008 regime.
  const acquired = D(2007, 6, 1);
  test.each([
    [
      "non-affiliate, 2008-02-14 (1997 regime: one year not met)",
      { ...base, acquired, asOf: D(2008, 2, 14) },
      false,
      "Not ceased: holding period not met until 2008-02-15 (6 months, Rule 144(d)(1)(i), 2008 regime; 1997 regime on as_of).",
    ],
    [
      "non-affiliate, 2008-02-15 (2008 regime: six months met on 2007-12-02)",
      { ...base, acquired, asOf: D(2008, 2, 15) },
      true,
      "Ceased: non-affiliate, holding period met on 2007-12-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "non-affiliate, 2008-02-16",
      { ...base, acquired, asOf: D(2008, 2, 16) },
      true,
      "Ceased: non-affiliate, holding period met on 2007-12-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "no current information, 2008-02-14: one year not met in the 1997 regime",
      { ...base, acquired, currentInfo: false, asOf: D(2008, 2, 14) },
      false,
      "Not ceased: holding period not met until 2008-02-15 (6 months, Rule 144(d)(1)(i), 2008 regime; 1997 regime on as_of); and the issuer is not current in its reports (Rule 144(c)(1)).",
    ],
    [
      "no current information, 2008-02-15: a non-affiliate waits one year, EDATE(2007-06-01, 12) + 1 = 2008-06-02",
      { ...base, acquired, currentInfo: false, asOf: D(2008, 2, 15) },
      false,
      "Not ceased: non-affiliate, and the issuer is not current in its Exchange Act reports, so one year must elapse, on 2008-06-02 (Rule 144(b)(1)(i), (c)(1), 2008 regime).",
    ],
    [
      "no current information, 2008-02-16",
      { ...base, acquired, currentInfo: false, asOf: D(2008, 2, 16) },
      false,
      "Not ceased: non-affiliate, and the issuer is not current in its Exchange Act reports, so one year must elapse, on 2008-06-02 (Rule 144(b)(1)(i), (c)(1), 2008 regime).",
    ],
    [
      "affiliate within the limit, 2008-02-14: one year not met",
      { ...base, acquired, affiliate: true, asOf: D(2008, 2, 14) },
      false,
      "Not ceased: holding period not met until 2008-02-15 (6 months, Rule 144(d)(1)(i), 2008 regime; 1997 regime on as_of).",
    ],
    [
      "affiliate within the limit, 2008-02-15",
      { ...base, acquired, affiliate: true, asOf: D(2008, 2, 15) },
      true,
      "Ceased: affiliate, 10,000 registrable shares are within the volume limit of 18,400 for three months (Rule 144(e)(1), 2008 regime); holding period met on 2007-12-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    // Acquired 2006-01-05, non-affiliate above the limit: one year met 2007-01-06, Rule 144(k)'s two
    // years not until 2008-01-06 … so pick 2006-06-01: (k) on 2008-06-02, after the change.
    [
      "non-affiliate above the limit under two years, 2008-02-14: the volume limit binds (1997)",
      { ...base, registrable: 50_000, acquired: D(2006, 6, 1), asOf: D(2008, 2, 14) },
      false,
      "Not ceased: non-affiliate held less than two years (Rule 144(k) not until 2008-06-02), 50,000 registrable shares exceed the volume limit of 18,400 for three months (Rule 144(e)(1), 1997 regime).",
    ],
    [
      "the same on 2008-02-15: the 2008 regime has no volume limit for a non-affiliate",
      { ...base, registrable: 50_000, acquired: D(2006, 6, 1), asOf: D(2008, 2, 15) },
      true,
      "Ceased: non-affiliate, holding period met on 2006-12-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
  ])("%s", (_label, input, ceased, sentence) => {
    const result = assessCessation(input);
    expect([result.ceased, result.explanation]).toEqual([ceased, sentence]);
  });
});

describe("[current_info] FALSE (Rule 144(b)(1)(i), (b)(2), (c))", () => {
  test.each([
    [
      "2008, affiliate: never under Rule 144, whatever the holding time",
      { ...base, affiliate: true, currentInfo: false, asOf: D(2010, 1, 1) },
      false,
      "Not ceased: affiliate, and the issuer is not current in its Exchange Act reports, without which an affiliate cannot sell under Rule 144 (Rule 144(b)(2), (c)(1), 2008 regime).",
    ],
    [
      "2008, affiliate of a non-reporting issuer: (c)(2)",
      { ...base, affiliate: true, reporting: false, currentInfo: false, asOf: D(2010, 1, 1) },
      false,
      "Not ceased: affiliate, and adequate current public information about the issuer is not available, without which an affiliate cannot sell under Rule 144 (Rule 144(b)(2), (c)(2), 2008 regime).",
    ],
    [
      "1997, affiliate",
      { ...base, affiliate: true, currentInfo: false, acquired: D(1999, 6, 1), asOf: D(2001, 1, 1) },
      false,
      "Not ceased: affiliate, and the issuer is not current in its Exchange Act reports, without which an affiliate cannot sell under Rule 144 (Rule 144(c), 1997 regime).",
    ],
    // Acquired 2007-12-01: six months met 2008-06-02, one year 2008-12-02.
    [
      "2008, non-affiliate, the day before one year",
      { ...base, currentInfo: false, asOf: D(2008, 12, 1) },
      false,
      "Not ceased: non-affiliate, and the issuer is not current in its Exchange Act reports, so one year must elapse, on 2008-12-02 (Rule 144(b)(1)(i), (c)(1), 2008 regime).",
    ],
    [
      "2008, non-affiliate, the day one year has elapsed",
      { ...base, currentInfo: false, asOf: D(2008, 12, 2) },
      true,
      "Ceased: non-affiliate, held one year on 2008-12-02, so current public information is not required (Rule 144(b)(1)(i), 2008 regime).",
    ],
    [
      "2008, non-affiliate of a non-reporting issuer: one year anyway, (b)(1)(ii) asks only (d)",
      { ...base, reporting: false, currentInfo: false, asOf: D(2008, 12, 2) },
      true,
      "Ceased: non-affiliate, holding period met on 2008-12-02 (one year, Rule 144(d)(1)(ii), 2008 regime).",
    ],
    // Acquired 1999-06-01: one year met 2000-06-02, Rule 144(k) two years on 2001-06-02.
    [
      "1997, non-affiliate under two years: (c) applies",
      { ...base, currentInfo: false, acquired: D(1999, 6, 1), asOf: D(2001, 6, 1) },
      false,
      "Not ceased: non-affiliate held less than two years (Rule 144(k) not until 2001-06-02), and the issuer is not current in its reports, which a sale before then needs (Rule 144(c), 1997 regime).",
    ],
    [
      "1997, non-affiliate at two years: Rule 144(k) frees it of (c)",
      { ...base, currentInfo: false, acquired: D(1999, 6, 1), asOf: D(2001, 6, 2) },
      true,
      "Ceased: non-affiliate, held two years on 2001-06-02 (Rule 144(k), 1997 regime).",
    ],
  ])("%s", (_label, input, ceased, sentence) => {
    const result = assessCessation(input);
    expect([result.ceased, result.explanation]).toEqual([ceased, sentence]);
  });
});

describe("[sold_3m]: sales in the three months before count against the limit (Rule 144(e)(1))", () => {
  const affiliate = { ...base, affiliate: true, asOf: D(2008, 7, 1) };
  test.each([
    // Room = 18,400 − 12,000 = 6,400.
    [
      "registrable exactly the room: 6,400 + 12,000 = 18,400, not above the limit",
      { ...affiliate, registrable: 6_400, sold3m: 12_000 },
      true,
      "Ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, enough for the 6,400 registrable shares (affiliate, Rule 144(e)(1), 2008 regime); holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "one share over the room",
      { ...affiliate, registrable: 6_401, sold3m: 12_000 },
      false,
      "Not ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, fewer than the 6,401 registrable shares (affiliate, Rule 144(e)(1), 2008 regime).",
    ],
    [
      "the issue's example: 10,000 registrable, 12,000 sold",
      { ...affiliate, registrable: 10_000, sold3m: 12_000 },
      false,
      "Not ceased: 12,000 sold in the last three months leave room for 6,400 of 18,400, fewer than the 10,000 registrable shares (affiliate, Rule 144(e)(1), 2008 regime).",
    ],
    [
      "sold exactly the limit: no room, nothing left to sell is still ceased",
      { ...affiliate, registrable: 0, sold3m: 18_400 },
      true,
      "Ceased: 18,400 sold in the last three months leave room for 0 of 18,400, enough for the 0 registrable shares (affiliate, Rule 144(e)(1), 2008 regime); holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "sold 0 keeps the second-edition sentence",
      { ...affiliate, registrable: 18_400, sold3m: 0 },
      true,
      "Ceased: affiliate, 18,400 registrable shares are within the volume limit of 18,400 for three months (Rule 144(e)(1), 2008 regime); holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    [
      "2008 non-affiliate: sales do not matter, there is no limit",
      { ...base, asOf: D(2008, 7, 1), registrable: 1e6, sold3m: 50_000 },
      true,
      "Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
    // 1997 non-affiliate held under two years: 10,000 + 8,401 = 18,401 > 18,400.
    [
      "1997 non-affiliate under two years: the same test",
      { ...base, acquired: D(1999, 6, 1), asOf: D(2001, 1, 1), registrable: 10_000, sold3m: 8_401 },
      false,
      "Not ceased: 8,401 sold in the last three months leave room for 9,999 of 18,400, fewer than the 10,000 registrable shares (non-affiliate held less than two years, Rule 144(k) not until 2001-06-02; Rule 144(e)(1), 1997 regime).",
    ],
  ])("%s", (_label, input, ceased, sentence) => {
    const result = assessCessation(input);
    expect([result.ceased, result.explanation]).toEqual([ceased, sentence]);
  });

  test("negative, fractional or impossible sales are named", () => {
    expect(() => assessCessation({ ...affiliate, sold3m: -1 })).toThrow(/^sold_3m: shares cannot be negative/);
    expect(() => assessCessation({ ...affiliate, sold3m: 1.5 })).toThrow(/^sold_3m: expected a whole number of shares/);
    expect(() => assessCessation({ ...affiliate, registrable: 0, sold3m: 18_401 })).toThrow(
      "sold_3m: 18,401 shares sold in the last three months are more than the volume limit of 18,400; an affiliate's Rule 144 sales in three months cannot exceed the limit (Rule 144(e)(1)), so expected 0 to 18,400",
    );
  });
});

describe("[group]: persons acting in concert (Rule 144(e)(3)(vi))", () => {
  const row = (label: string | null, affiliate: boolean, registrable: number, sold3m = 0, volumeLimit = 18_400): GroupRow =>
    label === null ? { label } : { label, affiliate, registrable, sold3m, volumeLimit };

  test("affiliate rows with one label are totalled; non-affiliates and other labels are not", () => {
    // Fund A: rows 1 and 3 (affiliates) 10,000 + 8,400 = 18,400; row 2 is a non-affiliate of Fund A.
    const out = aggregateGroups([
      row("Fund A", true, 10_000, 100),
      row("Fund A", false, 1e6),
      row(" fund a ", true, 8_400, 200),
      row("B", true, 5),
      row(null, true, 1),
    ]);
    const fundA: GroupTotal = { label: "Fund A", rows: [1, 3], registrable: 18_400n, sold3m: 300n };
    expect(out).toEqual([fundA, undefined, fundA, { label: "B", rows: [4], registrable: 5n, sold3m: 0n }, undefined]);
  });

  test("different volume limits are an error in every affiliate row of the group, naming the group and the rows", () => {
    const out = aggregateGroups([row("Fund A", true, 1, 0, 18_400), row("Fund A", false, 1, 0, 0), row("Fund A", true, 1, 0, 20_000)]);
    const message =
      'group: the rows of group "Fund A" (rows 1 and 3) give different volume limits (row 1: 18,400; row 3: 20,000); affiliates acting in concert are tested against one volume limit (Rule 144(e)(3)(vi)), so give every row of the group the same volume_limit';
    expect((out[0] as RuleError).message).toBe(message);
    expect(out[1]).toBeUndefined(); // a non-affiliate is tested on its own; its blank limit is no conflict
    expect((out[2] as RuleError).message).toBe(message);
  });

  test("a member row with bad input leaves the group's total unknown", () => {
    const out = aggregateGroups([row("G", true, 1), { label: "G", unreadable: true }]);
    expect((out[0] as RuleError).message).toBe(
      'group: the total of group "G" is unknown because row 2 has bad input (see its cell); the affiliates of a group are tested together (Rule 144(e)(3)(vi))',
    );
  });

  const group = (registrable: bigint, sold3m = 0n): GroupTotal => ({ label: "Fund A", rows: [1, 2], registrable, sold3m });
  const member = { ...base, affiliate: true, asOf: D(2008, 7, 1) };
  test.each([
    [
      "a group whose sum is the limit: 10,000 + 8,400 = 18,400",
      { ...member, group: group(18_400n) },
      true,
      'Ceased: affiliate, group "Fund A" (rows 1 and 2) holds 18,400 registrable shares together, within the volume limit of 18,400 for three months (affiliates acting in concert, Rule 144(e)(1), (e)(3)(vi), 2008 regime); holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).',
    ],
    [
      "a group whose sum crosses it: 10,000 + 8,401 = 18,401, though each row alone is within",
      { ...member, group: group(18_401n) },
      false,
      'Not ceased: affiliate, group "Fund A" (rows 1 and 2) holds 18,401 registrable shares together, above the volume limit of 18,400 for three months (affiliates acting in concert, Rule 144(e)(1), (e)(3)(vi), 2008 regime).',
    ],
    [
      "a group with sales: room 18,400 − 2,400 = 16,000 for 16,001",
      { ...member, group: group(16_001n, 2_400n) },
      false,
      'Not ceased: group "Fund A" (rows 1 and 2): 2,400 sold in the last three months leave room for 16,000 of 18,400, fewer than the group\'s 16,001 registrable shares (affiliate, acting in concert, Rule 144(e)(1), (e)(3)(vi), 2008 regime).',
    ],
    [
      "a non-affiliate ignores a group total",
      { ...base, asOf: D(2008, 7, 1), group: group(1_000_000n) },
      true,
      "Ceased: non-affiliate, holding period met on 2008-06-02 (6 months, Rule 144(d)(1)(i), 2008 regime).",
    ],
  ])("%s", (_label, input, ceased, sentence) => {
    const result = assessCessation(input);
    expect([result.ceased, result.explanation]).toEqual([ceased, sentence]);
  });

  test("a group that sold more than the limit together is an error naming sold_3m and the group", () => {
    expect(() => assessCessation({ ...member, group: group(0n, 18_401n) })).toThrow(
      'sold_3m: group "Fund A" (rows 1 and 2) sold 18,401 shares in the last three months together, more than the volume limit of 18,400',
    );
  });
});

describe("RR.RULE144.CEASEDATE: the first date CEASED is TRUE, inputs held fixed", () => {
  const fixed = (input: Omit<CessationInput, "asOf">) => input;
  test.each([
    // Non-affiliate, 10,000 within the limit. Acquired 2007-02-13: one year EDATE + 1 = 2008-02-14,
    // still the 1997 regime, where a non-affiliate under two years within the limit may sell.
    ["lapses 2008-02-14, the day before the change (1997 rule)", fixed({ ...base, acquired: D(2007, 2, 13) }), undefined, "2008-02-14"],
    // Acquired 2007-02-14: one year on 2008-02-15, the first day of the 2008 regime.
    ["lapses on the day of the change", fixed({ ...base, acquired: D(2007, 2, 14) }), undefined, "2008-02-15"],
    // Acquired 2007-08-15: six months EDATE(2007-08-15, 6) + 1 = 2008-02-16; the 1997 year later still.
    ["lapses the day after the change (2008 six months)", fixed({ ...base, acquired: D(2007, 8, 15) }), undefined, "2008-02-16"],
    // Acquired 2007-06-01: 1997 year 2008-06-02, 2008 six months 2007-12-02: the change itself frees it.
    ["the change shortens the wait to 2008-02-15", fixed({ ...base, acquired: D(2007, 6, 1) }), undefined, "2008-02-15"],
    // 50,000 above the limit, acquired 2007-02-13: 1997 one year 2008-02-14 but the limit binds
    // (Rule 144(k) not until 2009-02-14); the 2008 regime frees a non-affiliate on 2008-02-15.
    [
      "a non-affiliate above the limit waits for the 2008 regime",
      fixed({ ...base, registrable: 50_000, acquired: D(2007, 2, 13) }),
      undefined,
      "2008-02-15",
    ],
    // Same above the limit, acquired 1999-06-01: Rule 144(k) on EDATE(1999-06-01, 24) + 1 = 2001-06-02.
    [
      "a 1997 non-affiliate above the limit: Rule 144(k) two years",
      fixed({ ...base, registrable: 50_000, acquired: D(1999, 6, 1) }),
      undefined,
      "2001-06-02",
    ],
    // Without current information, the 1997 non-affiliate also waits for Rule 144(k).
    ["1997, no current information: two years", fixed({ ...base, currentInfo: false, acquired: D(1999, 6, 1) }), undefined, "2001-06-02"],
    // Without current information, acquired 2007-12-01: one year, 2008-12-02 (144(b)(1)(i)).
    ["2008, no current information: one year", fixed({ ...base, currentInfo: false }), undefined, "2008-12-02"],
    // Affiliate with 6,400 after 12,000 sold: room exactly 6,400; six months 2008-06-02.
    ["affiliate at exactly the room", fixed({ ...base, affiliate: true, registrable: 6_400, sold3m: 12_000 }), undefined, "2008-06-02"],
    // from later than the lapse: the answer is from itself.
    ["from after the lapse", fixed({ ...base }), D(2010, 1, 1), "2010-01-01"],
    // from before 1997-04-29: the search starts there (outside the model before); held since 1990.
    ["from before the 1997 regime", fixed({ ...base, acquired: D(1990, 1, 1) }), D(1995, 1, 1), "1997-04-29"],
    // default from = acquired when later than 1997-04-29: a 2008 affiliate group within the limit.
    [
      "an affiliate group within the limit",
      fixed({ ...base, affiliate: true, group: { label: "G", rows: [1, 2], registrable: 18_400n, sold3m: 0n } }),
      undefined,
      "2008-06-02",
    ],
  ])("%s", (_label, input, from, expected) => {
    expect(isoDate(cessationDate(input, from))).toBe(expected);
  });

  test.each([
    [
      "an affiliate above the limit",
      { ...base, affiliate: true, registrable: 18_401 },
      /^never: .*18,401 registrable shares exceed the volume limit of 18,400/,
    ],
    [
      "an affiliate one share over the room",
      { ...base, affiliate: true, registrable: 6_401, sold3m: 12_000 },
      /^never: .*leave room for 6,400 of 18,400, fewer than the 6,401/,
    ],
    [
      "a group whose sum crosses the limit",
      { ...base, affiliate: true, group: { label: "G", rows: [1, 2], registrable: 18_401n, sold3m: 0n } },
      /^never: .*group "G"/,
    ],
    ["an affiliate without current information", { ...base, affiliate: true, currentInfo: false }, /^never: .*not current/],
  ])("never: #N/A with the reason (%s)", (_label, input, message) => {
    expect(() => cessationDate(input)).toThrow(message);
    expect(kindOf(() => cessationDate(input))).toBe("na");
  });

  test("bad inputs stay #VALUE!", () => {
    expect(kindOf(() => cessationDate({ ...base, affiliate: true, sold3m: 20_000 }))).toBe("value");
    expect(kindOf(() => cessationDate({ ...base, registrable: -5 }))).toBe("value");
  });

  const anyInput = fc.record({
    registrable: fc.integer({ min: 0, max: 60_000 }),
    affiliate: fc.boolean(),
    acquired: fc.integer({ min: D(1990, 1, 1), max: D(2030, 1, 1) }),
    volumeLimit: fc.integer({ min: 0, max: 40_000 }),
    reporting: fc.boolean(),
    currentInfo: fc.boolean(),
    soldShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const fromArb = fc.option(fc.integer({ min: D(1995, 1, 1), max: D(2035, 1, 1) }), { nil: undefined });

  test("CEASED is FALSE the day before CEASEDATE (and on every day from `from` to it) and TRUE on it", () => {
    fc.assert(
      fc.property(anyInput, fromArb, fc.double({ min: 0, max: 1, noNaN: true }), (raw, from, pick) => {
        const { soldShare, ...rest } = raw;
        const input = { ...rest, sold3m: Math.floor(soldShare * rest.volumeLimit) };
        const start = Math.max(from ?? Math.max(REGIME_1997_START, input.acquired), REGIME_1997_START);
        let lapse: number;
        try {
          lapse = cessationDate(input, from);
        } catch (e) {
          if ((e as RuleError).kind !== "na") throw e;
          // Never: FALSE on the first day and on one far later day.
          return !assessCessation({ ...input, asOf: start }).ceased && !assessCessation({ ...input, asOf: D(2090, 1, 1) }).ceased;
        }
        if (!assessCessation({ ...input, asOf: lapse }).ceased || lapse < start) return false;
        if (lapse === start) return true;
        const before = Math.min(start + Math.floor(pick * (lapse - start)), lapse - 1);
        return !assessCessation({ ...input, asOf: lapse - 1 }).ceased && !assessCessation({ ...input, asOf: before }).ceased;
      }),
      { numRuns: 500 },
    );
  });

  test("once ceased at CEASEDATE, every later date is ceased too (inputs fixed)", () => {
    fc.assert(
      fc.property(anyInput, fc.integer({ min: 0, max: 5000 }), (raw, later) => {
        const { soldShare, ...rest } = raw;
        const input = { ...rest, sold3m: Math.floor(soldShare * rest.volumeLimit) };
        let lapse: number;
        try {
          lapse = cessationDate(input);
        } catch {
          return true;
        }
        return assessCessation({ ...input, asOf: lapse + later }).ceased;
      }),
    );
  });

  test("the regime change is a boundary the search crosses", () => {
    expect(REGIME_2008_START).toBe(D(2008, 2, 15));
  });
});

describe("RR.RULE144.WINDOWS: the dribble-out count", () => {
  test.each([
    ["no shares, no periods", 0, 18_400, 0, 0],
    ["exactly the limit: one period", 18_400, 18_400, 0, 1],
    ["one share over: two", 18_401, 18_400, 0, 2],
    ["exactly two limits: 36,800 = 2 × 18,400", 36_800, 18_400, 0, 2],
    ["36,801: three", 36_801, 18_400, 0, 3],
    ["exactly the room left by 12,000 sold: 6,400", 6_400, 18_400, 12_000, 1],
    ["one share over the room: 6,401 → 6,400 then 1", 6_401, 18_400, 12_000, 2],
    // 50,000: 6,400 in the first period, then 18,400 + 18,400 = 43,200, then 6,800 → four.
    ["the issue's figures: 50,000 with 12,000 sold", 50_000, 18_400, 12_000, 4],
    // Sold the whole limit: the first period has no room; 18,400 then take one more.
    ["sold the whole limit: 1 + 1", 18_400, 18_400, 18_400, 2],
    // A fractional limit allows its whole part: 10 shares at 2 a period = 5.
    ["a fractional limit: floor(2.5) = 2 a period", 10, 2.5, 0, 5],
  ])("%s", (_label, registrable, limit, sold, expected) => {
    expect(dribbleWindows(registrable, limit, sold)).toBe(expected);
  });

  test("impossible inputs", () => {
    expect(() => dribbleWindows(1, 0, 0)).toThrow(/^volume_limit: is 0, less than one share/);
    expect(kindOf(() => dribbleWindows(1, 0, 0))).toBe("na");
    expect(dribbleWindows(0, 0, 0)).toBe(0);
    expect(() => dribbleWindows(5, 10, 11)).toThrow(
      /^sold_3m: 11 shares sold in the last three months are more than the volume limit of 10/,
    );
    expect(() => dribbleWindows(5, 10, -1)).toThrow(/^sold_3m: shares cannot be negative/);
    expect(() => dribbleWindows(5, -10, 0)).toThrow(/^volume_limit:/);
  });

  test("the count sells everything and no fewer periods would (exact integers)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (reg, limit, share) => {
          const sold = Math.floor(share * limit);
          const n = dribbleWindows(reg, limit, sold);
          const capacity = (k: number) => (k === 0 ? 0n : BigInt(limit - sold) + BigInt(k - 1) * BigInt(limit));
          return capacity(n) >= BigInt(reg) && (n === 0 || capacity(n - 1) < BigInt(reg));
        },
      ),
    );
  });
});

describe("RR.RULE144.FORM144 (Rule 144(h), Release 33-8869)", () => {
  test.each([
    // 2008 regime: affiliates only; "exceeds 5,000 shares … or … in excess of $50,000".
    ["2008, affiliate, exactly 5,000 shares and $50,000", 5_000, 50_000, true, D(2024, 5, 15), false],
    ["2008, affiliate, 5,001 shares", 5_001, 0, true, D(2024, 5, 15), true],
    ["2008, affiliate, $50,000.01", 1, 50_000.01, true, D(2024, 5, 15), true],
    ["2008, non-affiliate never files", 1e6, 1e9, false, D(2024, 5, 15), false],
    // The day before, of and after the change, 600 shares: above 500 but not 5,000.
    ["600 shares on 2008-02-14 (1997: more than 500)", 600, 0, true, D(2008, 2, 14), true],
    ["600 shares on 2008-02-15 (2008: not more than 5,000)", 600, 0, true, D(2008, 2, 15), false],
    ["600 shares on 2008-02-16", 600, 0, true, D(2008, 2, 16), false],
    ["non-affiliate, 501 shares on 2008-02-14 (1997: non-affiliates filed too)", 501, 0, false, D(2008, 2, 14), true],
    ["non-affiliate, 501 shares on 2008-02-15", 501, 0, false, D(2008, 2, 15), false],
    ["1997, exactly 500 shares and $10,000", 500, 10_000, false, D(2000, 1, 1), false],
    ["1997, $10,000.01", 0, 10_000.01, true, D(2000, 1, 1), true],
    ["first day of the 1997 regime", 501, 0, true, REGIME_1997_START, true],
  ])("%s", (_label, shares, amount, affiliate, saleDate, expected) => {
    expect(form144Required(shares, amount, affiliate, saleDate)).toBe(expected);
  });

  test("bad input and dates outside the model", () => {
    expect(() => form144Required(-1, 0, true, D(2024, 1, 1))).toThrow(/^shares: shares cannot be negative/);
    expect(() => form144Required(1.5, 0, true, D(2024, 1, 1))).toThrow(/^shares: expected a whole number/);
    expect(() => form144Required(1, -1, true, D(2024, 1, 1))).toThrow(/^amount: expected an aggregate sale price in dollars of 0 or more/);
    expect(kindOf(() => form144Required(1, 1, true, D(1997, 4, 28)))).toBe("na");
  });
});
