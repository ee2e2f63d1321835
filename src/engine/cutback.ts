// Underwriter cutbacks: clause "Additional Procedures in Underwritten Offerings; Holder Lockups;
// Cutbacks" — (a)(i) "Cutbacks on Holder Demands", (b)(i) "Cutbacks on Company Registrations",
// (b)(ii) "Cutbacks on other Holders Demands".

import { invalid, formatCount, listWords } from "./errors";
import { checkShares, checkNonNegative, scaleToIntegers, sharesFromBig } from "./quantities";
import { scratchFloat64, scratchInt32, scratchZeroBytes } from "./scratch";

export type Role = "company" | "no-rights" | "other" | "holder" | "initiating";
export type Offering = "demand" | "company" | "other-demand";
export const ROLES: readonly Role[] = ["company", "no-rights", "other", "holder", "initiating"];
export const OFFERINGS: readonly Offering[] = ["demand", "company", "other-demand"];

// Tier 1 is excluded first. Each row is the order of exclusion in one cutback clause.
const PRIORITY: Record<Offering, Record<Role, number>> = {
  // (a)(i): (1) the Company and holders without rights, (2) other holders with rights, (3) the Holders.
  demand: { company: 1, "no-rights": 1, other: 2, holder: 3, initiating: 3 },
  // (b)(i): (1) everyone but the Company, pro rata, (2) the Company.
  company: { company: 2, "no-rights": 1, other: 1, holder: 1, initiating: 1 },
  // (b)(ii): (1) the Company and holders without rights, (2) all but the Initiating Holders, (3) them.
  "other-demand": { company: 1, "no-rights": 1, other: 2, holder: 2, initiating: 3 },
};

export function parseRole(text: string, name = "role"): Role {
  const word = text.trim().toLowerCase();
  const role = ROLES.find((r) => r === word);
  if (!role) invalid(`${name}: unknown role "${text}"; expected ${listWords(ROLES)}`);
  return role;
}

export function parseOffering(text: string, name = "offering"): Offering {
  const word = text.trim().toLowerCase();
  const offering = OFFERINGS.find((o) => o === word);
  if (!offering) invalid(`${name}: unknown offering "${text}"; expected ${listWords(OFFERINGS)}`);
  return offering;
}

/** The tier a role falls in for an offering: 1 is excluded first. */
export function priorityTier(role: Role, offering: Offering): number {
  return PRIORITY[offering][role];
}

export type TierStatus = "included" | "cut" | "excluded";

export interface TierOutcome {
  tier: number;
  requested: number;
  included: number;
  status: TierStatus;
}

