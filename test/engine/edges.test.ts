// Boundaries and messages that mutation testing (npm run mutation) showed no test deciding: each
// row is on the edge of a comparison, or checks a whole message where a test only matched its
// start. Expected figures are derived by hand in the comments. Black-box: exported functions only.
import { DEMAND_OK } from "../support/demandInput";
import fc from "fast-check";
import { cutback } from "../../src/engine/cutback";
import { referenceCutback } from "../support/referenceCutback";
import { splitByFault, indemnityCap, allocateContribution } from "../../src/engine/indemnity";
import { averageWeeklyVolume, holdingPeriod, assessCessation, DailyVolume } from "../../src/engine/rule144";
import { edate, checkSerial, isoDate, MAX_SERIAL, serialFromDate as D } from "../../src/engine/dates";
import { checkDemand, agreementDate, EVENTS, rightsPassOnTransfer, consentCarries, DemandInput } from "../../src/engine/agreement";
import { registrableShares } from "../../src/engine/registrable";
import { DEFAULT_TERMS } from "../../src/engine/terms";
import { RuleError } from "../../src/engine/errors";

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

describe("cutback: the tier summary at the edges", () => {
  // Tiers: 3 → 1,000 + 2,000 = 3,000; 2 → 400; 1 → 500 + 300 = 800.
  const requested = [500, 300, 400, 1000, 2000];
  const tiers = [1, 1, 2, 3, 3];

  test("capacity 3,000 is used up exactly by tier 3: tiers 2 and 1 are excluded, none is cut", () => {
    expect(cutback(requested, tiers, 3000)).toEqual({
      included: [0, 0, 0, 1000, 2000],
      roundedUp: new Uint8Array(5),
      tiers: [
        { tier: 3, requested: 3000, included: 3000, status: "included" },
        { tier: 2, requested: 400, included: 0, status: "excluded" },
        { tier: 1, requested: 800, included: 0, status: "excluded" },
      ],
    });
  });

  test("capacity 0: every tier with a request is excluded", () => {
    expect(cutback(requested, tiers, 0).tiers.map((t) => t.status)).toEqual(["excluded", "excluded", "excluded"]);
  });

  test("a tier that requests nothing counts as included even below the cut", () => {
    // Tier 1 requests 0 shares; tier 2 (10 + 10) is cut to 5: 2.5 each, the leftover share to the
    // earlier row.
    expect(cutback([10, 10, 0], [2, 2, 1], 5)).toEqual({
      included: [3, 2, 0],
      roundedUp: Uint8Array.from([1, 0, 0]),
      tiers: [
        { tier: 2, requested: 20, included: 5, status: "cut" },
        { tier: 1, requested: 0, included: 0, status: "included" },
      ],
    });
  });

  test("everything fits exactly: every tier included, nothing rounded", () => {
    expect(cutback([1, 2], [1, 2], 3)).toEqual({
      included: [1, 2],
      roundedUp: new Uint8Array(2),
      tiers: [
        { tier: 2, requested: 2, included: 2, status: "included" },
        { tier: 1, requested: 1, included: 1, status: "included" },
      ],
    });
  });

  test("exact quotients get no rounding share", () => {
    // Capacity 3,600: tiers 3 and 2 (3,400) in full, 200 left for tier 1: 200 × 500 / 800 = 125 and
    // 200 × 300 / 800 = 75 exactly, so no row is marked as rounded up.
    expect(cutback(requested, tiers, 3600)).toEqual({
      included: [125, 75, 400, 1000, 2000],
      roundedUp: new Uint8Array(5),
      tiers: [
        { tier: 3, requested: 3000, included: 3000, status: "included" },
        { tier: 2, requested: 400, included: 400, status: "included" },
        { tier: 1, requested: 800, included: 200, status: "cut" },
      ],
    });
  });

  test("rounding shares are flagged on the rows that got them, by request and by weight", () => {
    // 7 over [40, 35, 25]: 2.8, 2.45, 1.75 → floors 2, 2, 1; 2 left → remainders .8 and .75.
    expect(cutback([40, 35, 25], [1, 1, 1], 7).roundedUp).toEqual(Uint8Array.from([1, 0, 1]));
    // Weights [1, 1], capacity 3 over [10, 30]: 1½ each, the share to the larger request.
    expect(cutback([10, 30], [1, 1], 3, [1, 1]).roundedUp).toEqual(Uint8Array.from([0, 1]));
  });

  test("a bad weight is named with its row and what was expected", () => {
    expect(thrown(() => cutback([10, 2], [1, 1], 5, [1, -1])).message).toBe("weights (row 2): expected a weight of 0 or more, got -1");
  });

  test("a tier totalling more than 2^53 − 1 shares is refused; exactly 2^53 − 1 is counted", () => {
    const SAFE = Number.MAX_SAFE_INTEGER;
    expect(thrown(() => cutback([SAFE, 1], [1, 1], 5)).message).toBe(
      "requested: tier 1 totals more than 9,007,199,254,740,991 shares, too many to count exactly",
    );
    // [2^53 − 2, 1] over capacity 2: 2 × (2^53 − 2) / (2^53 − 1) = 1.99…: floor 1, and 2 / (2^53 − 1)
    // floors to 0; the one share left goes to the larger remainder, the first row.
    expect(cutback([SAFE - 1, 1], [1, 1], 2).included).toEqual([2, 0]);
  });

  test("huge requests with a small last row agree with the BigInt reference", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2 ** 44, max: 2 ** 48 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (big, small, f) => {
          const requested = [...big, small];
          const total = requested.reduce((a, b) => a + b, 0);
          const capacity = Math.floor(total * f);
          const got = cutback(
            requested,
            requested.map(() => 1),
            capacity,
          ).included;
          return (
            got.join() ===
            referenceCutback(
              requested.map(BigInt),
              requested.map(() => 1),
              BigInt(capacity),
            ).join()
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  test("weights with the wrong number of rows are refused", () => {
    expect(thrown(() => cutback([1, 2], [1, 1], 1, [1])).message).toBe("weights: has 1 rows but requested has 2");
  });

  test("tiers above 63 are counted too", () => {
    // Tier 100 (5) is kept before tier 64 (5): capacity 7 leaves 2 for tier 64.
    expect(cutback([5, 5], [64, 100], 7).included).toEqual([2, 5]);
  });
});

describe("contribution: the zero-fault message gives the loss in dollars", () => {
  test("a loss of 1,234.5 with all faults 0", () => {
    expect(thrown(() => splitByFault(1234.5, [0, 0])).message).toBe(
      "fault: the fault weights add up to 0, so a loss of 1,234.5 cannot be split; give at least one party a weight above 0",
    );
  });
});

describe("Rule 144(e)(1): volumes too large to total exactly", () => {
  const filing = D(2024, 5, 15);
  const mondays = [D(2024, 4, 15), D(2024, 4, 22), D(2024, 4, 29), D(2024, 5, 6)];
  const weeks = (volumes: number[]): DailyVolume[] => mondays.map((date, k) => ({ date, volume: volumes[k] }));

  test("a total of exactly 2^53 − 1 is kept: (2^53 − 1) / 4 = 2,251,799,813,685,247.75", () => {
    expect(averageWeeklyVolume(weeks([2 ** 53 - 4, 1, 1, 1]), filing)).toBe(2_251_799_813_685_247.75);
  });

  test("one share more is refused, with the total", () => {
    expect(thrown(() => averageWeeklyVolume(weeks([2 ** 53 - 4, 1, 1, 2]), filing)).message).toBe(
      "volumes: the four weeks total 9007199254740992 shares, too large to hold exactly",
    );
  });
});

describe("dates: Excel's calendar ends", () => {
  test.each([
    // 9999-11-30 + 1 month = 9999-12-30; 9999-12-31 is serial 2,958,465, the last one Excel shows.
    ["9999-11-30 + 1 month", D(9999, 11, 30), 1, "9999-12-30"],
    ["9999-11-30 + 1 month, from the 31st clamps", D(9999, 10, 31), 2, "9999-12-31"],
    ["1900-02-01 − 1 month is serial 1", D(1900, 2, 1), -1, "1900-01-01"],
  ])("%s", (_label, start, months, expected) => {
    expect(isoDate(edate(start, months))).toBe(expected);
  });

  test.each([
    [MAX_SERIAL, 1, "the date 1 months from 9999-12-31 is outside Excel's calendar"],
    [1, -1, "the date -1 months from 1900-01-01 is outside Excel's calendar"],
  ])("EDATE(%p, %p) is refused", (start, months, message) => {
    expect(thrown(() => edate(start, months)).message).toBe(message);
  });

  test.each([
    [1, 1],
    [1.999, 1],
    [MAX_SERIAL + 0.999, MAX_SERIAL],
  ])("checkSerial(%p) = %p", (value, serial) => {
    expect(checkSerial(value, "as_of")).toBe(serial);
  });

  test.each([0.999, MAX_SERIAL + 1, NaN, Infinity])("checkSerial(%p) is refused", (value) => {
    expect(thrown(() => checkSerial(value, "as_of")).message).toBe(
      `as_of: expected an Excel date serial from 1 (1900-01-01) to 2958465 (9999-12-31), got ${value}`,
    );
  });
});

describe("agreement: edges of the demand checks and the calendar", () => {
  const ok: DemandInput = DEMAND_OK;

  test("a request for all the requesting Holders' shares is allowed", () => {
    expect(checkDemand({ ...ok, requested: 600_000 }, DEFAULT_TERMS)).toEqual({ ok: true, failures: [], effectOnOrAfter: null });
  });

  test("no Registrable Securities outstanding: 0 of 0 is 0%, not a majority", () => {
    const r = checkDemand({ ...ok, requesting: 0, outstanding: 0, requested: 0 }, DEFAULT_TERMS);
    expect(r.failures[0]).toBe(
      'not a majority: the requesting Holders hold 0 of 0 Registrable Securities outstanding (0%), and more than 50% is needed ("Registration on Request" (i))',
    );
  });

  test("the majority percentage is rounded to two places: 2 of 3 is 66.67%", () => {
    const r = checkDemand({ ...ok, requesting: 2, outstanding: 3, requested: 2 }, { ...DEFAULT_TERMS, demand_majority: 0.7 });
    expect(r.failures).toEqual([
      'not a majority: the requesting Holders hold 2 of 3 Registrable Securities outstanding (66.67%), and more than 70% is needed ("Registration on Request" (i))',
    ]);
  });

  test.each([
    // 90 days after 9999-10-02 is 9999-12-31, the last serial: allowed. One day later is not.
    [D(9999, 10, 2), "9999-12-31"],
  ])("lockup from %p ends on %s", (date, expected) => {
    expect(isoDate(agreementDate("lockup", date, DEFAULT_TERMS))).toBe(expected);
  });

  test("a period past 9999-12-31 is refused", () => {
    expect(thrown(() => agreementDate("lockup", D(9999, 10, 3), DEFAULT_TERMS)).message).toBe(
      "date: 90 days after 9999-10-03 is past 9999-12-31",
    );
  });
});

describe("Rule 144(d): the holding period and the paragraph that sets it", () => {
  // 1997 regime (Release 33-7390): one year, 144(d)(1). 2008 regime (Release 33-8869): six months
  // for an issuer reporting for 90 days, 144(d)(1)(i); one year otherwise, 144(d)(1)(ii).
  test.each([
    ["1997", true, { months: 12, paragraph: "Rule 144(d)(1)", label: "one year, Rule 144(d)(1), 1997 regime" }],
    ["1997", false, { months: 12, paragraph: "Rule 144(d)(1)", label: "one year, Rule 144(d)(1), 1997 regime" }],
    ["2008", true, { months: 6, paragraph: "Rule 144(d)(1)(i)", label: "6 months, Rule 144(d)(1)(i), 2008 regime" }],
    ["2008", false, { months: 12, paragraph: "Rule 144(d)(1)(ii)", label: "one year, Rule 144(d)(1)(ii), 2008 regime" }],
  ] as const)("%s regime, reporting %p", (regime, reporting, expected) => {
    expect(holdingPeriod(regime, reporting)).toEqual(expected);
  });
});

describe("the agreement's calendar as data: each event's term, unit and meaning", () => {
  test("EVENTS", () => {
    // Months are added with EDATE, days as days; the term names are the ones RR.TERMS lists.
    expect(EVENTS).toEqual({
      "demand-window": {
        term: "demand_waiting_months",
        by: "months",
        what: "first anniversary of the Closing: a demand may be made from the day after",
      },
      join: { term: "join_window_days", by: "days", what: "last day for other Holders to join a demand after the Company's notice" },
      piggyback: { term: "piggyback_window_days", by: "days", what: "last day to ask to be included after the Company's piggyback notice" },
      filing: { term: "filing_deadline_days", by: "days", what: "last day to file after the request window closes" },
      effectiveness: { term: "effectiveness_days", by: "days", what: "last day the registration must be kept effective" },
      lockup: { term: "lockup_days", by: "days", what: "last day of the Holder lockup after the effective date" },
      postponement: { term: "postponement_days", by: "days", what: "last day of a postponement" },
      "next-postponement": { term: "postponement_interval_months", by: "months", what: "first day another postponement may start" },
      "next-demand": { term: "months_between_registrations", by: "months", what: "first day another registration may be demanded" },
      mail: { term: "mail_notice_days", by: "days", what: "day a mailed notice becomes effective" },
    });
  });
});

describe("bad input: the whole message, naming the argument and what it expects", () => {
  const demand: DemandInput = {
    requestDate: D(2001, 6, 1),
    closingDate: D(2000, 3, 15),
    requesting: 600_000,
    outstanding: 1_000_000,
    requested: 200_000,
    price: 25,
    demandsUsed: 0,
    lastRegistration: null,
  };
  const cessation = { registrable: 10, affiliate: false, acquired: D(2007, 12, 1), asOf: D(2009, 1, 1), volumeLimit: 100, reporting: true };
  test.each([
    ["requesting", () => checkDemand({ ...demand, requesting: -1 }, DEFAULT_TERMS), "requesting: shares cannot be negative, got -1"],
    ["outstanding", () => checkDemand({ ...demand, outstanding: -1 }, DEFAULT_TERMS), "outstanding: shares cannot be negative, got -1"],
    ["requested", () => checkDemand({ ...demand, requested: -1 }, DEFAULT_TERMS), "requested: shares cannot be negative, got -1"],
    ["demands_used", () => checkDemand({ ...demand, demandsUsed: -1 }, DEFAULT_TERMS), "demands_used: shares cannot be negative, got -1"],
    ["price", () => checkDemand({ ...demand, price: -1 }, DEFAULT_TERMS), "price: expected a price per share of 0 or more, got -1"],
    ["transferred", () => rightsPassOnTransfer(-1, 10, false, false, DEFAULT_TERMS), "transferred: shares cannot be negative, got -1"],
    ["held", () => rightsPassOnTransfer(1, -1, false, false, DEFAULT_TERMS), "held: shares cannot be negative, got -1"],
    ["consenting", () => consentCarries(-1, 10, DEFAULT_TERMS), "consenting: shares cannot be negative, got -1"],
    ["consent outstanding", () => consentCarries(1, -1, DEFAULT_TERMS), "outstanding: shares cannot be negative, got -1"],
    ["registrable", () => assessCessation({ ...cessation, registrable: -1 }), "registrable: shares cannot be negative, got -1"],
    [
      "volume_limit",
      () => assessCessation({ ...cessation, volumeLimit: -1 }),
      "volume_limit: expected a volume limit in shares of 0 or more, got -1",
    ],
    ["shares_sold", () => indemnityCap(-1, 20, 0.06), "shares_sold: shares cannot be negative, got -1"],
    [
      "commission_per_share",
      () => indemnityCap(100, 20, 0.06, -1),
      "commission_per_share: expected an amount per share of 0 or more, got -1",
    ],
    ["fault", () => splitByFault(1, [1, -1]), "fault (row 2): expected a relative fault weight of 0 or more, got -1"],
    ["cap", () => allocateContribution(1, [1, 1], [1, -1]), 'cap (row 2): expected an amount or "none" of 0 or more, got -1'],
    [
      "registrable shares past 2^53 − 1",
      () => registrableShares({ common: 2 ** 52, convertible: 2 ** 52, ratio: 1 }),
      "common + convertible × ratio comes to 9007199254740992 shares, too large to hold exactly",
    ],
  ])("%s", (_label, run, message) => {
    expect(thrown(run).message).toBe(message);
  });
});

describe("tie-breaks with the larger weight first", () => {
  test("0.04 by [3, 1, 4]: remainders tie for rows 1 and 2, the larger fault (row 1) gets the cent", () => {
    // 4 cents over 8: 12/8 = 1 r 4, 4/8 = 0 r 4, 16/8 = 2 r 0; 1 cent left, tied → fault 3 beats 1.
    expect(splitByFault(0.04, [3, 1, 4]).map((m) => m.toFixed(2))).toEqual(["0.02", "0.00", "0.02"]);
  });
});

describe("DATE in 1900: only 29 February is Excel's fictitious day", () => {
  test.each([
    [1, 29, 29],
    [3, 29, 89], // 1 March is 61
  ])("DATE(1900, %p, %p) = %p", (month, day, serial) => {
    expect(D(1900, month, day)).toBe(serial);
  });
});
