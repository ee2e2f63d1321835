// §5 and RR.TERMS called as Excel calls them.
import * as functions from "../../src/functions/functions";
import { serialFromDate as D } from "../../src/engine/dates";
import { TERM_NAMES } from "../../src/engine/terms";

const RR = functions as unknown as Record<keyof typeof functions, (...args: unknown[]) => any>;
const col = (...v: unknown[]) => v.map((x) => [x]);
const errorText = (v: unknown) =>
  v instanceof CustomFunctions.Error
    ? `${(v as unknown as { code: string }).code} ${(v as unknown as { message: string }).message}`
    : String(v);

// A demand that meets every condition under the CTC 2000 terms.
const demand = [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, null] as const;

describe("RR.DEMAND.CHECK / RR.DEMAND.OK", () => {
  test("OK, and scalar in, scalar out", () => {
    expect(RR.demandCheck(...demand, null)).toBe("OK");
    expect(RR.demandOk(...demand, null)).toBe(true);
    expect(RR.demandOk(...demand.map((v) => (v === null ? v : [[v]])), null)).toBe(true); // 1×1 ranges
  });

  test("failing conditions are listed with clauses; DEMAND.OK says FALSE", () => {
    const args = [D(2001, 3, 15), D(2000, 3, 15), 500_000, 1_000_000, 200_000, 25, 3, D(2001, 1, 1)];
    const text = RR.demandCheck(...args, null);
    expect(text).toMatch(/^Not OK: \(1\) too early: .*\(2\) not a majority: .*\(3\) no demands left: [^(]*\("Number of Requests; Form"\)$/);
    expect(RR.demandOk(...args, null)).toBe(false);
  });

  test("the six-month rule defers the registration: OK with the date, and DEMAND.OK is TRUE (day before, of and after)", () => {
    // Last registration 2000-12-01: EDATE(2000-12-01, 6) = 2001-06-01, the request's own date.
    const at = (request: number) => [request, ...demand.slice(1, 7), D(2000, 12, 1), null];
    expect(RR.demandCheck(...at(D(2001, 5, 31)))).toBe(
      'OK; effect on or after 2001-06-01 (at most one registration in six months, "Number of Requests; Form")',
    );
    expect(RR.demandOk(...at(D(2001, 5, 31)))).toBe(true);
    expect(RR.demandCheck(...at(D(2001, 6, 1)))).toBe("OK");
    expect(RR.demandCheck(...at(D(2001, 6, 2)))).toBe("OK");
    expect(RR.demandOk(...at(D(2001, 6, 1)))).toBe(true);
  });

  test('a blank last_registration (null, "" or the 0 of a blank desktop cell) means none', () => {
    for (const blank of [null, [[null]], [[""]], [[0]]]) expect(RR.demandCheck(...demand.slice(0, 7), blank, null)).toBe("OK");
  });

  test("a terms override changes the outcome", () => {
    expect(RR.demandCheck(D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 2, null, null)).toBe("OK");
    expect(RR.demandCheck(D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 2, null, [["max_demands", 2]])).toMatch(
      /no demands left: 2 of 2/,
    );
  });

  test("bad input is a #VALUE! naming the argument", () => {
    expect(errorText(RR.demandCheck("2001-06-01", ...demand.slice(1), null))).toMatch(
      /^#VALUE! request_date: expected a date serial, got the text "2001-06-01"/,
    );
    expect(errorText(RR.demandCheck(...demand.slice(0, 2), 1_000_001, ...demand.slice(3), null))).toMatch(
      /^#VALUE! requesting: 1,000,001 is more than/,
    );
    expect(errorText(RR.demandCheck(...demand.slice(0, 5), "$25", ...demand.slice(6), null))).toMatch(
      /^#VALUE! price: expected a price per share/,
    );
    // An empty demands_used reads as a blank cell, that is 0, as Excel desktop passes it.
    // The demand is OK with 0 demands used, so an empty one must be OK too (not compared with the
    // engine's own answer for 0, which would pass whatever both gave).
    expect(RR.demandOk(...demand.slice(0, 6), null, null, null)).toBe(true);
    expect(RR.demandCheck(...demand.slice(0, 6), null, null, null)).toBe("OK");
    expect(errorText(RR.demandCheck(...demand, [["max_demand", 2]]))).toMatch(
      /^#VALUE! terms \(row 1\): unknown term "max_demand"; expected one of/,
    );
  });
});

describe("RR.DEMAND.EARLY", () => {
  const closing = D(2000, 3, 15);
  test('scalar and 1×1 ranges; blank notice (null, 0, "") is FALSE on every host', () => {
    expect(RR.demandEarly(D(2000, 12, 1), closing, D(2000, 11, 20), null)).toBe(true);
    expect(RR.demandEarly([[D(2000, 12, 1)]], [[closing]], [[D(2000, 11, 20)]], null)).toBe(true);
    for (const blank of [null, 0, "", [[null]], [[0]], [[""]]]) expect(RR.demandEarly(D(2000, 12, 1), closing, blank, null)).toBe(false);
  });

  test("15 days after the notice against the anniversary, both sides", () => {
    expect(RR.demandEarly(D(2001, 3, 14), closing, D(2000, 11, 20), null)).toBe(true);
    expect(RR.demandEarly(D(2001, 3, 15), closing, D(2000, 11, 20), null)).toBe(false);
    expect(RR.demandEarly(D(2001, 3, 24), closing, D(2001, 3, 10), null)).toBe(true);
    expect(RR.demandEarly(D(2001, 3, 25), closing, D(2001, 3, 10), null)).toBe(false);
    expect(RR.demandEarly(D(2001, 3, 25), closing, D(2001, 3, 10), [["early_demand_days", 16]])).toBe(true);
  });

  test("bad input is #VALUE! naming it", () => {
    expect(errorText(RR.demandEarly(D(2000, 12, 1), closing, D(2000, 3, 1), null))).toBe(
      '#VALUE! notice_date: 2000-03-01 is before the Closing on 2000-03-15; the Company\'s notice reports a sale made after the Closing ("Registration on Request" (ii))',
    );
    expect(errorText(RR.demandEarly("2000-12-01", closing, D(2000, 11, 20), null))).toMatch(
      /^#VALUE! request_date: expected a date serial/,
    );
    expect(errorText(RR.demandEarly(D(2000, 12, 1), null, D(2000, 11, 20), null))).toBe(
      "#VALUE! closing_date: is blank or 0; expected a date",
    );
    expect(errorText(RR.demandEarly(D(2000, 12, 1), closing, "soon", null))).toMatch(/^#VALUE! notice_date: expected a date serial/);
    expect(errorText(RR.demandEarly(D(2000, 12, 1), closing, D(2000, 11, 20), [["early_days", 16]]))).toMatch(
      /^#VALUE! terms \(row 1\): unknown term "early_days"/,
    );
  });
});

describe("RR.SHELF.END / RR.SHELF.OK", () => {
  test("scalars and 1×1 ranges; blank days are 0 days on every host", () => {
    expect(RR.shelfEnd(D(2001, 1, 1), 30, null)).toBe(D(2001, 5, 1));
    expect(RR.shelfEnd([[D(2001, 1, 1)]], [[30]], null)).toBe(D(2001, 5, 1));
    for (const blank of [null, 0, "", [[null]], [[0]]]) {
      expect(RR.shelfEnd(D(2001, 1, 1), blank, null)).toBe(D(2001, 4, 1));
      expect(RR.shelfOk(blank, 90, null)).toBe(true);
      expect(RR.shelfOk(90, blank, null)).toBe(true);
    }
  });

  test("the 90-day cap exactly, and one day over", () => {
    expect(RR.shelfOk(45, 45, null)).toBe(true);
    expect(RR.shelfOk(45, 46, null)).toBe(false);
    expect(RR.shelfOk(45, 46, [["shelf_suspension_days", 91]])).toBe(true);
    expect(RR.shelfEnd(D(2001, 1, 1), 90, null)).toBe(D(2001, 6, 30));
    expect(errorText(RR.shelfEnd(D(2001, 1, 1), 91, null))).toMatch(/^#VALUE! suspended_days: 91 days is more than the 90 days in total/);
  });

  test("bad input is #VALUE! naming it", () => {
    expect(errorText(RR.shelfEnd(null, 10, null))).toBe("#VALUE! effective_date: is blank or 0; expected a date");
    expect(errorText(RR.shelfEnd(D(2001, 1, 1), "ten", null))).toMatch(
      /^#VALUE! suspended_days: expected a whole number of days, got the text "ten"/,
    );
    expect(errorText(RR.shelfOk(10, -5, null))).toBe("#VALUE! new_days: expected a whole number of days, 0 or more, got -5");
    expect(errorText(RR.shelfOk([[1, 2]], 5, null))).toMatch(/^#VALUE! used_days: expected a single value/);
  });
});

describe("RR.DATE", () => {
  test("per row, event and date broadcast", () => {
    expect(RR.agreementDate(col("demand-window", "next-demand", "mail"), [[D(2000, 8, 31)]], null)).toEqual([
      [D(2001, 8, 31)],
      [D(2001, 2, 28)],
      [D(2000, 9, 4)],
    ]);
    expect(RR.agreementDate([["lockup"]], col(D(2001, 9, 1), D(2001, 1, 1)), [["lockup_days", 180]])).toEqual([
      [D(2002, 2, 28)],
      [D(2001, 6, 30)],
    ]);
  });

  test("unknown events list the valid ones, in their own row; text dates are refused", () => {
    const out = RR.agreementDate(col("join", "closing"), col(D(2001, 1, 1), "2001-01-01"), null);
    expect(out[0][0]).toBe(D(2001, 1, 16));
    expect(errorText(out[1][0])).toMatch(
      /^#VALUE! event \(row 2\): unknown event "closing"; expected "demand-window", "join", .* or "mail"/,
    );
    expect(errorText(RR.agreementDate([["join"]], [["2001-01-01"]], null)[0][0])).toMatch(/^#VALUE! date: expected a date serial/);
  });
});

describe("RR.TRANSFER.OK and RR.CONSENT", () => {
  test("transfers per row", () => {
    expect(
      RR.transferOk(
        col(199_999, 200_000, 50_000, 10),
        col(1_000_000, 1_000_000, 50_000, 1_000_000),
        col(false, false, false, true),
        null,
        null,
      ),
    ).toEqual([[false], [true], [true], [true]]);
    expect(RR.transferOk([[10]], [[1000]], null, [[true]], null)).toEqual([[true]]);
    expect(RR.transferOk([[100_000]], [[1_000_000]], null, null, [["transfer_threshold_shares", 100_000]])).toEqual([[true]]);
    expect(errorText(RR.transferOk(col(11, 5), col(10, 10), null, null, null)[0][0])).toBe(
      "#VALUE! transferred (row 1): 11 is more than the 10 Registrable Securities held",
    );
    expect(errorText(RR.transferOk([[5]], [[10]], [["yes"]], null, null)[0][0])).toMatch(/^#VALUE! to_affiliate: expected TRUE or FALSE/);
  });

  test("consent: more than half", () => {
    expect(RR.consent(500_000, 1_000_000, null)).toBe(false);
    expect(RR.consent(500_001, 1_000_000, null)).toBe(true);
    expect(errorText(RR.consent(2, 1, null))).toBe("#VALUE! consenting: 2 is more than the 1 Registrable Securities outstanding");
  });
});

describe("RR.TERMS and the [terms] argument", () => {
  test("spills term | value | unit | clause with a header, CTC 2000 by default", () => {
    const table = RR.terms(null);
    expect(table[0]).toEqual(["term", "value", "unit", "clause"]);
    expect(table).toHaveLength(1 + TERM_NAMES.length);
    expect(table.find((r: unknown[]) => r[0] === "transfer_threshold_shares")).toEqual([
      "transfer_threshold_shares",
      200_000,
      "shares",
      expect.stringMatching(/Assignment of Registration Rights/),
    ]);
    expect(RR.terms([[""]])).toEqual(table);
  });

  test('RR.DEMAND.CHECK(...; RR.TERMS("nvca")) measures 40% against all outstanding, as the model does', () => {
    const nvca = RR.terms("nvca");
    // After five years; 600,000 of 1,000,000 ask to register 300,000: 50% of theirs, 30% of all. $25 × 300,000 = $7.5 million.
    const args = [D(2005, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 300_000, 25, 0, null];
    expect(RR.demandOk(...args, null, nvca)).toBe(false);
    expect(RR.demandOk(...args, nvca)).toBe(false); // [terms] ninth, as written before [discount]
    expect(RR.demandCheck(...args, null, nvca)).toMatch(
      /^Not OK: \(1\) too small: 300,000 shares requested, fewer than both 40% of the 1,000,000 Registrable Securities outstanding/,
    );
    expect(RR.demandOk(...args, null, null)).toBe(true); // CTC 2000: 20% of the requesting group, 120,000
    // Net of a 6% discount: $15,000,000 / $23.50 = 638,297.87…, so 638,298 shares "would exceed" it.
    const value = [D(2005, 6, 1), D(2000, 3, 15), 900_000, 1_700_000, 638_298, 25, 0, null, 0.06, nvca];
    expect(RR.demandOk(...value)).toBe(true); // 40% of 1,700,000 = 680,000 not reached; the value is
    expect(RR.demandOk(...value.slice(0, 4), 638_297, ...value.slice(5))).toBe(false);
    // A blank discount deducts nothing: $25 × 600,000 is $15 million exactly, which does not exceed it.
    const gross = (requested: number, blank: unknown) => RR.demandOk(...value.slice(0, 4), requested, ...value.slice(5, 8), blank, nvca);
    for (const blank of [null, 0, [[null]], [[0]]]) expect([gross(600_000, blank), gross(600_001, blank)]).toEqual([false, true]);
  });

  // The header and the 22 terms in the order RR.TERMS spills them (formulas.md §5 and §6), written
  // out rather than read from the engine.
  const NAMES = [
    "term",
    "demand_min_percent",
    "demand_min_base",
    "demand_min_value",
    "demand_value_net",
    "demand_majority",
    "demand_waiting_months",
    "max_demands",
    "months_between_registrations",
    "join_window_days",
    "early_demand_days",
    "piggyback_window_days",
    "filing_deadline_days",
    "filing_from",
    "effectiveness_days",
    "lockup_days",
    "lockup_ipo_days",
    "postponement_days",
    "postponement_interval_months",
    "shelf_suspension_days",
    "transfer_threshold_shares",
    "mail_notice_days",
    "consent_majority",
  ];
  const valueOf = (table: unknown[][], name: string) => table.find((r) => r[0] === name)![1];

  test('"nvca" spills the NVCA values for the same terms', () => {
    const nvca = RR.terms("nvca");
    expect(nvca.map((r: unknown[]) => r[0])).toEqual(NAMES);
    // NVCA 2020 "[one (1) - two (2)] registration[s]" (two chosen), notices "five (5) days", the
    // market stand-off 180 days for the IPO and 90 otherwise (CTC: 3, 4, 90).
    expect(["max_demands", "mail_notice_days", "lockup_days", "lockup_ipo_days"].map((n) => valueOf(nvca, n))).toEqual([2, 5, 90, 180]);
    expect(errorText(RR.terms("ilpa")[0][0])).toMatch(/^#VALUE! preset: unknown preset "ilpa"/);
  });

  test.each([["ctc"], [" CTC "], [[["Ctc"]]]])('"ctc" (%p) spills the CTC 2000 values, as a blank preset does', (preset) => {
    const ctc = RR.terms(preset);
    expect(ctc.map((r: unknown[]) => r[0])).toEqual(NAMES);
    // "Number of Requests; Form": three (3) registrations; "Notices": four days; lockup ninety (90) days;
    // "Registration on Request" (i): 20%, $30 million.
    expect(
      ["max_demands", "mail_notice_days", "lockup_days", "demand_min_percent", "demand_min_value"].map((n) => valueOf(ctc, n)),
    ).toEqual([3, 4, 90, 0.2, 30_000_000]);
  });

  test("the spilled table can be passed back as [terms], edited", () => {
    const table = RR.terms(null);
    expect(RR.demandCheck(...demand, table)).toBe("OK");
    const edited = table.map((r: unknown[]) => (r[0] === "demand_waiting_months" ? [r[0], 18, r[2], r[3]] : r));
    expect(RR.demandCheck(...demand, edited)).toMatch(/too early: a demand may be made only after 2001-09-15, 18 months after the Closing/);
    const nvca = RR.terms("nvca");
    expect(RR.agreementDate([["mail"]], [[D(2001, 1, 1)]], nvca)).toEqual([[D(2001, 1, 6)]]);
  });

  test.each([
    [[["lockup_days"]], /^#VALUE! terms: expected a range of at least two columns/],
    [[["lockup", 90]], /^#VALUE! terms \(row 1\): unknown term "lockup"; expected one of/],
    [[["lockup_days", "ninety"]], /^#VALUE! terms \(row 1\): lockup_days: expected a number, got the text "ninety"/],
    // A blank value reads as 0 (as on desktop), and the term's own check decides.
    [[["demand_min_percent", null]], /^#VALUE! terms \(row 1\): demand_min_percent: expected a fraction above 0 and at most 1/],
    [[[0, 90]], /^#VALUE! terms \(row 1\): expected a term name in the first column, got a blank/],
    [[[5, 90]], /^#VALUE! terms \(row 1\): expected a term name in the first column, got 5/],
    [[["demand_majority", 1.5]], /^#VALUE! terms \(row 1\): demand_majority: expected a fraction above 0 and at most 1/],
    [
      [
        ["lockup_days", 30],
        ["lockup_days", 60],
      ],
      /^#VALUE! terms \(row 2\): the term lockup_days is given twice/,
    ],
  ])("bad terms table %p", (terms, message) => {
    expect(errorText(RR.agreementDate([["lockup"]], [[D(2001, 1, 1)]], terms)[0][0])).toMatch(message);
    expect(errorText(RR.consent(1, 2, terms))).toMatch(message);
  });

  test("empty rows in a terms range are skipped", () => {
    expect(
      RR.agreementDate(
        [["lockup"]],
        [[D(2001, 1, 1)]],
        [
          ["lockup_days", 10],
          [null, null],
          ["", ""],
        ],
      ),
    ).toEqual([[D(2001, 1, 11)]]);
  });
});
