// §5 and RR.TERMS called as Excel calls them.
import * as functions from "../../src/functions/functions";
import { serialFromDate as D } from "../../src/engine/dates";

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
    expect(text).toMatch(
      /^Not OK: \(1\) too early: .*\(2\) not a majority: .*\(3\) no demands left: .*\(4\) too soon after the last registration on 2001-01-01/,
    );
    expect(RR.demandOk(...args, null)).toBe(false);
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
    expect(table).toHaveLength(18);
    expect(table.find((r: unknown[]) => r[0] === "transfer_threshold_shares")).toEqual([
      "transfer_threshold_shares",
      200_000,
      "shares",
      expect.stringMatching(/Assignment of Registration Rights/),
    ]);
    expect(RR.terms([[""]])).toEqual(table);
  });

  // The 17 terms in the order RR.TERMS spills them, written out rather than read from the engine.
  const NAMES = [
    "term",
    "demand_min_percent",
    "demand_min_value",
    "demand_majority",
    "demand_waiting_months",
    "max_demands",
    "months_between_registrations",
    "join_window_days",
    "piggyback_window_days",
    "filing_deadline_days",
    "effectiveness_days",
    "lockup_days",
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
    // NVCA §2.1(d) "[two] registrations", §6.5 "five (5) days", §2.11 180 days (CTC: 3, 4, 90).
    expect([valueOf(nvca, "max_demands"), valueOf(nvca, "mail_notice_days"), valueOf(nvca, "lockup_days")]).toEqual([2, 5, 180]);
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
