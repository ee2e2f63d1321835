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
 * ≥ 1, every weight finite and ≥ 0, the lengths equal and the capacity safe. With weights the
 * shares are written over them (a million rows need one array fewer): every row's weight is read
 * before its share is written and never after. Without, into a scratch array valid until the next
 * call.
 */
export function cutbackChecked(
  requested: ArrayLike<number>,
  priority: ArrayLike<number>,
  capacity: number,
  weights?: Float64Array,
): Float64Array {
  const n = requested.length;
  const included = weights ?? scratchFloat64("cutback.included", n);
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
  const total = sumOf(requested);
  const maxRequest = largest;
  const tierTotals = totalsByTier(requested, priority);
  const order = [...tierTotals.keys()].sort((a, b) => b - a);

  if (total <= SAFE && total <= capacity) {
    copyInto(requested, included);
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
  const m = byTier(requested, priority, cutTier, included, members);

  const K = Number(cutShares);
  const R = tierTotals.get(cutTier)!;
  if (!weights) {
    // Pro rata by request: no row is capped (K < R, so K × r / R < r), every member is open.
    if (R < 2 ** 52 && K * maxRequest < 2 ** 52) {
      splitPaths.fast++;
      splitFast(members, m, requested, K, R, included, roundedUp);
    } else {
      splitPaths.exact++;
      distribute(members, m, requested, requested, K, R, included, roundedUp);
    }
    return tiers;
  }
  const w = scaleWeights(members, m, weights);
  if (w) {
    splitPaths.weighted++;
    splitWeighted(members, m, requested, w, K, cutTier, included, roundedUp);
  } else {
    // Weights whose common power of ten takes them past 2^53 (many decimals, or huge weights).
    splitPaths.big++;
    splitBig(Array.from(members.subarray(0, m)), requested, weights, cutShares, cutTier, included, roundedUp);
  }
  return tiers;
}

/**
 * Which split the cut tier took, and how often divide corrected its estimate, counted since the
 * module loaded. Every path gives the same shares, so only these counts show a fast path lost
 * (tests read them; test/engine/cutbackPaths.test.ts).
 */
export const splitPaths = { fast: 0, exact: 0, weighted: 0, big: 0, corrections: 0 };

// The loops over every row are functions of their own that return once the loop is done. V8
// compiles a long loop while it runs (on-stack replacement); code after the loop in the same
// function has no type feedback yet, so the compiled code was thrown away there on every call and
// the rest of the call ran unoptimized (node --trace-deopt: "Insufficient type feedback").

let largest = 0;

/** The sum of the requests; their largest into `largest`. */
function sumOf(requested: ArrayLike<number>): number {
  let total = 0;
  let most = 0;
  for (let i = 0; i < requested.length; i++) {
    const r = requested[i];
    total += r;
    if (r > most) most = r;
  }
  largest = most;
  return total;
}

function copyInto(requested: ArrayLike<number>, included: Float64Array): void {
  for (let i = 0; i < requested.length; i++) included[i] = requested[i];
}

/** Tiers above the cut get their request, tiers under it 0; the cut tier's rows with a request go to `members`, their count returned. */
function byTier(
  requested: ArrayLike<number>,
  priority: ArrayLike<number>,
  cutTier: number,
  included: Float64Array,
  members: Int32Array,
): number {
  let m = 0;
  for (let i = 0; i < requested.length; i++) {
    const t = priority[i];
    if (t > cutTier) included[i] = requested[i];
    else if (t === cutTier && requested[i] > 0) members[m++] = i;
    else included[i] = 0;
  }
  return m;
}

function sumTiers(
  requested: ArrayLike<number>,
  priority: ArrayLike<number>,
  dense: Float64Array,
  seen: Uint8Array,
  totals: Map<number, number>,
): void {
  for (let i = 0; i < requested.length; i++) {
    const t = priority[i];
    if (t < 64) {
      dense[t] += requested[i];
      seen[t] = 1;
    } else {
      totals.set(t, (totals.get(t) ?? 0) + requested[i]);
    }
  }
}

function totalsByTier(requested: ArrayLike<number>, priority: ArrayLike<number>): Map<number, number> {
  // Tier numbers are small in practice (1–3 from RR.PRIORITY): sum into an array, not a Map.
  const dense = new Float64Array(64);
  const seen = new Uint8Array(64);
  const totals = new Map<number, number>();
  sumTiers(requested, priority, dense, seen, totals);
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
  const remainder = scratchFloat64("cutback.key", m);
  const count = quotientsFast(members, m, requested, K, R, included, remainder);
  const leftover = K - given;
  if (leftover > 0) {
    selectLargest(members, remainder, count, leftover, requested);
    roundUp(members, leftover, included, roundedUp);
  }
}

/** Total of the quotients, set by quotientsFast and quotientsExact. */
let given = 0;

/**
 * floor(K × r / R) for each member into `included`, their total into `given`; the members with a
 * remainder are compacted to the front of `members` (in place) with it in `remainder`; their count.
 */
function quotientsFast(
  members: Int32Array,
  m: number,
  requested: ArrayLike<number>,
  K: number,
  R: number,
  included: Float64Array,
  remainder: Float64Array,
): number {
  let count = 0;
  let sum = 0;
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
    sum += q;
    if (rem > 0) {
      remainder[count] = rem;
      members[count++] = i; // in place: count ≤ j
    }
  }
  given = sum;
  return count;
}

