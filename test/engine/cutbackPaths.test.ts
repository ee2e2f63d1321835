// Which split the cut tier takes. Every path gives the same shares (cutback.test.ts checks them all
// against the BigInt reference), so a broken choice of path changes no answer: only speed. These
// tests pin the choice, so that losing a fast path (decimal weights sent to BigInt, products below
// 2^52 sent to the exact division, an estimate that needs many corrections) fails a test.
import fc from "fast-check";
import { cutback, cutbackChecked, splitPaths } from "../../src/engine/cutback";
import { referenceCutback } from "../support/referenceCutback";

type Path = "fast" | "exact" | "weighted" | "big";

/** The shares, and the one path the call took (the counts are cumulative, so read as a difference). */
function run(requested: number[], capacity: number, weights?: number[], tiers?: number[]): { shares: number[]; path: Path } {
  const before = { ...splitPaths };
  const shares = cutback(requested, tiers ?? requested.map(() => 1), capacity, weights).included;
  const taken = (["fast", "exact", "weighted", "big"] as const).filter((p) => splitPaths[p] !== before[p]);
  expect(taken).toHaveLength(1);
  expect(splitPaths[taken[0]] - before[taken[0]]).toBe(1);
  return { shares, path: taken[0] };
}

const reference = (requested: number[], capacity: number, weights?: bigint[]) =>
  referenceCutback(
    requested.map(BigInt),
    requested.map(() => 1),
    BigInt(capacity),
    weights,
  ).map(Number);

describe("the path of the cut tier", () => {
  test.each([
    // [case, path, requested, capacity, weights (as typed), weights scaled by hand for the reference]
    ["by request, products below 2^52", "fast", [40, 35, 25], 7, undefined, undefined],
    // K × max request = 3 × 10^15 × 2 × 10^15 = 6 × 10^30 ≥ 2^52: the exact division in doubles.
    ["by request, products past 2^52", "exact", [2e15, 1e15, 1], 3e15, undefined, undefined],
    // R = 2^52 alone is enough to leave the fast path.
    ["by request, tier total 2^52", "exact", [2 ** 51, 2 ** 51], 3, undefined, undefined],
    ["whole weights (shares owned)", "weighted", [100, 200, 300], 150, [1_000, 3_000, 2_000], [1_000n, 3_000n, 2_000n]],
    // 0.25, 1.5, 2 over two places: 25, 150, 200.
    ["weights with two decimals", "weighted", [100, 200, 300], 150, [0.25, 1.5, 2], [25n, 150n, 200n]],
    // 30.30303 (five places) and 1: 3,030,303 and 100,000.
    ["weights with five decimals", "weighted", [500, 500], 300, [30.30303, 1], [3_030_303n, 100_000n]],
    // Scaled by 10^7 the whole weight 2^50 passes 2^53: only BigInt holds it.
    ["many decimals beside a large weight", "big", [10, 10], 5, [0.1234567, 2 ** 50], [1_234_567n, 2n ** 50n * 10_000_000n]],
    // String(1e-7) is "1e-7": exponent notation is not scaled in doubles.
    ["a weight in exponent notation", "big", [10, 10], 5, [1e-7, 1], [1n, 10_000_000n]],
    // Whole, but their sum 2^53 + 2 is not safe.
    ["whole weights summing past 2^53 − 1", "big", [10, 10], 5, [2 ** 52 + 1, 2 ** 52 + 1], [2n ** 52n + 1n, 2n ** 52n + 1n]],
    ["one whole weight above 2^53 − 1", "big", [10, 10], 5, [2 ** 54, 1], [2n ** 54n, 1n]],
    // The boundaries of "safe": a sum of exactly 2^53 − 1 stays in doubles, one more does not.
    ["whole weights summing to exactly 2^53 − 1", "weighted", [10, 10], 5, [2 ** 53 - 1001, 1000], [2n ** 53n - 1001n, 1000n]],
    // 900,719,925,474,098.1 and 1 over one place: 9,007,199,254,740,981 + 10 = 2^53 − 1.
    ["decimal weights scaled to exactly 2^53 − 1", "weighted", [10, 10], 5, [900719925474098.1, 1], [9_007_199_254_740_981n, 10n]],
    // With 1.1 instead of 1 the scaled sum is 2^53, though each scaled weight is safe.
    ["decimal weights scaled past 2^53 − 1", "big", [10, 10], 5, [900719925474098.1, 1.1], [9_007_199_254_740_981n, 11n]],
  ] as const)("%s → %s", (_, path, requested, capacity, weights, scaled) => {
    const got = run([...requested], capacity, weights && [...weights]);
    expect(got.path).toBe(path);
    expect(got.shares).toEqual(reference([...requested], capacity, scaled && [...scaled]));
  });

  test("a whole tier or an exact fit splits nothing", () => {
    const before = { ...splitPaths };
    expect(cutback([10, 20, 30], [2, 1, 1], 10).included).toEqual([10, 0, 0]);
    expect(cutback([10, 20], [1, 1], 30).included).toEqual([10, 20]);
    expect(splitPaths).toEqual(before);
  });

  test("RR.CUTBACK's entry point takes the same paths", () => {
    const before = { ...splitPaths };
    cutbackChecked([40, 35, 25], [1, 1, 1], 7);
    cutbackChecked([100, 200, 300], [1, 1, 1], 150, Float64Array.from([0.25, 1.5, 2]));
    cutbackChecked([10, 10], [1, 1], 5, Float64Array.from([0.1234567, 2 ** 50]));
    expect(splitPaths.fast - before.fast).toBe(1);
    expect(splitPaths.weighted - before.weighted).toBe(1);
    expect(splitPaths.big - before.big).toBe(1);
  });

  test("weights with at most six decimals never fall back to BigInt while they and their sum stay safe", () => {
    const weight = fc.integer({ min: 0, max: 10 ** 8 }).chain((units) => fc.constantFrom(units, units / 100, units / 10 ** 6));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), weight), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (rows, share) => {
          const requested = rows.map(([r]) => r);
          const weights = rows.map(([, w]) => w);
          fc.pre(weights.some((w) => w > 0));
          const total = requested.reduce((a, b) => a + b, 0);
          const capacity = Math.floor(total * share);
          fc.pre(capacity < total);
          // 10^8 × 10^6 × 40 < 2^53: scaled to six places every weight and the sum stay safe.
          let path: Path;
          try {
            path = run(requested, capacity, weights).path;
          } catch (problem) {
            // Only when every row with a weight is capped and shares are left: not a path question.
            expect(String(problem)).toMatch(/already gets its full request/);
            return;
          }
          expect(path).toBe("weighted");
        },
      ),
    );
  });
});

describe("the exact division's estimate", () => {
  test("is rarely corrected (at most one row in eight), at every magnitude up to 2^53", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: Math.floor(Number.MAX_SAFE_INTEGER / 64) }), { minLength: 2, maxLength: 64 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (requested, share) => {
          const total = requested.reduce((a, b) => a + b, 0);
          const capacity = Math.floor(total * share);
          fc.pre(capacity > 0 && capacity < total);
          const before = splitPaths.corrections;
          const got = run(requested, capacity);
          // Off by one at most, and rarely: 21 corrections in 10,000 rows of this shape. An estimate
          // rounded the wrong way would correct nearly every row.
          expect(splitPaths.corrections - before).toBeLessThanOrEqual(Math.ceil(requested.length / 8));
          expect(got.shares).toEqual(reference(requested, capacity));
        },
      ),
    );
  });
});
