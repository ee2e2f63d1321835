// Indemnification and contribution: clause "Contribution" (relative fault) and clause
// "Limitation on Liability of Holders of Registrable Securities" (the per-holder cap).

import { invalid, formatCount } from "./errors";
import { Money, checkShares, checkNonNegative, exact, toCents, scaleToIntegers } from "./quantities";

/**
 * A Holder's cap: "the proceeds to such Holder (after deduction of all underwriters' discounts and
 * commissions)" = shares × price × (1 − discount) − shares × commission per share, to the cent
 * (half-up, once, at the end).
 */
export function indemnityCap(sharesSold: number, price: number, discount: number, commissionPerShare = 0): Money {
  checkShares(sharesSold, "shares_sold");
  checkNonNegative(price, "price", "a price per share");
  checkNonNegative(discount, "discount", "a fraction such as 0.06 for a 6% gross spread");
  if (discount >= 1) invalid(`discount: must be less than 1 (a fraction: 0.06 for a 6% gross spread), got ${discount}`);
  checkNonNegative(commissionPerShare, "commission_per_share", "an amount per share");
  const shares = exact(sharesSold);
  const gross = shares.times(exact(price)).times(new Money(1).minus(exact(discount)));
  const proceeds = gross.minus(shares.times(exact(commissionPerShare)));
  if (proceeds.isNegative()) {
    invalid(
      `commission_per_share: ${commissionPerShare} per share is more than the price after the discount, so the proceeds to the holder would be negative`,
    );
  }
  return toCents(proceeds);
}

/**
 * Splits `loss` (rounded to the cent) in proportion to relative fault, in whole cents by largest
 * remainder: ties go to the larger fault, then the earlier row, so the parts add up to the loss.
 */
export function splitByFault(loss: number, fault: readonly number[]): Money[] {
  checkNonNegative(loss, "loss", "an amount");
  fault.forEach((f, i) => checkNonNegative(f, `fault (row ${i + 1})`, "a relative fault weight"));
  const cents = BigInt(toCents(exact(loss)).times(100).toFixed(0));
  const weights = scaleToIntegers(fault);
  const total = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) {
    if (cents === 0n) return fault.map(() => new Money(0));
    invalid(
      `fault: the fault weights add up to 0, so a loss of ${formatCount(Number(cents) / 100)} cannot be split; give at least one party a weight above 0`,
    );
  }
  const parts = weights.map((w) => (cents * w) / total);
  const remainders = weights.map((w, i) => cents * w - parts[i] * total);
  let leftover = Number(cents - parts.reduce((a, b) => a + b, 0n));
  const order = weights.map((_, i) => i).filter((i) => remainders[i] > 0n);
  order.sort((a, b) => {
    if (remainders[a] !== remainders[b]) return remainders[a] > remainders[b] ? -1 : 1;
    if (weights[a] !== weights[b]) return weights[a] > weights[b] ? -1 : 1;
    return a - b;
  });
  for (const i of order) {
    if (leftover-- <= 0) break;
    parts[i] += 1n;
  }
  return parts.map((p) => new Money(p.toString()).dividedBy(100));
}

/** A party's cap: an amount, rounded to the cent first, or null for an uncapped party. */
export function checkCap(cap: number | null, name: string): Money | null {
  if (cap === null) return null;
  checkNonNegative(cap, name, 'an amount or "none"');
  return toCents(exact(cap));
}

/**
 * The cap left for this claim. The cap is one aggregate: the Holder's liability "in respect of any
 * indemnification or contribution obligation ... shall not in any event exceed" its proceeds
 * ("Limitation on Liability of Holders of Registrable Securities"), so what it already bore for
 * earlier claims (`used`, rounded to the cent) comes off: cap − used. An uncapped party (null) stays
 * uncapped. A negative `used`, or more than the cap, is an error naming `name`.
 */
export function capLeft(cap: Money | null, used: number, name: string): Money | null {
  checkNonNegative(used, name, "an amount already borne under the cap");
  const borne = toCents(exact(used));
  if (cap === null) return null;
  if (borne.gt(cap)) {
    invalid(
      `${name}: ${formatMoney(borne)} already borne is more than the cap of ${formatMoney(cap)}; the cap is one aggregate for all claims ("shall not in any event exceed")`,
    );
  }
  return cap.minus(borne);
}

function formatMoney(amount: Money): string {
  return `$${formatCount(amount.toNumber())}`;
}

/** Several liability: a party bears the lesser of its share and its cap; nothing moves to others. */
export function bear(part: Money, cap: Money | null): Money {
  return cap === null || part.lte(cap) ? part : cap;
}

export interface Contribution {
  /** Each party's share of the loss by relative fault, before caps. */
  shares: Money[];
  /** What each party bears after its cap. */
  borne: Money[];
  /** The part of the loss no party bears because caps cut it off. */
  uncovered: Money;
}

export function allocateContribution(
  loss: number,
  fault: readonly number[],
  caps: readonly (number | null)[],
  capsUsed: readonly number[] = caps.map(() => 0),
): Contribution {
  if (caps.length !== fault.length) invalid(`cap: has ${caps.length} rows but fault has ${fault.length}`);
  if (capsUsed.length !== fault.length) invalid(`cap_used: has ${capsUsed.length} rows but fault has ${fault.length}`);
  const shares = splitByFault(loss, fault);
  const limits = caps.map((c, i) => capLeft(checkCap(c, `cap (row ${i + 1})`), capsUsed[i], `cap_used (row ${i + 1})`));
  const borne = shares.map((s, i) => bear(s, limits[i]));
  const total = shares.reduce((a, b) => a.plus(b), new Money(0));
  const uncovered = borne.reduce((left, b) => left.minus(b), total);
  return { shares, borne, uncovered };
}
