// Definition of "Registrable Securities" and its cessation clauses (agreement §1, "Definitions").

import Decimal from "decimal.js";
import { invalid, formatCount } from "./errors";
import { checkShares, checkNonNegative, exact, sharesFromBig } from "./quantities";

export interface RegistrableInput {
  /** Common shares held that are Registrable Securities (clause (i) and (ii) of the definition). */
  common: number;
  /** Convertible shares held (the Series B Preferred). */
  convertible: number;
  /** Common shares issuable per convertible share. */
  ratio: number;
  /** Already sold under an effective registration statement or publicly distributed: cessation (i), (ii). */
  disposed?: number;
  /** Cessation (iii): all of the holder's shares could be sold under Rule 144 in three months. */
  ceased?: boolean;
}

/**
 * Registrable Securities held, as common: common + floor(convertible × ratio) − disposed, or 0
 * when cessation (iii) applies. The floor is per holder: no fractional common share is issued on
 * conversion, and "Registrable Securities outstanding" counts the common "issuable" on conversion.
 */
export function registrableShares(input: RegistrableInput): number {
  const common = checkShares(input.common, "common");
  const convertible = checkShares(input.convertible, "convertible");
  const ratio = checkNonNegative(input.ratio, "ratio", "a conversion ratio");
  const disposed = checkShares(input.disposed ?? 0, "disposed");
  if (convertible > 0 && ratio === 0) {
    invalid(
      `ratio: must be greater than 0 when convertible shares are held (convertible is ${formatCount(convertible)}); a blank cell reads as 0`,
    );
  }
  // The usual ratio (1, 1.5, 30.30303) has few decimals and the product stays below 2^53: exact in
  // integers. Anything else takes the decimal path below, with the same answer and messages.
  const fast = floorTimesDecimal(convertible, ratio);
  if (fast >= 0 && common + fast <= Number.MAX_SAFE_INTEGER) {
    const gross = common + fast;
    if (disposed > gross) {
      invalid(
        `disposed: ${formatCount(disposed)} is more than the holder's ${formatCount(gross)} Registrable Securities (common plus converted)`,
      );
    }
    return input.ceased ? 0 : gross - disposed;
  }
  // Exact decimal product, then floor: 1,000,001 × 1.1 must not become 1,100,001.0000000002.
  const converted = BigInt(exact(convertible).times(exact(ratio)).toDecimalPlaces(0, Decimal.ROUND_FLOOR).toFixed(0));
  const gross = BigInt(common) + converted;
  if (BigInt(disposed) > gross) {
    invalid(
      `disposed: ${formatCount(disposed)} is more than the holder's ${formatCount(gross)} Registrable Securities (common plus converted)`,
    );
  }
  const net = sharesFromBig(gross - BigInt(disposed), "common + convertible × ratio");
  return input.ceased ? 0 : net;
}

/**
 * floor(shares × ratio) with the ratio read as the decimal the user typed (the shortest decimal
 * that gives the double back, as decimal.js reads it), when that decimal has at most 6 places and
 * the product stays a safe integer; −1 otherwise. With N / 10^p = ratio and N ≤ 2^52 the decimal is
 * unique and Math.round recovers N; the quotient of the exact product by 10^p is corrected by one.
 */
function floorTimesDecimal(shares: number, ratio: number): number {
  for (let p = 0, scale = 1; p <= 6; p++, scale *= 10) {
    const N = Math.round(ratio * scale);
    if (N > 2 ** 52) return -1;
    if (N / scale !== ratio) continue;
    const product = shares * N;
    if (product > Number.MAX_SAFE_INTEGER) return -1;
    let q = Math.floor(product / scale);
    if (q * scale > product) q -= 1;
    else if ((q + 1) * scale <= product) q += 1;
    return q;
  }
  return -1;
}