export interface CutbackResult {
  /** Shares included per row, in row order. */
  included: number[];
  /** One entry per tier, highest tier (kept longest) first. */
  tiers: TierOutcome[];
  /** Rows that received one extra share from the largest-remainder step. */
  roundedUp: Uint8Array;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Allocates `capacity` shares among rows by tier. If everything requested fits, every row gets its
 * request. Otherwise tiers are excluded in ascending tier number, a tier entirely before the next
 * loses a share; the one tier cut partially keeps capacity − (higher tiers' shares), split pro rata
 * by request (or by `weights`, capped at each request with the surplus re-split), in whole shares
 * by largest remainder: ties to the larger request, then the earlier row.
 */
export function cutback(
  requested: ArrayLike<number>,
  priority: ArrayLike<number>,
  capacity: number,
  weights?: ArrayLike<number>,
): CutbackResult {
  const n = requested.length;
  if (priority.length !== n) invalid(`priority: has ${priority.length} rows but requested has ${n}`);
  if (weights && weights.length !== n) invalid(`weights: has ${weights.length} rows but requested has ${n}`);
  checkShares(capacity, "capacity");

  for (let i = 0; i < n; i++) {
    const r = requested[i];
    if (!(Number.isSafeInteger(r) && r >= 0)) checkShares(r, `requested (row ${i + 1})`);
    const t = priority[i];
    if (!(Number.isSafeInteger(t) && t >= 1)) invalid(`priority (row ${i + 1}): expected a tier, a whole number of 1 or more, got ${t}`);
    if (weights) checkNonNegative(weights[i], `weights (row ${i + 1})`, "a weight");
  }
  const included = new Float64Array(n);
  const roundedUp = new Uint8Array(n);
  const tiers = allocate(requested, priority, capacity, weights, included, roundedUp);
  return { included: Array.from(included), roundedUp, tiers };
}

/**
 * cutback's shares per row for input already checked row by row (RR.CUTBACK's adapter reads and
 * checks every cell itself): every request a safe whole number ≥ 0, every tier a safe whole number
 * ≥ 1, every weight finite and ≥ 0, the lengths equal and the capacity safe. The answer is a scratch
 * array, valid until the next call.
 */
export function cutbackChecked(
  requested: ArrayLike<number>,
  priority: ArrayLike<number>,
  capacity: number,
  weights?: ArrayLike<number>,
): Float64Array {
  const n = requested.length;
  const included = scratchFloat64("cutback.included", n);
  allocate(requested, priority, capacity, weights, included, scratchZeroBytes("cutback.roundedUp", n));
  return included;
}

/** The cutback of checked input into `included` and `roundedUp` (n entries each); the tiers. */
function allocate(
  requested: ArrayLike<number>,
  priority: ArrayLike<number>,
  capacity: number,
  weights: ArrayLike<number> | undefined,
  included: Float64Array,
  roundedUp: Uint8Array,
): TierOutcome[] {
  const n = requested.length;
  let total = 0;
  let maxRequest = 0;
  for (let i = 0; i < n; i++) {
    const r = requested[i];
    total += r;
    if (r > maxRequest) maxRequest = r;
  }
  const tierTotals = totalsByTier(requested, priority);
  const order = [...tierTotals.keys()].sort((a, b) => b - a);

  if (total <= SAFE && total <= capacity) {
    for (let i = 0; i < n; i++) included[i] = requested[i];
    return order.map((tier) => ({ tier, requested: tierTotals.get(tier)!, included: tierTotals.get(tier)!, status: "included" }));
  }

  // Walk down from the tier kept longest; the first that does not fit is the one cut pro rata.
  let remaining = BigInt(capacity);
  let cutTier = 0;
  let cutShares = 0n;
  const tiers: TierOutcome[] = [];
  for (const tier of order) {
    const tierTotal = BigInt(tierTotals.get(tier)!);
    if (cutTier !== 0 || remaining === 0n) {
      tiers.push({ tier, requested: Number(tierTotal), included: 0, status: tierTotal === 0n ? "included" : "excluded" });
    } else if (tierTotal <= remaining) {
      remaining -= tierTotal;
      tiers.push({ tier, requested: Number(tierTotal), included: Number(tierTotal), status: "included" });
    } else {
      cutTier = tier;
      cutShares = remaining;
      remaining = 0n;
      tiers.push({ tier, requested: Number(tierTotal), included: Number(cutShares), status: "cut" });
    }
  }
  if (cutTier === 0) {
    // Capacity ran out exactly at a tier boundary: no tier is split.
    const kept = new Set(tiers.filter((o) => o.status === "included").map((o) => o.tier));
    for (let i = 0; i < n; i++) included[i] = kept.has(priority[i]) ? requested[i] : 0;
    return tiers;
  }
  // Tiers above the cut keep everything; the cut tier is filled below; tiers under it get nothing.
  const members = scratchInt32("cutback.members", n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const t = priority[i];
    if (t > cutTier) included[i] = requested[i];
    else if (t === cutTier && requested[i] > 0) members[m++] = i;
    else included[i] = 0;
  }

  const K = Number(cutShares);
  const R = tierTotals.get(cutTier)!;
  if (!weights) {
    // Pro rata by request: no row is capped (K < R, so K × r / R < r), every member is open.
    if (R < 2 ** 52 && K * maxRequest < 2 ** 52) splitFast(members, m, requested, K, R, included, roundedUp);
    else distribute(members, m, requested, requested, K, R, included, roundedUp);
    return tiers;
  }
  const w = scaleWeights(members, m, weights);
  if (w) {
    splitWeighted(members, m, requested, w, K, cutTier, included, roundedUp);
  } else {
    // Weights whose common power of ten takes them past 2^53 (many decimals, or huge weights).
    splitBig(Array.from(members.subarray(0, m)), requested, weights, cutShares, cutTier, included, roundedUp);
  }
  return tiers;
}

function totalsByTier(requested: ArrayLike<number>, priority: ArrayLike<number>): Map<number, number> {
  // Tier numbers are small in practice (1–3 from RR.PRIORITY): sum into an array, not a Map.
  const dense = new Float64Array(64);
  const seen = new Uint8Array(64);
  const totals = new Map<number, number>();
  for (let i = 0; i < requested.length; i++) {
    const t = priority[i];
    if (t < 64) {
      dense[t] += requested[i];
      seen[t] = 1;
    } else {
      totals.set(t, (totals.get(t) ?? 0) + requested[i]);
    }
  }
  for (let t = 1; t < 64; t++) if (seen[t]) totals.set(t, dense[t]);
  for (const [t, sum] of totals) {
    if (sum > SAFE) invalid(`requested: tier ${t} totals more than 9,007,199,254,740,991 shares, too many to count exactly`);
  }
  return totals;
}

/**
 * Pro rata by request in doubles, exact because every product K × r and quotient check stays below
 * 2^52. Leftover shares go to the largest remainders, chosen by quickselect rather than a full sort.
 */
function splitFast(
  members: Int32Array,
  m: number,
  requested: ArrayLike<number>,
  K: number,
  R: number,
  included: Float64Array,
  roundedUp: Uint8Array,
): void {
  const remainder = scratchFloat64("cutback.remainder", m);
  const candidates = scratchInt32("cutback.candidates", m);
  let count = 0;
  let given = 0;
  for (let j = 0; j < m; j++) {
    const i = members[j];
    const p = K * requested[i];
    let q = Math.floor(p / R);
    let rem = p - q * R;
    if (rem < 0) {
      q -= 1;
      rem += R;
    } else if (rem >= R) {
      q += 1;
      rem -= R;
    }
    included[i] = q;
    given += q;
    if (rem > 0) {
      remainder[count] = rem;
      candidates[count++] = i;
    }
  }
  const leftover = K - given;
  if (leftover > 0) {
    selectLargest(candidates, remainder, count, leftover, requested);
    for (let j = 0; j < leftover; j++) {
      included[candidates[j]] += 1;
      roundedUp[candidates[j]] = 1;
    }
  }
}

/**
 * Exact split in BigInt, kept only for weights that cannot be scaled to integers below 2^53 (a
 * weight with many decimals next to a large one). Same rule as splitWeighted: rows whose pro rata
 * share would reach their request are capped at it and the surplus re-split ("water-filling": rows
 * with the smallest request/weight are capped first, which only raises the share of the rest, so
 * one pass in that order suffices).
 */
function splitBig(
  members: number[],
  requested: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  shares: bigint,
  tier: number,
  included: Float64Array,
  roundedUp: Uint8Array,
): void {
  const req = members.map((i) => BigInt(requested[i]));
  const w = weights ? scaleToIntegers(members.map((i) => weights[i])) : req.slice();
  let K = shares;
  let W = w.reduce((a, b) => a + b, 0n);

  const open: number[] = [];
  const byRatio = members.map((_, j) => j).filter((j) => w[j] > 0n);
  byRatio.sort((a, b) => {
    const lhs = req[a] * w[b];
    const rhs = req[b] * w[a];
    return lhs < rhs ? -1 : lhs > rhs ? 1 : a - b;
  });
  let k = 0;
  for (; k < byRatio.length; k++) {
    const j = byRatio[k];
    if (req[j] * W > K * w[j]) break;
    included[members[j]] = Number(req[j]);
    K -= req[j];
    W -= w[j];
  }
  for (; k < byRatio.length; k++) open.push(byRatio[k]);
  for (let j = 0; j < members.length; j++) if (w[j] === 0n) included[members[j]] = 0;
  if (K === 0n) return;
  if (W === 0n) {
    invalid(
      `weights: tier ${tier} has ${formatCount(K)} shares left to include but every row with a weight above 0 already gets its full request; give the remaining rows a weight`,
    );
  }

  const rem = new Map<number, bigint>();
  let given = 0n;
  for (const j of open) {
    const p = K * w[j];
    const q = p / W;
    rem.set(j, p - q * W);
    included[members[j]] = sharesFromBig(q, "an allocation");
    given += q;
  }
  const leftover = Number(K - given);
  const ranked = open.filter((j) => rem.get(j)! > 0n);
  ranked.sort((a, b) => {
    const ra = rem.get(a)!;
    const rb = rem.get(b)!;
    if (ra !== rb) return ra > rb ? -1 : 1;
    if (req[a] !== req[b]) return req[a] > req[b] ? -1 : 1;
    return members[a] - members[b];
  });
  for (let x = 0; x < leftover; x++) {
    const i = members[ranked[x]];
    included[i] += 1;
    roundedUp[i] = 1;
  }
}

// ---- Exact integer division in doubles ---------------------------------------------------------
//
// Every count is a safe integer (below 2^53), but a product a × b can reach 2^106. Dekker's
// error-free product (Veltkamp split into 26-bit halves) holds it exactly as p + pe, two doubles.
// The quotient floor(a × b / D) is estimated from p / D (off by at most 2, as a × b / D ≤ a < 2^53)
// and corrected with the exact remainder a × b − q × D, itself computed without rounding:
//   - p, pe, m, me are integers (doubles above 2^53 are all integers), |pe|, |me| ≤ 2^52, so
//     pe − me (an integer of at most 2^53) is exact;
//   - p − m and (p − m) + (pe − me) are taken with Knuth's two-sum, whose error terms e1, e2 are
//     integers of at most 4 here (the sums stay below 2^55), so e1 + e2 is exact;
//   - s2 + (e1 + e2) is then one rounding of the exact remainder. It lies in [0, D) exactly when
//     the true remainder does (D is a double and rounding is monotonic), and then it is exact.

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's constant for 53-bit doubles
let quotient = 0;

/** floor(a × b / D) into `quotient`; returns the remainder a × b mod D. a, b, D safe, b ≤ D. */
function divide(a: number, ah: number, al: number, b: number, D: number, Dh: number, Dl: number): number {
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  const p = a * b;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl;
  let q = Math.floor(p / D);
  for (;;) {
    const cq = SPLIT * q;
    const qh = cq - (cq - q);
    const ql = q - qh;
    const m = q * D;
    const me = qh * Dh - m + qh * Dl + ql * Dh + ql * Dl;
    const s1 = p - m;
    const v1 = s1 - p;
    const e1 = p - (s1 - v1) + (-m - v1);
    const c = pe - me;
    const s2 = s1 + c;
    const v2 = s2 - s1;
    const e2 = s1 - (s2 - v2) + (c - v2);
    const rem = s2 + (e1 + e2);
    if (rem >= 0 && rem < D) {
      quotient = q;
      return rem;
    }
    // Outside [0, D): rem / D rounds to at least 1 in size, so q moves toward the answer.
    q += Math.floor(rem / D);
  }
}

/** Veltkamp's high half of x (26 bits); the low half is x − high. */
function high(x: number): number {
  const c = SPLIT * x;
  return c - (c - x);
}

/** Exact sign of a × b − c × d for safe integers: the two products compared as p + pe. */
function compareProducts(a: number, b: number, c: number, d: number): number {
  const p = a * b;
  const r = c * d;
  if (p !== r) return p < r ? -1 : 1;
  const ah = high(a);
  const al = a - ah;
  const bh = high(b);
  const bl = b - bh;
  const ch = high(c);
  const cl = c - ch;
  const dh = high(d);
  const dl = d - dh;
  const pe = ah * bh - p + ah * bl + al * bh + al * bl;
  const re = ch * dh - r + ch * dl + cl * dh + cl * dl;
  return pe < re ? -1 : pe > re ? 1 : 0;
}

/**
 * Pro rata by weight w (the request itself when there are no weights) among rows[0..count), in
 * doubles and exactly: K × w / W for every safe K, w ≤ W. Remainders share the denominator W, so
 * they compare as exact integers; the leftover shares go to the largest, by quickselect.
 */
function distribute(
  rows: Int32Array,
  count: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  K: number,
  W: number,
  included: Float64Array,
  roundedUp: Uint8Array,
): void {
  const Kh = high(K);
  const Kl = K - Kh;
  const Wh = high(W);
  const Wl = W - Wh;
  const remainder = scratchFloat64("cutback.key", count); // waterFill, if any, is done with it
  let candidates = 0;
  let given = 0;
  for (let j = 0; j < count; j++) {
    const i = rows[j];
    const rem = divide(K, Kh, Kl, w[i], W, Wh, Wl);
    included[i] = quotient;
    given += quotient;
    if (rem > 0) {
      remainder[candidates] = rem;
      rows[candidates++] = i; // in place: candidates ≤ j
    }
  }
  const leftover = K - given;
  if (leftover > 0) {
    selectLargest(rows, remainder, candidates, leftover, requested);
    for (let j = 0; j < leftover; j++) {
      included[rows[j]] += 1;
      roundedUp[rows[j]] = 1;
    }
  }
}

/**
 * The members' weights as safe integers over one common power of ten: whole weights as they are,
 * otherwise 0.25 and 0.5 become 25 and 50 (in a scratch array, by row), read from the decimal the
 * user typed (String(v), as decimal.js reads a number). Null when a scaled weight or their sum
 * would pass 2^53 − 1.
 */
function scaleWeights(members: Int32Array, m: number, weights: ArrayLike<number>): ArrayLike<number> | null {
  let places = 0;
  for (let j = 0; j < m; j++) {
    const v = weights[members[j]];
    if (Number.isInteger(v)) continue;
    const p = decimalPlaces(String(v));
    if (p < 0) return null;
    if (p > places) places = p;
  }
  if (places > 22) return null;
  if (places === 0) {
    // Whole weights (the usual shares owned) are used as they are.
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const v = weights[members[j]];
      if (!Number.isSafeInteger(v)) return null;
      sum += v;
      if (sum > SAFE) return null;
    }
    return weights;
  }
  const w = scratchFloat64("cutback.weights", weights.length);
  const factor = 10 ** places;
  let total = 0;
  for (let j = 0; j < m; j++) {
    const i = members[j];
    const v = weights[i];
    let scaled: number;
    if (Number.isInteger(v)) {
      scaled = v * factor;
    } else {
      const text = String(v);
      const dot = text.indexOf(".");
      const digits = Number(text.slice(0, dot) + text.slice(dot + 1));
      if (!Number.isSafeInteger(digits)) return null;
      scaled = digits * 10 ** (places - (text.length - dot - 1));
    }
    // A product whose exact value is a safe integer is computed exactly; a larger one rounds to
    // 2^53 or more and is refused here.
    if (!Number.isSafeInteger(scaled)) return null;
    w[i] = scaled;
    total += scaled;
    if (total > SAFE) return null;
  }
  return w;
}

/** Decimal places of a number's shortest decimal form, or −1 for exponent notation (1e-7). */
function decimalPlaces(text: string): number {
  if (text.includes("e")) return -1;
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * With weights: rows whose pro rata share would reach their request are capped at it and the
 * surplus re-split among the rest ("water-filling"), then the rest split by distribute. Rows with
 * weight 0 get nothing.
 */
function splitWeighted(
  members: Int32Array,
  m: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  K: number,
  tier: number,
  included: Float64Array,
  roundedUp: Uint8Array,
): void {
  const open = members; // compacted in place
  let count = 0;
  let W = 0;
  for (let j = 0; j < m; j++) {
    const i = members[j];
    if (w[i] > 0) {
      open[count++] = i;
      W += w[i];
    } else {
      included[i] = 0;
    }
  }
  const capped = scratchZeroBytes("cutback.capped", requested.length);
  const level = { K, W };
  waterFill(open, count, requested, w, level, capped);
  let left = 0;
  for (let j = 0; j < count; j++) {
    const i = open[j];
    if (capped[i]) included[i] = requested[i];
    else open[left++] = i;
  }
  if (level.K === 0) {
    for (let j = 0; j < left; j++) included[open[j]] = 0;
    return;
  }
  if (level.W === 0) {
    invalid(
      `weights: tier ${tier} has ${formatCount(level.K)} shares left to include but every row with a weight above 0 already gets its full request; give the remaining rows a weight`,
    );
  }
  distribute(open, left, requested, w, level.K, level.W, included, roundedUp);
}

/**
 * Marks in `capped` the rows the water level caps, and lowers level.K and level.W by them. Row x is
 * capped when r_x / w_x ≤ K / W after capping every row of smaller ratio; that holds for a prefix
 * of the rows by ratio (once it fails it keeps failing), so the prefix is found by a quickselect-
 * style search on the double ratios r / w in expected O(n). A set P closed downward by ratio is
 * inside the prefix exactly when its largest ratio r_x / w_x ≤ (K − r(P)) / (W − w(P)) (the
 * mediant argument), or when P is every row and r(P) ≤ K. All comparisons are exact products;
 * rows whose double ratios tie are ordered by their exact ratios.
 */
function waterFill(
  open: Int32Array,
  count: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  level: { K: number; W: number },
  capped: Uint8Array,
): void {
  if (count === 0) return;
  // The rows' ratio, request and weight side by side, permuted together (sequential access).
  const key = scratchFloat64("cutback.key", count);
  const rq = scratchFloat64("cutback.rq", count);
  const wt = scratchFloat64("cutback.wt", count);
  const id = scratchInt32("cutback.id", count);
  let least = 0;
  for (let j = 0; j < count; j++) {
    const i = open[j];
    const r = requested[i];
    const x = w[i];
    rq[j] = r;
    wt[j] = x;
    id[j] = i;
    const k = (key[j] = r / x);
    if (k < key[least] || (k === key[least] && compareProducts(r, wt[least], rq[least], x) < 0)) least = j;
  }
  let K = level.K;
  let W = level.W;
  // The common case: not even the row of least request / weight reaches its request.
  if (compareProducts(rq[least], W, K, wt[least]) > 0) return;

  // Whether the set P of all rows up to ratio r / w (its largest) is capped, r(P) and w(P) its sums.
  const fits = (r: number, x: number, reqP: number, wP: number): boolean => {
    const KP = K - reqP;
    const WP = W - wP;
    if (WP === 0) return KP >= 0;
    return compareProducts(r, WP, KP, x) <= 0;
  };
  const swap = (p: number, q: number) => {
    const k = key[p];
    key[p] = key[q];
    key[q] = k;
    const r = rq[p];
    rq[p] = rq[q];
    rq[q] = r;
    const x = wt[p];
    wt[p] = wt[q];
    wt[q] = x;
    const i = id[p];
    id[p] = id[q];
    id[q] = i;
  };
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    // Three-way partition of [lo, hi) by the pivot's double ratio t, [< t | = t | > t], summing
    // the first two groups and keeping the exact largest ratio of each.
    const t = key[(lo + hi) >>> 1];
    let a = lo;
    let b = lo;
    let c = hi;
    let reqA = 0;
    let wA = 0;
    let maxAr = -1;
    let maxAw = 1;
    let maxAk = -1;
    let reqE = 0;
    let wE = 0;
    let maxEr = -1;
    let maxEw = 1;
    while (b < c) {
      const k = key[b];
      if (k < t) {
        const r = rq[b];
        const x = wt[b];
        reqA += r;
        wA += x;
        if (k > maxAk || (k === maxAk && compareProducts(r, maxAw, maxAr, x) > 0)) {
          maxAk = k;
          maxAr = r;
          maxAw = x;
        }
        if (a !== b) swap(a, b);
        a++;
        b++;
      } else if (k > t) {
        c--;
        swap(b, c);
      } else {
        const r = rq[b];
        const x = wt[b];
        reqE += r;
        wE += x;
        if (maxEr < 0 || compareProducts(r, maxEw, maxEr, x) > 0) {
          maxEr = r;
          maxEw = x;
        }
        b++;
      }
    }
    if (fits(maxEr, maxEw, reqA + reqE, wA + wE)) {
      K -= reqA + reqE;
      W -= wA + wE;
      lo = b;
      continue;
    }
    if (a > lo && !fits(maxAr, maxAw, reqA, wA)) {
      hi = a; // the prefix ends inside the rows below t
      continue;
    }
    // The prefix takes all rows below t and ends among those at t: walk them by exact ratio.
    K -= reqA;
    W -= wA;
    lo = a;
    const tied = Array.from({ length: b - a }, (_, j) => a + j).sort(
      (p, q) => compareProducts(rq[p], wt[q], rq[q], wt[p]) || id[p] - id[q],
    );
    for (const p of tied) {
      if (compareProducts(rq[p], W, K, wt[p]) > 0) break;
      capped[id[p]] = 1;
      K -= rq[p];
      W -= wt[p];
    }
    break;
  }
  for (let j = 0; j < lo; j++) capped[id[j]] = 1;
  level.K = K;
  level.W = W;
}

/**
 * Rearranges ids[0..count) (with key[j] the remainder of row ids[j]) so that its first k rows are
 * the k with the largest remainder; among equal remainders the larger request, then the earlier
 * row. A three-way quickselect on the remainders alone (typed arrays, no comparator), then the
 * rows tied with the k-th remainder are ranked by request and row.
 */
function selectLargest(ids: Int32Array, key: Float64Array, count: number, k: number, requested: ArrayLike<number>): void {
  let lo = 0;
  let hi = count;
  for (;;) {
    // [lo, a): key > v; [a, b): key = v; [b, hi): key < v.
    const v = medianOfThree(key[lo], key[(lo + hi) >>> 1], key[hi - 1]);
    let a = lo;
    let b = lo;
    let c = hi;
    while (b < c) {
      const x = key[b];
      if (x > v) {
        swapBoth(ids, key, a++, b++);
      } else if (x < v) {
        swapBoth(ids, key, b, --c);
      } else {
        b++;
      }
    }
    if (k <= a) hi = a;
    else if (k > b) lo = b;
    else {
      if (k < b) {
        const better = (p: number, q: number) => (requested[p] !== requested[q] ? requested[p] > requested[q] : p < q);
        selectBest(ids.subarray(a, b), b - a, k - a, better);
      }
      return;
    }
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  return x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
}

function swapBoth(ids: Int32Array, key: Float64Array, i: number, j: number): void {
  const t = ids[i];
  ids[i] = ids[j];
  ids[j] = t;
  const u = key[i];
  key[i] = key[j];
  key[j] = u;
}

/**
 * Rearranges ids[0..count) so that its first k entries are the k best by `better` (a strict total
 * order), in expected linear time: quickselect with a median-of-three pivot.
 */
function selectBest(ids: Int32Array, count: number, k: number, better: (a: number, b: number) => boolean): void {
  let lo = 0;
  let hi = count - 1;
  const target = k - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to the end, as the pivot.
    if (better(ids[mid], ids[lo])) swap(ids, mid, lo);
    if (better(ids[hi], ids[lo])) swap(ids, hi, lo);
    if (better(ids[mid], ids[hi])) swap(ids, mid, hi);
    const pivot = ids[hi];
    let store = lo;
    for (let i = lo; i < hi; i++) {
      if (better(ids[i], pivot)) {
        swap(ids, i, store);
        store++;
      }
    }
    swap(ids, store, hi);
    if (store === target) return;
    if (store > target) hi = store - 1;
    else lo = store + 1;
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
