import fc from "fast-check";
import { cutback, cutbackChecked, priorityTier, parseRole, parseOffering, ROLES, OFFERINGS } from "../../src/engine/cutback";
import { referenceCutback } from "../support/referenceCutback";

const one = (requested: number[], tiers: number[] | number, capacity: number, weights?: number[]) =>
  cutback(requested, Array.isArray(tiers) ? tiers : requested.map(() => tiers), capacity, weights).included;

describe("priority tiers (the three cutback clauses)", () => {
  test.each([
    ["demand", [1, 1, 2, 3, 3]],
    ["company", [2, 1, 1, 1, 1]],
    ["other-demand", [1, 1, 2, 2, 3]],
  ] as const)("%s: company, no-rights, other, holder, initiating → %p", (offering, tiers) => {
    expect(ROLES.map((role) => priorityTier(role, offering))).toEqual(tiers);
  });

  test("words are case-insensitive and unknown words list the valid ones", () => {
    expect(parseRole(" Initiating ")).toBe("initiating");
    expect(parseOffering("OTHER-DEMAND")).toBe("other-demand");
    expect(() => parseRole("founder")).toThrow(
      'role: unknown role "founder"; expected "company", "no-rights", "other", "holder" or "initiating"',
    );
    expect(() => parseOffering("ipo")).toThrow('offering: unknown offering "ipo"; expected "demand", "company" or "other-demand"');
    expect(OFFERINGS).toHaveLength(3);
  });
});

describe("cutback examples", () => {
  test.each([
    ["7 over [40, 35, 25] by largest remainder (dinero.js would give [3, 3, 1])", [40, 35, 25], 1, 7, [3, 2, 2]],
    ["everything fits", [40, 35, 25], 1, 100, [40, 35, 25]],
    ["capacity above the total", [40, 35, 25], 1, 1000, [40, 35, 25]],
    ["capacity 0", [40, 35, 25], 1, 0, [0, 0, 0]],
    ["equal requests tie: the earlier rows get the extra shares", [10, 10, 10], 1, 20, [7, 7, 6]],
    ["equal remainders: the larger request gets the share", [1, 3, 4], 1, 4, [0, 2, 2]],
    ["zero requests take no part", [0, 50, 0, 50], 1, 51, [0, 26, 0, 25]],
  ])("%s", (_label, requested, tier, capacity, expected) => {
    expect(one(requested, tier, capacity)).toEqual(expected);
  });

  // A Holder demand: company 500 and no-rights 300 (tier 1), other 400 (tier 2), holder 1,000 and
  // initiating 2,000 (tier 3).
  const demand = { requested: [500, 300, 400, 1000, 2000], tiers: [1, 1, 2, 3, 3] };
  test.each([
    [3600, [125, 75, 400, 1000, 2000]], // 200 left for tier 1, pro rata 500 : 300
    [3400, [0, 0, 400, 1000, 2000]], // 3,400 − 3,000 = 400 left: tier 2 exactly fits
    [3200, [0, 0, 200, 1000, 2000]],
    [3000, [0, 0, 0, 1000, 2000]],
    [2999, [0, 0, 0, 1000, 1999]], // 999.67 + 1999.33: floors 999 + 1999, the .67 gets the share
    [1500, [0, 0, 0, 500, 1000]],
    [4000, [375, 225, 400, 1000, 2000]],
    [4200, [500, 300, 400, 1000, 2000]],
  ])("demand, capacity %p → %p", (capacity, expected) => {
    expect(one(demand.requested, demand.tiers, capacity)).toEqual(expected);
  });

  test("tier summary says which tier was cut and by how much", () => {
    const { tiers } = cutback(demand.requested, demand.tiers, 3200);
    expect(tiers).toEqual([
      { tier: 3, requested: 3000, included: 3000, status: "included" },
      { tier: 2, requested: 400, included: 200, status: "cut" },
      { tier: 1, requested: 800, included: 0, status: "excluded" },
    ]);
  });

  test("weights: pro rata by shares owned, capped at each request, surplus re-split", () => {
    expect(one([100, 100, 100], 1, 200, [1, 1, 2])).toEqual([50, 50, 100]);
    expect(one([30, 100, 100], 1, 200, [1, 1, 2])).toEqual([30, 70, 100]);
    expect(one([30, 100, 100], 1, 200, [0.25, 0.25, 0.5])).toEqual([30, 70, 100]);
    expect(() => one([30, 100], 1, 100, [1, 0])).toThrow(
      /weights: tier 1 has 70 shares left .* every row with a weight above 0 already gets its full request/,
    );
  });

  test("bad input names the argument and row", () => {
    expect(() => one([10, -1], 1, 5)).toThrow("requested (row 2): shares cannot be negative, got -1");
    expect(() => one([10, 2.5], 1, 5)).toThrow("requested (row 2): expected a whole number of shares, got 2.5");
    expect(() => one([10, 2], [1, 0], 5)).toThrow(/priority \(row 2\): expected a tier, a whole number of 1 or more, got 0/);
    expect(() => one([10, 2], 1, -5)).toThrow(/capacity: shares cannot be negative/);
    expect(() => one([10, 2], 1, 5, [1, -1])).toThrow(/weights \(row 2\)/);
    expect(() => cutback([1, 2], [1], 5)).toThrow(/priority: has 1 rows but requested has 2/);
  });
});