/** One more share for each of rows[0..k). */
function roundUp(rows: Int32Array, k: number, included: Float64Array, roundedUp: Uint8Array): void {
  for (let j = 0; j < k; j++) {
    included[rows[j]] += 1;
    roundedUp[rows[j]] = 1;
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
    splitPaths.corrections++;
    q += Math.floor(rem / D);
  }
}

/** Veltkamp's high half of x (26 bits); the low half is x − high. */
function high(x: number): number {
  const c = SPLIT * x;
  return c - (c - x);
}

/** Exact sign of a × b − c × d for safe integers: the two products compared as p + pe. Exported for its tests. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
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
  const remainder = scratchFloat64("cutback.key", count);
  const candidates = quotientsExact(rows, count, w, K, Kh, Kl, W, Wh, Wl, included, remainder);
  const leftover = K - given;
  if (leftover > 0) {
    selectLargest(rows, remainder, candidates, leftover, requested);
    roundUp(rows, leftover, included, roundedUp);
  }
}

/** As quotientsFast, for floor(K × w / W) by divide. */
function quotientsExact(
  rows: Int32Array,
  count: number,
  w: ArrayLike<number>,
  K: number,
  Kh: number,
  Kl: number,
  W: number,
  Wh: number,
  Wl: number,
  included: Float64Array,
  remainder: Float64Array,
): number {
  let candidates = 0;
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const i = rows[j];
    const rem = divide(K, Kh, Kl, w[i], W, Wh, Wl);
    included[i] = quotient;
    sum += quotient;
    if (rem > 0) {
      remainder[candidates] = rem;
      rows[candidates++] = i; // in place: candidates ≤ j
    }
  }
  given = sum;
  return candidates;
}

/**
 * The members' weights as safe integers over one common power of ten: whole weights as they are,
 * otherwise 0.25 and 0.5 become 25 and 50 (in a scratch array, by row), read from the decimal the
 * user typed (String(v), as decimal.js reads a number). Null when a scaled weight or their sum
 * would pass 2^53 − 1.
 */
function scaleWeights(members: Int32Array, m: number, weights: ArrayLike<number>): ArrayLike<number> | null {
  const places = placesOf(members, m, weights);
  // String(v) is fixed-point only from 10^-6 up, so at most 22 places (0.000001 and 16 more
  // digits) and 10^places is an exact double.
  if (places < 0) return null;
  if (places === 0) {
    // Whole weights (the usual shares owned) are used as they are.
    return wholeWeightsFit(members, m, weights) ? weights : null;
  }
  const w = scratchFloat64("cutback.weights", weights.length);
  return scaleInto(members, m, weights, places, w) ? w : null;
}

