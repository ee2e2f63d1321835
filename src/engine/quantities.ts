// Checks and exact arithmetic for the two kinds of number the agreement deals in: whole shares and
// money. Shares stay JavaScript integers only while they are safe (below 2^53); any product that
// could pass that goes through BigInt or Decimal. Money is decimal.js, never binary floating point.

import Decimal from "decimal.js";
import { invalid, formatCount } from "./errors";

/** Local decimal.js configuration: 40 significant digits, half-up; the global Decimal is untouched. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Money = InstanceType<typeof Money>;

/** Whole shares: an integer from 0 to 2^53 − 1, so that Excel and JavaScript hold it exactly. */
export function checkShares(value: number, name: string): number {
  if (!Number.isFinite(value)) invalid(`${name}: expected a whole number of shares, got ${value}`);
  if (value < 0) invalid(`${name}: shares cannot be negative, got ${formatCount(value)}`);
  if (!Number.isInteger(value)) invalid(`${name}: expected a whole number of shares, got ${value}`);
  if (!Number.isSafeInteger(value)) invalid(`${name}: ${value} is too large to count exactly (at most 9,007,199,254,740,991 shares)`);
  return value;
}

/** A non-negative amount or ratio (fractions allowed). */
export function checkNonNegative(value: number, name: string, what = "a number"): number {
  if (!Number.isFinite(value)) invalid(`${name}: expected ${what}, got ${value}`);
  if (value < 0) invalid(`${name}: expected ${what} of 0 or more, got ${value}`);
  return value;
}

/** A number as the decimal the user typed: 0.1 becomes exactly 0.1, not the binary double. */
export function exact(value: number): Money {
  return new Money(value);
}

/** Rounds money to cents, half-up (Excel's ROUND(x, 2) for the amounts here). */
export function toCents(amount: Money): Money {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Converts a BigInt share count back to a number, refusing one Excel could not hold exactly. */
export function sharesFromBig(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) invalid(`${what} comes to ${value.toString()} shares, too large to hold exactly`);
  return Number(value);
}

/**
 * Scales non-negative decimals to integers over one common power of ten, so that ratios between
 * them (fault 0.3 vs 0.7, weights 12.5 vs 10) can be compared and divided exactly in BigInt.
 */
export function scaleToIntegers(values: readonly number[]): bigint[] {
  const decimals = values.map((v) => exact(v));
  const places = decimals.reduce((most, d) => Math.max(most, d.decimalPlaces()), 0);
  const factor = new Money(10).pow(places);
  return decimals.map((d) => BigInt(d.times(factor).toFixed(0)));
}