// ---- properties --------------------------------------------------------------------------------

const rowsArb = (maxShares: number) =>
  fc.array(fc.record({ requested: fc.integer({ min: 0, max: maxShares }), tier: fc.integer({ min: 1, max: 4 }) }), {
    minLength: 1,
    maxLength: 40,
  });

const scenario = (maxShares: number) =>
  rowsArb(maxShares).chain((rows) => {
    const total = rows.reduce((a, r) => a + r.requested, 0);
    return fc.record({ rows: fc.constant(rows), capacity: fc.integer({ min: 0, max: Math.min(total + 10, Number.MAX_SAFE_INTEGER) }) });
  });

function run(rows: { requested: number; tier: number }[], capacity: number) {
  return cutback(
    rows.map((r) => r.requested),
    rows.map((r) => r.tier),
    capacity,
  ).included;
}

describe("cutback invariants (fast-check)", () => {
  test("the total is exactly min(capacity, total requested); no row above its request", () => {
    fc.assert(
      fc.property(scenario(1_000_000), ({ rows, capacity }) => {
        const got = run(rows, capacity);
        const total = rows.reduce((a, r) => a + r.requested, 0);
        return (
          got.reduce((a, b) => a + b, 0) === Math.min(capacity, total) &&
          got.every((g, i) => Number.isInteger(g) && g >= 0 && g <= rows[i].requested)
        );
      }),
      { numRuns: 500 },
    );
  });

  test("no tier is cut while a lower tier keeps a share", () => {
    fc.assert(
      fc.property(scenario(10_000), ({ rows, capacity }) => {
        const got = run(rows, capacity);
        const lowestCut = Math.max(0, ...rows.filter((r, i) => got[i] < r.requested).map((r) => r.tier));
        return rows.every((r, i) => r.tier >= lowestCut || got[i] === 0);
      }),
      { numRuns: 500 },
    );
  });

  test("pro rata within the cut tier, within one share", () => {
    fc.assert(
      fc.property(scenario(1_000_000), ({ rows, capacity }) => {
        const { included, tiers } = cutback(
          rows.map((r) => r.requested),
          rows.map((r) => r.tier),
          capacity,
        );
        const cut = tiers.find((t) => t.status === "cut");
        if (!cut) return true;
        return rows.every((r, i) => r.tier !== cut.tier || Math.abs(included[i] - (cut.included * r.requested) / cut.requested) < 1);
      }),
      { numRuns: 500 },
    );
  });

  test("permuting rows permutes results, except among rows tied on tier and request", () => {
    fc.assert(
      fc.property(
        scenario(1000).chain((s) =>
          fc.record({
            s: fc.constant(s),
            order: fc.shuffledSubarray([...s.rows.keys()], { minLength: s.rows.length, maxLength: s.rows.length }),
          }),
        ),
        ({ s, order }) => {
          const before = run(s.rows, s.capacity);
          const after = run(
            order.map((i) => s.rows[i]),
            s.capacity,
          );
          const groups = new Map<string, { before: number[]; after: number[] }>();
          order.forEach((orig, pos) => {
            const key = `${s.rows[orig].tier}/${s.rows[orig].requested}`;
            const g = groups.get(key) ?? { before: [], after: [] };
            g.before.push(before[orig]);
            g.after.push(after[pos]);
            groups.set(key, g);
          });
          return [...groups.values()].every((g) => g.before.sort().join() === g.after.sort().join());
        },
      ),
      { numRuns: 300 },
    );
  });

  test("agrees with the reference implementation: small counts (fast path)", () => {
    fc.assert(
      fc.property(scenario(5000), ({ rows, capacity }) => {
        const ref = referenceCutback(
          rows.map((r) => BigInt(r.requested)),
          rows.map((r) => r.tier),
          BigInt(capacity),
        );
        return run(rows, capacity).join() === ref.join();
      }),
      { numRuns: 500 },
    );
  });

  test("agrees with the reference implementation: counts whose products pass 2^53 (exact path)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ requested: fc.integer({ min: 2 ** 40, max: 2 ** 44 }), tier: fc.integer({ min: 1, max: 3 }) }), {
          minLength: 2,
          maxLength: 30,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, f) => {
          const total = rows.reduce((a, r) => a + r.requested, 0);
          const capacity = Math.floor(total * f);
          const ref = referenceCutback(
            rows.map((r) => BigInt(r.requested)),
            rows.map((r) => r.tier),
            BigInt(capacity),
          );
          const got = run(rows, capacity);
          return got.join() === ref.join() && got.reduce((a, b) => a + b, 0) === Math.min(capacity, total);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("agrees with the reference implementation with weights; weighted rows never exceed their request", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            requested: fc.integer({ min: 0, max: 5000 }),
            tier: fc.integer({ min: 1, max: 3 }),
            weight: fc.integer({ min: 1, max: 10_000 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.double({ min: 0, max: 1.1, noNaN: true }),
        (rows, f) => {
          const total = rows.reduce((a, r) => a + r.requested, 0);
          const capacity = Math.floor(total * f);
          const got = cutback(
            rows.map((r) => r.requested),
            rows.map((r) => r.tier),
            capacity,
            rows.map((r) => r.weight),
          ).included;
          const ref = referenceCutback(
            rows.map((r) => BigInt(r.requested)),
            rows.map((r) => r.tier),
            BigInt(capacity),
            rows.map((r) => BigInt(r.weight)),
          );
          return (
            got.join() === ref.join() &&
            got.every((g, i) => g <= rows[i].requested) &&
            got.reduce((a, b) => a + b, 0) === Math.min(capacity, total)
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  test("large inputs: quickselect gives the same answer as the reference", () => {
    const n = 20_000;
    const requested = Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) + 1);
    const tiers = requested.map((_, i) => (i % 3) + 1);
    const total = requested.reduce((a, b) => a + b, 0);
    const capacity = Math.floor(total * 0.8);
    const ref = referenceCutback(requested.map(BigInt), tiers, BigInt(capacity));
    expect(cutback(requested, tiers, capacity).included.join()).toBe(ref.join());
  });
});

// ---- the exact split in doubles, against the BigInt reference ------------------------------------
// Products capacity × request (or × weight) reach 2^106 here; the engine divides them in doubles
// with an error-free product, the reference in BigInt. Answers must be the same, share for share.

const MAX = Number.MAX_SAFE_INTEGER;

/** Request sizes up to a magnitude chosen per case, so that the tier totals stay below 2^53. */
const magnitude = (rows: number) =>
  fc.constantFrom(1000, 100_000, 2_000_000, 1e9, 2 ** 40, Math.floor(MAX / rows)).map((top) => Math.min(top, Math.floor(MAX / rows)));

const wideCase = (withWeights: "none" | "whole" | "decimal") =>
  fc.integer({ min: 1, max: 40 }).chain((len) =>
    fc.tuple(magnitude(len), magnitude(len), fc.integer({ min: 0, max: 4 })).chain(([top, wTop, places]) =>
      fc.record({
        rows: fc.array(
          fc.record({
            requested: fc.oneof(fc.integer({ min: 0, max: top }), fc.integer({ min: Math.max(0, top - 3), max: top })),
            tier: fc.integer({ min: 1, max: 3 }),
            // An integer weight; for "decimal" it is read as weight / 10^places.
            weight: fc.oneof(fc.integer({ min: 0, max: wTop }), fc.integer({ min: 1, max: 10 })),
          }),
          { minLength: len, maxLength: len },
        ),
        places: fc.constant(withWeights === "decimal" ? places : 0),
        f: fc.oneof(fc.double({ min: 0, max: 1.05, noNaN: true }), fc.constantFrom(0.999999999, 1e-12)),
        withWeights: fc.constant(withWeights),
      }),
    ),
  );

function agreesWithReference({
  rows,
  places,
  f,
  withWeights,
}: {
  rows: { requested: number; tier: number; weight: number }[];
  places: number;
  f: number;
  withWeights: "none" | "whole" | "decimal";
}): boolean {
  const total = rows.reduce((a, r) => a + r.requested, 0);
  const capacity = Math.min(MAX, Math.floor(total * f));
  const weights = withWeights === "none" ? undefined : rows.map((r) => r.weight / 10 ** places);
  let ref: bigint[] | "unsplittable";
  try {
    ref = referenceCutback(
      rows.map((r) => BigInt(r.requested)),
      rows.map((r) => r.tier),
      BigInt(capacity),
      withWeights === "none" ? undefined : rows.map((r) => BigInt(r.weight)),
    );
  } catch {
    ref = "unsplittable";
  }
  let got: number[] | "unsplittable";
  try {
    got = cutback(
      rows.map((r) => r.requested),
      rows.map((r) => r.tier),
      capacity,
      weights,
    ).included;
  } catch (problem) {
    if (!(problem instanceof Error) || !/every row with a weight above 0 already gets its full request/.test(problem.message))
      throw problem;
    got = "unsplittable";
  }
  if (ref === "unsplittable" || got === "unsplittable") return ref === got;
  // RR.CUTBACK's path: typed arrays, no checks, the shares written over the weights.
  const checked = cutbackChecked(
    Float64Array.from(rows, (r) => r.requested),
    Float64Array.from(rows, (r) => r.tier),
    capacity,
    weights && Float64Array.from(weights),
  ).subarray(0, rows.length);
  return got.join() === ref.join() && Array.from(checked).join() === ref.join();
}

describe("exact split in doubles agrees with the BigInt reference (fast-check)", () => {
  test.each([["none"], ["whole"], ["decimal"]] as const)("weights: %s; requests up to 2^53 / rows, tiers 1–3", (withWeights) => {
    fc.assert(fc.property(wideCase(withWeights), agreesWithReference), { numRuns: 1500 });
  });

  test("tier totals just below 2^53 and capacity one share short", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 2 ** 20 }),
        fc.integer({ min: 1, max: 5 }),
        (len, slack, short) => {
          const each = Math.floor((MAX - slack) / len);
          const rows = Array.from({ length: len }, (_, i) => ({ requested: each - i, tier: 1, weight: each - 2 * i }));
          const total = rows.reduce((a, r) => a + r.requested, 0);
          const f = (total - short) / total;
          return (
            agreesWithReference({ rows, places: 0, f, withWeights: "none" }) &&
            agreesWithReference({ rows, places: 0, f, withWeights: "whole" })
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test("ratios request / weight that tie in doubles but not exactly", () => {
    // (k + y + c) / (k + y) = 1 + c / (k + y): for k = 2^46 rows with the same c and different y
    // differ by about c·Δy / k², far below a double's resolution, yet are not equal.
    const k = 2 ** 46;
    fc.assert(
      fc.property(
        fc.array(fc.record({ y: fc.integer({ min: 0, max: 1000 }), c: fc.integer({ min: -1, max: 1 }) }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 0, max: 2 ** 12 }),
        (base, short) => {
          const rows = base.map(({ y, c }) => ({ requested: k + y + c, tier: 1, weight: k + y }));
          const total = rows.reduce((a, r) => a + r.requested, 0);
          return agreesWithReference({ rows, places: 0, f: (total - short) / total, withWeights: "whole" });
        },
      ),
      { numRuns: 500 },
    );
  });

  test("many rows capped by the water level: the threshold search against the reference", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.double({ min: 0.05, max: 0.99, noNaN: true }), (seed, f) => {
        let s = seed;
        const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const rows = Array.from({ length: 600 }, () => ({
          requested: 1 + Math.floor(next() * (next() < 0.5 ? 1000 : 2e9)),
          tier: 1 + Math.floor(next() * 2),
          weight: Math.floor(next() * (next() < 0.3 ? 10 : 1e9)),
        }));
        return agreesWithReference({ rows, places: 0, f, withWeights: "whole" });
      }),
      { numRuns: 60 },
    );
  });

  test("weights that do not scale to integers below 2^53 take the BigInt path, same answers", () => {
    // 13 decimals next to a weight of 10^9: the common power of ten takes them past 2^53.
    const requested = [500, 300, 200, 1000];
    const weights = [0.1234567891234, 1e9, 2.5, 1e-7];
    const scaled = [1234567891234n, 10n ** 22n, 25n * 10n ** 12n, 10n ** 6n];
    for (const capacity of [0, 1, 999, 1500, 1999]) {
      const ref = referenceCutback(requested.map(BigInt), [1, 1, 1, 1], BigInt(capacity), scaled);
      expect(one(requested, 1, capacity, weights)).toEqual(ref.map(Number));
    }
  });

  test.each([
    // [requested, capacity, weights?]
    [[MAX - 1, 1], MAX - 1, undefined],
    [[MAX - 2, 1, 1], MAX - 2, undefined],
    [[2 ** 52 + 1, 2 ** 52 - 3], 2 ** 53 - 5, undefined],
    [[3, 2 ** 52, 2 ** 52 - 4], 2 ** 52 + 7, undefined],
    [[2 ** 52, 2 ** 52 - 1], 2 ** 52, [1, 3]],
    [[2 ** 52, 2 ** 52 - 1], 2 ** 52 + 5, [MAX - 1, 1]],
  ] as [number[], number, number[] | undefined][])("edge: %p into %p, weights %p", (requested, capacity, weights) => {
    const ref = referenceCutback(
      requested.map(BigInt),
      requested.map(() => 1),
      BigInt(capacity),
      weights?.map(BigInt),
    );
    expect(one(requested, 1, capacity, weights)).toEqual(ref.map(Number));
  });
});
