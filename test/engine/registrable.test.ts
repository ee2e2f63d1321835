import fc from "fast-check";
import { registrableShares } from "../../src/engine/registrable";
import Decimal from "decimal.js";

describe("Registrable Securities (definition; cessation (i)–(iii))", () => {
  test.each([
    // common, convertible, ratio, disposed, ceased, expected
    [100, 10, 1.5, 0, false, 115],
    [0, 3, 0.5, 0, false, 1], // 1.5 common on conversion: no fractional share is issued
    [0, 1_000_001, 1.1, 0, false, 1_100_001], // 1.1 exactly, not the binary double
    [0, 3, 0.1, 0, false, 0], // 0.3 floors to 0
    [0, 10, 0.3, 0, false, 3], // 10 × 0.3 is exactly 3, where floating point gives 2.9999…
    [250_000, 1_000_000, 1.0344827586, 0, false, 1_284_482],
    [100, 10, 1.5, 15, false, 100],
    [100, 10, 1.5, 115, false, 0], // everything disposed: cessation (i)/(ii)
    [100, 10, 1.5, 0, true, 0], // cessation (iii)
    [100, 0, 0, 0, false, 100], // no convertible: a blank ratio is fine
  ])("common %p, convertible %p × %p, disposed %p, ceased %p → %p", (common, convertible, ratio, disposed, ceased, expected) => {
    expect(registrableShares({ common, convertible, ratio, disposed, ceased })).toBe(expected);
  });

  test.each([
    [{ common: -1, convertible: 0, ratio: 1 }, /common: shares cannot be negative/],
    [{ common: 1.5, convertible: 0, ratio: 1 }, /common: expected a whole number of shares, got 1.5/],
    [{ common: 0, convertible: 2.5, ratio: 1 }, /convertible: expected a whole number/],
    [{ common: 0, convertible: 10, ratio: 0 }, /ratio: must be greater than 0 when convertible shares are held/],
    [{ common: 0, convertible: 10, ratio: -2 }, /ratio: expected a conversion ratio of 0 or more/],
    [{ common: 10, convertible: 0, ratio: 1, disposed: 11 }, /disposed: 11 is more than the holder's 10/],
    [{ common: 10, convertible: 0, ratio: 1, disposed: -1 }, /disposed: shares cannot be negative/],
    [{ common: 2 ** 53, convertible: 0, ratio: 1 }, /too large to count exactly/],
    [{ common: 2 ** 52, convertible: 2 ** 52, ratio: 1 }, /too large to hold exactly/],
  ])("refuses %p", (input, message) => {
    expect(() => registrableShares(input)).toThrow(message);
  });

  test("the count equals common + floor(convertible × ratio) − disposed, computed in rationals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 100_000 }),
        (common, convertible, num) => {
          // a ratio with three decimals, as a user types it (1.125, 0.333, 2.5 …)
          const ratio = num / 1000;
          const expected = BigInt(common) + (BigInt(convertible) * BigInt(num)) / 1000n;
          return BigInt(registrableShares({ common, convertible, ratio })) === expected;
        },
      ),
    );
  });
});

describe("integer path for ratios with few decimals (fast-check against decimal.js)", () => {
  // The reference: the ratio read as the decimal typed, the product exact in decimal.js, floored.
  const reference = (common: number, convertible: number, ratio: number, disposed: number) => {
    const D = Decimal.clone({ precision: 60 });
    return new D(common)
      .plus(new D(convertible).times(new D(ratio)).floor())
      .minus(disposed)
      .toNumber();
  };
  const ratioArb = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 8 })).map(([n, p]) => n / 10 ** p),
    fc.constantFrom(1, 1.5, 30.30303, 1.1, 0.1, 2 / 3, 1e-7, 123456.789012),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  );
  test("same count as the exact decimal product, for counts up to 2^53", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
        fc.oneof(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 2 ** 40 })),
        ratioArb,
        (common, convertible, ratio) => {
          if (ratio === 0) return true; // refused: convertible shares need a ratio above 0
          const expected = reference(common, convertible, ratio, 0);
          if (!Number.isSafeInteger(expected)) return true; // refused in words on both paths
          return registrableShares({ common, convertible, ratio }) === expected;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
