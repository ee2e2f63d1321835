import fc from "fast-check";
import { serialFromDate as D, isoDate, edate } from "../../src/engine/dates";
import {
  checkDemand,
  describeDemand,
  earlyDemandAllowed,
  shelfEnd,
  shelfSuspensionAllowed,
  agreementDate,
  parseEvent,
  EVENT_NAMES,
  rightsPassOnTransfer,
  consentCarries,
  DemandInput,
} from "../../src/engine/agreement";
import { DEMAND_OK } from "../support/demandInput";
import { DEFAULT_TERMS, NVCA_TERMS, CTC_2000_TERMS, TERM_NAMES, termsWith, parsePreset, Terms } from "../../src/engine/terms";

const closing = D(2000, 3, 15);
const ok: DemandInput = DEMAND_OK;
const check = (changes: Partial<DemandInput>, terms: Terms = DEFAULT_TERMS) => checkDemand({ ...ok, ...changes }, terms);

describe("RR.DEMAND.CHECK conditions, each on both sides of its boundary", () => {
  test("a request that meets everything is OK", () => {
    expect(check({})).toEqual({ ok: true, failures: [], effectOnOrAfter: null });
    expect(describeDemand(check({}), DEFAULT_TERMS)).toBe("OK");
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

  // "Number of Requests; Form": not "more than one (1) registration ... during any six (6) month
  // period" limits registrations effected, not requests: it defers, it never fails the request.
  // Hand-derived: EDATE(2000-07-01, 6) = 2001-01-01; EDATE(2000-08-31, 6) = 2001-02-28 (clamped).
  const SIX = '(at most one registration in six months, "Number of Requests; Form")';
  test.each([
    ["the day before six months", D(2000, 7, 1), D(2000, 12, 31), `OK; effect on or after 2001-01-01 ${SIX}`],
    ["exactly six months (EDATE)", D(2000, 7, 1), D(2001, 1, 1), "OK"],
    ["the day after six months", D(2000, 7, 1), D(2001, 1, 2), "OK"],
    ["the day of the last registration", D(2000, 7, 1), D(2000, 7, 1), `OK; effect on or after 2001-01-01 ${SIX}`],
    ["month end: the day before 2001-02-28", D(2000, 8, 31), D(2001, 2, 27), `OK; effect on or after 2001-02-28 ${SIX}`],
    ["month end: 2000-08-31 + 6 months is 2001-02-28", D(2000, 8, 31), D(2001, 2, 28), "OK"],
    [
      "month end in a leap year: 2003-08-31 + 6 months is 2004-02-29",
      D(2003, 8, 31),
      D(2004, 2, 28),
      `OK; effect on or after 2004-02-29 ${SIX}`,
    ],
    ["a request before the last registration", D(2001, 1, 10), D(2000, 12, 31), `OK; effect on or after 2001-07-10 ${SIX}`],
  ])("six months since the last registration: %s", (_label, lastRegistration, requestDate, text) => {
    const r = check({ requestDate, closingDate: D(1999, 1, 1), lastRegistration });
    expect(r.ok).toBe(true);
    expect(r.failures).toEqual([]);
    expect(describeDemand(r, DEFAULT_TERMS)).toBe(text);
  });

  test("property: the last registration never changes DEMAND.OK; it defers to EDATE(last, 6) exactly when the request is earlier", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: D(1999, 1, 1), max: D(2003, 12, 31) }),
        fc.integer({ min: D(2001, 3, 16), max: D(2004, 12, 31) }),
        (last, requestDate) => {
          const r = check({ requestDate, lastRegistration: last });
          expect(r.ok).toBe(check({ requestDate }).ok);
          const next = edate(last, 6);
          expect(r.effectOnOrAfter).toBe(requestDate < next ? next : null);
        },
      ),
    );
  });

  test("the six-month rule is not listed among failures when the request fails for another reason", () => {
    const r = check({ requestDate: D(2000, 12, 31), closingDate: D(1999, 1, 1), lastRegistration: D(2000, 7, 1), demandsUsed: 3 });
    expect(r.failures).toHaveLength(1);
    expect(r.effectOnOrAfter).toBe(D(2001, 1, 1));
    expect(describeDemand(r, DEFAULT_TERMS)).toMatch(/^Not OK: \(1\) no demands left/);
  });

  test("a months_between_registrations override is worded in the deferral", () => {
    const terms = termsWith([{ name: "months_between_registrations", value: 12, where: "t" }]);
    const r = check({ requestDate: D(2001, 6, 1), closingDate: D(1999, 1, 1), lastRegistration: D(2000, 7, 1) }, terms);
    expect(describeDemand(r, terms)).toBe(
      'OK; effect on or after 2001-07-01 (at most one registration in twelve months, "Number of Requests; Form")',
    );
  });

  test("every failing condition is listed, numbered, each with its clause", () => {
    const r = check({ requestDate: D(2001, 3, 1), requesting: 400_000, requested: 1000, demandsUsed: 3, lastRegistration: D(2001, 1, 1) });
    expect(r.failures).toHaveLength(4);
    const text = describeDemand(r, DEFAULT_TERMS);
    expect(text).toMatch(
      /^Not OK: \(1\) too early: .* \(2\) not a majority: .* \(3\) too small: .* \(4\) no demands left: 3 of 3 demand registrations used \("Number of Requests; Form"\)$/,
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

  test("terms move the calendar: NVCA's 90-day lockup after a registration other than the IPO, five-day mail", () => {
    const nvca = termsWith(NVCA_TERMS.map((t) => ({ name: t.name, value: t.value, where: "nvca" })));
    expect(isoDate(agreementDate("lockup", D(2001, 9, 1), nvca))).toBe("2001-11-30");
    const ipo = termsWith([{ name: "lockup_days", value: nvca.lockup_ipo_days, where: "t" }]);
    expect(isoDate(agreementDate("lockup", D(2001, 9, 1), ipo))).toBe("2002-02-28");
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
      demand_min_base: "requesting",
      demand_min_value: 30_000_000,
      demand_value_net: false,
      demand_majority: 0.5,
      demand_waiting_months: 12,
      max_demands: 3,
      months_between_registrations: 6,
      join_window_days: 15,
      early_demand_days: 15,
      piggyback_window_days: 15,
      filing_deadline_days: 90,
      filing_from: "join-close",
      effectiveness_days: 90,
      lockup_days: 90,
      lockup_ipo_days: 90,
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
      "demand_majority",
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

describe('RR.DEMAND.EARLY: "Registration on Request" (ii)', () => {
  // Closing 2000-03-15: the first anniversary, EDATE(2000-03-15, 12), is 2001-03-15 (by hand).
  const early = (request: number, notice: number | null, terms: Terms = DEFAULT_TERMS) =>
    earlyDemandAllowed(request, closing, notice, terms);

  test.each([
    // Notice 2000-11-20: notice + 15 = 2000-12-05, earlier than the anniversary; the anniversary governs.
    ["the day before the notice", D(2000, 11, 19), D(2000, 11, 20), false],
    ["the day of the notice (thereafter)", D(2000, 11, 20), D(2000, 11, 20), true],
    ["the day after notice + 15, still before the anniversary", D(2000, 12, 6), D(2000, 11, 20), true],
    ["the day before the anniversary", D(2001, 3, 14), D(2000, 11, 20), true],
    ['the anniversary itself ("prior to" excludes it)', D(2001, 3, 15), D(2000, 11, 20), false],
    ["the day after the anniversary", D(2001, 3, 16), D(2000, 11, 20), false],
    // Notice 2001-03-10: notice + 15 = 2001-03-25, later than the anniversary; the 15 days govern.
    ["15 days govern: the anniversary itself", D(2001, 3, 15), D(2001, 3, 10), true],
    ["15 days govern: notice + 14", D(2001, 3, 24), D(2001, 3, 10), true],
    ["15 days govern: notice + 15 (not prior to it)", D(2001, 3, 25), D(2001, 3, 10), false],
    // Notice on 2001-02-28: + 15 = 2001-03-15, the anniversary itself; either way 2001-03-14 is the last day.
    ["both the same day: the day before", D(2001, 3, 14), D(2001, 2, 28), true],
    ["both the same day: that day", D(2001, 3, 15), D(2001, 2, 28), false],
    // A notice given after the twelve months (the sale was within them): 15 days from it.
    ["a late notice: within its 15 days", D(2001, 6, 14), D(2001, 6, 1), true],
    ["a late notice: notice + 15", D(2001, 6, 16), D(2001, 6, 1), false],
    ["no notice", D(2000, 12, 1), null, false],
  ])("%s", (_label, request, notice, allowed) => {
    expect(early(request, notice)).toBe(allowed);
  });

  test("a notice on the Closing is allowed; a notice before the Closing is an error", () => {
    expect(early(closing, closing)).toBe(true);
    expect(() => early(closing, closing - 1)).toThrow(
      'notice_date: 2000-03-14 is before the Closing on 2000-03-15; the Company\'s notice reports a sale made after the Closing ("Registration on Request" (ii))',
    );
  });

  test("the 15 days are the term early_demand_days", () => {
    const terms = termsWith([{ name: "early_demand_days", value: 30, where: "t" }]);
    expect(early(D(2001, 4, 8), D(2001, 3, 10), terms)).toBe(true); // 2001-03-10 + 30 = 2001-04-09
    expect(early(D(2001, 4, 9), D(2001, 3, 10), terms)).toBe(false);
  });

  test("property: within the window exactly when notice ≤ request < max(anniversary, notice + 15)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: -30, max: 800 }), (n, r) => {
        const notice = closing + n;
        const request = notice + r;
        const end = Math.max(D(2001, 3, 15), notice + 15);
        expect(early(request, notice)).toBe(request >= notice && request < end);
      }),
    );
  });
});

describe("shelf registrations: RR.SHELF.END and RR.SHELF.OK", () => {
  // Hand-derived: 2001-01-01 + 90 days = 2001-04-01; + 120 = 2001-05-01; + 180 = 2001-06-30.
  test.each([
    [0, D(2001, 4, 1)],
    [1, D(2001, 4, 2)],
    [30, D(2001, 5, 1)],
    [89, D(2001, 6, 29)],
    [90, D(2001, 6, 30)],
  ])("effective 2001-01-01, suspended %p days → 90 days plus the suspension", (suspended, end) => {
    expect(shelfEnd(D(2001, 1, 1), suspended, DEFAULT_TERMS)).toBe(end);
  });

  test("more suspended days than the 90-day cap is an error, not a longer period", () => {
    expect(() => shelfEnd(D(2001, 1, 1), 91, DEFAULT_TERMS)).toThrow(
      'suspended_days: 91 days is more than the 90 days in total the Company may suspend a shelf ("Postponement and Suspension"); only suspensions within that cap extend the period ("Amendments and Supplements to Registration Statement")',
    );
    expect(() => shelfEnd(D(2001, 1, 1), 1.5, DEFAULT_TERMS)).toThrow(
      /suspended_days: expected a whole number of days, 0 or more, got 1.5/,
    );
    expect(() => shelfEnd(D(2001, 1, 1), -1, DEFAULT_TERMS)).toThrow(/suspended_days: expected a whole number of days/);
  });

  test("terms move both numbers (NVCA keeps a registration effective 120 days)", () => {
    const terms = termsWith([
      { name: "effectiveness_days", value: 120, where: "t" },
      { name: "shelf_suspension_days", value: 30, where: "t" },
    ]);
    expect(shelfEnd(D(2001, 1, 1), 30, terms)).toBe(D(2001, 5, 31));
    expect(() => shelfEnd(D(2001, 1, 1), 31, terms)).toThrow(/31 days is more than the 30 days in total/);
  });

  test.each([
    [0, 0, true],
    [0, 90, true],
    [60, 30, true],
    [60, 29, true],
    [60, 31, false],
    [89, 1, true],
    [90, 0, true],
    [90, 1, false],
    [91, 0, false],
    [0, 91, false],
  ])("used %p days, %p more: within the total of 90 days → %p", (used, fresh, ok) => {
    expect(shelfSuspensionAllowed(used, fresh, DEFAULT_TERMS)).toBe(ok);
  });

  test("days must be whole and not negative", () => {
    expect(() => shelfSuspensionAllowed(-1, 0, DEFAULT_TERMS)).toThrow(/^used_days: expected a whole number of days, 0 or more, got -1$/);
    expect(() => shelfSuspensionAllowed(0, 2.5, DEFAULT_TERMS)).toThrow(/^new_days: expected a whole number of days, 0 or more, got 2.5$/);
  });
});

describe("the demand's size test as the terms measure it", () => {
  const nvca = termsWith(NVCA_TERMS.map((t) => ({ name: t.name, value: t.value, where: "nvca" })));
  // Five years after the Agreement (closing 2000-03-15): EDATE(…, 60) = 2005-03-15, so 2005-03-16 is the first day.
  const late = { requestDate: D(2005, 3, 16) };

  test("NVCA measures 40% against all Registrable Securities outstanding, not the requesting group's", () => {
    // 600,000 of 1,000,000 request; 40% of the requesting group would be 240,000, of all outstanding 400,000.
    // At $25, $15 million net of nothing needs more than 600,000 shares, so the value test does not help.
    expect(check({ ...late, requested: 300_000 }, nvca).failures).toEqual([
      'too small: 300,000 shares requested, fewer than both 40% of the 1,000,000 Registrable Securities outstanding (400,000 shares) and more than $15,000,000 net of selling expenses at $25 a share less a 0% discount (600,001 shares); at least the lesser is needed ("Registration on Request" (i))',
    ]);
    expect(check({ ...late, requested: 399_999 }, nvca).ok).toBe(false);
    expect(check({ ...late, requested: 400_000 }, nvca).ok).toBe(true);
    const requestingBase = termsWith([{ name: "demand_min_base", value: "requesting", where: "t" }], nvca);
    expect(check({ ...late, requested: 240_000 }, requestingBase).ok).toBe(true);
    expect(check({ ...late, requested: 239_999 }, requestingBase).ok).toBe(false);
  });

  test('NVCA: the value is net of the discount and must "exceed" the figure; CTC: gross, "not less than"', () => {
    // $25 less 40% = $15 net a share; $15,000,000 / $15 = 1,000,000 shares exactly: that is not "exceed".
    const big = { ...late, requesting: 1_600_000, outstanding: 3_000_000, price: 25, discount: 0.4 }; // 40% of 3,000,000 = 1,200,000
    expect(check({ ...big, requested: 1_000_000 }, nvca).ok).toBe(false);
    expect(check({ ...big, requested: 1_000_001 }, nvca).ok).toBe(true);
    // Without a discount the same value is gross: $25 × 600,001 > $15 million.
    expect(check({ ...big, discount: null, requested: 600_000 }, nvca).ok).toBe(false);
    expect(check({ ...big, discount: null, requested: 600_001 }, nvca).ok).toBe(true);
    // CTC: $30 million at $30 is 1,000,000 shares; "not less than" admits exactly that, and the discount is ignored.
    const ctc = { requesting: 6_000_000, outstanding: 10_000_000, price: 30, discount: 0.4 }; // 20% of 6,000,000 = 1,200,000
    expect(check({ ...ctc, requested: 1_000_000 }).ok).toBe(true);
    expect(check({ ...ctc, requested: 999_999 }).ok).toBe(false);
  });

  test("a discount must be a fraction below 1", () => {
    expect(() => check({ discount: 1 }, nvca)).toThrow(/^discount: must be less than 1/);
    expect(() => check({ discount: -0.1 }, nvca)).toThrow(/^discount: expected a fraction such as 0.06 for a 6% gross spread of 0 or more/);
  });
});

describe("the NVCA preset follows the 2020 model's text", () => {
  const by = Object.fromEntries(NVCA_TERMS.map((t) => [t.name, t]));
  // Where the model has a bracket the preset picked a value inside it.
  const CHOSEN = {
    demand_min_percent: ["{at least forty percent (40%)}", 0.4],
    demand_min_value: ["$[five (5)- fifteen (15)] million", 15_000_000],
    demand_waiting_months: ["{insert date that is] three (3) - five (5) years}", 60],
    max_demands: ["[one (1) - two (2)] registration[s]", 2],
    months_between_registrations: ["[one hundred eighty (180)] days after the effective date of", 6],
    join_window_days: ["{twenty (20)} days", 20],
    postponement_days: ["[thirty (30) - one hundred twenty (120)] days", 90],
    postponement_interval_months: ["more than [once] in any twelve (12) month period", 12],
    consent_majority: ["[at least a majority]", 0.5],
  } as const;
  // Where the model leaves a blank the preset filled one in and says so.
  const BLANKS = {
    demand_majority: "{Registration.OnDemand.AtLeastShareholdersOf.%}",
    transfer_threshold_shares: "[holds at least [_____] shares",
    shelf_suspension_days: "[_______] days",
  } as const;

  test.each(Object.entries(CHOSEN))("%s: the clause quotes the bracket and the choice", (name, [bracket, value]) => {
    expect(by[name].value).toBe(value);
    expect(by[name].clause).toContain(bracket);
    expect(by[name].clause).toMatch(/bracket in the model; chosen: \S/);
    expect(by[name].clause).toMatch(/\[[^\]]+\]/); // the bracket as the model writes it, square
  });

  test.each(Object.entries(BLANKS))("%s: the clause quotes the blank and what was filled in", (name, blank) => {
    expect(by[name].clause).toContain(blank);
    expect(by[name].clause).toMatch(/blank/);
  });

  test("every other clause quotes words without a bracket and says so, or says the model has no counterpart", () => {
    const rest = NVCA_TERMS.filter((t) => !(t.name in CHOSEN) && !(t.name in BLANKS));
    for (const t of rest) expect([t.name, /\(no bracket\)|no counterpart/.test(t.clause)]).toEqual([t.name, true]);
    // A clause that quotes a bracket always says what was chosen from it (or that it is a blank).
    for (const t of NVCA_TERMS) {
      if (/"[^"]*[[{][^"]*"/.test(t.clause) && !/\(no bracket\)/.test(t.clause)) {
        expect([t.name, /chosen:|blank/.test(t.clause)]).toEqual([t.name, true]);
      }
    }
    for (const t of NVCA_TERMS) expect([t.name, t.clause.startsWith("NVCA 2020 model IRA")]).toEqual([t.name, true]);
  });

  test("the values the model measures differently from CTC", () => {
    expect([by.demand_min_base.value, by.demand_value_net.value, by.filing_from.value]).toEqual(["outstanding", true, "request"]);
    expect([by.filing_deadline_days.value, by.lockup_days.value, by.lockup_ipo_days.value]).toEqual([60, 90, 180]);
    expect([by.effectiveness_days.value, by.piggyback_window_days.value, by.mail_notice_days.value]).toEqual([120, 20, 5]);
    expect(by.transfer_threshold_shares.clause).toMatch(/what the transferee holds after the transfer/);
  });

  test("choice and flag terms are checked by kind", () => {
    expect(termsWith([{ name: "demand_min_base", value: " Outstanding ", where: "t" }]).demand_min_base).toBe("outstanding");
    expect(termsWith([{ name: "demand_value_net", value: 1, where: "t" }]).demand_value_net).toBe(true);
    expect(() => termsWith([{ name: "filing_from", value: "notice", where: "t" }])).toThrow(
      't: filing_from: expected "join-close" or "request", got the text "notice"',
    );
    expect(() => termsWith([{ name: "demand_value_net", value: 2, where: "t" }])).toThrow(
      "t: demand_value_net: expected TRUE or FALSE (or 1 or 0), got 2",
    );
    expect(() => termsWith([{ name: "max_demands", value: "two", where: "t" }])).toThrow(
      't: max_demands: expected a number, got the text "two"',
    );
  });
});
