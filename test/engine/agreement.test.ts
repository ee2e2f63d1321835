import fc from "fast-check";
import { serialFromDate as D, isoDate } from "../../src/engine/dates";
import {
  checkDemand,
  describeDemand,
  agreementDate,
  parseEvent,
  EVENT_NAMES,
  rightsPassOnTransfer,
  consentCarries,
  DemandInput,
} from "../../src/engine/agreement";
import { DEFAULT_TERMS, NVCA_TERMS, CTC_2000_TERMS, TERM_NAMES, termsWith, parsePreset, Terms } from "../../src/engine/terms";

const closing = D(2000, 3, 15);
const ok: DemandInput = {
  requestDate: D(2001, 6, 1),
  closingDate: closing,
  requesting: 600_000,
  outstanding: 1_000_000,
  requested: 200_000,
  price: 25,
  demandsUsed: 0,
  lastRegistration: null,
};
const check = (changes: Partial<DemandInput>, terms: Terms = DEFAULT_TERMS) => checkDemand({ ...ok, ...changes }, terms);

describe("RR.DEMAND.CHECK conditions, each on both sides of its boundary", () => {
  test("a request that meets everything is OK", () => {
    expect(check({})).toEqual({ ok: true, failures: [] });
    expect(describeDemand(check({}))).toBe("OK");
  });

  test.each([
    ["the day before the first anniversary", D(2001, 3, 14), false],
    ['the first anniversary itself ("after" excludes it)', D(2001, 3, 15), false],
    ["the day after the first anniversary", D(2001, 3, 16), true],
  ])("timing: %s", (_label, requestDate, passes) => {
    const r = check({ requestDate });
    expect(r.ok).toBe(passes);
    if (!passes)
      expect(r.failures[0]).toMatch(
        /^too early: a demand may be made only after 2001-03-15, 12 months after the Closing on 2000-03-15; .*"Registration on Request" \(i\)/,
      );
  });

  test.each([
    ["exactly half", 500_000, false],
    ["one share more than half", 500_001, true],
    ["all", 1_000_000, true],
  ])("majority: %s", (_label, requesting, passes) => {
    const r = check({ requesting, requested: 200_000 });
    expect(r.ok).toBe(passes);
    if (!passes)
      expect(r.failures).toEqual([
        expect.stringMatching(
          /^not a majority: the requesting Holders hold 500,000 of 1,000,000 Registrable Securities outstanding \(50%\), and more than 50% is needed/,
        ),
      ]);
  });

  describe("size: the lesser of 20% of the requesting group and $30 million at the price", () => {
    // 20% binds: 600,000 held → 120,000 shares; $30 million at $25 = 1,200,000 shares.
    test.each([
      [119_999, false],
      [120_000, true],
      [120_001, true],
    ])("20%% binds (price $25): %p shares requested", (requested, passes) => {
      expect(check({ requested }).ok).toBe(passes);
    });
    // $30 million binds: 600,000 held at $100 → 300,000 shares worth $30 million; 20% = 120,000.
    // With a price of $300, $30 million is 100,000 shares, fewer than 20% (120,000).
    test.each([
      [99_999, false],
      [100_000, true],
    ])("$30 million binds (price $300): %p shares requested", (requested, passes) => {
      expect(check({ requested, price: 300 }).ok).toBe(passes);
    });
    test("the message gives both thresholds", () => {
      expect(check({ requested: 99_999, price: 300 }).failures[0]).toBe(
        'too small: 99,999 shares requested, fewer than both 20% of the requesting Holders\' 600,000 (120,000 shares) and $30,000,000 at $300 a share (100,000 shares); at least the lesser is needed ("Registration on Request" (i))',
      );
    });
  });

  test.each([
    [2, true],
    [3, false],
    [4, false],
  ])("demands used %p of three", (demandsUsed, passes) => {
    const r = check({ demandsUsed });
    expect(r.ok).toBe(passes);
    if (!passes) expect(r.failures[0]).toMatch(/^no demands left: \d of 3 demand registrations used \("Number of Requests; Form"\)/);
  });

  test.each([
    // EDATE(2000-07-01, 6) = 2001-01-01: the request may be made from that day.
    ["the day before six months", D(2000, 7, 1), D(2000, 12, 31), "2000-07-01", "2001-01-01"],
    ["exactly six months (EDATE)", D(2000, 7, 1), D(2001, 1, 1), null, null],
    // EDATE(2000-08-31, 6) clamps to the end of February 2001, the 28th.
    ["month end: 2000-08-31 + 6 months is 2001-02-28", D(2000, 8, 31), D(2001, 2, 27), "2000-08-31", "2001-02-28"],
  ])("six months since the last registration: %s", (_label, last, requestDate, lastText, notBefore) => {
    const r = check({ requestDate, closingDate: D(1999, 1, 1), lastRegistration: last });
    expect(r.ok).toBe(notBefore === null);
    if (notBefore !== null)
      expect(r.failures).toEqual([
        `too soon after the last registration on ${lastText}: one registration in any 6 months, so not before ${notBefore} ("Number of Requests; Form")`,
      ]);
  });

  test("month end: a request on 2001-02-28 after a registration on 2000-08-31 is allowed", () => {
    expect(check({ requestDate: D(2001, 2, 28), closingDate: D(1999, 1, 1), lastRegistration: D(2000, 8, 31) }).ok).toBe(true);
  });

  test("every failing condition is listed, numbered, each with its clause", () => {
    const r = check({ requestDate: D(2001, 3, 1), requesting: 400_000, requested: 1000, demandsUsed: 3, lastRegistration: D(2001, 1, 1) });
    expect(r.failures).toHaveLength(5);
    const text = describeDemand(r);
    expect(text).toMatch(
      /^Not OK: \(1\) too early: .* \(2\) not a majority: .* \(3\) too small: .* \(4\) no demands left: .* \(5\) too soon after the last registration/,
    );
    expect(r.failures.every((f) => /\("(Registration on Request" \(i\)|Number of Requests; Form")/.test(f))).toBe(true);
  });

  test("bad input is an error, not a failing condition", () => {
    expect(() => check({ requesting: 1_000_001 })).toThrow(
      /requesting: 1,000,001 is more than the 1,000,000 Registrable Securities outstanding/,
    );
    expect(() => check({ requested: 600_001 })).toThrow(/requested: 600,001 is more than the 600,000/);
    expect(() => check({ price: 0 })).toThrow(/price: must be greater than 0/);
    expect(() => check({ demandsUsed: 1.5 })).toThrow(/demands_used/);
  });

  test("terms change outcomes: two demands (NVCA), a 40% minimum, a 24-month wait", () => {
    expect(check({ demandsUsed: 2 }).ok).toBe(true);
    expect(check({ demandsUsed: 2 }, termsWith([{ name: "max_demands", value: 2, where: "t" }])).ok).toBe(false);
    expect(check({ requested: 200_000, price: 1 }, termsWith([{ name: "demand_min_percent", value: 0.4, where: "t" }])).ok).toBe(false);
    expect(check({}, termsWith([{ name: "demand_waiting_months", value: 24, where: "t" }])).failures[0]).toMatch(
      /only after 2002-03-15, 24 months after the Closing/,
    );
  });

  test("OK exactly when no condition fails (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          requestDate: fc.integer({ min: D(2000, 1, 1), max: D(2003, 1, 1) }),
          outstanding: fc.integer({ min: 1, max: 1e7 }),
          f: fc.double({ min: 0, max: 1, noNaN: true }),
          g: fc.double({ min: 0, max: 1, noNaN: true }),
          price: fc.integer({ min: 1, max: 500 }),
          demandsUsed: fc.integer({ min: 0, max: 5 }),
        }),
        ({ requestDate, outstanding, f, g, price, demandsUsed }) => {
          const requesting = Math.floor(outstanding * f);
          const requested = Math.floor(requesting * g);
          const r = check({ requestDate, outstanding, requesting, requested, price, demandsUsed });
          const expected =
            requestDate > D(2001, 3, 15) &&
            requesting * 2 > outstanding &&
            (requested * 5 >= requesting || requested * price >= 30e6) &&
            demandsUsed < 3;
          return r.ok === expected && r.ok === (r.failures.length === 0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("RR.DATE: the agreement's calendar", () => {
  test.each([
    ["demand-window", D(2000, 3, 15), "2001-03-15"],
    ["demand-window", D(2000, 2, 29), "2001-02-28"],
    ["join", D(2001, 5, 20), "2001-06-04"],
    ["piggyback", D(2001, 12, 20), "2002-01-04"],
    ["filing", D(2001, 6, 4), "2001-09-02"],
    ["effectiveness", D(2001, 9, 1), "2001-11-30"],
    ["lockup", D(2001, 9, 1), "2001-11-30"],
    ["postponement", D(2001, 1, 1), "2001-04-01"],
    ["next-postponement", D(2000, 2, 29), "2001-02-28"],
    ["next-demand", D(2000, 8, 31), "2001-02-28"],
    ["next-demand", D(2003, 8, 31), "2004-02-29"],
    ["mail", D(2001, 12, 30), "2002-01-03"],
  ] as const)("%s from %p → %s", (event, date, expected) => {
    expect(isoDate(agreementDate(event, date, DEFAULT_TERMS))).toBe(expected);
  });

  test("every event is covered and unknown events list the valid ones", () => {
    expect(EVENT_NAMES).toEqual([
      "demand-window",
      "join",
      "piggyback",
      "filing",
      "effectiveness",
      "lockup",
      "postponement",
      "next-postponement",
      "next-demand",
      "mail",
    ]);
    expect(parseEvent(" LOCKUP ")).toBe("lockup");
    expect(() => parseEvent("closing")).toThrow(
      'event: unknown event "closing"; expected "demand-window", "join", "piggyback", "filing", "effectiveness", "lockup", "postponement", "next-postponement", "next-demand" or "mail"',
    );
  });

  test("terms move the calendar: a 180-day lockup, five-day mail", () => {
    const nvca = termsWith(NVCA_TERMS.map((t) => ({ name: t.name, value: t.value, where: "nvca" })));
    expect(isoDate(agreementDate("lockup", D(2001, 9, 1), nvca))).toBe("2002-02-28");
    expect(isoDate(agreementDate("mail", D(2001, 12, 30), nvca))).toBe("2002-01-04");
  });
});

describe("RR.TRANSFER.OK and RR.CONSENT", () => {
  test.each([
    [199_999, 1_000_000, false, false, false],
    [200_000, 1_000_000, false, false, true],
    [150_000, 150_000, false, false, true], // all the holder has
    [1, 1_000_000, true, false, true], // Controlled Affiliate
    [1, 1_000_000, false, true, true], // pro rata distribution to partners
  ])("transfer %p of %p (affiliate %p, distribution %p) → %p", (transferred, held, aff, dist, expected) => {
    expect(rightsPassOnTransfer(transferred, held, aff, dist, DEFAULT_TERMS)).toBe(expected);
  });

  test("a lower threshold in the terms changes the answer; transferring more than held is an error", () => {
    expect(
      rightsPassOnTransfer(
        100_000,
        1_000_000,
        false,
        false,
        termsWith([{ name: "transfer_threshold_shares", value: 100_000, where: "t" }]),
      ),
    ).toBe(true);
    expect(() => rightsPassOnTransfer(11, 10, false, false, DEFAULT_TERMS)).toThrow(
      "transferred: 11 is more than the 10 Registrable Securities held",
    );
  });

  test.each([
    [500_000, 1_000_000, false],
    [500_001, 1_000_000, true],
    [1, 1, true],
    [0, 0, false],
  ])("consent %p of %p → %p", (consenting, outstanding, expected) => {
    expect(consentCarries(consenting, outstanding, DEFAULT_TERMS)).toBe(expected);
  });

  test("consenting above outstanding is an error; a two-thirds term changes the answer", () => {
    expect(() => consentCarries(11, 10, DEFAULT_TERMS)).toThrow("consenting: 11 is more than the 10 Registrable Securities outstanding");
    expect(consentCarries(600, 1000, termsWith([{ name: "consent_majority", value: 2 / 3, where: "t" }]))).toBe(false);
  });
});

describe("terms as data", () => {
  test("the CTC 2000 defaults, each with its clause", () => {
    expect(DEFAULT_TERMS).toEqual({
      demand_min_percent: 0.2,
      demand_min_value: 30_000_000,
      demand_majority: 0.5,
      demand_waiting_months: 12,
      max_demands: 3,
      months_between_registrations: 6,
      join_window_days: 15,
      piggyback_window_days: 15,
      filing_deadline_days: 90,
      effectiveness_days: 90,
      lockup_days: 90,
      postponement_days: 90,
      postponement_interval_months: 12,
      shelf_suspension_days: 90,
      transfer_threshold_shares: 200_000,
      mail_notice_days: 4,
      consent_majority: 0.5,
    });
    expect(CTC_2000_TERMS.every((t) => t.clause.length > 20 && t.unit.length > 0)).toBe(true);
  });

  test("the NVCA preset covers the same terms; blanks are filled and marked", () => {
    expect(NVCA_TERMS.map((t) => t.name)).toEqual([...TERM_NAMES]);
    expect(NVCA_TERMS.filter((t) => /blank/.test(t.clause)).map((t) => t.name)).toEqual([
      "demand_min_value",
      "shelf_suspension_days",
      "transfer_threshold_shares",
    ]);
    expect(parsePreset(" NVCA ")).toBe("nvca");
    expect(() => parsePreset("ilpa")).toThrow(/preset: unknown preset "ilpa"; expected "ctc" or "nvca"/);
  });

  test.each([
    [
      [{ name: "lockup", value: 90, where: "terms (row 2)" }],
      /terms \(row 2\): unknown term "lockup"; expected one of "demand_min_percent", .* or "consent_majority"/,
    ],
    [
      [{ name: "lockup_days", value: 90.5, where: "terms (row 2)" }],
      /terms \(row 2\): lockup_days: expected a whole number of days of 0 or more, got 90.5/,
    ],
    [
      [{ name: "demand_min_percent", value: 20, where: "terms (row 1)" }],
      /demand_min_percent: expected a fraction above 0 and at most 1 \(0.2 for 20%\), got 20/,
    ],
    [[{ name: "demand_min_value", value: -1, where: "terms (row 1)" }], /demand_min_value: expected an amount of 0 or more/],
    [
      [
        { name: "max_demands", value: 2, where: "terms (row 1)" },
        { name: "MAX_DEMANDS", value: 1, where: "terms (row 2)" },
      ],
      /terms \(row 2\): the term max_demands is given twice/,
    ],
  ])("bad overrides: %p", (overrides, message) => {
    expect(() => termsWith(overrides)).toThrow(message);
  });
});