/** The most decimal places among the members' weights, or −1 if one is in exponent notation. */
function placesOf(members: Int32Array, m: number, weights: ArrayLike<number>): number {
  let places = 0;
  for (let j = 0; j < m; j++) {
    const v = weights[members[j]];
    if (Number.isInteger(v)) continue;
    const p = decimalPlaces(String(v));
    if (p < 0) return -1;
    if (p > places) places = p;
  }
  return places;
}

/** Whether whole weights are each safe and sum to at most 2^53 − 1. */
function wholeWeightsFit(members: Int32Array, m: number, weights: ArrayLike<number>): boolean {
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const v = weights[members[j]];
    if (!Number.isSafeInteger(v)) return false;
    sum += v;
    if (sum > SAFE) return false;
  }
  return true;
}

/** The members' weights times 10^places into w (by row); false if one or their sum passes 2^53 − 1. */
function scaleInto(members: Int32Array, m: number, weights: ArrayLike<number>, places: number, w: Float64Array): boolean {
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
      if (!Number.isSafeInteger(digits)) return false;
      scaled = digits * 10 ** (places - (text.length - dot - 1));
    }
    // A product whose exact value is a safe integer is computed exactly; a larger one rounds to
    // 2^53 or more and is refused here.
    if (!Number.isSafeInteger(scaled)) return false;
    w[i] = scaled;
    total += scaled;
    if (total > SAFE) return false;
  }
  return true;
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
  const count = withWeight(members, m, w, included);
  let W = weightOf;
  const level = waterFill(open, count, requested, w, K, W);
  let left = count;
  if (level !== null) {
    left = takeCapped(open, count, requested, w, level, included);
    K = level.K;
    W = level.W;
  }
  // When the capped rows take every share (K = 0), distribute gives any row left 0.
  if (W === 0 && K > 0) {
    invalid(
      `weights: tier ${tier} has ${formatCount(K)} shares left to include but every row with a weight above 0 already gets its full request; give the remaining rows a weight`,
    );
  }
  distribute(open, left, requested, w, K, W, included, roundedUp);
}

let weightOf = 0;

/** Compacts to the front of members those with a weight above 0 (the others get 0); their count, their total weight into weightOf. */
function withWeight(members: Int32Array, m: number, w: ArrayLike<number>, included: Float64Array): number {
  let count = 0;
  let W = 0;
  for (let j = 0; j < m; j++) {
    const i = members[j];
    if (w[i] > 0) {
      members[count++] = i;
      W += w[i];
    } else {
      included[i] = 0;
    }
  }
  weightOf = W;
  return count;
}

/**
 * Capped: every row whose ratio request / weight is at most the largest capped ratio gets its
 * request; the others are compacted to the front of open, their count returned.
 */
function takeCapped(
  open: Int32Array,
  count: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  level: WaterLevel,
  included: Float64Array,
): number {
  const { r: tr, w: tw, key: tk } = level;
  let left = 0;
  for (let j = 0; j < count; j++) {
    const i = open[j];
    const r = requested[i];
    const x = w[i];
    const k = r / x;
    if (k < tk || (k === tk && compareProducts(r, tw, tr, x) <= 0)) included[i] = r;
    else open[left++] = i;
  }
  return left;
}

/** What waterFill found: K and W less the capped rows, and the largest capped ratio r / w (key = r / w in doubles). */
interface WaterLevel {
  K: number;
  W: number;
  r: number;
  w: number;
  key: number;
}

