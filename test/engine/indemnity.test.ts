import fc from "fast-check";
import { indemnityCap, splitByFault, allocateContribution, checkCap, capLeft, bear } from "../../src/engine/indemnity";
import { Money } from "../../src/engine/quantities";

const cents = (m: Money) => m.toFixed(2);

describe("per-holder cap: proceeds after underwriters' discounts and commissions", () => {
  test.each([
    [1_000_000, 20, 0.06, 0, "18800000.00"],
    [1_000_000, 20, 0.06, 0.05, "18750000.00"],
    [333_333, 14.99, 0.065, 0, "4671878.66"], // 4,671,878.66145
    [7, 10.1, 0.07, 0, "65.75"], // 65.751
    [1, 1.005, 0, 0, "1.01"], // half-up on the decimal 1.005; binary floating point gives 1.00
    [3, 0.335, 0, 0, "1.01"],
    [0, 25, 0.07, 0, "0.00"],
    [100, 0, 0, 0, "0.00"],
  ])("%p shares × %p × (1 − %p) − commission %p = %s", (shares, price, discount, commission, expected) => {
    expect(cents(indemnityCap(shares, price, discount, commission))).toBe(expected);
  });

  test.each([
    [[100, 20, 1, 0], /discount: must be less than 1/],
    [[100, 20, 1.5, 0], /discount: must be less than 1/],
    [[100, 20, -0.01, 0], /discount: expected a fraction such as 0.06 for a 6% gross spread of 0 or more/],
    [[100, -20, 0.06, 0], /price: expected a price per share of 0 or more/],
    [[100.5, 20, 0.06, 0], /shares_sold: expected a whole number of shares, got 100.5/],
    [[100, 20, 0.06, -1], /commission_per_share/],
    [[100, 20, 0.5, 11], /commission_per_share: 11 per share is more than the price after the discount/],
  ])("refuses %p", (args, message) => {
    const [s, p, d, c] = args as number[];
    expect(() => indemnityCap(s, p, d, c)).toThrow(message);
  });
});

