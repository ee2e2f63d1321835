// The exact arithmetic in doubles under RR.CUTBACK: products past 2^53 compared exactly, and
// floor(K × r / R) estimated then corrected from the exact remainder. The random properties in
// cutback.test.ts rarely reach the cases that decide these rules (products equal as doubles,
// an estimate one too high or one too low), so they are built here.
import fc from "fast-check";
import { compareProducts, cutback, splitPaths } from "../../src/engine/cutback";
import { referenceCutback } from "../support/referenceCutback";

const SAFE = Number.MAX_SAFE_INTEGER;
const sign = (x: bigint) => (x < 0n ? -1 : x > 0n ? 1 : 0);
const exactSign = (a: number, b: number, c: number, d: number) => sign(BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d));

describe("compareProducts: the sign of a × b − c × d, exactly", () => {
  const x = 2 ** 53 - 4; // x + 3 is 2^53 − 1, the largest safe integer
  test.each([
    // (x + 1)(x − 1) = x² − 1: one below x², and the same double as x² (2^106 apart by 1).
    ["(x + 1)(x − 1) against x²", x + 1, x - 1, x, x, -1],
    ["x² against (x + 1)(x − 1)", x, x, x + 1, x - 1, 1],
    // (x + 3)(x − 3) = x² − 9 against (x + 2)(x − 2) = x² − 4: both round to x².
    ["x² − 9 against x² − 4", x + 3, x - 3, x + 2, x - 2, -1],
    ["x² − 4 against x² − 9", x + 2, x - 2, x + 3, x - 3, 1],
    ["the same product in another order", SAFE, x, x, SAFE, 0],
    ["small products that differ", 3, 5, 2, 7, 1],
    ["small products that are equal", 3, 4, 2, 6, 0],
    ["one product 0", 0, SAFE, 1, 1, -1],
  ])("%s", (_, a, b, c, d, expected) => {
    expect(exactSign(a, b, c, d)).toBe(expected); // the table itself, checked in BigInt
    expect(compareProducts(a, b, c, d)).toBe(expected);
  });

  test("agrees with BigInt on safe integers, near ties included", () => {
    const safe = fc.integer({ min: 0, max: SAFE });
    // (m + i)(m − i) against (m + j)(m − j): differ by j² − i², far below the products' last bit.
    const nearTie = fc
      .tuple(fc.integer({ min: 2 ** 40, max: SAFE - 1000 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }))
      .map(([m, i, j]) => [m + i, m - i, m + j, m - j] as const);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(safe, safe, safe, safe), nearTie), ([a, b, c, d]) => {
        expect(compareProducts(a, b, c, d)).toBe(exactSign(a, b, c, d));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the exact division corrects an estimate rounded the wrong way", () => {
  // Rows [r, R − r] with capacity K, one tier: row 1 gets floor(K × r / R) plus the rounding share
  // if its remainder is the larger.
  test.each([
    // K × r / R = 8,991,156,700,425,589 remainder 6,570,572,286,773,006, but in doubles
    // floor(K × r / R) is ...590, one too high. Row 2: K × (R − r) / R = 14,493,078,418,961
    // remainder 2,436,401,897,987,565. The remainders add up to R, so one share is left over, and it
    // goes to row 1 (the larger remainder): ...590, rounded up.
    ["one too high", 9005649778844551, 8992478974933075, 9006974184760571, [8991156700425590, 14493078418961], [1, 0]],
    // K × r = 7,159,032,156,209,634 × R exactly (built as K = x·z, r = y·w, R = x·y), but the
    // product rounds down in doubles and the estimate is ...633, one too low, with a remainder of
    // exactly R. Both rows divide exactly: no share is left over and none is rounded up.
    ["one too low, on an exact quotient", 7159054686761825, 7159105894022370, 7159128424806625, [7159032156209634, 22530552191], [0, 0]],
  ])("%s", (_, K, r, R, shares, roundedUp) => {
    // The figures above, in BigInt.
    expect(referenceCutback([BigInt(r), BigInt(R - r)], [1, 1], BigInt(K)).map(Number)).toEqual(shares);
    const before = splitPaths.corrections;
    const got = cutback([r, R - r], [1, 1], K);
    expect(got.included).toEqual(shares);
    expect(Array.from(got.roundedUp)).toEqual(roundedUp);
    expect(splitPaths.corrections - before).toBeGreaterThanOrEqual(1);
  });
});
