// Underwriter cutbacks: clause "Additional Procedures in Underwritten Offerings; Holder Lockups;
// Cutbacks" — (a)(i) "Cutbacks on Holder Demands", (b)(i) "Cutbacks on Company Registrations",
// (b)(ii) "Cutbacks on other Holders Demands".

import { invalid, formatCount, listWords } from "./errors";
import { checkShares, checkNonNegative, scaleToIntegers, sharesFromBig } from "./quantities";

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

  let total = 0;
  let maxRequest = 0;
  for (let i = 0; i < n; i++) {
    const r = requested[i];
    if (!(Number.isSafeInteger(r) && r >= 0)) checkShares(r, `requested (row ${i + 1})`);
    const t = priority[i];
    if (!(Number.isSafeInteger(t) && t >= 1)) invalid(`priority (row ${i + 1}): expected a tier, a whole number of 1 or more, got ${t}`);
    if (weights) checkNonNegative(weights[i], `weights (row ${i + 1})`, "a weight");
    total += r;
    if (r > maxRequest) maxRequest = r;
  }
  const included = new Array<number>(n);
  const roundedUp = new Uint8Array(n);
  const tierTotals = totalsByTier(requested, priority);
  const order = [...tierTotals.keys()].sort((a, b) => b - a);

  if (total <= SAFE && total <= capacity) {
    for (let i = 0; i < n; i++) included[i] = requested[i];
    return {
      included,
      roundedUp,
      tiers: order.map((tier) => ({ tier, requested: tierTotals.get(tier)!, included: tierTotals.get(tier)!, status: "included" })),
    };
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
  // Tiers above the cut keep everything; the cut tier is filled below; tiers under it get nothing.
  const members: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = priority[i];
    if (t > cutTier && cutTier !== 0) included[i] = requested[i];
    else if (t === cutTier && requested[i] > 0) members.push(i);
    else included[i] = 0;
  }
  if (cutTier === 0) {
    // Capacity ran out exactly at a tier boundary: no tier is split.
    const kept = new Set(tiers.filter((o) => o.status === "included").map((o) => o.tier));
    for (let i = 0; i < n; i++) included[i] = kept.has(priority[i]) ? requested[i] : 0;
    return { included, roundedUp, tiers };
  }

  const K = Number(cutShares);
  const R = tierTotals.get(cutTier)!;
  if (!weights && R < 2 ** 52 && K * maxRequest < 2 ** 52) {
    splitFast(members, requested, K, R, included, roundedUp);
  } else {
    splitExact(members, requested, weights, cutShares, cutTier, included, roundedUp);
  }
  return { included, roundedUp, tiers };
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
function splitFast(members: number[], requested: ArrayLike<number>, K: number, R: number, included: number[], roundedUp: Uint8Array): void {
  const m = members.length;
  const remainder = new Float64Array(requested.length);
  const candidates = new Int32Array(m);
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
      remainder[i] = rem;
      candidates[count++] = i;
    }
  }
  const leftover = K - given;
  if (leftover > 0) {
    const better = (a: number, b: number) =>
      remainder[a] !== remainder[b] ? remainder[a] > remainder[b] : requested[a] !== requested[b] ? requested[a] > requested[b] : a < b;
    selectBest(candidates, count, leftover, better);
    for (let j = 0; j < leftover; j++) {
      included[candidates[j]] += 1;
      roundedUp[candidates[j]] = 1;
    }
  }
}

/**
 * Exact split in BigInt, for weights or for counts whose products could pass 2^52. With weights,
 * rows whose pro rata share would reach their request are capped at it and the surplus re-split
 * ("water-filling": rows with the smallest request/weight are capped first, which only raises the
 * share of the rest, so one pass in that order suffices).
 */
function splitExact(
  members: number[],
  requested: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  shares: bigint,
  tier: number,
  included: number[],
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
