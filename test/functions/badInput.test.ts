// Bad input for every parameter of every function: the result is #VALUE! whose message starts
// with that parameter's name (as the contract spells it) and says what was expected.
import * as functions from "../../src/functions/functions";
import { serialFromDate as D } from "../../src/engine/dates";

const RR = functions as unknown as Record<string, (...args: unknown[]) => any>;
const first = (v: unknown): unknown => (Array.isArray(v) ? first(v[0]) : v);

interface Case {
  fn: string;
  valid: unknown[];
  params: string[];
  bad: Record<string, [unknown, RegExp][]>;
}

const weekDates = [D(2024, 4, 15), D(2024, 4, 22), D(2024, 4, 29), D(2024, 5, 6)].map((d) => [d]);
const cases: Case[] = [
  {
    fn: "registrable",
    valid: [[[100]], [[10]], [[1.5]], [[0]], [[false]]],
    params: ["common", "convertible", "ratio", "disposed", "ceased"],
    bad: {
      common: [
        ["abc", /expected a whole number of shares/],
        [-1, /cannot be negative/],
        [1.5, /whole number/],
      ],
      convertible: [
        ["abc", /expected a whole number of shares/],
        [-3, /cannot be negative/],
        [2.5, /whole number/],
      ],
      ratio: [
        ["1:1", /expected a conversion ratio/],
        [-1, /of 0 or more/],
        [0, /greater than 0/],
        [null, /greater than 0/],
      ],
      disposed: [
        ["all", /expected a whole number/],
        [-1, /cannot be negative/],
        [1000, /more than the holder's/],
      ],
      ceased: [
        ["yes", /expected TRUE or FALSE/],
        [2, /expected TRUE or FALSE/],
      ],
    },
  },
  {
    fn: "rule144Volume",
    valid: [1_840_000, [[15_000], [17_200], [19_600], [18_100]], "exchange"],
    params: ["outstanding", "weekly_volumes", "venue"],
    bad: {
      outstanding: [
        ["1.8m", /expected a whole number/],
        [-1, /cannot be negative/],
        [1.5, /whole number/],
        [[[1], [2]], /expected a single value/],
      ],
      weekly_volumes: [
        [[[1], [2], [3]], /exactly four/],
        [[["a"], [2], [3], [4]], /\(value 1\): expected a whole number/],
        [[[1], [-2], [3], [4]], /\(value 2\): shares cannot be negative/],
        [null, /exactly four/],
      ],
      venue: [
        ["nasdaq-gm", /unknown venue "nasdaq-gm"; expected "exchange" or "otc"/],
        [5, /expected "exchange" or "otc"/],
      ],
    },
  },
  {
    fn: "rule144Weekly",
    valid: [weekDates, [[1], [2], [3], [4]], D(2024, 5, 15)],
    params: ["dates", "volumes", "filing_date"],
    bad: {
      dates: [
        [[["Apr 15"], ...weekDates.slice(1)], /\(row 1\): expected a date serial/],
        [[[-4], ...weekDates.slice(1)], /\(row 1\): expected an Excel date serial/],
        [
          [
            [1, 2],
            [3, 4],
          ],
          /2 rows × 2 columns/,
        ],
      ],
      volumes: [
        [[["x"], [2], [3], [4]], /\(row 1\): expected a whole number/],
        [[[1.5], [2], [3], [4]], /\(row 1\): expected a whole number/],
        [[[1], [2]], /has 2 cells but dates has 4/],
      ],
      filing_date: [
        ["2024-05-15", /expected a date serial/],
        [0, /is blank or 0; expected a date/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
      ],
    },
  },
  {
    fn: "rule144HoldEnd",
    valid: [[[D(2007, 12, 1)]], [[true]]],
    params: ["acquired", "reporting"],
    bad: {
      acquired: [
        ["1 Dec 2007", /expected a date serial/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
        [[[null]], /is blank or 0; expected a date/],
        [true, /expected a date/],
      ],
      reporting: [
        ["TRUE", /expected TRUE or FALSE/],
        [0.5, /expected TRUE or FALSE/],
      ],
    },
  },
  ...(["rule144Ceased", "rule144Status"] as const).map((fn) => ({
    fn,
    valid: [[[10_000]], [[false]], [[D(2007, 12, 1)]], [[D(2008, 7, 1)]], [[18_400]], [[true]], [[true]], [[0]], [["Fund A"]]],
    params: ["registrable", "affiliate", "acquired", "as_of", "volume_limit", "reporting", "current_info", "sold_3m", "group"],
    bad: {
      registrable: [
        ["many", /expected a whole number/],
        [-1, /cannot be negative/],
      ] as [unknown, RegExp][],
      affiliate: [["no", /expected TRUE or FALSE/]] as [unknown, RegExp][],
      acquired: [
        ["2007-12-01", /expected a date serial/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
      ] as [unknown, RegExp][],
      as_of: [
        ["today", /expected a date serial/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
      ] as [unknown, RegExp][],
      volume_limit: [
        ["1%", /expected a volume limit in shares/],
        [-5, /of 0 or more/],
      ] as [unknown, RegExp][],
      reporting: [["yes", /expected TRUE or FALSE/]] as [unknown, RegExp][],
      current_info: [["current", /expected TRUE or FALSE/]] as [unknown, RegExp][],
      sold_3m: [
        [-1, /cannot be negative/],
        [2.5, /whole number/],
        ["some", /expected a whole number of shares/],
      ] as [unknown, RegExp][],
      group: [[[[true]], /expected a group label \(text, or blank for none\), got TRUE/]] as [unknown, RegExp][],
    },
  })),
  {
    fn: "rule144CeaseDate",
    valid: [[[10_000]], [[true]], [[D(2007, 12, 1)]], [[18_400]], [[true]], [[true]], [[0]], [["Fund A"]], [[D(2008, 1, 1)]]],
    params: ["registrable", "affiliate", "acquired", "volume_limit", "reporting", "current_info", "sold_3m", "group", "from"],
    bad: {
      registrable: [[-1, /cannot be negative/]],
      affiliate: [["no", /expected TRUE or FALSE/]],
      acquired: [
        ["2007-12-01", /expected a date serial/],
        [null, /is blank or 0; expected a date/],
      ],
      volume_limit: [["1%", /expected a volume limit in shares/]],
      reporting: [["yes", /expected TRUE or FALSE/]],
      current_info: [[2, /expected TRUE or FALSE/]],
      sold_3m: [
        [-1, /cannot be negative/],
        [18_401, /more than the volume limit of 18,400/],
      ],
      group: [[[[false]], /expected a group label/]],
      from: [
        ["2008-01-01", /expected a date serial/],
        [-3, /expected an Excel date serial/],
      ],
    },
  },
  {
    fn: "rule144Windows",
    valid: [[[50_000]], [[18_400]], [[12_000]]],
    params: ["registrable", "volume_limit", "sold_3m"],
    bad: {
      registrable: [
        [1.5, /whole number/],
        ["all", /expected a whole number of shares/],
      ],
      volume_limit: [[-1, /of 0 or more/]],
      sold_3m: [
        [-1, /cannot be negative/],
        [18_401, /more than the volume limit of 18,400/],
      ],
    },
  },
  {
    fn: "rule144Form144",
    valid: [[[5_001]], [[40_000]], [[true]], [[D(2024, 5, 15)]]],
    params: ["shares", "amount", "affiliate", "sale_date"],
    bad: {
      shares: [
        [-1, /cannot be negative/],
        [10.5, /whole number/],
      ],
      amount: [
        [-0.01, /of 0 or more/],
        ["$40,000", /expected an aggregate sale price in dollars/],
      ],
      affiliate: [["yes", /expected TRUE or FALSE/]],
      sale_date: [
        ["2024-05-15", /expected a date serial/],
        [null, /is blank or 0; expected a date/],
      ],
    },
  },
  {
    fn: "priority",
    valid: [[["holder"]], [["demand"]]],
    params: ["role", "offering"],
    bad: {
      role: [
        ["selling-holder", /unknown role "selling-holder"; expected "company", "no-rights", "other", "holder" or "initiating"/],
        [3, /expected a role/],
        [null, /is blank/],
        [0, /is blank/],
      ],
      offering: [
        ["ipo", /unknown offering "ipo"; expected "demand", "company" or "other-demand"/],
        [[[""]], /is blank/],
        [null, /is blank/],
        [0, /is blank/],
      ],
    },
  },
  {
    fn: "cutback",
    valid: [[[40], [35], [25]], [[1]], 7, [[1], [1], [1]]],
    params: ["requested", "priority", "capacity", "weights"],
    bad: {
      requested: [
        [[["40"], [35], [25]], /\(row 1\): expected a whole number/],
        [[[-40], [35], [25]], /\(row 1\): shares cannot be negative/],
      ],
      priority: [
        [[[0]], /expected a tier, a whole number of 1 or more/],
        [[["high"]], /expected a tier/],
        [[[1.5]], /expected a tier/],
        [null, /expected a tier/],
      ],
      capacity: [
        ["7 million", /expected a whole number/],
        [-7, /cannot be negative/],
        [7.5, /whole number/],
      ],
      weights: [
        [[[-1], [1], [1]], /\(row 1\): expected a weight of 0 or more/],
        [[["owned"], [1], [1]], /\(row 1\): expected a weight/],
        [[[1], [1]], /has 2 cells but requested has 3/],
      ],
    },
  },
  {
    fn: "indemnityCap",
    valid: [[[1000]], [[20]], [[0.06]], [[0.05]]],
    params: ["shares_sold", "price", "discount", "commission_per_share"],
    bad: {
      shares_sold: [
        ["1k", /expected a whole number/],
        [10.5, /whole number/],
        [-1, /cannot be negative/],
      ],
      price: [
        ["$20", /expected a price per share/],
        [-20, /of 0 or more/],
      ],
      discount: [
        ["6%", /expected a fraction such as 0.06/],
        [1, /must be less than 1/],
        [-0.06, /of 0 or more/],
      ],
      commission_per_share: [
        ["5c", /expected an amount per share/],
        [-0.05, /of 0 or more/],
        [100, /more than the price after the discount/],
      ],
    },
  },
  ...(["indemnityAllocate", "indemnityUncovered"] as const).map((fn) => ({
    fn,
    valid: [100, [[1], [1]], [["none"], [10]]],
    params: ["loss", "fault", "cap"],
    bad: {
      loss: [
        ["$100", /expected an amount/],
        [-100, /of 0 or more/],
      ] as [unknown, RegExp][],
      fault: [
        [[["half"], [1]], /\(row 1\): expected a relative fault weight/],
        [[[-1], [1]], /\(row 1\): expected a relative fault weight of 0 or more/],
        [[[0], [0]], /add up to 0/],
      ] as [unknown, RegExp][],
      cap: [
        [[["unlimited"], [10]], /\(row 1\): expected an amount, or the text "none"/],
        [[[-1], [10]], /\(row 1\): expected an amount or "none" of 0 or more/],
        [[[1], [2], [3]], /has 3 cells but fault has 2/],
      ] as [unknown, RegExp][],
    },
  })),
  ...(["demandCheck", "demandOk"] as const).map((fn) => ({
    fn,
    valid: [D(2001, 6, 1), D(2000, 3, 15), 600_000, 1_000_000, 200_000, 25, 0, D(2000, 6, 1), 0.06, [["max_demands", 3]]],
    params: [
      "request_date",
      "closing_date",
      "requesting",
      "outstanding",
      "requested",
      "price",
      "demands_used",
      "last_registration",
      "discount",
      "terms",
    ],
    bad: {
      request_date: [
        ["June 1", /expected a date serial/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
      ] as [unknown, RegExp][],
      closing_date: [
        ["2000-03-15", /expected a date serial/],
        [-1, /expected an Excel date serial/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
      ] as [unknown, RegExp][],
      requesting: [
        ["most", /expected a whole number/],
        [2_000_000, /more than the 1,000,000 Registrable Securities outstanding/],
      ] as [unknown, RegExp][],
      outstanding: [
        ["1m", /expected a whole number/],
        [-1, /cannot be negative/],
      ] as [unknown, RegExp][],
      requested: [
        ["20%", /expected a whole number/],
        [700_000, /more than the 600,000/],
      ] as [unknown, RegExp][],
      price: [
        ["$25", /expected a price per share/],
        [0, /must be greater than 0/],
        [-25, /of 0 or more/],
        [null, /must be greater than 0/],
      ] as [unknown, RegExp][],
      demands_used: [
        ["none", /expected a whole number of demands/],
        [0.5, /whole number/],
      ] as [unknown, RegExp][],
      last_registration: [
        ["last June", /expected a date serial/],
        [true, /expected a date/],
      ] as [unknown, RegExp][],
      discount: [
        ["6%", /expected a fraction such as 0.06/],
        [1, /must be less than 1/],
        [-0.06, /of 0 or more/],
        [[[0.06], [0.07]], /expected a single value/],
      ] as [unknown, RegExp][],
      terms: [
        [[["demand_waiting", 12]], /\(row 1\): unknown term "demand_waiting"/],
        [[["demand_min_base", "held"]], /\(row 1\): demand_min_base: expected "requesting" or "outstanding", got the text "held"/],
        [[["demand_min_base", 0]], /\(row 1\): demand_min_base: is blank; expected "requesting" or "outstanding"/],
        [[["filing_from", 1]], /\(row 1\): filing_from: expected "join-close" or "request", got 1/],
        [[["demand_value_net", "yes"]], /\(row 1\): demand_value_net: expected TRUE or FALSE \(or 1 or 0\), got the text "yes"/],
        [[["lockup_ipo_days", 1.5]], /\(row 1\): lockup_ipo_days: expected a whole number of days of 0 or more, got 1.5/],
        [[["max_demands", "three"]], /max_demands: expected a number/],
        [[["max_demands"]], /at least two columns/],
      ] as [unknown, RegExp][],
    },
  })),
  {
    fn: "agreementDate",
    valid: [[["lockup"]], [[D(2001, 1, 1)]], [["lockup_days", 90]]],
    params: ["event", "date", "terms"],
    bad: {
      event: [
        ["closing", /unknown event "closing"; expected "demand-window"/],
        [[[null]], /is blank; expected an event/],
        [7, /expected an event/],
        [null, /is blank/],
        [0, /is blank/],
      ],
      date: [
        ["2001-01-01", /expected a date serial/],
        [[[null]], /is blank or 0; expected a date/],
        [null, /is blank or 0; expected a date/],
        [0, /is blank/],
      ],
      terms: [
        [[["lockup_days", -1]], /lockup_days: expected a whole number of days of 0 or more/],
        [[["lockups", 1]], /unknown term "lockups"/],
      ],
    },
  },
  {
    fn: "transferOk",
    valid: [[[200_000]], [[1_000_000]], [[false]], [[false]], null],
    params: ["transferred", "held", "to_affiliate", "pro_rata_distribution", "terms"],
    bad: {
      transferred: [
        ["all", /expected a whole number/],
        [2_000_000, /more than the 1,000,000 Registrable Securities held/],
      ],
      held: [
        ["1m", /expected a whole number/],
        [-5, /cannot be negative/],
      ],
      to_affiliate: [["yes", /expected TRUE or FALSE/]],
      pro_rata_distribution: [[2, /expected TRUE or FALSE/]],
      terms: [[[["transfer_threshold_shares", 1.5]], /transfer_threshold_shares: expected a whole number of shares/]],
    },
  },
  {
    fn: "consent",
    valid: [600, 1000, null],
    params: ["consenting", "outstanding", "terms"],
    bad: {
      consenting: [
        ["600", /expected a whole number/],
        [1001, /more than the 1,000 Registrable Securities outstanding/],
      ],
      outstanding: [
        ["1k", /expected a whole number/],
        [-1, /cannot be negative/],
      ],
      terms: [[[["consent_majority", 0]], /consent_majority: expected a fraction above 0/]],
    },
  },
  {
    fn: "terms",
    valid: ["nvca"],
    params: ["preset"],
    bad: {
      preset: [
        ["ilpa", /unknown preset "ilpa"/],
        [3, /expected "nvca"/],
        [[["a", "b"]], /expected a single value/],
      ],
    },
  },
];

describe.each(cases)("RR $fn", ({ fn, valid, params, bad }) => {
  test("the valid call gives no error", () => {
    const out = RR[fn](...valid);
    expect(first(out)).not.toBeInstanceOf(CustomFunctions.Error);
  });

  test("every parameter has bad-input cases", () => {
    expect(Object.keys(bad).sort()).toEqual([...params].sort());
  });

  const rows = params.flatMap((param, index) => (bad[param] ?? []).map(([value, message]) => ({ param, index, value, message })));
  test.each(rows)("$param = $value", ({ param, index, value, message }) => {
    const args = valid.slice();
    args[index] = value;
    const out = first(RR[fn](...args)) as { code: string; message: string };
    expect(out).toBeInstanceOf(CustomFunctions.Error);
    expect(out.code).toBe("#VALUE!");
    expect(out.message.startsWith(param)).toBe(true);
    expect(out.message).toMatch(message);
  });
});