describe("contribution by relative fault, capped, several liability", () => {
  test.each([
    ["equal thirds: the first row gets the odd cent", 100, [1, 1, 1], ["33.34", "33.33", "33.33"]],
    ["decimal fault weights", 1000, [0.5, 0.3, 0.2], ["500.00", "300.00", "200.00"]],
    ["5 cents among 6: earliest rows", 0.05, [1, 1, 1, 1, 1, 1], ["0.01", "0.01", "0.01", "0.01", "0.01", "0.00"]],
    ["equal remainders: the larger fault gets the cent", 0.04, [1, 3, 4], ["0.00", "0.02", "0.02"]],
    ["the loss is rounded to the cent first", 100.005, [1], ["100.01"]],
    ["zero fault bears nothing", 50, [0, 1], ["0.00", "50.00"]],
  ])("%s", (_label, loss, fault, expected) => {
    expect(splitByFault(loss, fault).map(cents)).toEqual(expected);
  });

  test("caps cut a party's share and the cut is uncovered, not moved to others", () => {
    const r = allocateContribution(100, [1, 1, 1], [10, null, 1000]);
    expect(r.borne.map(cents)).toEqual(["10.00", "33.33", "33.33"]);
    expect(cents(r.uncovered)).toBe("23.34");
  });

  describe("the cap is one aggregate: cap_used comes off it", () => {
    // 100 split 1:1:1 → 33.34, 33.33, 33.33 (the tie's cent to the earlier row), by hand.
    test.each([
      ["nothing used yet", [0, 0, 0], ["10.00", "33.33", "33.33"], "23.34"],
      ["4 used: 6 left", [4, 0, 0], ["6.00", "33.33", "33.33"], "27.34"],
      ["9.99 used: a cent left", [9.99, 0, 0], ["0.01", "33.33", "33.33"], "33.33"],
      ["used exactly the cap: nothing left", [10, 0, 0], ["0.00", "33.33", "33.33"], "33.34"],
      ["used on the uncapped party is ignored", [0, 1e9, 0], ["10.00", "33.33", "33.33"], "23.34"],
      ["used below a large cap", [0, 0, 966.67], ["10.00", "33.33", "33.33"], "23.34"],
      ["used leaves less than the share", [0, 0, 990], ["10.00", "33.33", "10.00"], "46.67"],
    ])("%s", (_label, used, borne, uncovered) => {
      const r = allocateContribution(100, [1, 1, 1], [10, null, 1000], used);
      expect(r.borne.map(cents)).toEqual(borne);
      expect(cents(r.uncovered)).toBe(uncovered);
    });

    test("above the cap, or negative, is an error naming cap_used", () => {
      expect(() => allocateContribution(100, [1, 1, 1], [10, null, 1000], [10.01, 0, 0])).toThrow(
        'cap_used (row 1): $10.01 already borne is more than the cap of $10; the cap is one aggregate for all claims ("shall not in any event exceed")',
      );
      expect(() => allocateContribution(100, [1, 1, 1], [10, null, 1000], [0, 0, -1])).toThrow(
        "cap_used (row 3): expected an amount already borne under the cap of 0 or more, got -1",
      );
      expect(() => allocateContribution(100, [1, 1], [10, 10], [0])).toThrow(/cap_used: has 1 rows but fault has 2/);
    });

    test("cap_used is rounded to the cent before it is compared: 10.004 used of a cap of 10 is the cap", () => {
      expect(capLeft(checkCap(10, "cap"), 10.004, "cap_used")!.toFixed(2)).toBe("0.00");
      expect(() => capLeft(checkCap(10, "cap"), 10.005, "cap_used")).toThrow(
        /cap_used: \$10.01 already borne is more than the cap of \$10/,
      );
    });

    test("property: over two claims a party never bears more than its cap in total", () => {
      fc.assert(
        fc.property(
          money,
          money,
          fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100),
          (loss1, loss2, cap) => {
            const first = allocateContribution(loss1, [1], [cap]).borne[0];
            const second = allocateContribution(loss2, [1], [cap], [first.toNumber()]).borne[0];
            expect(first.plus(second).lte(checkCap(cap, "cap")!)).toBe(true);
          },
        ),
      );
    });
  });

  test("a cap is rounded to the cent first; a cap of 0 bears nothing", () => {
    expect(cents(bear(new Money("33.34"), checkCap(33.335, "cap")))).toBe("33.34");
    expect(cents(bear(new Money("33.34"), checkCap(0, "cap")))).toBe("0.00");
    expect(bear(new Money("33.34"), checkCap(null, "cap")).toFixed(2)).toBe("33.34");
  });

  test("refuses what cannot be split", () => {
    expect(() => splitByFault(100, [0, 0])).toThrow(/fault: the fault weights add up to 0/);
    expect(splitByFault(0, [0, 0]).map(cents)).toEqual(["0.00", "0.00"]);
    expect(() => splitByFault(-1, [1])).toThrow(/loss: expected an amount of 0 or more/);
    expect(() => splitByFault(1, [1, -1])).toThrow(/fault \(row 2\)/);
    expect(() => allocateContribution(1, [1, 1], [1])).toThrow(/cap: has 1 rows but fault has 2/);
    expect(() => checkCap(-5, "cap (row 2)")).toThrow(/cap \(row 2\): expected an amount or "none" of 0 or more/);
  });

  const money = fc.integer({ min: 0, max: 1e11 }).map((c) => c / 100);
  const faults = fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }).map((x) => x / 8),
      ),
      { minLength: 1, maxLength: 25 },
    )
    .filter((f) => f.some((x) => x > 0));

  test("the parts add up to the loss to the cent, each within a cent of its exact share", () => {
    fc.assert(
      fc.property(money, faults, (loss, fault) => {
        const parts = splitByFault(loss, fault);
        const sum = parts.reduce((a, b) => a.plus(b), new Money(0));
        const total = fault.reduce((a, b) => a.plus(b), new Money(0));
        const close = parts.every((p, i) => p.minus(new Money(loss).times(fault[i]).dividedBy(total)).abs().lt("0.01"));
        return sum.eq(new Money(loss)) && close;
      }),
      { numRuns: 400 },
    );
  });

  test("what parties bear plus what is uncovered is the loss; nobody bears more than share or cap", () => {
    fc.assert(
      fc.property(
        money,
        faults.chain((f) =>
          fc.record({ f: fc.constant(f), caps: fc.array(fc.option(money, { nil: null }), { minLength: f.length, maxLength: f.length }) }),
        ),
        (loss, { f, caps }) => {
          const r = allocateContribution(loss, f, caps);
          const borne = r.borne.reduce((a, b) => a.plus(b), new Money(0));
          const within = r.borne.every((b, i) => b.lte(r.shares[i]) && (caps[i] === null || b.lte(new Money(caps[i]!))));
          return borne.plus(r.uncovered).eq(new Money(loss)) && !r.uncovered.isNegative() && within;
        },
      ),
      { numRuns: 400 },
    );
  });
});