// A positive double's bit pattern, read as an integer, orders as the double does: the high 32 bits
// (exponent and top of the mantissa) first, then the low 32 bits.
const BUCKETS = 2048;
const keyBits = new Float64Array(1);
const keyWords = new Uint32Array(keyBits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: word 1
const LOW = 1 - HIGH;

function wordOf(key: number, word: number): number {
  keyBits[0] = key;
  return keyWords[word];
}

/**
 * The rows the water level caps, as the largest capped ratio (null when none is capped), with K
 * and W lowered by them. Row x is capped when r_x / w_x ≤ K / W after capping every row of smaller
 * ratio; that holds for a prefix of the rows by ratio (once it fails it keeps failing). A set P
 * closed downward by ratio is inside the prefix exactly when its largest ratio r_x / w_x ≤
 * (K − r(P)) / (W − w(P)) (the mediant argument), or when P is every row and r(P) ≤ K. So the rows
 * are counted into buckets by the bits of their double ratio r / w (which order as the exact
 * ratios do, ties aside), the buckets taken while they fit, and the search goes on inside the first
 * bucket that does not: in O(n) and without a copy of the rows. Comparisons are exact products;
 * rows whose double ratios tie are ordered by their exact ratios.
 */
function waterFill(
  open: Int32Array,
  count: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  K: number,
  W: number,
): WaterLevel | null {
  if (count === 0) return null;
  // The common case: not even the row of least request / weight reaches its request.
  const least = leastRatio(open, count, requested, w);
  if (compareProducts(requested[least], W, K, w[least]) > 0) return null;

  const found: WaterLevel = { K, W, r: -1, w: 1, key: -Infinity };
  const counts = scratchInt32("cutback.bucketCount", BUCKETS);
  const sums = scratchFloat64("cutback.bucketSums", 5 * BUCKETS); // per bucket: Σr, Σw, largest key, its r, its w
  let set = open;
  let size = count;
  let word = HIGH;
  let lo = wordLow;
  let hi = wordHigh;
  for (;;) {
    if (lo === hi && word === HIGH) {
      // Every ratio left has the same high word: go on by the low words.
      word = LOW;
      wordSpan(set, size, requested, w, word);
      lo = wordLow;
      hi = wordHigh;
      continue;
    }
    if (lo === hi || size <= 32) {
      // Ratios equal in doubles (or a few rows): walk them by exact ratio.
      const rest = Array.from(set.subarray(0, size)).sort((p, q) => compareProducts(requested[p], w[q], requested[q], w[p]) || p - q);
      for (const i of rest) {
        const r = requested[i];
        const x = w[i];
        if (compareProducts(r, found.W, found.K, x) > 0) break;
        found.K -= r;
        found.W -= x;
        found.r = r;
        found.w = x;
        found.key = r / x;
      }
      return found;
    }
    const span = hi - lo;
    let shift = 0;
    while (span >>> shift >= BUCKETS) shift++;
    const used = (span >>> shift) + 1;
    counts.fill(0, 0, used);
    histogram(set, size, requested, w, word, lo, shift, counts, sums);
    const boundary = takeBuckets(counts, sums, used, found);
    if (boundary < 0) return found;
    // The prefix ends inside the boundary bucket: go on with its rows alone.
    const next = scratchInt32("cutback.boundary", counts[boundary]);
    size = inBucket(set, size, requested, w, word, lo, shift, boundary, next);
    set = next;
    lo = wordLow;
    hi = wordHigh;
  }
}

/** The least and largest word of the keys, set by leastRatio, wordSpan and inBucket. */
let wordLow = 0;
let wordHigh = 0;

/** The row of least ratio request / weight (exactly); the span of the keys' high words. */
function leastRatio(open: Int32Array, count: number, requested: ArrayLike<number>, w: ArrayLike<number>): number {
  let least = open[0];
  let leastKey = requested[least] / w[least];
  let lo = 0xffffffff;
  let hi = 0;
  for (let j = 0; j < count; j++) {
    const i = open[j];
    const k = requested[i] / w[i];
    if (k < leastKey || (k === leastKey && compareProducts(requested[i], w[least], requested[least], w[i]) < 0)) {
      least = i;
      leastKey = k;
    }
    const v = wordOf(k, HIGH);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  wordLow = lo;
  wordHigh = hi;
  return least;
}

function wordSpan(set: Int32Array, size: number, requested: ArrayLike<number>, w: ArrayLike<number>, word: number): void {
  let lo = 0xffffffff;
  let hi = 0;
  for (let j = 0; j < size; j++) {
    const i = set[j];
    const v = wordOf(requested[i] / w[i], word);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  wordLow = lo;
  wordHigh = hi;
}

/** Counts the rows into buckets by (word − lo) >>> shift: per bucket Σr, Σw and the exact largest ratio. */
function histogram(
  set: Int32Array,
  size: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  word: number,
  lo: number,
  shift: number,
  counts: Int32Array,
  sums: Float64Array,
): void {
  for (let j = 0; j < size; j++) {
    const i = set[j];
    const r = requested[i];
    const x = w[i];
    const k = r / x;
    const b = (wordOf(k, word) - lo) >>> shift;
    const o = 5 * b;
    if (counts[b]++ === 0) {
      sums[o] = r;
      sums[o + 1] = x;
      sums[o + 2] = k;
      sums[o + 3] = r;
      sums[o + 4] = x;
      continue;
    }
    sums[o] += r;
    sums[o + 1] += x;
    if (k > sums[o + 2] || (k === sums[o + 2] && compareProducts(r, sums[o + 4], sums[o + 3], x) > 0)) {
      sums[o + 2] = k;
      sums[o + 3] = r;
      sums[o + 4] = x;
    }
  }
}

/**
 * Takes whole buckets, lowest first, while the set of rows up to and including one fits; lowers
 * found.K and found.W by them and records the largest ratio taken. The first bucket that does not
 * fit, or −1 if every bucket does.
 */
function takeBuckets(counts: Int32Array, sums: Float64Array, used: number, found: WaterLevel): number {
  let reqP = 0;
  let wP = 0;
  let boundary = -1;
  for (let b = 0; b < used; b++) {
    if (counts[b] === 0) continue;
    const o = 5 * b;
    const KP = found.K - (reqP + sums[o]);
    const WP = found.W - (wP + sums[o + 1]);
    if (WP === 0 ? KP >= 0 : compareProducts(sums[o + 3], WP, KP, sums[o + 4]) <= 0) {
      reqP += sums[o];
      wP += sums[o + 1];
      found.r = sums[o + 3];
      found.w = sums[o + 4];
      found.key = sums[o + 2];
    } else {
      boundary = b;
      break;
    }
  }
  found.K -= reqP;
  found.W -= wP;
  return boundary;
}

/** The rows of bucket `boundary` into next (which may be set itself); their count, their words' span. */
function inBucket(
  set: Int32Array,
  size: number,
  requested: ArrayLike<number>,
  w: ArrayLike<number>,
  word: number,
  base: number,
  shift: number,
  boundary: number,
  next: Int32Array,
): number {
  let s = 0;
  let lo = 0xffffffff;
  let hi = 0;
  for (let j = 0; j < size; j++) {
    const i = set[j];
    const v = wordOf(requested[i] / w[i], word);
    if ((v - base) >>> shift !== boundary) continue;
    next[s++] = i;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  wordLow = lo;
  wordHigh = hi;
  return s;
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
    const a = partition(ids, key, lo, hi, v);
    const b = equalEnd;
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

/** The end of the keys equal to the pivot, set by partition. */
let equalEnd = 0;

/** Three-way partition of [lo, hi) by v: [lo, a) key > v, [a, equalEnd) key = v, then key < v; returns a. */
function partition(ids: Int32Array, key: Float64Array, lo: number, hi: number, v: number): number {
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
  equalEnd = b;
  return a;
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
